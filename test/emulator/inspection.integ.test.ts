import assert from "node:assert/strict";
import { StartOutboundChatContactCommand, StopContactCommand } from "@aws-sdk/client-connect";
import type { ConnectEmulator } from "../../emulator";
import { connectClient, DEMO_INSTANCE_ID, inspect, startDemo, startInput } from "./fixtures";

describe("emulator inspection API", () => {
  let clockMs: number;
  let emulator: ConnectEmulator;

  beforeEach(async () => {
    clockMs = 1_750_000_000_000;
    emulator = await startDemo({ now: () => clockMs });
  });

  afterEach(() => emulator.stop());

  it("lists contacts with their token hash, state, timestamps, attributes and a masked destination", async () => {
    const client = connectClient(emulator);
    const { ContactId } = await client.send(
      new StartOutboundChatContactCommand(
        startInput({ ClientToken: "t-1", Attributes: { a: "1" } }),
      ),
    );
    client.destroy();
    const { status, body } = await inspect(emulator, "GET", "contacts");
    assert.equal(status, 200);
    assert.deepEqual(body.contacts, [
      {
        contactId: ContactId,
        arn: `arn:aws:connect:us-east-1:123456789012:instance/${DEMO_INSTANCE_ID}/contact/${ContactId}`,
        instanceId: DEMO_INSTANCE_ID,
        contactFlowId: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
        clientTokenHash: emulator.clientTokenHash("t-1"),
        state: "active",
        initiationTimestamp: clockMs,
        chatDurationInMinutes: 1500,
        sourcePhoneNumberArn: startInput().SourceEndpoint?.Address,
        destinationAddressMasked: "+*********00",
        attributes: { a: "1" },
        segmentAttributes: { "connect:Subtype": { ValueString: "connect:SMS" } },
      },
    ]);
  });

  it("reports calls as counts per outcome and an ordered log", async () => {
    const client = connectClient(emulator);
    const { ContactId } = await client.send(
      new StartOutboundChatContactCommand(startInput({ ClientToken: "t-1" })),
    );
    await client.send(new StopContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId }));
    await client
      .send(new StopContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId: "nope" }))
      .catch(() => undefined);
    client.destroy();
    const { body } = await inspect(emulator, "GET", "calls");
    assert.deepEqual(body, {
      counts: {
        StartOutboundChatContact: { ok: 1 },
        StopContact: { ok: 1, ContactNotFoundException: 1 },
      },
      log: [
        {
          operation: "StartOutboundChatContact",
          outcome: "ok",
          accessKeyId: "AKIDEMULATOR",
          clientTokenHash: emulator.clientTokenHash("t-1"),
          contactId: ContactId,
          at: clockMs,
        },
        {
          operation: "StopContact",
          outcome: "ok",
          accessKeyId: "AKIDEMULATOR",
          contactId: ContactId,
          at: clockMs,
        },
        {
          operation: "StopContact",
          outcome: "ContactNotFoundException",
          accessKeyId: "AKIDEMULATOR",
          at: clockMs,
        },
      ],
    });
  });

  it("advances the clock through POST /_emulator/clock", async () => {
    const { body } = await inspect(emulator, "POST", "clock", { advanceMs: 5000 });
    assert.deepEqual(body, { now: clockMs + 5000 });
    assert.equal(emulator.now(), clockMs + 5000);
  });

  it("fails when POST /_emulator/clock has no advanceMs", async () => {
    const { status, body } = await inspect(emulator, "POST", "clock", { ms: 5 });
    assert.equal(status, 400);
    assert.deepEqual(body, {
      Message: 'Invalid clock change: send {"advanceMs": <milliseconds>}.',
    });
  });

  it("adds instances through POST /_emulator/seed", async () => {
    const seeded = await inspect(emulator, "POST", "seed", {
      instances: [{ id: "new-instance", contactFlows: ["flow-1"], phoneNumbers: ["arn:number"] }],
    });
    assert.equal(seeded.status, 200);
    const client = connectClient(emulator);
    await client.send(
      new StartOutboundChatContactCommand(
        startInput({
          InstanceId: "new-instance",
          ContactFlowId: "flow-1",
          SourceEndpoint: { Type: "CONNECT_PHONENUMBER_ARN", Address: "arn:number" },
        }),
      ),
    );
    client.destroy();
    assert.equal(emulator.contacts()[0].instanceId, "new-instance");
  });

  it("lists what is seeded through GET /_emulator/seed, with phone numbers masked", async () => {
    await inspect(emulator, "POST", "seed", {
      instances: [
        {
          id: "new-instance",
          alias: "acme",
          contactFlows: [{ id: "flow-1", name: "Welcome" }],
          phoneNumbers: [{ arn: "arn:number", phoneNumber: "+14155550123", type: "TOLL_FREE" }],
        },
      ],
      roles: [{ arn: "arn:aws:iam::210987654321:role/r" }],
    });
    const { status, body } = await inspect(emulator, "GET", "seed");
    assert.equal(status, 200);
    assert.deepEqual(body, {
      instances: [
        {
          id: DEMO_INSTANCE_ID,
          region: "us-east-1",
          accountId: "123456789012",
          contactFlows: [{ id: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" }],
          phoneNumbers: [{ arn: startInput().SourceEndpoint?.Address }],
        },
        {
          id: "new-instance",
          region: "us-east-1",
          accountId: "123456789012",
          alias: "acme",
          contactFlows: [{ id: "flow-1", name: "Welcome" }],
          phoneNumbers: [{ arn: "arn:number", phoneNumber: "+*********23", type: "TOLL_FREE" }],
        },
      ],
      roles: [
        {
          arn: "arn:aws:iam::123456789012:role/connect-emulator-deployer",
          accountId: "123456789012",
        },
        { arn: "arn:aws:iam::210987654321:role/r", accountId: "210987654321" },
      ],
    });
  });

  it("fails when POST /_emulator/seed gets an instance without id", async () => {
    const { status, body } = await inspect(emulator, "POST", "seed", { instances: [{}] });
    assert.equal(status, 400);
    assert.deepEqual(body, {
      Message: "Invalid seed: instances[0].id must be a non-empty string.",
    });
  });

  it("resets contacts, calls, faults and the clock, keeping the options' seed", async () => {
    const client = connectClient(emulator);
    await client.send(new StartOutboundChatContactCommand(startInput()));
    emulator.setFault({ operation: "StopContact", kind: "drop-before" });
    emulator.advanceClock(1000);
    const { status } = await inspect(emulator, "POST", "reset", {});
    assert.equal(status, 200);
    assert.deepEqual(emulator.contacts(), []);
    assert.deepEqual(emulator.calls(), { counts: {}, log: [] });
    assert.deepEqual(emulator.faults(), []);
    assert.equal(emulator.now(), clockMs);
    await client.send(new StartOutboundChatContactCommand(startInput()));
    client.destroy();
    assert.equal(emulator.contacts().length, 1);
  });
});
