/**
 * The bound on calls to Amazon Connect in flight at once, shared by every pacer of the process
 * (`PULUMI_CONNECT_MAX_IN_FLIGHT`, default 16), whatever their Region and operation. A freed slot
 * goes to the line whose oldest waiting call was first paced earliest, so a retried call goes
 * before newer ones whichever pacer it belongs to.
 *
 * Plain data and a small class, no `Map`: the closure serializer does not keep one.
 */
import { DEFAULT_MAX_IN_FLIGHT } from "./settings";

/** Where a waiting call stands in line: oldest first, then in the order the calls were paced. */
export interface Place {
  /** When the call was first paced, in the clock's milliseconds. */
  readonly firstPacedAt: number;
  /** Numbers the calls of every line sharing the limit, to order calls paced at the same time. */
  readonly sequence: number;
}

/** A line of calls waiting for a slot: a pacer, as the limit sees it. */
export interface WaitingLine {
  /** The place of the oldest call waiting in this line; `undefined` when none waits. */
  oldestWaiting(): Place | undefined;
  /** Starts as many waiting calls as the limit (and the line's own rules) allow now. */
  startWaiting(): void;
}

/** Whether the call at `a` goes before the call at `b`. */
export function isBefore(a: Place, b: Place): boolean {
  return (
    a.firstPacedAt < b.firstPacedAt ||
    (a.firstPacedAt === b.firstPacedAt && a.sequence < b.sequence)
  );
}

/** The calls in flight of the lines that share it, and the lines that may have calls waiting. */
export class InFlightLimit {
  /** The most calls in flight at once; set by {@link InFlightLimit.setMax} when a call is paced. */
  private max = DEFAULT_MAX_IN_FLIGHT;
  /** Calls in flight now, across every line sharing the limit. */
  private inFlight = 0;
  private sequence = 0;
  private waiting: WaitingLine[] = [];

  /** Sets the bound; every line sharing the limit should give the same one (the last one wins). */
  setMax(max: number): void {
    this.max = max;
  }

  /** Returns the next sequence number, to place a call in line. */
  nextSequence(): number {
    return this.sequence++;
  }

  /** Whether a call may start now. */
  hasFreeSlot(): boolean {
    return this.inFlight < this.max;
  }

  /** Counts a call that starts now in flight. */
  take(): void {
    this.inFlight += 1;
  }

  /** Remembers that `line` has a call waiting, to hand it a slot when one is freed. */
  enlist(line: WaitingLine): void {
    if (!this.waiting.includes(line)) {
      this.waiting.push(line);
    }
  }

  /**
   * Frees the slot of a call that finished, and hands the free slots to the lines, the one with
   * the oldest waiting call first.
   */
  release(): void {
    this.inFlight -= 1;
    const waiting = this.waiting.filter((line) => line.oldestWaiting() !== undefined);
    waiting.sort((a, b) =>
      isBefore(a.oldestWaiting() as Place, b.oldestWaiting() as Place) ? -1 : 1,
    );
    this.waiting = waiting;
    for (const line of waiting) {
      if (!this.hasFreeSlot()) {
        return;
      }
      line.startWaiting();
    }
  }
}
