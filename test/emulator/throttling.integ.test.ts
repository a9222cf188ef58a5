import assert from "node:assert/strict";
import { DescribeContactCommand, StartOutboundChatContactCommand } from "@aws-sdk/client-connect";
import type { ConnectEmulator } from "../../emulator";
import { connectClient, DEMO_INSTANCE_ID, inspect, startDemo, startInput } from "./fixtures";

describe("emulator throttling", () => {
  let emulator: ConnectEmulator;

  beforeEach(async () => {
    emulator = await startDemo({ rateLimits: {} });
  });

  afterEach(() => emulator.stop());

  it("lets exactly the burst of 5 through when 20 StartOutboundChatContact calls arrive at once", async () => {
    const client = connectClient(emulator);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        client.send(new StartOutboundChatContactCommand(startInput())),
      ),
    );
    client.destroy();
    const rejected = results.filter(
      (result): result is PromiseRejectedResult => result.status === "rejected",
    );
    assert.equal(results.length - rejected.length, 5);
    for (const result of rejected) {
      const error = result.reason;
      assert.equal(error.name, "ThrottlingException");
      assert.equal(error.message, "Rate exceeded");
      assert.equal(error.$metadata.httpStatusCode, 429);
    }
    assert.deepEqual(emulator.calls().counts, {
      StartOutboundChatContact: { ok: 5, ThrottlingException: 15 },
    });
    assert.equal(emulator.contacts().length, 5);
  });

  it("lets the 15-call burst of DescribeContact through by default", async () => {
    const client = connectClient(emulator);
    const started = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        client.send(new DescribeContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId: "c" })),
      ),
    );
    const elapsedSeconds = (performance.now() - started) / 1000;
    client.destroy();
    const names = results.map((result) =>
      result.status === "rejected" ? (result.reason as Error).name : "ok",
    );
    const through = names.filter((name) => name === "ResourceNotFoundException").length;
    // The burst of 15, plus what the default 10/s refilled while the 20 calls were arriving (none
    // on a quiet machine; on a loaded one the calls can take longer than 100 ms to arrive).
    const refilled = Math.floor(elapsedSeconds * 10);
    assert.ok(
      through >= 15 && through <= 15 + refilled,
      `${through} through in ${elapsedSeconds} s`,
    );
    assert.equal(names.filter((name) => name === "ThrottlingException").length, 20 - through);
  });

  it("lets every call succeed through the SDK's own retries", async () => {
    emulator.setRateLimit("StartOutboundChatContact", { ratePerSecond: 20, burst: 2 });
    const client = connectClient(emulator, { maxAttempts: 10 });
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        client.send(new StartOutboundChatContactCommand(startInput())),
      ),
    );
    client.destroy();
    assert.equal(new Set(results.map((result) => result.ContactId)).size, 6);
    assert.equal(emulator.contacts().length, 6);
    assert.ok((emulator.calls().counts.StartOutboundChatContact.ThrottlingException ?? 0) >= 1);
  });

  it("refills the bucket at the configured rate", async () => {
    emulator.setRateLimit("StartOutboundChatContact", { ratePerSecond: 10, burst: 1 });
    const client = connectClient(emulator);
    await client.send(new StartOutboundChatContactCommand(startInput()));
    const second = await Promise.allSettled([
      client.send(new StartOutboundChatContactCommand(startInput())),
    ]);
    assert.equal(second[0].status, "rejected");
    await new Promise((resolve) => setTimeout(resolve, 150));
    await client.send(new StartOutboundChatContactCommand(startInput()));
    client.destroy();
    assert.equal(emulator.contacts().length, 2);
  });

  it("changes rate limits through POST /_emulator/rate-limits", async () => {
    const answer = await inspect(emulator, "POST", "rate-limits", {
      StartOutboundChatContact: { ratePerSecond: 0, burst: 1 },
    });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.rateLimits.StartOutboundChatContact, {
      ratePerSecond: 0,
      burst: 1,
    });
    const client = connectClient(emulator);
    const results = await Promise.allSettled([
      client.send(new StartOutboundChatContactCommand(startInput())),
      client.send(new StartOutboundChatContactCommand(startInput())),
    ]);
    client.destroy();
    assert.deepEqual(
      results.map((result) => result.status),
      ["fulfilled", "rejected"],
    );
  });

  it("fails when POST /_emulator/rate-limits names an unknown operation", async () => {
    const answer = await inspect(emulator, "POST", "rate-limits", {
      StartChatContact: { ratePerSecond: 1, burst: 1 },
    });
    assert.equal(answer.status, 400);
    assert.deepEqual(answer.body, {
      Message: "Invalid rate limits: unknown operation 'StartChatContact'.",
    });
  });
});
