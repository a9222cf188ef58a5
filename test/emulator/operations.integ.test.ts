import assert from "node:assert/strict";
import {
  DescribeContactCommand,
  StartOutboundChatContactCommand,
  StopContactCommand,
  UpdateContactAttributesCommand,
  type ConnectClient,
} from "@aws-sdk/client-connect";
import type { ConnectEmulator } from "../../emulator";
import {
  connectClient,
  DEMO_CONTACT_FLOW_ID,
  DEMO_INSTANCE_ID,
  DEMO_PHONE_NUMBER_ARN,
  rejectionOf,
  startDemo,
  startInput,
  UUID,
} from "./fixtures";

const INSTANCE_ARN = `arn:aws:connect:us-east-1:123456789012:instance/${DEMO_INSTANCE_ID}`;
const FLOW_ARN = `${INSTANCE_ARN}/contact-flow/${DEMO_CONTACT_FLOW_ID}`;
const DAY_MS = 24 * 60 * 60 * 1000;

describe("emulator operations (through @aws-sdk/client-connect)", () => {
  let clockMs: number;
  let emulator: ConnectEmulator;
  let client: ConnectClient;

  beforeEach(async () => {
    clockMs = Date.UTC(2025, 0, 1, 12, 0, 0, 500);
    emulator = await startDemo({ now: () => clockMs, activeChatLimit: 3 });
    client = connectClient(emulator);
  });

  afterEach(async () => {
    client.destroy();
    await emulator.stop();
  });

  async function start(overrides = {}): Promise<string> {
    const { ContactId } = await client.send(
      new StartOutboundChatContactCommand(startInput(overrides)),
    );
    assert.match(ContactId ?? "", UUID);
    return ContactId as string;
  }

  it("starts a contact and describes it as an active API-initiated chat", async () => {
    const contactId = await start({ Attributes: { orderId: "42" } });
    const { Contact } = await client.send(
      new DescribeContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId: contactId }),
    );
    assert.deepEqual(Contact, {
      Arn: `${INSTANCE_ARN}/contact/${contactId}`,
      Id: contactId,
      InitialContactId: contactId,
      ContactAssociationId: contactId,
      Channel: "CHAT",
      InitiationMethod: "API",
      InitiationTimestamp: new Date(clockMs),
      LastUpdateTimestamp: new Date(clockMs),
      SystemEndpoint: { Type: "CONNECT_PHONENUMBER_ARN", Address: DEMO_PHONE_NUMBER_ARN },
      Attributes: { orderId: "42" },
      SegmentAttributes: { "connect:Subtype": { ValueString: "connect:SMS" } },
    });
  });

  it("accepts the instance and contact flow as ARNs", async () => {
    const contactId = await start({ InstanceId: INSTANCE_ARN, ContactFlowId: FLOW_ARN });
    const { Contact } = await client.send(
      new DescribeContactCommand({ InstanceId: INSTANCE_ARN, ContactId: contactId }),
    );
    assert.equal(Contact?.Id, contactId);
    assert.equal(emulator.contacts()[0].contactFlowId, DEMO_CONTACT_FLOW_ID);
  });

  it("stops a contact, then describes it with its DisconnectTimestamp", async () => {
    const contactId = await start();
    clockMs += 90_000;
    const output = await client.send(
      new StopContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId: contactId }),
    );
    assert.equal(output.$metadata.httpStatusCode, 200);
    const { Contact } = await client.send(
      new DescribeContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId: contactId }),
    );
    assert.deepEqual(Contact?.DisconnectTimestamp, new Date(clockMs));
    assert.equal(emulator.contacts()[0].state, "stopped");
  });

  it("answers StopContact on an ended contact as a no-op", async () => {
    const contactId = await start();
    await client.send(
      new StopContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId: contactId }),
    );
    const stoppedAt = emulator.contacts()[0].disconnectTimestamp;
    clockMs += 1000;
    const again = await client.send(
      new StopContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId: contactId }),
    );
    assert.equal(again.$metadata.httpStatusCode, 200);
    assert.equal(emulator.contacts()[0].disconnectTimestamp, stoppedAt);
  });

  it("ends a contact when its chat duration elapses (default 25 hours)", async () => {
    const contactId = await start();
    const startedAt = clockMs;
    clockMs += 25 * 60 * 60 * 1000 - 1;
    assert.equal(emulator.contacts()[0].state, "active");
    clockMs += 1;
    assert.equal(emulator.contacts()[0].state, "expired");
    const { Contact } = await client.send(
      new DescribeContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId: contactId }),
    );
    assert.deepEqual(Contact?.DisconnectTimestamp, new Date(startedAt + 1500 * 60_000));
  });

  it("ends a contact after its ChatDurationInMinutes", async () => {
    await start({ ChatDurationInMinutes: 60 });
    clockMs += 60 * 60_000;
    assert.equal(emulator.contacts()[0].state, "expired");
  });

  it("merges attributes with UpdateContactAttributes", async () => {
    const contactId = await start({ Attributes: { a: "1", b: "2" } });
    await client.send(
      new UpdateContactAttributesCommand({
        InstanceId: DEMO_INSTANCE_ID,
        InitialContactId: contactId,
        Attributes: { b: "20", c: "30" },
      }),
    );
    const { Contact } = await client.send(
      new DescribeContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId: contactId }),
    );
    assert.deepEqual(Contact?.Attributes, { a: "1", b: "20", c: "30" });
  });

  it("returns the same ContactId for a replayed ClientToken and starts nothing", async () => {
    const first = await start({ ClientToken: "token-1" });
    const second = await start({ ClientToken: "token-1" });
    assert.equal(second, first);
    assert.equal(emulator.contacts().length, 1);
  });

  it("returns the same ContactId for a replay within the 7-day window", async () => {
    const first = await start({ ClientToken: "token-1" });
    emulator.advanceClock(7 * DAY_MS - 1000);
    assert.equal(await start({ ClientToken: "token-1" }), first);
    assert.equal(emulator.contacts().length, 1);
  });

  it("starts a new contact for a ClientToken first seen more than 7 days ago", async () => {
    const first = await start({ ClientToken: "token-1" });
    emulator.advanceClock(7 * DAY_MS + 1000);
    const second = await start({ ClientToken: "token-1" });
    assert.notEqual(second, first);
    assert.equal(emulator.contacts().length, 2);
  });

  it("keeps ClientTokens apart per instance", async () => {
    emulator.seed({
      instances: [
        {
          id: "other-instance",
          contactFlows: [DEMO_CONTACT_FLOW_ID],
          phoneNumbers: [startInput().SourceEndpoint?.Address as string],
        },
      ],
    });
    const first = await start({ ClientToken: "token-1" });
    const second = await start({ ClientToken: "token-1", InstanceId: "other-instance" });
    assert.notEqual(second, first);
  });

  it("fails when the instance's active chats reach activeChatLimit", async () => {
    const ids = [await start(), await start(), await start()];
    const error = await rejectionOf(client.send(new StartOutboundChatContactCommand(startInput())));
    assert.equal(error.name, "LimitExceededException");
    assert.equal(error.$metadata.httpStatusCode, 429);
    assert.equal(
      error.message,
      `The quota of 3 concurrent active chats for instance ${DEMO_INSTANCE_ID} has been reached.`,
    );
    await client.send(new StopContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId: ids[0] }));
    await start();
    assert.equal(emulator.contacts().length, 4);
  });

  it("answers a replayed ClientToken even when the active-chat cap is reached", async () => {
    const first = await start({ ClientToken: "token-1" });
    await start();
    await start();
    assert.equal(await start({ ClientToken: "token-1" }), first);
  });

  it("works with AWS_ENDPOINT_URL_CONNECT instead of an endpoint option", async () => {
    const previous = process.env.AWS_ENDPOINT_URL_CONNECT;
    process.env.AWS_ENDPOINT_URL_CONNECT = emulator.endpoint;
    try {
      const envClient = connectClient(emulator, { endpoint: undefined });
      const { ContactId } = await envClient.send(new StartOutboundChatContactCommand(startInput()));
      envClient.destroy();
      assert.equal(emulator.contacts()[0].contactId, ContactId);
    } finally {
      if (previous === undefined) {
        delete process.env.AWS_ENDPOINT_URL_CONNECT;
      } else {
        process.env.AWS_ENDPOINT_URL_CONNECT = previous;
      }
    }
  });
});
