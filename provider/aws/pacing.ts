/**
 * A process-wide pacer for calls to Amazon Connect.
 *
 * The Pulumi engine runs up to `--parallel` steps at once (4 × the CPUs by default; unbounded with
 * `--parallel 2147483647`): many creates of a program can arrive at once, while Amazon Connect throttles each API per account and Region with a token bucket (the
 * documented default is 2 requests/s with a burst of 5). A pacer
 * - takes a slot of the process's {@link InFlightLimit} for each call (`in-flight.ts`);
 * - spaces the starts of calls with a client-side rate that adapts to throttling
 *   ({@link RateController}, `rate.ts`): it probes before the first throttle, is then cut on
 *   throttles and raised on successes, and its spacing is jittered, so that processes drawing on
 *   one account's quota share it from throttling alone;
 * - retries a throttled call (as `throttling.ts` classifies it) after a short jittered wait, as
 *   often as needed, until the call's deadline (`PULUMI_CONNECT_DEADLINE_SECONDS`, default 15
 *   minutes). A retried call is the same request with the same ClientToken, so a retry never makes
 *   a second contact.
 *
 * A throttled request does not use up the service's tokens, so the pacer keeps a few requests
 * arriving (within the bound on calls in flight) to take each token as soon as it is there.
 *
 * Each Region and operation has a pacer of its own, with its own rate (see {@link paced}), and all of
 * them share the bound on calls in flight. The state is plain data (no `Map`: the closure serializer
 * does not keep one); nothing is read and no timer is made until a call is paced.
 */
import { pacingDeadlineError } from "./errors";
import { InFlightLimit, isBefore, type Place, type WaitingLine } from "./in-flight";
import { RateController } from "./rate";
import { deadlineMsFromEnv, maxInFlightFromEnv } from "./settings";
import { isThrottlingError } from "./throttling";

/** Time as the pacer sees it: the real clock, or a fake one in tests. */
export interface PacerClock {
  /** Milliseconds since some fixed point. */
  now(): number;
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
}

export interface PacerOptions {
  /**
   * The clock to read and sleep on.
   * @default - the real clock (`Date.now` and `setTimeout`)
   */
  readonly clock?: PacerClock;
  /**
   * A source of random numbers in [0, 1), for the jitter of waits.
   * @default Math.random
   */
  readonly random?: () => number;
  /**
   * The most calls in flight at once, across every pacer that shares {@link PacerOptions.limit}.
   * Give the same bound to every pacer that shares a limit: the bound last read is the one applied.
   * @default - `PULUMI_CONNECT_MAX_IN_FLIGHT`, read when a call is paced, else 16
   */
  readonly maxInFlight?: number;
  /**
   * The bound on calls in flight, shared with other pacers so that it counts all their calls.
   * @default - a limit of this pacer's own
   */
  readonly limit?: InFlightLimit;
  /**
   * How long a call may keep being throttled, in milliseconds, from when it was first paced.
   * @default - `PULUMI_CONNECT_DEADLINE_SECONDS`, read when a call is paced, else 15 minutes
   */
  readonly deadlineMs?: number;
}

export interface PacedOptions {
  /**
   * How long this call may keep being throttled, in milliseconds.
   * @default - the pacer's deadline
   */
  readonly deadlineMs?: number;
  /**
   * The API operation, named in the error thrown at the deadline.
   * @default "the Amazon Connect API"
   */
  readonly operation?: string;
}

interface Job extends Place {
  readonly start: (startNumber: number) => void;
}

