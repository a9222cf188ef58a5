import assert from "node:assert/strict";
import {
  DescribeContactCommand,
  StartOutboundChatContactCommand,
  type ConnectClient,
} from "@aws-sdk/client-connect";
import type { ConnectEmulator } from "../../emulator";
import {
  connectClient,
  DEMO_INSTANCE_ID,
  inspect,
  rejectionOf,
  startDemo,
  startInput,
} from "./fixtures";

describe("emulator fault injection", () => {
  let emulator: ConnectEmulator;
  let client: ConnectClient;

  beforeEach(async () => {
    emulator = await startDemo();
    client = connectClient(emulator);
  });

  afterEach(async () => {
    client.destroy();
    await emulator.stop();
  });

  it("fails the next 2 calls with the given status and error type, then recovers", async () => {
    emulator.setFault({
      operation: "StartOutboundChatContact",
      kind: "error",
      status: 503,
      errorType: "ServiceUnavailableException",
      count: 2,
    });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const error = await rejectionOf(
        client.send(new StartOutboundChatContactCommand(startInput())),
      );
      assert.equal(error.name, "ServiceUnavailableException");
      assert.equal(error.$metadata.httpStatusCode, 503);
    }
    await client.send(new StartOutboundChatContactCommand(startInput()));
    assert.equal(emulator.contacts().length, 1);
    assert.deepEqual(emulator.calls().counts.StartOutboundChatContact, {
      ServiceUnavailableException: 2,
      ok: 1,
    });
  });

  it("applies a fault only to its operation", async () => {
    emulator.setFault({ operation: "DescribeContact", kind: "error", status: 500 });
    await client.send(new StartOutboundChatContactCommand(startInput()));
    const error = await rejectionOf(
      client.send(new DescribeContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId: "c" })),
    );
    assert.equal(error.name, "InternalServiceException");
    assert.deepEqual(emulator.faults(), []);
  });

  it("drops the connection before the call takes effect: no contact is created", async () => {
    emulator.setFault({ operation: "StartOutboundChatContact", kind: "drop-before" });
    const error = await rejectionOf(
      client.send(new StartOutboundChatContactCommand(startInput({ ClientToken: "t-1" }))),
    );
    assert.equal(error.$metadata?.httpStatusCode, undefined);
    assert.equal(emulator.contacts().length, 0);
    assert.deepEqual(emulator.calls().counts.StartOutboundChatContact, { "dropped-before": 1 });
  });

  it("drops the connection after the call takes effect: the contact exists, the SDK call rejects", async () => {
    emulator.setFault({ operation: "StartOutboundChatContact", kind: "drop-after" });
    const error = await rejectionOf(
      client.send(new StartOutboundChatContactCommand(startInput({ ClientToken: "t-1" }))),
    );
    assert.match(String(error.code ?? error.name), /ECONNRESET|socket hang up|Error/);
    const [contact] = emulator.contacts();
    assert.equal(emulator.contacts().length, 1);
    assert.equal(contact.clientTokenHash, emulator.clientTokenHash("t-1"));
    const { ContactId } = await client.send(
      new StartOutboundChatContactCommand(startInput({ ClientToken: "t-1" })),
    );
    assert.equal(ContactId, contact.contactId);
    assert.equal(emulator.contacts().length, 1);
    const log = emulator.calls().log.map(({ outcome, contactId }) => ({ outcome, contactId }));
    assert.deepEqual(log, [
      { outcome: "dropped-after", contactId: contact.contactId },
      { outcome: "ok", contactId: contact.contactId },
    ]);
  });

  it("lets the SDK's own retry after a drop-after return the same ContactId", async () => {
    emulator.setFault({ operation: "StartOutboundChatContact", kind: "drop-after" });
    const retrying = connectClient(emulator, { maxAttempts: 3 });
    const { ContactId } = await retrying.send(new StartOutboundChatContactCommand(startInput()));
    retrying.destroy();
    assert.equal(emulator.contacts().length, 1);
    assert.equal(emulator.contacts()[0].contactId, ContactId);
  });

  it("answers late with a delay fault", async () => {
    emulator.setFault({ operation: "StartOutboundChatContact", kind: "delay", delayMs: 300 });
    const started = Date.now();
    await client.send(new StartOutboundChatContactCommand(startInput()));
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 290, `expected at least 290 ms, took ${elapsed} ms`);
    assert.equal(emulator.contacts().length, 1);
  });

  it("lets a client time out on a delay fault", async () => {
    emulator.setFault({ operation: "DescribeContact", kind: "delay", delayMs: 1000 });
    const impatient = connectClient(emulator, {
      requestHandler: { requestTimeout: 100, throwOnRequestTimeout: true },
    });
    const error = await rejectionOf(
      impatient.send(new DescribeContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId: "c" })),
    );
    impatient.destroy();
    assert.equal(error.name, "TimeoutError");
  });

  it("takes faults through POST /_emulator/faults and clears them with DELETE", async () => {
    const added = await inspect(emulator, "POST", "faults", {
      operation: "StopContact",
      kind: "error",
      status: 500,
      count: 3,
    });
    assert.equal(added.status, 200);
    assert.deepEqual(added.body.faults, [
      { operation: "StopContact", kind: "error", status: 500, count: 3, remaining: 3 },
    ]);
    const cleared = await inspect(emulator, "DELETE", "faults");
    assert.deepEqual(cleared.body, { faults: [] });
    assert.deepEqual(emulator.faults(), []);
  });

  it("fails when POST /_emulator/faults gets an unknown kind", async () => {
    const answer = await inspect(emulator, "POST", "faults", {
      operation: "StopContact",
      kind: "explode",
    });
    assert.equal(answer.status, 400);
    assert.deepEqual(answer.body, {
      Message: "Invalid fault: kind must be one of error, drop-before, drop-after, delay.",
    });
  });
});
