/**
 * The public types of the emulator: its options, seed format, fault and rate-limit settings, and
 * what the inspection API returns.
 */
import type { OperationName } from "./model/model";

export type { OperationName } from "./model/model";

/** An access key pair the emulator accepts SigV4 signatures from. */
export interface AccessKey {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /**
   * A session token requests must carry in `x-amz-security-token`.
   * @default - no token is required; a token a request carries is still covered by its signature
   */
  readonly sessionToken?: string;
  /**
   * The AWS account the key belongs to: keys of one account share its throttling buckets.
   * @default "123456789012" (the demo seed's account)
   */
  readonly accountId?: string;
}

/** A contact flow with the details DescribeContactFlow answers. */
export interface SeedContactFlow {
  /** The flow ID (or flow ARN). */
  readonly id: string;
  /** @default - "Flow " and the first 8 characters of the ID */
  readonly name?: string;
  /** A ContactFlowType of the model. @default "CONTACT_FLOW" */
  readonly type?: string;
  /** A ContactFlowState of the model. @default "ACTIVE" */
  readonly state?: string;
  /** A ContactFlowStatus of the model. @default "PUBLISHED" */
  readonly status?: string;
  /** @default - none */
  readonly description?: string;
}

/** A claimed phone number with the details DescribePhoneNumber answers. */
export interface SeedPhoneNumber {
  /** The phone number ARN (`arn:aws:connect:REGION:ACCOUNT:phone-number/ID`). */
  readonly arn: string;
  /**
   * The number in E.164. DescribePhoneNumber answers it; logs never show it, and the state file
   * keeps it masked. @default - DescribePhoneNumber answers no PhoneNumber
   */
  readonly phoneNumber?: string;
  /** A PhoneNumberCountryCode of the model. @default - none */
  readonly countryCode?: string;
  /** A PhoneNumberType of the model. @default "DID" */
  readonly type?: string;
  /** @default - none */
  readonly description?: string;
}

/** One Amazon Connect instance and the resources it knows. */
export interface SeedInstance {
  /** The instance ID (a UUID in AWS; any string works here). An instance ARN is accepted too. */
  readonly id: string;
  /** @default "us-east-1" */
  readonly region?: string;
  /** @default "123456789012" */
  readonly accountId?: string;
  /** The instance alias DescribeInstance answers. @default - "emulator-" and the first 8 characters of the ID */
  readonly alias?: string;
  /** Contact flows of the instance: IDs, flow ARNs, or flows with details. @default - none */
  readonly contactFlows?: ReadonlyArray<string | SeedContactFlow>;
  /**
   * Phone numbers claimed by the instance, usable as SourceEndpoint: ARNs, or numbers with
   * details. @default - none
   */
  readonly phoneNumbers?: ReadonlyArray<string | SeedPhoneNumber>;
}

/** An IAM role that STS AssumeRole lets any accepted key assume. */
export interface SeedRole {
  /** The role ARN, `arn:aws:iam::ACCOUNT:role/NAME`. */
  readonly arn: string;
  /** The account of the role, whose instances its temporary credentials reach. @default - the account in the ARN */
  readonly accountId?: string;
}

/** The resources the emulator knows. Anything else is a ResourceNotFoundException. */
export interface EmulatorSeed {
  readonly instances: readonly SeedInstance[];
  /** Roles that STS AssumeRole may assume. @default - none: AssumeRole answers AccessDenied */
  readonly roles?: readonly SeedRole[];
}

/** A token bucket: `burst` requests at once, refilled at `ratePerSecond`. */
export interface RateLimit {
  readonly ratePerSecond: number;
  readonly burst: number;
}

export type RateLimits = Readonly<Partial<Record<OperationName, RateLimit>>>;

interface FaultBase {
  /** The operation whose next calls fail. */
  readonly operation: OperationName;
  /** How many of the next calls the fault applies to. @default 1 */
  readonly count?: number;
}

/** Answer with an error instead of running the call. */
export interface ErrorFault extends FaultBase {
  readonly kind: "error";
  /** The HTTP status, e.g. 500. */
  readonly status: number;
  /** The `x-amzn-ErrorType`. @default - derived from the status (500: InternalServiceException, 429: ThrottlingException, ...) */
  readonly errorType?: string;
  /** @default "Injected fault." */
  readonly message?: string;
}

/** Destroy the socket before the call takes effect: nothing is created or changed. */
export interface DropBeforeFault extends FaultBase {
  readonly kind: "drop-before";
}

