/**
 * Errors of the Amazon Connect API, told in words that say what happened and what to do. Every
 * message of `provider/aws` is written here.
 *
 * AWS errors are recognised by `name` (and HTTP status) only, never by their message. What of an
 * AWS error reaches our errors is decided in `redact.ts`: its name, HTTP status, request ID, the
 * request members a validation message names, and never the service's own text. A message advises
 * running `pulumi up` again only when that can succeed: a server error, the network, a timeout, a
 * conflict with a request still being processed, an answer that lacked its ContactId. Throttling
 * past the pacer's deadline does not: running again meets the same throttling, so it advises a
 * lower parallelism, a higher quota or a longer deadline. For a rejected request it says what to
 * fix.
 */
import {
  contactApiError,
  isContactApiError,
  isPacingDeadlineError,
  makePacingDeadlineError,
  type ContactApiError,
  type PacingDeadlineError,
} from "./api-error";
import {
  errorNameOf,
  factsOf,
  memberPathsNamed,
  networkCodeOf,
  type AwsErrorFacts,
} from "./redact";
import { DEADLINE_ENV, DEFAULT_REQUEST_TIMEOUT_MS, REQUEST_TIMEOUT_ENV } from "./settings";

/** What was being done when the error happened. IDs and ARNs are not secret; they are named. */
export interface ContactCallContext {
  /** The API operation, such as `StartOutboundChatContact`. */
  readonly operation: string;
  readonly region: string;
  readonly instanceId: string;
  /** @default - not named in messages */
  readonly contactFlowId?: string;
  /** @default - not named in messages */
  readonly sourcePhoneNumberArn?: string;
  /** @default - not named in messages */
  readonly contactId?: string;
}

/**
 * Returns the name of the AWS error behind `error`: the `awsErrorName` of a
 * {@link ContactApiError}, else the error's own `name` (`Error` when it has none).
 */
export function awsErrorNameOf(error: unknown): string {
  return isContactApiError(error) ? error.awsErrorName : errorNameOf(error);
}

/**
 * True when the error says the contact (or the instance it was in) no longer exists:
 * `ContactNotFoundException` or `ResourceNotFoundException`, raw or wrapped. Delete and read treat
 * such a contact as gone.
 */
export function isContactGone(error: unknown): boolean {
  const name = awsErrorNameOf(error);
  return name === "ContactNotFoundException" || name === "ResourceNotFoundException";
}

