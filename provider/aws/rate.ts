/**
 * The client-side rate of one pacer, which adapts to throttling. Unlimited until the first
 * throttle, which starts it from the rate the service let through over the last second; then cut
 * ×0.85 on a throttle (once per round trip: a throttle of a request started before the last cut
 * does not cut again) and raised by 0.5 request/s on each success. A throttled request costs the
 * service no token, so probing above the limit is cheap and idling below it is not.
 *
 * Time is given by the caller, in milliseconds; the controller reads no clock of its own.
 */

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

export class RateController {
  /** Requests per second; Infinity until the first throttle. */
  private rate = Number.POSITIVE_INFINITY;
  /** The client-side bucket: at most one start banked. */
  private tokens = 1;
  private tokensAt = 0;
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

  /**
   * Returns 0 when a call may start at `now`, and takes its token; else the seconds to wait until
   * one may.
   */
  secondsUntilStart(now: number): number {
    if (!Number.isFinite(this.rate)) {
      return 0;
    }
    this.refill(now);
    if (this.tokens < 1) {
      return (1 - this.tokens) / this.rate;
    }
    this.tokens -= 1;
    return 0;
  }

  /** Records a call that starts at `now`; returns the start's number. */
  started(now: number): number {
    if (!Number.isFinite(this.rate)) {
      this.startTimes.push(now);
      forgetBefore(this.startTimes, now - MEASURE_WINDOW_MS);
    }
    return this.starts++;
  }

  /** Records a call that succeeded at `now`. */
  succeeded(now: number): void {
    if (Number.isFinite(this.rate)) {
      this.refill(now);
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
      this.successTimes = [];
      this.startTimes = [];
      this.tokens = 0;
    } else {
      this.refill(now);
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

  private refill(now: number): void {
    this.tokens = Math.min(1, this.tokens + ((now - this.tokensAt) / 1000) * this.rate);
    this.tokensAt = now;
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