/** Run the call, then destroy the socket instead of answering: the client sees a hang-up. */
export interface DropAfterFault extends FaultBase {
  readonly kind: "drop-after";
}

/** Wait before handling the call, then handle it normally. */
export interface DelayFault extends FaultBase {
  readonly kind: "delay";
  readonly delayMs: number;
}

export type FaultSpec = ErrorFault | DropBeforeFault | DropAfterFault | DelayFault;

/** A fault still pending, with the calls it has left. */
export type PendingFault = FaultSpec & { readonly remaining: number };

export type ContactState = "active" | "stopped" | "expired";

/** A contact as the inspection API lists it. */
export interface ContactView {
  readonly contactId: string;
  readonly arn: string;
  readonly instanceId: string;
  readonly contactFlowId: string;
  /**
   * The HMAC-SHA-256 (hex) of the ClientToken the contact was started with, under a random key of
   * the emulator: equal tokens have equal hashes, and the token itself is never kept or shown.
   */
  readonly clientTokenHash?: string;
  readonly state: ContactState;
  /** Epoch milliseconds, emulator clock. */
  readonly initiationTimestamp: number;
  /** Epoch milliseconds, emulator clock; only once the contact has ended. */
  readonly disconnectTimestamp?: number;
  readonly chatDurationInMinutes: number;
  readonly sourcePhoneNumberArn: string;
  /** The destination phone number, masked (`+*********23`). The full number is never kept. */
  readonly destinationAddressMasked: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly segmentAttributes: Readonly<Record<string, unknown>>;
}

/** One call in the order the emulator answered it. */
export interface CallRecord {
  /** The operation (a Connect operation, or STS's "AssumeRole"), or "UnknownOperation". */
  readonly operation: string;
  /** "ok", the error type answered, "dropped-before" or "dropped-after". */
  readonly outcome: string;
  /** The HMAC of the call's ClientToken, as in {@link ContactView.clientTokenHash}. */
  readonly clientTokenHash?: string;
  /**
   * The access key whose signature was verified (a configured key, or temporary credentials from
   * AssumeRole). @default - absent when the call had no valid signature
   */
  readonly accessKeyId?: string;
  /** The role, when the signing key was issued by AssumeRole. @default - a configured key signed */
  readonly assumedRoleArn?: string;
  readonly contactId?: string;
  /** Epoch milliseconds, emulator clock. */
  readonly at: number;
}

export interface CallsReport {
  /** Counts per operation and outcome: `{StartOutboundChatContact: {ok: 3, ThrottlingException: 2}}`. */
  readonly counts: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** The calls in order (the most recent 10,000). */
  readonly log: readonly CallRecord[];
}

export interface EmulatorOptions {
  /** The address to bind. @default "127.0.0.1" */
  readonly host?: string;
  /** The port to bind; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** The known instances, contact flows and phone numbers. @default - none: every call answers ResourceNotFoundException */
  readonly seed?: EmulatorSeed;
  /** The access keys accepted. @default - one pair, {@link DEFAULT_CREDENTIALS} */
  readonly credentials?: readonly AccessKey[];
  /** Token buckets per operation. @default - 2/s burst 5 for StartOutboundChatContact and the three read operations, 10/s burst 15 for the others */
  readonly rateLimits?: RateLimits;
  /** Concurrent active chats allowed per instance. @default 100 */
  readonly activeChatLimit?: number;
  /** The clock, in epoch milliseconds. `advanceClock` adds an offset on top. @default Date.now */
  readonly now?: () => number;
  /**
   * The clock the rate limits' token buckets refill on, in milliseconds from any origin (only
   * differences count). Kept apart from `now`, so that `advanceClock` (to end chats) neither
   * refills nor drains a bucket; tests give one they move themselves to count refills exactly.
   * @default performance.now
   */
  readonly throttleNow?: () => number;
  /** A JSON file that keeps contacts, tokens, seeded resources and the clock offset across restarts. @default - state is kept in memory only */
  readonly stateFile?: string;
  /** The largest request body accepted, in bytes. @default 1048576 */
  readonly maxBodyBytes?: number;
  /**
   * How long a request body may pause (no bytes from the start of the body, or since the last
   * bytes) before the emulator answers 408 `RequestTimeoutException` and closes the connection.
   * @default 10000
   */
  readonly bodyTimeoutMs?: number;
  /** Receives one line per call (operation, outcome, status; never numbers or content). @default - silent */
  readonly log?: (line: string) => void;
}
