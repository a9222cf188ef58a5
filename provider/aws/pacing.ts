/**
 * A process-wide pacer for calls to Amazon Connect.
 *
 * The Pulumi engine's default parallelism is unbounded: every create of a program can arrive at
 * once, while Amazon Connect throttles each API per account and Region with a token bucket (the
 * documented default is 2 requests/s with a burst of 5). The pacer
 * - bounds the calls in flight across the process (`PULUMI_CONNECT_MAX_IN_FLIGHT`, default 16),
 *   whatever their Region and operation: every pacer of the process takes a slot from one shared
 *   {@link InFlightSlots}, and a freed slot goes to the oldest call waiting for one;
 * - spaces the starts of calls with a client-side rate that adapts to throttling: unlimited until
 *   the first throttle, then cut ×0.85 on a throttle (once per round trip: a throttle of a request
 *   started before the last cut does not cut again) and raised by 0.5 request/s on each success:
 *   a throttled request costs the service no token, so probing above the limit is cheap and idling
 *   below it is not;
 * - retries a throttled call after a short jittered wait, as often as needed, until the call's
 *   deadline (`PULUMI_CONNECT_DEADLINE_SECONDS`, default 15 minutes). A retried call is the same
 *   request with the same ClientToken, so a retry never makes a second contact.
 *
 * A throttled request does not use up the service's tokens, so the pacer keeps a few requests
 * arriving (within the bound on calls in flight) to take each token as soon as it is there.
 *
 * Each Region and operation has a pacer of its own, with its own rate (see {@link paced}), and all of
 * them share the bound on calls in flight. The state is plain data (no `Map`: the closure serializer
 * does not keep one); nothing is read and no timer is made until a call is paced.
 */

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
   * The most calls in flight at once, across every pacer that shares {@link PacerOptions.slots}.
   * Give the same bound to every pacer that shares slots: the bound last read is the one applied.
   * @default - `PULUMI_CONNECT_MAX_IN_FLIGHT`, read when a call is paced, else 16
   */
  readonly maxInFlight?: number;
  /**
   * The slots for calls in flight, shared with other pacers so that the bound counts all their
   * calls together (made by {@link inFlightSlots}).
   * @default - slots of this pacer's own
   */
  readonly slots?: InFlightSlots;
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

export const DEFAULT_MAX_IN_FLIGHT = 16;
export const DEFAULT_DEADLINE_MS = 15 * 60 * 1000;
export const MAX_IN_FLIGHT_ENV = "PULUMI_CONNECT_MAX_IN_FLIGHT";
export const DEADLINE_ENV = "PULUMI_CONNECT_DEADLINE_SECONDS";

/** The rate is never cut below this, in requests per second. */
export const MIN_RATE_PER_SECOND = 0.5;
/** A throttle multiplies the rate by this. */
const DECREASE_FACTOR = 0.85;
/** Each success raises the rate by this many requests per second. */
const INCREASE_PER_SUCCESS = 0.5;
/** The window over which the success rate is measured at the first throttle. */
const MEASURE_WINDOW_MS = 1000;
/** The longest wait before a throttled call goes back in line. */
const MAX_RETRY_WAIT_MS = 1000;

/**
 * True for an error that says the API throttled the request: `ThrottlingException`,
 * `TooManyRequestsException`, or any HTTP 429 except `LimitExceededException` (a quota on active
 * chats, which waiting a few seconds does not cure).
 */
export function isThrottlingError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) {
    return false;
  }
  const { name, $metadata } = error as { name?: unknown; $metadata?: { httpStatusCode?: unknown } };
  if (name === "ThrottlingException" || name === "TooManyRequestsException") {
    return true;
  }
  return $metadata?.httpStatusCode === 429 && name !== "LimitExceededException";
}

/** Thrown when a call was still being throttled at its deadline. The last throttle is the cause. */
export interface PacingDeadlineError extends Error {
  readonly name: "PacingDeadlineError";
  /** The operation that kept being throttled. */
  readonly operation: string;
  /** How long the call was given, in milliseconds. */
  readonly deadlineMs: number;
  /** How many times the request was sent. */
  readonly attempts: number;
}

