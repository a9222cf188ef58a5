import assert from "node:assert/strict";
import { DescribeContactCommand, StartOutboundChatContactCommand } from "@aws-sdk/client-connect";
import type { ConnectEmulator } from "../../emulator";
import { connectClient, DEMO_INSTANCE_ID, inspect, startDemo, startInput } from "./fixtures";

describe("emulator throttling", () => {
  let emulator: ConnectEmulator;
  /**
   * The buckets' clock, which only the tests move: a slow machine that takes long to send the
   * calls refills nothing, so the counts below are exact.
   */
  let throttleMs: number;

  beforeEach(async () => {
    throttleMs = 0;
    emulator = await startDemo({ rateLimits: {}, throttleNow: () => throttleMs });
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

  it("lets exactly the 15-call burst of DescribeContact through by default", async () => {
    const client = connectClient(emulator);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        client.send(new DescribeContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId: "c" })),
      ),
    );
    client.destroy();
    const names = results.map((result) =>
      result.status === "rejected" ? (result.reason as Error).name : "ok",
    );
    // Through the bucket, the unknown contact is ResourceNotFoundException.
    assert.equal(names.filter((name) => name === "ResourceNotFoundException").length, 15);
    assert.equal(names.filter((name) => name === "ThrottlingException").length, 5);
  });

  it("lets every call succeed through the SDK's own retries", async () => {
    // Refills on the real clock here, while the SDK backs off between its attempts.
    await emulator.stop();
    emulator = await startDemo({ rateLimits: {} });
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

  it("refills the bucket at the configured rate, whole tokens only", async () => {
    emulator.setRateLimit("StartOutboundChatContact", { ratePerSecond: 10, burst: 1 });
    const client = connectClient(emulator);
    const start = () =>
      client.send(new StartOutboundChatContactCommand(startInput())).then(
        () => "ok",
        (error: Error) => error.name,
      );
    const outcomes = [await start(), await start()];
    throttleMs += 50; // half a token at 10/s
    outcomes.push(await start());
    throttleMs += 50; // the other half
    outcomes.push(await start(), await start());
    throttleMs += 250; // 2.5 tokens, but the bucket holds 1
    outcomes.push(await start(), await start());
    client.destroy();
    assert.deepEqual(outcomes, [
      "ok",
      "ThrottlingException",
      "ThrottlingException",
      "ok",
      "ThrottlingException",
      "ok",
      "ThrottlingException",
    ]);
    assert.equal(emulator.contacts().length, 3);
  });

  it("refills nothing when the emulator clock is advanced", async () => {
    emulator.setRateLimit("StartOutboundChatContact", { ratePerSecond: 10, burst: 1 });
    const client = connectClient(emulator);
    await client.send(new StartOutboundChatContactCommand(startInput()));
    emulator.advanceClock(60_000);
    await assert.rejects(client.send(new StartOutboundChatContactCommand(startInput())), {
      name: "ThrottlingException",
    });
    client.destroy();
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
