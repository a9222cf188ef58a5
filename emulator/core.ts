/**
 * The emulator's state and controls, independent of HTTP: store, clock, throttle, faults, call
 * log and persistence. Both the HTTP pipeline and the inspection API drive it.
 */
import { performance } from "node:perf_hooks";
import { CallLog } from "./call-log";
import { EmulatorError } from "./errors";
import { FaultQueue } from "./faults";
import type { OperationName } from "./model/model";
import { runOperation, type OperationResult } from "./operations";
import { loadStateFile, saveStateFile } from "./state-file";
import { DEFAULT_ACCOUNT_ID, Store, type RoleRecord } from "./store";
import type { TemporaryKey } from "./sts";
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
  readonly key: AccessKey | TemporaryKey;
  readonly accountId: string;
  readonly region: string;
  /** The role whose temporary credentials signed, when they came from AssumeRole. @default - a configured key */
  readonly assumedRoleArn?: string;
}

export class EmulatorCore {
  public readonly keys: readonly AccessKey[];
  private readonly store = new Store();
  /** Credentials issued by STS AssumeRole, by access key ID (kept in memory only). */
  private readonly temporaryKeys = new Map<string, TemporaryKey>();
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
    this.throttle = new Throttle(
      options.throttleNow ?? (() => performance.now()),
      options.rateLimits,
    );
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

  /** The accepted key with this ID (configured, or issued by AssumeRole), or undefined. */
  public findKey(accessKeyId: string): AccessKey | TemporaryKey | undefined {
    return (
      this.keys.find((candidate) => candidate.accessKeyId === accessKeyId) ??
      this.temporaryKeys.get(accessKeyId)
    );
  }

  /** The caller of a request whose signature `key` verified, for `region`. */
  public callerOf(key: AccessKey | TemporaryKey, region: string): Caller {
    return {
      key,
      accountId: key.accountId ?? DEFAULT_ACCOUNT_ID,
      region,
      ...("assumedRoleArn" in key ? { assumedRoleArn: key.assumedRoleArn } : {}),
    };
  }

  /** What the call log says of who signed: the access key, and the role it was issued for. */
  public signerFields(caller: Caller): Pick<CallRecord, "accessKeyId" | "assumedRoleArn"> {
    return {
      accessKeyId: caller.key.accessKeyId,
      ...(caller.assumedRoleArn === undefined ? {} : { assumedRoleArn: caller.assumedRoleArn }),
    };
  }

  /** The error for a caller whose temporary credentials have expired (emulator clock), or undefined. */
  public expiredKeyError(caller: Caller): EmulatorError | undefined {
    return "expiresMs" in caller.key && this.now() >= caller.key.expiresMs
      ? new EmulatorError(
          "ExpiredTokenException",
          "The security token included in the request is expired",
        )
      : undefined;
  }

  /** A role STS AssumeRole may assume, by ARN. */
  public role(arn: string): RoleRecord | undefined {
    return this.store.role(arn);
  }

  /** Accepts the temporary credentials AssumeRole issued, until they expire or a reset. */
  public addTemporaryKey(key: TemporaryKey): void {
    this.temporaryKeys.set(key.accessKeyId, key);
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

  /** What is seeded (numbers masked): see {@link Store.seedView}. */
  public seeded(): EmulatorSeed {
    return this.store.seedView();
  }

  public seed(seed: EmulatorSeed): void {
    this.store.seed(seed);
    this.persist();
  }

  /**
   * Back to the start state: the options' seed and rate limits, no contacts, calls, faults or
   * temporary credentials.
   */
  public reset(): void {
    this.store.clear();
    this.store.seed(this.options.seed ?? { instances: [] });
    this.temporaryKeys.clear();
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