const realClock: PacerClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class Pacer implements WaitingLine {
  private readonly clock: PacerClock;
  private readonly random: () => number;
  private readonly options: PacerOptions;
  private readonly limit: InFlightLimit;
  private readonly rate = new RateController();

  /** Calls waiting to start, oldest first. */
  private readonly line: Job[] = [];
  private wakeScheduled = false;

  constructor(options: PacerOptions = {}) {
    this.options = options;
    this.clock = options.clock ?? realClock;
    this.random = options.random ?? Math.random;
    this.limit = options.limit ?? new InFlightLimit();
  }

  /** The current client-side rate, in requests per second (Infinity before the first throttle). */
  get ratePerSecond(): number {
    return this.rate.ratePerSecond;
  }

  /**
   * Runs `call` when the pacer lets it start, and again after each throttle until it succeeds, fails
   * otherwise, or reaches its deadline; returns its result.
   *
   * @param call one idempotent request (the same ClientToken on every attempt)
   */
  async paced<T>(call: () => Promise<T>, options: PacedOptions = {}): Promise<T> {
    const firstPacedAt = this.clock.now();
    const deadlineMs = options.deadlineMs ?? this.options.deadlineMs ?? deadlineMsFromEnv();
    const deadline = firstPacedAt + deadlineMs;
    const operation = options.operation ?? "the Amazon Connect API";
    this.limit.setMax(this.options.maxInFlight ?? maxInFlightFromEnv());
    let attempts = 0;
    let lastThrottle: unknown;
    for (;;) {
      if (attempts > 0 && this.clock.now() >= deadline) {
        throw pacingDeadlineError(operation, deadlineMs, attempts, lastThrottle);
      }
      const start = await this.turn(firstPacedAt);
      attempts += 1;
      try {
        const result = await call();
        this.rate.succeeded(this.clock.now());
        return result;
      } catch (error) {
        if (!isThrottlingError(error)) {
          throw error;
        }
        lastThrottle = error;
        this.rate.throttled(start, this.clock.now());
      } finally {
        this.limit.release();
      }
      // At the deadline this waits no longer, and the check above gives up.
      const left = deadline - this.clock.now();
      await this.clock.sleep(Math.min(this.rate.retryWaitMs(this.random()), left));
    }
  }

  oldestWaiting(): Place | undefined {
    return this.line[0];
  }

  /** Starts as many waiting calls as the limit and the rate allow, and wakes up for the next. */
  startWaiting(): void {
    while (this.line.length > 0 && this.limit.hasFreeSlot()) {
      const waitSeconds = this.rate.secondsUntilStart(this.clock.now(), this.random);
      if (waitSeconds > 0) {
        this.wakeFor(waitSeconds);
        return;
      }
      const job = this.line.shift() as Job;
      this.limit.take();
      job.start(this.rate.started(this.clock.now()));
    }
  }

  /** Resolves with the start's number when the call may start; counts it in flight. */
  private turn(firstPacedAt: number): Promise<number> {
    return new Promise((resolve) => {
      const job: Job = { start: resolve, firstPacedAt, sequence: this.limit.nextSequence() };
      // Keep the line ordered by first paced time, so a retried call goes before newer calls.
      let index = this.line.length;
      while (index > 0 && isBefore(job, this.line[index - 1])) {
        index -= 1;
      }
      this.line.splice(index, 0, job);
      this.limit.enlist(this);
      this.startWaiting();
    });
  }

  private wakeFor(seconds: number): void {
    if (this.wakeScheduled) {
      return;
    }
    this.wakeScheduled = true;
    void this.clock.sleep(Math.max(1, Math.ceil(seconds * 1000))).then(() => {
      this.wakeScheduled = false;
      this.startWaiting();
    });
  }
}

/**
 * The pacers of the process, one per Region and operation: Amazon Connect throttles each API of
 * an account and Region with a bucket of its own, so throttled creates must not slow the stops of
 * a replacement, nor one Region another. Made on first use; nothing here at module load.
 */
const processPacers: Record<string, Pacer> = {};

/** The one bound on calls in flight that every pacer of the process shares. */
const processLimit = new InFlightLimit();

/**
 * Runs `call` through the process's pacer for its Region and operation: bounded in flight, paced,
 * and retried while throttled until the deadline, after which it throws a `PacingDeadlineError`.
 * Returns the call's result.
 */
export function paced<T>(
  call: () => Promise<T>,
  options: PacedOptions & { readonly region: string; readonly operation: string },
): Promise<T> {
  return pacerFor(options.region, options.operation).paced(call, options);
}

/**
 * Returns the process's pacer for a Region and an operation, made on first use. Each has its own
 * rate; all share the process's bound on calls in flight.
 */
export function pacerFor(region: string, operation: string): Pacer {
  const key = `${region}/${operation}`;
  processPacers[key] ??= new Pacer({ limit: processLimit });
  return processPacers[key];
}
