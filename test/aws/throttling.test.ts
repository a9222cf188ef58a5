import assert from "node:assert/strict";
import type { RetryErrorInfo, RetryErrorType, StandardRetryToken } from "@smithy/types";
import { ThrottleRefusingRetryStrategy } from "../../provider/aws/client";
import { awsError } from "../../harness/doubles";
import { freshProvider } from "../../harness/fresh-provider";

/**
 * The module under test, loaded afresh for each test: its lists of names are made when it loads,
 * so a copy loaded before the test would not see them change.
 */
function throttling(): typeof import("../../provider/aws/throttling") {
  return freshProvider()("aws/throttling");
}

/** Each error, and who retries it: the pacer (throttling), the SDK, or no one. */
const rows: Array<[string, unknown, "pacer" | "sdk" | "no one"]> = [
  ["ThrottlingException", awsError("ThrottlingException", 429), "pacer"],
  ["TooManyRequestsException", awsError("TooManyRequestsException", 429), "pacer"],
  ["ThrottlingException with a 400", awsError("ThrottlingException", 400), "pacer"],
  ["an unnamed HTTP 429", awsError("Error", 429), "pacer"],
  ["LimitExceededException (429, a quota)", awsError("LimitExceededException", 429), "no one"],
  ["InternalServiceException", awsError("InternalServiceException", 500), "sdk"],
  ["InvalidRequestException", awsError("InvalidRequestException", 400), "sdk"],
  ["a plain Error", new Error("boom"), "sdk"],
  ["a string", "ThrottlingException", "sdk"],
  ["a name that is not a string", { name: ["ThrottlingException"] }, "sdk"],
  ["an empty name", { name: "" }, "sdk"],
  ["null", null, "sdk"],
  ["undefined", undefined, "sdk"],
];

describe("throttling classification", () => {
  // The first copy compiles the module; the copies after reuse that.
  before(() => throttling());

  for (const [label, error, retriedBy] of rows) {
    it(`leaves ${label} to ${{ pacer: "the pacer", sdk: "the SDK's own rules", "no one": "no one" }[retriedBy]}`, () => {
      const { isQuotaError, isThrottlingError, sdkMayRetry } = throttling();
      assert.equal(isThrottlingError(error), retriedBy === "pacer");
      assert.equal(isQuotaError(error), retriedBy === "no one");
      assert.equal(sdkMayRetry(error), retriedBy === "sdk");
    });
  }
});

describe("ThrottleRefusingRetryStrategy", () => {
  function errorInfo(error: unknown, errorType: RetryErrorType): RetryErrorInfo {
    return { errorType, error } as RetryErrorInfo;
  }

  async function sdkStandard(maxAttempts: number) {
    const { StandardRetryStrategy } = await import("@smithy/core/retry");
    return new StandardRetryStrategy(maxAttempts);
  }

  const refused: Array<[string, unknown]> = [
    ["a throttled request", awsError("ThrottlingException", 429)],
    ["an unnamed 429", awsError("Error", 429)],
    ["a quota (LimitExceededException)", awsError("LimitExceededException", 429)],
  ];
  for (const [label, error] of refused) {
    it(`refuses to retry ${label}, which the SDK labels THROTTLING`, async () => {
      const strategy = new ThrottleRefusingRetryStrategy(() => sdkStandard(3));
      const token = await strategy.acquireInitialRetryToken("");
      await assert.rejects(
        strategy.refreshRetryTokenForRetry(token, errorInfo(error, "THROTTLING")),
        /retried by the pacer/,
      );
    });
  }

  it("still retries a transient error after hundreds of throttles", async () => {
    const strategy = new ThrottleRefusingRetryStrategy(() => sdkStandard(3));
    const throttle = awsError("ThrottlingException", 429);
    for (let i = 0; i < 300; i += 1) {
      const token = await strategy.acquireInitialRetryToken("");
      await assert.rejects(
        strategy.refreshRetryTokenForRetry(token, errorInfo(throttle, "THROTTLING")),
      );
    }
    const token = await strategy.acquireInitialRetryToken("");
    const retry: StandardRetryToken = await strategy.refreshRetryTokenForRetry(
      token,
      errorInfo(awsError("InternalServiceException", 500), "TRANSIENT"),
    );
    assert.equal(retry.getRetryCount(), 1);
  });

  it("makes the strategy it delegates to once", async () => {
    let made = 0;
    const strategy = new ThrottleRefusingRetryStrategy(() => {
      made += 1;
      return sdkStandard(3);
    });
    const tokens = await Promise.all([
      strategy.acquireInitialRetryToken(""),
      strategy.acquireInitialRetryToken(""),
    ]);
    strategy.recordSuccess(tokens[0]);
    assert.equal(made, 1);
  });
});
