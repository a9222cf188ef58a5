/**
 * One Amazon Connect client per Region per process, made on first use.
 *
 * The AWS SDK is loaded here, lazily, and nowhere else: a `pulumi preview` only runs `check` and
 * `diff`, which never call AWS, so it never pays for loading the SDK. Modules that need the SDK's
 * command classes get them through {@link connectModule}; they import only types at module level.
 *
 * Every setting is read when a Region's client is first made, never at module load. The SDK's own:
 * credentials from the default provider chain, the endpoint from `AWS_ENDPOINT_URL_CONNECT` /
 * `AWS_ENDPOINT_URL` (or the shared config file), `AWS_MAX_ATTEMPTS` and `AWS_RETRY_MODE`. And
 * this package's: a request that gets no answer fails after `PULUMI_CONNECT_REQUEST_TIMEOUT_SECONDS`
 * (default 60; a connection not made fails after 10 seconds), so a hung connection cannot block a
 * create forever. The SDK retries a timed-out request like any network error, with the same
 * ClientToken, so a retry never makes a second contact.
 *
 * The module-level state is a plain object of clients, empty until a call is made, so the closure
 * serializer finds nothing heavy here at `pulumi up`.
 */
import type { ConnectClient } from "@aws-sdk/client-connect";
import type {
  NodeHttpHandlerOptions,
  Provider,
  RetryErrorInfo,
  RetryStrategyV2,
  StandardRetryToken,
} from "@smithy/types";
import { AwsSettings, currentSettings } from "../settings";
import { credentialsOption } from "./credentials";
import { requestTimeoutMsFromEnv } from "./settings";
import { sdkMayRetry } from "./throttling";

/** The `@aws-sdk/client-connect` module, loaded on demand. */
export type ConnectModule = typeof import("@aws-sdk/client-connect");
type RetryModule = typeof import("@smithy/core/retry");

/** The product name this package adds to the user agent of every request. */
export const USER_AGENT_SUFFIX = "pulumi-connect-outbound-chat";

/** How long a connection to the endpoint may take to open, in milliseconds. */
const CONNECTION_TIMEOUT_MS = 10_000;

/**
 * The options of the client's HTTP handler: a connection timeout, and a request timeout that fails
 * the request (`throwOnRequestTimeout`; without it the SDK only logs a warning) with a
 * `TimeoutError`, which the SDK retries. Reads `PULUMI_CONNECT_REQUEST_TIMEOUT_SECONDS`.
 */
export function requestHandlerOptions(): NodeHttpHandlerOptions {
  const requestTimeout = requestTimeoutMsFromEnv();
  return {
    connectionTimeout: Math.min(CONNECTION_TIMEOUT_MS, requestTimeout),
    requestTimeout,
    throwOnRequestTimeout: true,
  };
}

/**
 * Loads `@aws-sdk/client-connect` (once; Node caches it). Call it inside a function that makes an
 * AWS call, never at module level.
 */
export function connectModule(): ConnectModule {
  // A required package (by name) rather than an import, so that importing this file loads nothing.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("@aws-sdk/client-connect") as ConnectModule;
}

function retryModule(): RetryModule {
  // The retry strategies the client itself uses (`@smithy/core/retry`), loaded with the client.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("@smithy/core/retry") as RetryModule;
}

/**
 * The clients made so far, by Region and settings, for the life of the process. Plain data, not a
 * `Map`: the closure serializer turns a `Map` into an empty object.
 */
const connectClients: Record<string, ConnectClient> = {};

/**
 * The Amazon Connect client for a Region and the AWS settings in force (`settings.ts`: profile,
 * shared files, roles to assume, the `connect` endpoint, keys), made on the first call for them
 * and reused after.
 *
 * @param region the AWS Region, such as `us-east-1`
 */
export function connectClient(
  region: string,
  settings: AwsSettings = currentSettings(),
): ConnectClient {
  const key = JSON.stringify([region, settings]);
  const existing = connectClients[key];
  if (existing !== undefined) {
    return existing;
  }
  const requestHandler = requestHandlerOptions();
  const { ConnectClient: Client } = connectModule();
  const client: ConnectClient = new Client({
    region,
    // No `connect` endpoint (undefined) leaves the SDK's: AWS_ENDPOINT_URL_CONNECT, else the Region's.
    endpoint: settings.endpoints?.connect,
    ...credentialsOption(settings, region),
    customUserAgent: USER_AGENT_SUFFIX,
    // Options, not a handler: the client makes its own NodeHttpHandler from them.
    requestHandler,
    // Made on the first request, from the settings the SDK resolved for this client
    // (AWS_MAX_ATTEMPTS / AWS_RETRY_MODE, or max_attempts / retry_mode in the shared config file).
    // The client's retryMode is the loader the SDK makes for it, since none is given here.
    retryStrategy: new ThrottleRefusingRetryStrategy(() =>
      sdkRetryStrategy(client.config.maxAttempts, client.config.retryMode as Provider<string>),
    ),
  });
  connectClients[key] = client;
  return client;
}

/** The standard or adaptive strategy the SDK itself would have made for these settings. */
async function sdkRetryStrategy(
  maxAttempts: Provider<number>,
  retryMode: Provider<string>,
): Promise<RetryStrategyV2> {
  const { AdaptiveRetryStrategy, StandardRetryStrategy } = retryModule();
  return (await retryMode()) === "adaptive"
    ? new AdaptiveRetryStrategy(maxAttempts)
    : new StandardRetryStrategy(maxAttempts);
}

/**
 * The SDK's own retry strategy, except that it never retries what `throttling.ts` says it may not
 * ({@link sdkMayRetry}): a throttled request, or a quota.
 *
 * Throttling is retried by the pacer (`pacing.ts`), which slows the whole process down instead. Left
 * to the SDK, throttled retries spend its retry quota (500 tokens, 5 a throttled retry): a few
 * hundred creates at once exhaust it, and then even a 500 is no longer retried. Every other
 * transient error (5xx, network errors, timeouts) keeps the SDK's retries, which re-send the same
 * request, so the same ClientToken.
 */
export class ThrottleRefusingRetryStrategy implements RetryStrategyV2 {
  private inner: RetryStrategyV2 | undefined;
  private innerPromise: Promise<RetryStrategyV2> | undefined;

  /** @param makeInner makes the strategy to delegate to, once, on the first request */
  constructor(private readonly makeInner: () => Promise<RetryStrategyV2>) {}

  async acquireInitialRetryToken(retryTokenScope: string): Promise<StandardRetryToken> {
    const inner = await this.strategy();
    return (await inner.acquireInitialRetryToken(retryTokenScope)) as StandardRetryToken;
  }

  async refreshRetryTokenForRetry(
    token: StandardRetryToken,
    errorInfo: RetryErrorInfo,
  ): Promise<StandardRetryToken> {
    if (!sdkMayRetry(errorInfo.error)) {
      throw new Error("throttled requests are retried by the pacer, not by the SDK");
    }
    const inner = await this.strategy();
    return (await inner.refreshRetryTokenForRetry(token, errorInfo)) as StandardRetryToken;
  }

  recordSuccess(token: StandardRetryToken): void {
    // A token only exists once acquireInitialRetryToken resolved, so `inner` is set.
    (this.inner as RetryStrategyV2).recordSuccess(token);
  }

  private async strategy(): Promise<RetryStrategyV2> {
    this.innerPromise ??= this.makeInner().then((inner) => (this.inner = inner));
    return this.innerPromise;
  }
}
