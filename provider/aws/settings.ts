/**
 * This package's settings, read from the environment each time a value is needed, never at module
 * load: what the closure serializer captures is frozen into state, and a host may change its
 * environment between calls.
 */

export const MAX_IN_FLIGHT_ENV = "PULUMI_CONNECT_MAX_IN_FLIGHT";
export const DEADLINE_ENV = "PULUMI_CONNECT_DEADLINE_SECONDS";
export const REQUEST_TIMEOUT_ENV = "PULUMI_CONNECT_REQUEST_TIMEOUT_SECONDS";

/** The most calls to Amazon Connect in flight at once across the process, unless the setting says. */
export const DEFAULT_MAX_IN_FLIGHT = 16;
/** How long a call may keep being throttled, in milliseconds, unless the setting says. */
export const DEFAULT_DEADLINE_MS = 15 * 60 * 1000;
/** How long a request may wait for the whole answer, in milliseconds, unless the setting says. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/**
 * Returns the positive number an environment variable is set to, read now; `undefined` when it is
 * unset or blank. Throws, naming the variable and the value, when it is anything else.
 */
function positiveNumberFromEnv(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text.trim() === "") {
    return undefined;
  }
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(
      `${name} must be a positive number, got "${text}". Unset it to use the default.`,
    );
  }
  return value;
}

/** `PULUMI_CONNECT_MAX_IN_FLIGHT` as a whole number of at least 1, else 16. */
export function maxInFlightFromEnv(): number {
  const value = positiveNumberFromEnv(MAX_IN_FLIGHT_ENV);
  return value === undefined ? DEFAULT_MAX_IN_FLIGHT : Math.max(1, Math.floor(value));
}

/** `PULUMI_CONNECT_DEADLINE_SECONDS` in milliseconds, else 15 minutes. */
export function deadlineMsFromEnv(): number {
  const value = positiveNumberFromEnv(DEADLINE_ENV);
  return value === undefined ? DEFAULT_DEADLINE_MS : value * 1000;
}

/** `PULUMI_CONNECT_REQUEST_TIMEOUT_SECONDS` in whole milliseconds (at least 1), else 60 seconds. */
export function requestTimeoutMsFromEnv(): number {
  const seconds = positiveNumberFromEnv(REQUEST_TIMEOUT_ENV);
  return seconds === undefined
    ? DEFAULT_REQUEST_TIMEOUT_MS
    : Math.max(1, Math.round(seconds * 1000));
}