/**
 * Makes a {@link PacingDeadlineError}: a factory rather than a subclass of `Error`, which the
 * closure serializer would turn into a function that loses the message.
 */
export function pacingDeadlineError(
  operation: string,
  deadlineMs: number,
  attempts: number,
  cause: unknown,
): PacingDeadlineError {
  const error = new Error(
    `Amazon Connect kept throttling ${operation} for ${describeDuration(deadlineMs)} ` +
      `(${attempts} attempts), so the call was given up. Lower the program's parallelism ` +
      "(`pulumi up --parallel 8`), ask for a higher quota (the API's rate in Service Quotas), " +
      `or raise ${DEADLINE_ENV}.`,
    { cause },
  );
  Object.defineProperty(error, "name", { value: "PacingDeadlineError", configurable: true });
  error.stack = (error.stack ?? "").replace(/^Error/, "PacingDeadlineError");
  return Object.assign(error, { operation, deadlineMs, attempts }) as PacingDeadlineError;
}

/** Whether `error` is a {@link PacingDeadlineError}. */
export function isPacingDeadlineError(error: unknown): error is PacingDeadlineError {
  return error instanceof Error && error.name === "PacingDeadlineError";
}

/** "15 minutes", "1 minute", "90 seconds". */
export function describeDuration(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) {
    const minutes = ms / 60_000;
    return minutes === 1 ? "1 minute" : `${minutes} minutes`;
  }
  const seconds = Math.round(ms / 100) / 10;
  return seconds === 1 ? "1 second" : `${seconds} seconds`;
}

interface Job {
  readonly start: (startNumber: number) => void;
  /** When the call was first paced; orders the line, oldest first. */
  readonly firstPacedAt: number;
  /** Numbers the jobs of every pacer sharing the slots, to order jobs paced at the same time. */
  readonly sequence: number;
}

/**
 * The calls in flight of the pacers that share it, and the pacers waiting for a slot. Plain data,
 * shared by reference; only {@link Pacer} reads or changes its fields.
 */
export interface InFlightSlots {
  /** Calls in flight now, across every pacer sharing the slots. */
  inFlight: number;
  /** The most calls in flight at once; set when a call is paced. */
  maxInFlight: number;
  /** The pacers that may have calls waiting to start. */
  waiting: Pacer[];
  /** The next job's sequence number. */
  sequence: number;
}

/** Makes slots for calls in flight, to share among pacers (see {@link PacerOptions.slots}). */
export function inFlightSlots(): InFlightSlots {
  return { inFlight: 0, maxInFlight: DEFAULT_MAX_IN_FLIGHT, waiting: [], sequence: 0 };
}

