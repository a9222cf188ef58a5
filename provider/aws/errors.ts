/**
 * Errors of the Amazon Connect API, told in words that say what happened and what to do.
 *
 * AWS errors are recognised by `name` only, never by their message. Of the service's own message,
 * only the names of the request members it mentions are passed on, for `InvalidRequestException`
 * (the one that says which input is wrong): see `redact.ts`. No message includes other text from
 * the service or from the request: a customer's phone number, a chat message or a template value
 * never reaches a log through these errors, in whatever form the service wrote it.
 */
import { describeDuration, isPacingDeadlineError } from "./pacing";
import { memberNamesIn } from "./redact";

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
 * An error of a call to Amazon Connect. `awsErrorName` is the name of the AWS error it wraps (or
 * `Error` when it was not an AWS error); `cause` is that error, kept for debugging and left out of
 * `message`, `stack` and `util.inspect`.
 */
export interface ContactApiError extends Error {
  readonly name: "ContactApiError";
  /** The AWS error's name, such as `ResourceNotFoundException`. */
  readonly awsErrorName: string;
  /** The API operation that failed. */
  readonly operation: string;
  /** The HTTP status of the answer. @default - not set when no answer came */
  readonly httpStatusCode?: number;
}

/**
 * Makes a {@link ContactApiError}. A factory rather than a subclass of `Error`: run from source,
 * the provider is serialized by value, and Pulumi's closure serializer turns an `Error` subclass
 * into a plain function that loses the message and the name.
 */
export function contactApiError(
  message: string,
  details: { awsErrorName: string; operation: string; httpStatusCode?: number },
  cause: unknown,
): ContactApiError {
  const error = new Error(message);
  const hidden = (value: unknown): PropertyDescriptor => ({
    value,
    enumerable: false,
    writable: false,
    configurable: true,
  });
  Object.defineProperty(error, "name", hidden("ContactApiError"));
  error.stack = (error.stack ?? "").replace(/^Error/, "ContactApiError");
  Object.assign(error, {
    awsErrorName: details.awsErrorName,
    operation: details.operation,
    ...(details.httpStatusCode === undefined ? {} : { httpStatusCode: details.httpStatusCode }),
  });
  // Not enumerable: JSON.stringify and object spreads leave it out.
  Object.defineProperty(error, "cause", hidden(cause));
  // What `console.log` and `util.inspect` show: the stack and the AWS error's name, not the cause.
  Object.defineProperty(
    error,
    Symbol.for("nodejs.util.inspect.custom"),
    hidden(() => `${error.stack}\n  awsErrorName: ${details.awsErrorName}`),
  );
  return error as ContactApiError;
}

/** Whether `error` is a {@link ContactApiError}. */
export function isContactApiError(error: unknown): error is ContactApiError {
  return (
    error instanceof Error &&
    error.name === "ContactApiError" &&
    typeof (error as { awsErrorName?: unknown }).awsErrorName === "string"
  );
}

interface AwsErrorShape {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown };
}

function errorName(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    const { name } = error as AwsErrorShape;
    if (typeof name === "string" && name !== "") {
      return name;
    }
  }
  return "Error";
}

function statusCode(error: unknown): number | undefined {
  if (typeof error === "object" && error !== null) {
    const status = (error as AwsErrorShape).$metadata?.httpStatusCode;
    return typeof status === "number" ? status : undefined;
  }
  return undefined;
}

/** The request members the service's message names, as a clause: ", naming a and b". */
function namedMembers(error: unknown): string {
  const names =
    typeof error === "object" && error !== null
      ? memberNamesIn((error as AwsErrorShape).message)
      : [];
  return names.length === 0 ? "" : `, naming ${joinList(names)}`;
}

/**
 * The name of the AWS error behind `error`: the `awsErrorName` of a {@link ContactApiError}, else
 * the error's own `name` (`Error` when it has none).
 */