/** Returns the error the pacer throws when a call was still being throttled at its deadline. */
export function pacingDeadlineError(
  operation: string,
  deadlineMs: number,
  attempts: number,
  lastThrottle: unknown,
): PacingDeadlineError {
  return makePacingDeadlineError(keptThrottling(operation, deadlineMs, attempts, ""), {
    operation,
    deadlineMs,
    attempts,
    lastThrottle: factsOf(lastThrottle),
  });
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

const SAFE_TO_RUN_AGAIN =
  "it is safe to run `pulumi up` again, because the ClientToken makes the retry idempotent";
const FIX_AND_RUN_AGAIN = "Running it again unchanged fails the same way";
const DETAILS_LEFT_OUT =
  "The service's own message is left out, because it may quote the customer's phone number or " +
  "message.";

function keptThrottling(operation: string, ms: number, attempts: number, where: string): string {
  return (
    `Amazon Connect kept throttling ${operation} for ${describeDuration(ms)} (${attempts} ` +
    `attempts)${where}, so the call was given up. Lower the program's parallelism ` +
    "(`pulumi up --parallel 8`), ask for a higher quota (the API's rate in Service Quotas), " +
    `or raise ${DEADLINE_ENV}.`
  );
}

function where(context: ContactCallContext): string {
  return `instance ${context.instanceId} in ${context.region}`;
}

function contactOf(context: ContactCallContext): string {
  return context.contactId === undefined ? "the contact" : `contact ${context.contactId}`;
}

/** "a"; "a, and b"; "a, b, and c": a list of one or more items. */
function joinList(items: readonly string[]): string {
  const last = items[items.length - 1];
  return items.length === 1 ? last : `${items.slice(0, -1).join(", ")}, and ${last}`;
}

const CREDENTIALS_HELP =
  "Set AWS_PROFILE (and run `aws sso login` for an SSO profile) or AWS_ACCESS_KEY_ID and " +
  "AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials) for the Pulumi program";

type Describe = (context: ContactCallContext, error: unknown) => string;

const messages: Record<string, Describe> = {
  InvalidRequestException: (c, e) => {
    const members = memberPathsNamed(e);
    const naming = members.length === 0 ? "" : `, naming ${joinList(members)}`;
    return (
      `Amazon Connect rejected ${c.operation} for ${where(c)} as invalid${naming}. ` +
      `${FIX_AND_RUN_AGAIN}: correct the resource's inputs (\`pulumi preview\` checks most of ` +
      `them) and run \`pulumi up\` again. ${DETAILS_LEFT_OUT}`
    );
  },
  InvalidParameterException: (c) =>
    `Amazon Connect rejected a parameter of ${c.operation} for ${contactOf(c)} in ${where(c)}. ` +
    "Check that the instance ID and contact ID are IDs (not ARNs) of that instance.",
  ConflictException: (c) =>
    `Amazon Connect answered ${c.operation} for ${where(c)} with a conflict: a request with the ` +
    "same ClientToken was made with different inputs, or is still being processed. Wait a " +
    "minute and run `pulumi up` again; if the inputs changed, replace the resource so it gets " +
    "a new ClientToken.",
  InternalServiceException: (c) =>
    `Amazon Connect failed internally on ${c.operation} for ${where(c)}, after the SDK's ` +
    `retries. It may succeed later: ${SAFE_TO_RUN_AGAIN} (no second contact is made).`,
  ResourceNotFoundException: (c) => {
    const checks = [`the instance ID ${c.instanceId}`];
    if (c.contactFlowId !== undefined) {
      checks.push(`the contact flow ID ${c.contactFlowId} (a flow of that instance)`);
    }
    if (c.sourcePhoneNumberArn !== undefined) {
      checks.push(
        `that the source phone number ARN ${c.sourcePhoneNumberArn} is claimed by the instance ` +
          `and in ${c.region}`,
      );
    }
    if (c.contactId !== undefined) {
      checks.push(`the contact ID ${c.contactId}`);
    }
    return (
      `Amazon Connect did not find a resource ${c.operation} needs in ${c.region}. Check ` +
      `${joinList(checks)}.`
    );
  },
  LimitExceededException: (c) =>
    `Amazon Connect refused ${c.operation} for ${where(c)}: the instance is at its quota of ` +
    '"Concurrent active chats per instance". Stop contacts that are finished (destroy their ' +
    'resources, or set `onDelete` to "stop"), or request a quota increase in Service Quotas.',
  AccessDeniedException: (c) =>
    `Access denied to ${c.operation} for ${where(c)}. Allow the IAM action ` +
    `connect:${c.operation} on the resource ` +
    `arn:aws:connect:${c.region}:*:instance/${c.instanceId}/* for the identity the Pulumi ` +
    "program runs as.",
  ContactNotFoundException: (c) =>
    `Amazon Connect did not find ${contactOf(c)} in ${where(c)}: it ended, expired, or never ` +
    "existed.",
  InvalidActiveRegionException: (c) =>
    `Amazon Connect refused ${c.operation} for ${where(c)}: ${c.region} is not the instance's ` +
    "active Region (with Amazon Connect Global Resiliency). Call the Region where the instance's " +
    "traffic is active, set by the `region` input.",
  CredentialsProviderError: (c) =>
    `No AWS credentials found for ${c.operation} in ${c.region}. ${CREDENTIALS_HELP}.`,
  UnrecognizedClientException: (c) =>
    `AWS did not recognise the credentials used for ${c.operation} in ${c.region}: the access ` +
    `key does not exist, or the session token expired. ${CREDENTIALS_HELP}, with current values.`,
  InvalidSignatureException: (c) =>
    `AWS rejected the signature of ${c.operation} in ${c.region}: the secret access key does ` +
    "not match the access key ID, or the clock of this machine is wrong. Check " +
    "AWS_SECRET_ACCESS_KEY (or the profile's credentials) and the system clock.",
};

/** For a name without a message of its own: by HTTP status, whether running again can help. */
function otherError(c: ContactCallContext, facts: AwsErrorFacts): string {
  const { awsErrorName: name, httpStatusCode: status } = facts;
  const failed = `${c.operation} failed for ${where(c)} with ${name}`;
  if (status === undefined) {
    return (
      `${failed}, before Amazon Connect answered and not for a network reason. ` +
      `${FIX_AND_RUN_AGAIN}: check the resource's inputs (a value nested too deeply cannot be ` +
      `sent, for example) and the AWS settings of the Pulumi program. ${DETAILS_LEFT_OUT}`
    );
  }
  if (status >= 500) {
    return (
      `${failed} (HTTP ${status}), a server error, after the SDK's retries. It may succeed ` +
      `later: ${SAFE_TO_RUN_AGAIN}. ${DETAILS_LEFT_OUT}`
    );
  }
  return (
    `${failed} (HTTP ${status}): the service refused the request. ${FIX_AND_RUN_AGAIN}: check ` +
    `the resource's inputs and the identity's permissions. ${DETAILS_LEFT_OUT}`
  );
}

/** For an error that got no answer: a network code, or the SDK's `TimeoutError`. */
function notAnswered(c: ContactCallContext, code: string): string {
  const checkNetwork =
    "after the SDK's retries. Check the network, and AWS_ENDPOINT_URL_CONNECT / " +
    "AWS_ENDPOINT_URL if set";
  if (code === "TimeoutError" || code === "ETIMEDOUT") {
    return (
      `Amazon Connect in ${c.region} did not answer ${c.operation} in time (${code}), ` +
      `${checkNetwork}; raise ${REQUEST_TIMEOUT_ENV} (default ` +
      `${DEFAULT_REQUEST_TIMEOUT_MS / 1000}) if the service is only slow; ${SAFE_TO_RUN_AGAIN}.`
    );
  }
  if (code === "ECONNRESET" || code === "EPIPE") {
    return (
      `The connection to Amazon Connect in ${c.region} was dropped during ${c.operation} ` +
      `(${code}), ${checkNetwork} (a proxy or load balancer closing connections); ` +
      `${SAFE_TO_RUN_AGAIN}.`
    );
  }
  return (
    `Could not reach Amazon Connect in ${c.region} for ${c.operation} (${code}), ` +
    `${checkNetwork}; ${SAFE_TO_RUN_AGAIN}.`
  );
}

/** Adds the request ID, when AWS gave one, to a message. */
function withRequestId(message: string, facts: AwsErrorFacts): string {
  return facts.requestId === undefined ? message : `${message} Request ID: ${facts.requestId}.`;
}

/**
 * Returns a {@link ContactApiError} for an error of a call to Amazon Connect, whose message says
 * what happened and what to do. A {@link ContactApiError} is returned as it is.
 */
export function describeAwsError(error: unknown, context: ContactCallContext): Error {
  if (isContactApiError(error)) {
    return error;
  }
  const { operation } = context;
  if (isPacingDeadlineError(error)) {
    const message = keptThrottling(
      operation,
      error.deadlineMs,
      error.attempts,
      ` for ${where(context)}`,
    );
    return contactApiError(
      withRequestId(message, error.lastThrottle),
      operation,
      error.lastThrottle,
    );
  }
  const facts = factsOf(error);
  // A dropped connection reaches the SDK as a TimeoutError whose code is ECONNRESET ("socket hang
  // up"): the network code tells it apart from a request that really timed out.
  const network = networkCodeOf(error);
  const dropped = network === "ECONNRESET" || network === "EPIPE";
  const code =
    facts.awsErrorName === "TimeoutError" && facts.httpStatusCode === undefined && !dropped
      ? "TimeoutError"
      : network;
  if (code !== undefined) {
    return contactApiError(notAnswered(context, code), operation, facts);
  }
  const describe = Object.prototype.hasOwnProperty.call(messages, facts.awsErrorName)
    ? messages[facts.awsErrorName]
    : undefined;
  const message = describe?.(context, error) ?? otherError(context, facts);
  return contactApiError(withRequestId(message, facts), operation, facts);
}

/** Returns the error for an answer of `operation` that lacks `member` (`ContactId`, `Contact`). */
export function missingMemberError(context: ContactCallContext, member: string): ContactApiError {
  const runAgain =
    context.operation === "StartOutboundChatContact"
      ? "Run `pulumi up` again: the ClientToken makes the retry return the same contact."
      : "Run `pulumi refresh` again.";
  return contactApiError(
    `Amazon Connect answered ${context.operation} for ${where(context)} without a ${member}. ` +
      runAgain,
    context.operation,
    { awsErrorName: `Missing${member}` },
  );
}