const realClock: PacerClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class Pacer {
  private readonly clock: PacerClock;
  private readonly random: () => number;
  private readonly options: PacerOptions;
  private readonly slots: InFlightSlots;

  /** Calls waiting to start, oldest first. */
  private readonly line: Job[] = [];
  /** This pacer's calls in flight (the slots count those of every pacer sharing them). */
  private inFlight = 0;
  /** Requests per second; Infinity until the first throttle. */
  private rate = Number.POSITIVE_INFINITY;
  /** The client-side bucket: at most one start banked. */
  private tokens = 1;
  private tokensAt = 0;
  private wakeScheduled = false;
  /** Numbers each start; throttles of starts before the last cut of the rate do not cut it again. */
  private starts = 0;
  private firstStartAfterDecrease = 0;
  /** When recent calls started and succeeded, for the rate at the first throttle. */
  private startTimes: number[] = [];
  private successTimes: number[] = [];

  constructor(options: PacerOptions = {}) {
    this.options = options;
    this.clock = options.clock ?? realClock;
    this.random = options.random ?? Math.random;
    this.slots = options.slots ?? inFlightSlots();
  }

  /** The current client-side rate, in requests per second (Infinity before the first throttle). */
  get ratePerSecond(): number {
    return this.rate;
  }

  /**
   * Forgets the adapted rate: the next call starts unlimited again. Calls waiting or in flight are
   * not affected.
   */
  resetRate(): void {
    this.rate = Number.POSITIVE_INFINITY;
    this.tokens = 1;
    this.firstStartAfterDecrease = this.starts;
    this.startTimes = [];
    this.successTimes = [];
  }

  /**
   * Runs `call` when the pacer lets it start, and again after each throttle until it succeeds, fails
   * otherwise, or reaches its deadline.
   *
   * @param call one idempotent request (the same ClientToken on every attempt)
   */
  async paced<T>(call: () => Promise<T>, options: PacedOptions = {}): Promise<T> {
    const firstPacedAt = this.clock.now();
    const deadlineMs = options.deadlineMs ?? this.options.deadlineMs ?? deadlineFromEnv();
    const deadline = firstPacedAt + deadlineMs;
    const operation = options.operation ?? "the Amazon Connect API";
    this.slots.maxInFlight = this.options.maxInFlight ?? maxInFlightFromEnv();
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
        this.onSuccess();
        return result;
      } catch (error) {
        if (!isThrottlingError(error)) {
          throw error;
        }
        lastThrottle = error;
        this.onThrottle(start);
      } finally {
        this.release();
      }
      const left = deadline - this.clock.now();
      if (left <= 0) {
        throw pacingDeadlineError(operation, deadlineMs, attempts, lastThrottle);
      }
      await this.clock.sleep(Math.min(this.retryWaitMs(), left));
    }
  }

  /** Resolves with the start's number when the call may start; counts it in flight. */
  private turn(firstPacedAt: number): Promise<number> {
    return new Promise((resolve) => {
      const job: Job = {
        start: resolve,
        firstPacedAt,
        sequence: this.slots.sequence++,
      };
      // Keep the line ordered by first paced time, so a retried call goes before newer calls.
      let index = this.line.length;
      while (index > 0 && isBefore(job, this.line[index - 1])) {
        index -= 1;
      }
      this.line.splice(index, 0, job);
      if (!this.slots.waiting.includes(this)) {
        this.slots.waiting.push(this);
      }
      this.pump();
    });
  }

  /**
   * Frees the slot of a call that finished, and hands the free slots to the pacers sharing them,
   * the pacer with the oldest waiting call first.
   */
  private release(): void {
    this.inFlight -= 1;
    this.slots.inFlight -= 1;
    const waiting = this.slots.waiting.filter((pacer) => pacer.line.length > 0);
    waiting.sort((a, b) => (isBefore(a.line[0], b.line[0]) ? -1 : 1));
    this.slots.waiting = waiting;
    for (const pacer of waiting) {
      if (this.slots.inFlight >= this.slots.maxInFlight) {
        return;
      }
      pacer.pump();
    }
  }

  /** Starts as many waiting calls as the bound and the rate allow, and wakes up for the next. */
  private pump(): void {
    while (this.line.length > 0 && this.slots.inFlight < this.slots.maxInFlight) {
      if (Number.isFinite(this.rate)) {
        this.refill();
        if (this.tokens < 1) {
          this.wakeFor((1 - this.tokens) / this.rate);
          return;
        }
        this.tokens -= 1;
      }
      const job = this.line.shift() as Job;
      this.inFlight += 1;
      this.slots.inFlight += 1;
      if (!Number.isFinite(this.rate)) {
        this.startTimes.push(this.clock.now());
        forgetBefore(this.startTimes, this.clock.now() - MEASURE_WINDOW_MS);
      }
      job.start(this.starts++);
    }
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(1, this.tokens + ((now - this.tokensAt) / 1000) * this.rate);
    this.tokensAt = now;
  }

  private wakeFor(seconds: number): void {
    if (this.wakeScheduled) {
      return;
    }
    this.wakeScheduled = true;
    void this.clock.sleep(Math.max(1, Math.ceil(seconds * 1000))).then(() => {
      this.wakeScheduled = false;
      this.pump();
    });
  }

  private onSuccess(): void {
    const now = this.clock.now();
    if (Number.isFinite(this.rate)) {
      this.refill();
      this.rate += INCREASE_PER_SUCCESS;
    } else {
      this.successTimes.push(now);
      forgetBefore(this.successTimes, now - MEASURE_WINDOW_MS);
    }
  }

  private onThrottle(startNumber: number): void {
    if (startNumber < this.firstStartAfterDecrease) {
      // Sent at the old rate: this throttle says nothing new.
      return;
    }
    const now = this.clock.now();
    let base = this.rate;
    if (!Number.isFinite(base)) {
      // The first throttle: start from the rate the service let through over the last second, or
      // the rate of starts if nothing got through (another client drained the service's bucket).
      forgetBefore(this.successTimes, now - MEASURE_WINDOW_MS);
      forgetBefore(this.startTimes, now - MEASURE_WINDOW_MS);
      const measured = this.successTimes.length > 0 ? this.successTimes : this.startTimes;
      base = (measured.length * 1000) / MEASURE_WINDOW_MS;
      this.successTimes = [];
      this.startTimes = [];
      this.tokens = 0;
    } else {
      this.refill();
    }
    this.tokensAt = now;
    this.rate = Math.max(MIN_RATE_PER_SECOND, base * DECREASE_FACTOR);
    this.firstStartAfterDecrease = this.starts;
  }

  /** A jittered wait before a throttled call goes back in line: about one start's spacing. */
  private retryWaitMs(): number {
    const spacingMs = Math.min(MAX_RETRY_WAIT_MS, 1000 / this.rate);
    return Math.round(spacingMs * (0.5 + this.random()));
  }
}

