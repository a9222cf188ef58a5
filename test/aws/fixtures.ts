/**
 * Shared fixtures for the unit tests of `provider/aws`: a fake clock that jumps from timer to
 * timer, a fake service that throttles with a token bucket, and realistic AWS errors.
 */
import type { PacerClock } from "../../provider/aws/pacing";

interface Timer {
  readonly at: number;
  readonly sequence: number;
  readonly fire: () => void;
}

/** Lets every queued promise callback run (all microtasks run before the next macrotask). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A clock whose time moves only when {@link FakeClock.runUntilSettled} jumps to the next timer. */
export class FakeClock implements PacerClock {
  private time = 0;
  private sequence = 0;
  private timers: Timer[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.timers.push({
        at: this.time + Math.max(0, ms),
        sequence: this.sequence++,
        fire: resolve,
      });
    });
  }

  /** Runs timers in order until `done` settles; fails if it waits on nothing. */
  async runUntilSettled<T>(done: Promise<T>): Promise<T> {
    let finished = false;
    const outcome = done.then(
      (value) => {
        finished = true;
        return { ok: true as const, value };
      },
      (error: unknown) => {
        finished = true;
        return { ok: false as const, error };
      },
    );
    await settle();
    while (!finished) {
      if (this.timers.length === 0) {
        throw new Error(`nothing left to wait for at ${this.time} ms, yet the work is not done`);
      }
      this.timers.sort((a, b) => a.at - b.at || a.sequence - b.sequence);
      this.time = Math.max(this.time, this.timers[0].at);
      const due = this.timers.filter((timer) => timer.at <= this.time);
      this.timers = this.timers.filter((timer) => timer.at > this.time);
      for (const timer of due) {
        timer.fire();
      }
      await settle();
    }
    const settled = await outcome;
    if (!settled.ok) {
      throw settled.error;
    }
    return settled.value;
  }
}

/** An AWS SDK-shaped service error. */
export function awsError(
  name: string,
  httpStatusCode: number,
  message = `${name} message`,
): Error & { $metadata: { httpStatusCode: number }; $fault: string } {
  return Object.assign(new Error(message), {
    name,
    $metadata: { httpStatusCode },
    $fault: httpStatusCode >= 500 ? "server" : "client",
  });
}

/**
 * A service that admits requests with a token bucket (`ratePerSecond`, `burst`) as the request
 * arrives, half a round trip after it was sent, and answers 429 ThrottlingException otherwise. A
 * rejected request takes no token, as with Amazon Connect.
 */
export class FakeThrottlingService {
  private tokens: number;
  private tokensAt = 0;
  accepted = 0;
  throttled = 0;
  /** Time of the last accepted request's arrival, in ms. */
  lastAcceptedAt = 0;

  constructor(
    private readonly clock: FakeClock,
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly roundTripMs: number,
  ) {
    this.tokens = burst;
  }

  async request(): Promise<string> {
    await this.clock.sleep(this.roundTripMs / 2);
    const now = this.clock.now();
    this.tokens = Math.min(
      this.burst,
      this.tokens + ((now - this.tokensAt) / 1000) * this.ratePerSecond,
    );
    this.tokensAt = now;
    const admitted = this.tokens >= 1;
    if (admitted) {
      this.tokens -= 1;
      this.accepted += 1;
      this.lastAcceptedAt = now;
    } else {
      this.throttled += 1;
    }
    await this.clock.sleep(this.roundTripMs / 2);
    if (!admitted) {
      throw awsError("ThrottlingException", 429, "Rate exceeded");
    }
    return `contact-${this.accepted}`;
  }
}

/** A seeded random source (mulberry32), so that jitter is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
