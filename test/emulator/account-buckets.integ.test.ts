/**
 * Issue 11.3: the emulator's throttling bucket is the account's, per Region and operation, as AWS's
 * quotas are: two clients of one account share it, two accounts and two Regions do not.
 */
import assert from "node:assert/strict";
import { DescribeContactCommand } from "@aws-sdk/client-connect";
import type { ConnectEmulator } from "../../emulator";
import { connectClient, DEMO_INSTANCE_ID, startDemo } from "./fixtures";

const KEYS = [
  { accessKeyId: "AKIDACCOUNTA1", secretAccessKey: "a1-secret", accountId: "111111111111" },
  { accessKeyId: "AKIDACCOUNTA2", secretAccessKey: "a2-secret", accountId: "111111111111" },
  { accessKeyId: "AKIDACCOUNTB1", secretAccessKey: "b1-secret", accountId: "222222222222" },
];

describe("throttling per account, Region and operation (11.3)", () => {
  let emulator: ConnectEmulator;

  beforeEach(async () => {
    emulator = await startDemo({
      credentials: KEYS,
      // No refill during the test: what each bucket lets through is its burst.
      rateLimits: { DescribeContact: { ratePerSecond: 0, burst: 3 } },
    });
  });
  afterEach(() => emulator.stop());

  /** Sends `count` DescribeContact calls with one key in one Region; returns how many were throttled. */
  async function throttled(keyIndex: number, count: number, region = "us-east-1"): Promise<number> {
    const { accessKeyId, secretAccessKey } = KEYS[keyIndex];
    const client = connectClient(emulator, {
      credentials: { accessKeyId, secretAccessKey },
      region,
    });
    let count429 = 0;
    try {
      for (let i = 0; i < count; i++) {
        try {
          await client.send(
            new DescribeContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId: "unknown" }),
          );
        } catch (error) {
          if ((error as Error).name === "ThrottlingException") {
            count429++;
          }
        }
      }
    } finally {
      client.destroy();
    }
    return count429;
  }

  it("shares one bucket between two keys of one account", async () => {
    assert.equal(await throttled(0, 2), 0);
    // The account's burst of 3 has 1 token left: the second key gets it, then is throttled.
    assert.equal(await throttled(1, 3), 2);
  });

  it("gives another account a bucket of its own", async () => {
    assert.equal(await throttled(0, 3), 0);
    assert.equal(await throttled(0, 1), 1);
    assert.equal(await throttled(2, 3), 0);
  });

  it("gives another Region a bucket of its own", async () => {
    assert.equal(await throttled(0, 3), 0);
    assert.equal(await throttled(0, 3, "eu-west-2"), 0);
    assert.equal(await throttled(1, 1), 1);
  });
});