/** Drops the times at or before `limit` from the front of an ascending list. */
function forgetBefore(times: number[], limit: number): void {
  let count = 0;
  while (count < times.length && times[count] <= limit) {
    count += 1;
  }
  times.splice(0, count);
}

function isBefore(a: Job, b: Job): boolean {
  return (
    a.firstPacedAt < b.firstPacedAt ||
    (a.firstPacedAt === b.firstPacedAt && a.sequence < b.sequence)
  );
}

/**
 * The positive number an environment variable is set to, read now; `undefined` when it is unset or
 * blank. Throws, naming the variable and the value, when it is anything else.
 */
export function positiveNumberFromEnv(name: string): number | undefined {
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

function maxInFlightFromEnv(): number {
  const value = positiveNumberFromEnv(MAX_IN_FLIGHT_ENV);
  return value === undefined ? DEFAULT_MAX_IN_FLIGHT : Math.max(1, Math.floor(value));
}

function deadlineFromEnv(): number {
  const value = positiveNumberFromEnv(DEADLINE_ENV);
  return value === undefined ? DEFAULT_DEADLINE_MS : value * 1000;
}

/**
 * The pacers of the process, one per Region and operation: Amazon Connect throttles each API of
 * an account and Region with a bucket of its own, so throttled creates must not slow the stops of
 * a replacement, nor one Region another. Made on first use; nothing here at module load.
 */
const processPacers: Record<string, Pacer> = {};

/** The one bound on calls in flight that every pacer of the process shares. */
const processSlots: InFlightSlots = inFlightSlots();

/** Forgets the rates the process's pacers adapted to (for tests, or a new deployment). */
export function resetPacing(): void {
  for (const pacer of Object.values(processPacers)) {
    pacer.resetRate();
  }
}

/**
 * Runs `call` through the process's pacer for its Region and operation: bounded in flight, paced,
 * and retried while throttled until the deadline, after which it throws a
 * {@link PacingDeadlineError}.
 */
export function paced<T>(
  call: () => Promise<T>,
  options: PacedOptions & { readonly region?: string } = {},
): Promise<T> {
  return pacerFor(options.region ?? "", options.operation ?? "").paced(call, options);
}

/**
 * The process's pacer for a Region and an operation, made on first use. Each has its own rate; all
 * share the process's bound on calls in flight.
 */
export function pacerFor(region: string, operation: string): Pacer {
  const key = `${region}/${operation}`;
  processPacers[key] ??= new Pacer({ slots: processSlots });
  return processPacers[key];
}
