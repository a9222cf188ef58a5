/**
 * The client-side rate of one pacer, which adapts to throttling, from throttling alone: Amazon
 * Connect's quota belongs to the account and Region, so pacers of several processes (stacks
 * deployed at once) draw on one bucket and must share it without knowing of one another, as TCP
 * flows share a link.
 *
 * - Before the first throttle it probes: starts are spaced at 40 requests/s at first, a rate that
 *   doubles every 250 ms, instead of all at once. Alone, a process still drains the service's
 *   burst within half a second; several starting together meet the first throttle after a request
 *   or two each rather than a whole bound of calls in flight each.
 * - The first throttle starts the rate from what the service let through over the last second.
 * - Then the rate is cut ×0.85 on a throttle (once per round trip: a throttle of a request started
 *   before the last cut does not cut again) and raised by 0.5 request/s on each success, never
 *   below 0.25 request/s (8 stacks at the lowest rate ask for 2 requests/s, the lowest quota).
 * - The spacing of starts is jittered (each start takes 0.75 to 1.25 of a token), so that the
 *   starts of several processes are not locked in phase with the service's bucket: locked, the
 *   process that sends most often takes each token as it comes and a slower one is throttled far
 *   more often than its share, and cuts its rate further.
 *
 * A throttled request costs the service no token, so probing above the limit is cheap and idling
 * below it is not. Time is given by the caller, in milliseconds; the controller reads no clock.
 */

/** The rate is never cut below this, in requests per second. */
export const MIN_RATE_PER_SECOND = 0.25;
/** The spacing of starts before the first throttle, at first, in requests per second. */
export const PROBE_RATE_PER_SECOND = 40;
/** The probing rate doubles every this many milliseconds until the first throttle. */
const PROBE_DOUBLING_MS = 250;
/** A throttle multiplies the rate by this. */
export const DECREASE_FACTOR = 0.85;
/** Each success raises the rate by this many requests per second. */
export const INCREASE_PER_SUCCESS = 0.5;
/** A start takes 1 ± this of a token of the client-side bucket. */
export const SPACING_JITTER = 0.25;
/** The window over which the success rate is measured at the first throttle. */
const MEASURE_WINDOW_MS = 1000;
/** The longest wait before a throttled call goes back in line. */
const MAX_RETRY_WAIT_MS = 1000;

export class RateController {
  /** Requests per second; Infinity until the first throttle (while probing). */
  private rate = Number.POSITIVE_INFINITY;
  /** The client-side bucket: at most one start banked. */
  private tokens = 1;
  private tokensAt = 0;
  /** When probing began (the first start asked for); -1 before. */
  private probeFrom = -1;
  /** Numbers each start; throttles of starts before the last cut of the rate do not cut it again. */
  private starts = 0;
  private firstStartAfterDecrease = 0;
  /** When recent calls started and succeeded, for the rate at the first throttle. */
  private startTimes: number[] = [];
  private successTimes: number[] = [];

  /** The current rate, in requests per second (Infinity before the first throttle). */
  get ratePerSecond(): number {
    return this.rate;
  }

  /** Returns the rate starts are spaced at, at `now`: the rate, or the probing rate before it. */
  spacingPerSecond(now: number): number {
    if (Number.isFinite(this.rate)) {
      return this.rate;
    }
    const probing = this.probeFrom < 0 ? 0 : now - this.probeFrom;
    return PROBE_RATE_PER_SECOND * 2 ** (probing / PROBE_DOUBLING_MS);
  }

  /**
   * Returns 0 when a call may start at `now`, and takes its token (a jittered share of one); else
   * the seconds to wait until one may.
   *
   * @param random a source of numbers in [0, 1), for the jitter
   */
  secondsUntilStart(now: number, random: () => number): number {
    if (this.probeFrom < 0 && !Number.isFinite(this.rate)) {
      this.probeFrom = now;
      this.tokensAt = now;
    }
    const perSecond = this.spacingPerSecond(now);
    this.refill(now, perSecond);
    if (this.tokens < 1) {
      return (1 - this.tokens) / perSecond;
    }
    this.tokens -= 1 + SPACING_JITTER * (2 * random() - 1);
    return 0;
  }

  /** Records a call that starts at `now`; returns the start's number. */
  started(now: number): number {
    // Read at the first throttle only; the last second's are kept, before it and after.
    this.startTimes.push(now);
    forgetBefore(this.startTimes, now - MEASURE_WINDOW_MS);
    return this.starts++;
  }

  /** Records a call that succeeded at `now`. */
  succeeded(now: number): void {
    if (Number.isFinite(this.rate)) {
      this.refill(now, this.rate);
      this.rate += INCREASE_PER_SUCCESS;
    } else {
      this.successTimes.push(now);
      forgetBefore(this.successTimes, now - MEASURE_WINDOW_MS);
    }
  }

  /** Records a throttle, at `now`, of the call whose start had number `startNumber`. */
  throttled(startNumber: number, now: number): void {
    if (startNumber < this.firstStartAfterDecrease) {
      // Sent at the old rate: this throttle says nothing new.
      return;
    }
    let base = this.rate;
    if (!Number.isFinite(base)) {
      // The first throttle: start from the rate the service let through over the last second, or
      // the rate of starts if nothing got through (another client drained the service's bucket).
      forgetBefore(this.successTimes, now - MEASURE_WINDOW_MS);
      forgetBefore(this.startTimes, now - MEASURE_WINDOW_MS);
      const measured = this.successTimes.length > 0 ? this.successTimes : this.startTimes;
      base = (measured.length * 1000) / MEASURE_WINDOW_MS;
      this.tokens = 0;
    } else {
      this.refill(now, this.rate);
    }
    this.tokensAt = now;
    this.rate = Math.max(MIN_RATE_PER_SECOND, base * DECREASE_FACTOR);
    this.firstStartAfterDecrease = this.starts;
  }

  /**
   * Returns a jittered wait before a throttled call goes back in line, about one start's spacing.
   *
   * @param random a number in [0, 1)
   */
  retryWaitMs(random: number): number {
    const spacingMs = Math.min(MAX_RETRY_WAIT_MS, 1000 / this.rate);
    return Math.round(spacingMs * (0.5 + random));
  }

  private refill(now: number, perSecond: number): void {
    this.tokens = Math.min(1, this.tokens + ((now - this.tokensAt) / 1000) * perSecond);
    this.tokensAt = now;
  }
}

/** Drops the times at or before `limit` from the front of an ascending list. */
function forgetBefore(times: number[], limit: number): void {
  times.splice(0, times.filter((time) => time <= limit).length);
}
