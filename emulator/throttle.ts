/**
 * API throttling as AWS does it: a token bucket per account, Region and operation (the account's
 * quota, shared by every client of that account), `burst` deep, refilled at `ratePerSecond`.
 * Buckets run on a clock of their own (a monotonic real-time clock unless the options give one,
 * `throttleNow`), not the emulator clock, so that advancing the emulator clock neither refills nor
 * drains them.
 */
import { OPERATION_NAMES, type OperationName } from "./model/model";
import type { RateLimit, RateLimits } from "./types";

export const DEFAULT_RATE_LIMITS: Readonly<Record<OperationName, RateLimit>> = {
  StartOutboundChatContact: { ratePerSecond: 2, burst: 5 },
  DescribeContact: { ratePerSecond: 10, burst: 15 },
  StopContact: { ratePerSecond: 10, burst: 15 },
  UpdateContactAttributes: { ratePerSecond: 10, burst: 15 },
  // The read operations have no row of their own in Amazon Connect's API quotas: the documented
  // default for such APIs is 2 requests per second with a burst of 5.
  DescribeInstance: { ratePerSecond: 2, burst: 5 },
  DescribeContactFlow: { ratePerSecond: 2, burst: 5 },
  DescribePhoneNumber: { ratePerSecond: 2, burst: 5 },
};

/** A token bucket; pure apart from the time passed in. */
export class TokenBucket {
  private tokens: number;
  private lastMs: number;

  public constructor(
    public readonly limit: RateLimit,
    nowMs: number,
  ) {
    this.tokens = limit.burst;
    this.lastMs = nowMs;
  }

  /** Takes one token if there is one; false means the call is throttled. */
  public tryTake(nowMs: number): boolean {
    const elapsedSeconds = Math.max(0, nowMs - this.lastMs) / 1000;
    this.tokens = Math.min(
      this.limit.burst,
      this.tokens + elapsedSeconds * this.limit.ratePerSecond,
    );
    this.lastMs = nowMs;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }
}

/** Checks that a rate limit is usable; returns a message naming the problem, or undefined. */
export function rateLimitProblem(limit: unknown): string | undefined {
  if (typeof limit !== "object" || limit === null) {
    return "a rate limit must be an object {ratePerSecond, burst}";
  }
  const { ratePerSecond, burst } = limit as Record<string, unknown>;
  if (typeof ratePerSecond !== "number" || !(ratePerSecond >= 0)) {
    return "ratePerSecond must be a number >= 0";
  }
  if (typeof burst !== "number" || !Number.isInteger(burst) || burst < 1) {
    return "burst must be an integer >= 1";
  }
  return undefined;
}

/** Whose bucket a call draws from: AWS's quotas are per account, Region and API. */
export interface ThrottleScope {
  readonly accountId: string;
  readonly region: string;
}

export class Throttle {
  /** The configured limit of each operation; a bucket of each scope is made from it. */
  private readonly configured = new Map<OperationName, RateLimit>();
  /** The buckets, by `account/Region/operation`, made on a scope's first call. */
  private buckets = new Map<string, TokenBucket>();

  public constructor(
    private readonly clock: () => number,
    limits: RateLimits = {},
  ) {
    this.configure({ ...DEFAULT_RATE_LIMITS, ...limits });
  }

  /** Replaces the limit of each operation given; the buckets of those operations start full. */
  public configure(limits: RateLimits): void {
    for (const operation of OPERATION_NAMES) {
      const limit = limits[operation];
      if (limit !== undefined) {
        this.configured.set(operation, limit);
        for (const key of [...this.buckets.keys()]) {
          if (key.endsWith(`/${operation}`)) {
            this.buckets.delete(key);
          }
        }
      }
    }
  }

  /** Takes a token from the bucket of `scope` and `operation`; false means the call is throttled. */
  public tryTake(operation: OperationName, scope: ThrottleScope): boolean {
    const limit = this.configured.get(operation);
    if (limit === undefined) {
      return true;
    }
    const key = `${scope.accountId}/${scope.region}/${operation}`;
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = new TokenBucket(limit, this.clock());
      this.buckets.set(key, bucket);
    }
    return bucket.tryTake(this.clock());
  }

  public limits(): Record<OperationName, RateLimit> {
    const result = { ...DEFAULT_RATE_LIMITS };
    for (const [operation, limit] of this.configured) {
      result[operation] = limit;
    }
    return result;
  }
}
