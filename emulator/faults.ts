/**
 * Fault injection: a queue of faults, each applying to the next `count` calls of one operation.
 * The first pending fault of an operation applies first.
 */
import { isOperationName, type OperationName } from "./model/model";
import type { FaultSpec, PendingFault } from "./types";

const KINDS = ["error", "drop-before", "drop-after", "delay"] as const;

/** Parses a fault from untrusted JSON; returns the fault, or a message naming the problem. */
export function parseFaultSpec(input: unknown): FaultSpec | string {
  if (typeof input !== "object" || input === null) {
    return "a fault must be a JSON object";
  }
  const data = input as Record<string, unknown>;
  if (!isOperationName(data.operation)) {
    return "operation must be one of StartOutboundChatContact, DescribeContact, StopContact, UpdateContactAttributes";
  }
  if (!(KINDS as readonly unknown[]).includes(data.kind)) {
    return `kind must be one of ${KINDS.join(", ")}`;
  }
  if (
    data.count !== undefined &&
    (typeof data.count !== "number" || !Number.isInteger(data.count) || data.count < 1)
  ) {
    return "count must be an integer >= 1";
  }
  const base = {
    operation: data.operation,
    ...(data.count === undefined ? {} : { count: data.count }),
  };
  switch (data.kind) {
    case "error":
      if (
        typeof data.status !== "number" ||
        !Number.isInteger(data.status) ||
        data.status < 400 ||
        data.status > 599
      ) {
        return "status must be an HTTP error status (400..599)";
      }
      if (
        data.errorType !== undefined &&
        (typeof data.errorType !== "string" || !/^[A-Za-z]+$/.test(data.errorType))
      ) {
        return "errorType must be a shape name such as InternalServiceException";
      }
      if (data.message !== undefined && typeof data.message !== "string") {
        return "message must be a string";
      }
      return {
        ...base,
        kind: "error",
        status: data.status,
        ...(data.errorType === undefined ? {} : { errorType: data.errorType }),
        ...(data.message === undefined ? {} : { message: data.message }),
      };
    case "delay":
      if (typeof data.delayMs !== "number" || !(data.delayMs >= 0) || data.delayMs > 600_000) {
        return "delayMs must be a number of milliseconds between 0 and 600000";
      }
      return { ...base, kind: "delay", delayMs: data.delayMs };
    case "drop-before":
      return { ...base, kind: "drop-before" };
    default:
      return { ...base, kind: "drop-after" };
  }
}

export class FaultQueue {
  private pending: PendingFault[] = [];

  public add(fault: FaultSpec): void {
    this.pending.push({ ...fault, remaining: fault.count ?? 1 });
  }

  /** Takes the fault for this call of `operation`, if one is pending. */
  public take(operation: OperationName): FaultSpec | undefined {
    const index = this.pending.findIndex((fault) => fault.operation === operation);
    if (index < 0) {
      return undefined;
    }
    const fault = this.pending[index];
    if (fault.remaining <= 1) {
      this.pending.splice(index, 1);
    } else {
      this.pending[index] = { ...fault, remaining: fault.remaining - 1 };
    }
    return fault;
  }

  public list(): PendingFault[] {
    return [...this.pending];
  }

  public clear(): void {
    this.pending = [];
  }
}
