/** The record of calls the emulator answered: counts per operation and outcome, and a log. */
import type { CallRecord, CallsReport } from "./types";

const MAX_LOG_ENTRIES = 10_000;

export class CallLog {
  private counts: Record<string, Record<string, number>> = {};
  private log: CallRecord[] = [];

  public record(call: CallRecord): void {
    const perOperation = (this.counts[call.operation] ??= {});
    perOperation[call.outcome] = (perOperation[call.outcome] ?? 0) + 1;
    this.log.push(call);
    if (this.log.length > MAX_LOG_ENTRIES) {
      this.log.splice(0, this.log.length - MAX_LOG_ENTRIES);
    }
  }

  public report(): CallsReport {
    const counts: Record<string, Record<string, number>> = {};
    for (const [operation, outcomes] of Object.entries(this.counts)) {
      counts[operation] = { ...outcomes };
    }
    return { counts, log: [...this.log] };
  }

  public clear(): void {
    this.counts = {};
    this.log = [];
  }
}
