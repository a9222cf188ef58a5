/**
 * The emulator's state and controls, independent of HTTP: store, clock, throttle, faults, call
 * log and persistence. Both the HTTP pipeline and the inspection API drive it.
 */
import { performance } from "node:perf_hooks";
import { CallLog } from "./call-log";
import { FaultQueue } from "./faults";
import type { OperationName } from "./model/model";
import { runOperation, type OperationResult } from "./operations";
import { loadStateFile, saveStateFile } from "./state-file";
import { DEFAULT_ACCOUNT_ID, Store } from "./store";
import { Throttle } from "./throttle";
import type {
  AccessKey,
  CallRecord,
  CallsReport,
  ContactView,
  EmulatorOptions,
  EmulatorSeed,
  FaultSpec,
  PendingFault,
  RateLimit,
  RateLimits,
} from "./types";

/** The access key pair accepted when no `credentials` option is given. */
export const DEFAULT_CREDENTIALS: AccessKey = {
  accessKeyId: "AKIDEMULATOR",
  secretAccessKey: "emulator-secret",
};

export const DEFAULT_ACTIVE_CHAT_LIMIT = 100;

/** Who made a signed call: the key, the account it belongs to, and the Region it signed for. */
export interface Caller {
  readonly key: AccessKey;
  readonly accountId: string;
  readonly region: string;
}

export class EmulatorCore {
  public readonly keys: readonly AccessKey[];
  private readonly store = new Store();
  private readonly faultQueue = new FaultQueue();
  private readonly callLog = new CallLog();
  private readonly throttle: Throttle;
  private readonly clock: () => number;
  private readonly activeChatLimit: number;

  public constructor(private readonly options: EmulatorOptions = {}) {
    this.keys = options.credentials ?? [DEFAULT_CREDENTIALS];
    if (this.keys.length === 0) {
      throw new Error(
        "The emulator needs at least one access key in `credentials`; got an empty list.",
      );
    }
    this.clock = options.now ?? Date.now;
    this.activeChatLimit = options.activeChatLimit ?? DEFAULT_ACTIVE_CHAT_LIMIT;
    this.throttle = new Throttle(() => performance.now(), options.rateLimits);
    this.store.seed(options.seed ?? { instances: [] });
    if (options.stateFile !== undefined) {
      const snapshot = loadStateFile(options.stateFile);
      if (snapshot !== undefined) {
        this.store.restore(snapshot);
      }
      // Written at once: a path that cannot be written fails the start, not the first create
      // (which would have started a contact and then answered 500).
      saveStateFile(options.stateFile, this.store.snapshot());
    }
  }

  /** The emulator clock: the injected clock plus the offset added by `advanceClock`. */
  public now(): number {
    return this.clock() + this.store.clockOffsetMs;
  }

  /** The accepted key with this ID, or undefined. */
  public findKey(accessKeyId: string): AccessKey | undefined {
    return this.keys.find((candidate) => candidate.accessKeyId === accessKeyId);
  }

  /** The caller of a request whose signature `key` verified, for `region`. */
  public callerOf(key: AccessKey, region: string): Caller {
    return { key, accountId: key.accountId ?? DEFAULT_ACCOUNT_ID, region };
  }

  /**
   * Runs an operation for `caller` (its Region and account decide which instances it reaches).
   * Without a caller (in-process calls), every instance is reachable.
   */
  public run(
    operation: OperationName,
    input: Readonly<Record<string, unknown>>,
    caller?: Caller,
  ): OperationResult {
    const result = runOperation(operation, input, {
      store: this.store,
      nowMs: this.now(),
      activeChatLimit: this.activeChatLimit,
      operation,
      ...(caller === undefined ? {} : { region: caller.region, accountId: caller.accountId }),
    });
    if (result.changed) {
      this.persist();
    }
    return result;
  }

  /**
   * Takes a throttling token for a call of `caller`: the bucket is the caller's account's, in the
   * Region it signed for, for that operation.
   */
  public tryTakeToken(operation: OperationName, caller: Caller): boolean {
    return this.throttle.tryTake(operation, { accountId: caller.accountId, region: caller.region });
  }

  /** The hash kept and shown for a ClientToken (see {@link ContactView.clientTokenHash}). */
  public hashClientToken(clientToken: string): string {
    return this.store.hashClientToken(clientToken);
  }

  public takeFault(operation: OperationName): FaultSpec | undefined {
    return this.faultQueue.take(operation);
  }

  public recordCall(call: Omit<CallRecord, "at">): void {
    this.callLog.record({ ...call, at: this.now() });
    this.options.log?.(`${call.operation} ${call.outcome}`);
  }

  public contacts(): ContactView[] {
    return this.store.listContacts(this.now());
  }

  public calls(): CallsReport {
    return this.callLog.report();
  }

  public addFault(fault: FaultSpec): void {
    this.faultQueue.add(fault);
  }

  public faults(): PendingFault[] {
    return this.faultQueue.list();
  }

  public clearFaults(): void {
    this.faultQueue.clear();
  }

  public setRateLimits(limits: RateLimits): void {
    this.throttle.configure(limits);
  }

  public rateLimits(): Record<OperationName, RateLimit> {
    return this.throttle.limits();
  }

  public advanceClock(ms: number): void {
    this.store.clockOffsetMs += ms;
    this.persist();
  }

  public seed(seed: EmulatorSeed): void {
    this.store.seed(seed);
    this.persist();
  }

  /** Back to the start state: the options' seed and rate limits, no contacts, calls or faults. */
  public reset(): void {
    this.store.clear();
    this.store.seed(this.options.seed ?? { instances: [] });
    this.callLog.clear();
    this.faultQueue.clear();
    this.throttle.configure(defaultsFor(this.options.rateLimits));
    this.persist();
  }

  private persist(): void {
    if (this.options.stateFile !== undefined) {
      saveStateFile(this.options.stateFile, this.store.snapshot());
    }
  }
}

function defaultsFor(limits: RateLimits | undefined): RateLimits {
  return new Throttle(() => 0, limits).limits();
}
