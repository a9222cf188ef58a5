/**
 * The Amazon Connect client of a Region, as it is configured (no request is sent: the integration
 * tier sends them, in client.integ.test.ts).
 */
import assert from "node:assert/strict";
import type { RetryErrorInfo, RetryStrategyV2, StandardRetryToken } from "@smithy/types";
import { AdaptiveRetryStrategy, StandardRetryStrategy } from "@smithy/core/retry";
import { setEnv } from "../../harness/doubles";
import { freshProvider } from "../../harness/fresh-provider";

type ClientModule = typeof import("../../provider/aws/client");

/** A new copy of the module for each test: no client of an earlier test. */
function client(): ClientModule {
  return freshProvider()("aws/client");
}

const KEYS = { accessKey: "AKIDSETTING", secretKey: "setting-secret" };

describe("requestHandlerOptions", () => {
  let restore: () => void;
  // The first copy compiles the modules; the copies after reuse that.
  before(() => client());
  beforeEach(() => {
    restore = setEnv({ PULUMI_CONNECT_REQUEST_TIMEOUT_SECONDS: undefined });
  });
  afterEach(() => restore());

  const rows: Array<[string | undefined, number, number]> = [
    [undefined, 10_000, 60_000],
    ["30", 10_000, 30_000],
    ["5", 5000, 5000],
  ];
  for (const [seconds, connectionTimeout, requestTimeout] of rows) {
    it(`waits ${connectionTimeout} ms to connect and ${requestTimeout} ms for an answer with the timeout ${seconds ?? "unset"}`, () => {
      setEnv({ PULUMI_CONNECT_REQUEST_TIMEOUT_SECONDS: seconds });
      assert.deepEqual(client().requestHandlerOptions(), {
        connectionTimeout,
        requestTimeout,
        throwOnRequestTimeout: true,
      });
    });
  }
});

describe("connectClient", () => {
  let restore: () => void;

  before(() => client().connectClient("us-east-1", KEYS));

  beforeEach(() => {
    restore = setEnv({
      AWS_MAX_ATTEMPTS: undefined,
      AWS_RETRY_MODE: undefined,
      AWS_ENDPOINT_URL: undefined,
      AWS_ENDPOINT_URL_CONNECT: undefined,
      PULUMI_CONNECT_REQUEST_TIMEOUT_SECONDS: undefined,
    });
  });
  afterEach(() => restore());

  it("makes one client per Region and settings, and reuses it", () => {
    const { connectClient } = client();
    const first = connectClient("us-east-1", KEYS);
    assert.equal(connectClient("us-east-1", { ...KEYS }), first);
    assert.notEqual(connectClient("eu-west-2", KEYS), first);
    assert.notEqual(connectClient("us-east-1", { ...KEYS, profile: "ops" }), first);
  });

  it("is made for the Region, with the keys of the settings and the package's user agent", async () => {
    const made = client().connectClient("eu-west-2", KEYS);
    assert.equal(await made.config.region(), "eu-west-2");
    const { accessKeyId, secretAccessKey } = await made.config.credentials();
    assert.deepEqual(
      { accessKeyId, secretAccessKey },
      {
        accessKeyId: "AKIDSETTING",
        secretAccessKey: "setting-secret",
      },
    );
    assert.deepEqual(made.config.customUserAgent, [["pulumi-connect-outbound-chat"]]);
  });

  it("sends to the connect endpoint of the settings", async () => {
    const made = client().connectClient("eu-west-2", {
      ...KEYS,
      endpoints: { connect: "http://127.0.0.1:4566" },
    });
    assert.equal(made.config.isCustomEndpoint, true);
    const endpoint = await made.config.endpoint?.();
    assert.deepEqual(
      { hostname: endpoint?.hostname, port: endpoint?.port, protocol: endpoint?.protocol },
      { hostname: "127.0.0.1", port: 4566, protocol: "http:" },
    );
  });

  it("sends to the Region's own endpoint when the settings name none", () => {
    const made = client().connectClient("eu-west-2", KEYS);
    assert.equal(made.config.isCustomEndpoint, false);
  });

  it("gives its HTTP handler the request and connection timeouts", async () => {
    setEnv({ PULUMI_CONNECT_REQUEST_TIMEOUT_SECONDS: "5" });
    const made = client().connectClient("eu-west-2", KEYS);
    // Private to the SDK's handler: the options it was made with, resolved.
    const handler = made.config.requestHandler as unknown as {
      configProvider: Promise<Record<string, unknown>>;
    };
    const { connectionTimeout, requestTimeout, throwOnRequestTimeout } =
      await handler.configProvider;
    assert.deepEqual(
      { connectionTimeout, requestTimeout, throwOnRequestTimeout },
      { connectionTimeout: 5000, requestTimeout: 5000, throwOnRequestTimeout: true },
    );
  });

  /** The strategy the client's own delegates to, made on the first request. */
  async function innerStrategyOf(retryStrategy: RetryStrategyV2): Promise<unknown> {
    await retryStrategy.acquireInitialRetryToken("");
    // Private to the class, read here to tell which of the SDK's strategies was made.
    return (retryStrategy as unknown as { inner: unknown }).inner;
  }

  const modes: Array<[string | undefined, unknown]> = [
    [undefined, StandardRetryStrategy],
    ["standard", StandardRetryStrategy],
    ["adaptive", AdaptiveRetryStrategy],
  ];
  for (const [mode, strategy] of modes) {
    it(`retries with the SDK's ${(strategy as { name: string }).name} when AWS_RETRY_MODE is ${mode ?? "unset"}`, async () => {
      setEnv({ AWS_RETRY_MODE: mode });
      const made = client().connectClient("eu-west-2", KEYS);
      const retryStrategy = (await made.config.retryStrategy()) as RetryStrategyV2;
      assert.equal(retryStrategy.constructor.name, "ThrottleRefusingRetryStrategy");
      assert.ok((await innerStrategyOf(retryStrategy)) instanceof (strategy as typeof Object));
    });
  }

  it("retries a transient error as often as AWS_MAX_ATTEMPTS allows", async () => {
    setEnv({ AWS_MAX_ATTEMPTS: "2" });
    const made = client().connectClient("eu-west-2", KEYS);
    const retryStrategy = (await made.config.retryStrategy()) as RetryStrategyV2;
    const transient = {
      errorType: "TRANSIENT",
      error: Object.assign(new Error("x"), { $metadata: { httpStatusCode: 500 } }),
    } as RetryErrorInfo;
    const token = await retryStrategy.acquireInitialRetryToken("");
    const retry = (await retryStrategy.refreshRetryTokenForRetry(
      token,
      transient,
    )) as StandardRetryToken;
    assert.equal(retry.getRetryCount(), 1);
    await assert.rejects(retryStrategy.refreshRetryTokenForRetry(retry, transient));
  });
});

describe("ThrottleRefusingRetryStrategy", () => {
  it("passes a success on to the strategy it delegates to", async () => {
    const successes: unknown[] = [];
    const token = { getRetryCount: () => 0 } as unknown as StandardRetryToken;
    const inner = {
      acquireInitialRetryToken: () => Promise.resolve(token),
      refreshRetryTokenForRetry: () => Promise.resolve(token),
      recordSuccess: (recorded: StandardRetryToken) => successes.push(recorded),
    } as RetryStrategyV2;
    const strategy = new (client().ThrottleRefusingRetryStrategy)(() => Promise.resolve(inner));
    const acquired = await strategy.acquireInitialRetryToken("");
    strategy.recordSuccess(acquired);
    assert.deepEqual(successes, [token]);
  });
});