export function awsErrorNameOf(error: unknown): string {
  return isContactApiError(error) ? error.awsErrorName : errorName(error);
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

type Describe = (context: ContactCallContext, error: unknown) => string;

function where(context: ContactCallContext): string {
  return `instance ${context.instanceId} in ${context.region}`;
}

function contactOf(context: ContactCallContext): string {
  return context.contactId === undefined ? "the contact" : `contact ${context.contactId}`;
}

function instanceArn(context: ContactCallContext): string {
  return `arn:aws:connect:${context.region}:*:instance/${context.instanceId}/*`;
}

function iamAction(context: ContactCallContext): string {
  return `connect:${context.operation}`;
}

const CREDENTIALS_HELP =
  "Set AWS_PROFILE (and run `aws sso login` for an SSO profile) or AWS_ACCESS_KEY_ID and " +
  "AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials) for the Pulumi program";

const messages: Record<string, Describe> = {
  InvalidRequestException: (c, e) =>
    `Amazon Connect rejected ${c.operation} for ${where(c)} as invalid${namedMembers(e)}. ` +
    "Correct the resource's inputs; `pulumi preview` checks them before anything is sent. " +
    "The service's own message is left out (it may quote the inputs); it is in the error's " +
    "`cause`.",
  InvalidParameterException: (c) =>
    `Amazon Connect rejected a parameter of ${c.operation} for ${contactOf(c)} in ${where(c)}. ` +
    "Check that the instance ID and contact ID are IDs (not ARNs) of that instance.",
  ConflictException: (c) =>
    `Amazon Connect answered ${c.operation} for ${where(c)} with a conflict: a request with the ` +
    "same ClientToken was made with different inputs, or is still being processed. Wait a " +
    "minute and run `pulumi up` again; if the inputs changed, replace the resource so it gets " +
    "a new ClientToken.",
  InternalServiceException: (c) =>
    `Amazon Connect failed internally on ${c.operation} for ${where(c)}. Retry later: it is safe ` +
    "to run `pulumi up` again, because the ClientToken makes the retry idempotent (no second " +
    "contact is made).",
  ServiceUnavailableException: (c, e) => messages.InternalServiceException(c, e),
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
  ThrottlingException: (c) =>
    `Amazon Connect throttled ${c.operation} for ${where(c)}. Lower the program's parallelism ` +
    "(`pulumi up --parallel 8`), ask for a higher quota, or raise " +
    "PULUMI_CONNECT_DEADLINE_SECONDS.",
  TooManyRequestsException: (c, e) => messages.ThrottlingException(c, e),
  AccessDeniedException: (c) =>
    `Access denied to ${c.operation} for ${where(c)}. Allow the IAM action ${iamAction(c)} on ` +
    `the resource ${instanceArn(c)} for the identity the Pulumi program runs as.`,
  ContactNotFoundException: (c) =>
    `Amazon Connect has no ${contactOf(c)} in ${where(c)}: it ended, expired, or never existed.`,
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

const NETWORK_CODES: readonly string[] = [
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
];

function networkCode(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    const { code } = error as { code?: unknown };
    if (typeof code === "string" && NETWORK_CODES.includes(code)) {
      return code;
    }
  }
  return errorName(error);
}

function isNetworkError(error: unknown): boolean {
  return (
    statusCode(error) === undefined &&
    (errorName(error) === "TimeoutError" || NETWORK_CODES.includes(networkCode(error)))
  );
}

/** A request or connection that timed out: the SDK's `TimeoutError`, or `ETIMEDOUT`. */
function isTimeout(error: unknown): boolean {
  return errorName(error) === "TimeoutError" || networkCode(error) === "ETIMEDOUT";
}

function joinList(items: string[]): string {
  if (items.length <= 2) {
    return items.join(" and ");
  }
  return `${items.slice(0, -1).join(", ")}, and ${items[items.length - 1]}`;
}

/**
 * Wraps an error of a call to Amazon Connect in a {@link ContactApiError} whose message says what
 * happened and what to do. The original error is kept as `cause`; its message is never copied:
 * of an `InvalidRequestException`'s, only the request members it names.
 */
export function describeAwsError(error: unknown, context: ContactCallContext): Error {
  if (isContactApiError(error)) {
    return error;
  }
  if (isPacingDeadlineError(error)) {
    return contactApiError(
      `Amazon Connect kept throttling ${context.operation} for ` +
        `${describeDuration(error.deadlineMs)} (${error.attempts} attempts) for ` +
        `${where(context)}, so the call was given up. Lower the program's parallelism ` +
        "(`pulumi up --parallel 8`), ask for a higher quota (the API's rate in Service Quotas), " +
        "or raise PULUMI_CONNECT_DEADLINE_SECONDS.",
      {
        awsErrorName: errorName(error.cause),
        operation: context.operation,
        httpStatusCode: statusCode(error.cause),
      },
      error,
    );
  }
  const name = errorName(error);
  const httpStatusCode = statusCode(error);
  if (isNetworkError(error) && isTimeout(error)) {
    return contactApiError(
      `Amazon Connect in ${context.region} did not answer ${context.operation} in time ` +
        `(${name === "TimeoutError" ? name : networkCode(error)}), after the SDK's retries. ` +
        "Check the network, and AWS_ENDPOINT_URL_CONNECT / AWS_ENDPOINT_URL if set; raise " +
        "PULUMI_CONNECT_REQUEST_TIMEOUT_SECONDS (default 60) if the service is only slow. It is " +
        "safe to run `pulumi up` again, because the ClientToken makes the retry idempotent.",
      { awsErrorName: name, operation: context.operation, httpStatusCode },
      error,
    );
  }
  if (isNetworkError(error)) {
    return contactApiError(
      `Could not reach Amazon Connect in ${context.region} for ${context.operation} ` +
        `(${networkCode(error)}), after the SDK's retries. Check the network, and ` +
        "AWS_ENDPOINT_URL_CONNECT / AWS_ENDPOINT_URL if set; it is safe to run `pulumi up` " +
        "again, because the ClientToken makes the retry idempotent.",
      { awsErrorName: name, operation: context.operation, httpStatusCode },
      error,
    );
  }
  const describe = Object.prototype.hasOwnProperty.call(messages, name)
    ? messages[name]
    : undefined;
  const message =
    describe !== undefined
      ? describe(context, error)
      : `${context.operation} failed for ${where(context)} with ${name}` +
        (httpStatusCode === undefined ? "" : ` (HTTP ${httpStatusCode})`) +
        ". The error's details are left out because they may contain the customer's phone " +
        "number or message; they are in the error's `cause`." +
        // Only a fault of the service's side may pass when tried again.
        (httpStatusCode !== undefined && httpStatusCode >= 500
          ? " It is a fault on the service's side: it is safe to run `pulumi up` again, because " +
            "the ClientToken makes the retry idempotent."
          : "");
  return contactApiError(
    message,
    { awsErrorName: name, operation: context.operation, httpStatusCode },
    error,
  );
}
