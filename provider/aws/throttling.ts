/**
 * Which errors of Amazon Connect are throttling, and who retries what. The one place that decides:
 * the pacer retries {@link isThrottlingError} errors, and the SDK's retry strategy asks
 * {@link sdkMayRetry} before it retries anything.
 *
 * - Throttling (`ThrottlingException`, `TooManyRequestsException`, or any HTTP 429 that is not a
 *   quota) is retried by the pacer alone, which slows the whole process down.
 * - A quota (`LimitExceededException`, HTTP 429 on "Concurrent active chats per instance") is
 *   retried by no one: waiting a few seconds does not free a chat.
 * - Every other error the SDK itself would retry (5xx, network errors, timeouts) keeps the SDK's
 *   retries, and so does any other name the SDK counts as throttling (no Amazon Connect error
 *   has one).
 */

interface ErrorShape {
  readonly name?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown };
}

// Lists of `unknown`, to be compared with a name of any type: no other type is in them.
const THROTTLING_NAMES: readonly unknown[] = ["ThrottlingException", "TooManyRequestsException"];
const QUOTA_NAMES: readonly unknown[] = ["LimitExceededException"];

function shapeOf(error: unknown): ErrorShape {
  return typeof error === "object" && error !== null ? error : {};
}

/** True for a quota error: `LimitExceededException`, which no retry within minutes cures. */
export function isQuotaError(error: unknown): boolean {
  const { name } = shapeOf(error);
  return QUOTA_NAMES.includes(name);
}

/**
 * True for an error that says the API throttled the request: `ThrottlingException`,
 * `TooManyRequestsException`, or any HTTP 429 except a quota ({@link isQuotaError}).
 */
export function isThrottlingError(error: unknown): boolean {
  const { name, $metadata } = shapeOf(error);
  if (THROTTLING_NAMES.includes(name)) {
    return true;
  }
  return $metadata?.httpStatusCode === 429 && !isQuotaError(error);
}

/**
 * Whether the SDK may retry a request that failed with `error`: never a throttle (the pacer's to
 * retry) nor a quota; the SDK's own rules for everything else.
 */
export function sdkMayRetry(error: unknown): boolean {
  return !isThrottlingError(error) && !isQuotaError(error);
}
