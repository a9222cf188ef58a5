/**
 * What of an AWS error may be passed on in our errors: the policy, for any format of message.
 *
 * The service echoes input in its messages, quoted or not and in any form: a destination as
 * `+14155550123`, `(415) 555-0123` or `415.555.0123`, words of the chat message, template attribute
 * values. No pattern can tell all of them from harmless text, so nothing of the service's message is
 * copied. An error of ours carries only:
 * - the AWS error's name, when it is a plain identifier without a run of 4 or more digits (else
 *   `Error`);
 * - the HTTP status code;
 * - the request ID, when it has the form of one (letters, digits and dashes);
 * - for a validation error, the request members the service's message names, each given as our own
 *   copy from {@link REQUEST_MEMBER_PATHS} (so only text written here can come out);
 * - for a network error, its code, from a fixed list;
 * - and a message of our own (`errors.ts`), which names only IDs, ARNs, the Region and the
 *   operation, never a value of the request.
 * The original error is not kept (not even as `cause`), since its message may hold any of these.
 */
import { START_REQUEST_MEMBER_PATHS } from "../arguments";

/** What an error of the AWS SDK may carry. */
interface AwsErrorShape {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown; readonly requestId?: unknown };
}

/** The facts of an AWS error that may be passed on. */
export interface AwsErrorFacts {
  /** The AWS error's name, such as `ResourceNotFoundException`; `Error` when it has none. */
  readonly awsErrorName: string;
  /** The HTTP status of the answer. @default - not set when no answer came */
  readonly httpStatusCode?: number;
  /** The ID AWS gave the request. @default - not set when the answer had none */
  readonly requestId?: string;
}

/**
 * The members of the requests this package sends, as AWS names them in validation messages
 * (camelCased, nested members joined with dots): StartOutboundChatContact's from the table of
 * arguments, and those of the other operations. Map keys are not members.
 */
export const REQUEST_MEMBER_PATHS: readonly string[] = [
  ...START_REQUEST_MEMBER_PATHS,
  "contactId",
  "initialContactId",
  "disconnectReason",
  "disconnectReason.code",
];

/** The Node.js codes of errors that mean the network, not the service, failed. */
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

const ERROR_NAME = /^[A-Za-z][A-Za-z0-9]{0,99}$/;
const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/;
/** A word that may name a member: `initialSystemMessage.content`, `segmentAttributes.connect:x`. */
const MEMBER_WORD = /[A-Za-z][\w.:]*/g;

function shapeOf(error: unknown): AwsErrorShape {
  return typeof error === "object" && error !== null ? error : {};
}

/** Returns the AWS error's name when it is a plain identifier with no run of 4 digits; else `Error`. */
export function errorNameOf(error: unknown): string {
  const { name } = shapeOf(error);
  return typeof name === "string" && ERROR_NAME.test(name) && !/\d{4}/.test(name) ? name : "Error";
}

/** Returns the HTTP status of the answer, or `undefined` when no answer came. */
function httpStatusOf(error: unknown): number | undefined {
  const status = shapeOf(error).$metadata?.httpStatusCode;
  // Number.isInteger is true of integers only, never of a value of another type.
  return Number.isInteger(status) ? (status as number) : undefined;
}

/** Returns the facts of an AWS error that may be passed on (see the module's policy). */
export function factsOf(error: unknown): AwsErrorFacts {
  const httpStatusCode = httpStatusOf(error);
  const requestId = shapeOf(error).$metadata?.requestId;
  return {
    awsErrorName: errorNameOf(error),
    ...(httpStatusCode === undefined ? {} : { httpStatusCode }),
    ...(typeof requestId === "string" && REQUEST_ID.test(requestId) ? { requestId } : {}),
  };
}

/** Returns the network code of an error that got no answer, from {@link NETWORK_CODES}. */
export function networkCodeOf(error: unknown): string | undefined {
  const { code } = shapeOf(error);
  return httpStatusOf(error) === undefined
    ? NETWORK_CODES.find((known) => known === code)
    : undefined;
}

/**
 * Returns the request members that the error's message names, in the order it names them, each
 * as written in {@link REQUEST_MEMBER_PATHS} (never as the message writes it). A word that names a
 * member inside a map (`segmentAttributes.connect:Subtype`) gives the member (`segmentAttributes`).
 */
export function memberPathsNamed(error: unknown): string[] {
  const { message } = shapeOf(error);
  if (typeof message !== "string") {
    return [];
  }
  const found: string[] = [];
  for (const [word] of message.matchAll(MEMBER_WORD)) {
    const path = knownMemberPath(word);
    if (path !== undefined && !found.includes(path)) {
      found.push(path);
    }
  }
  return found;
}

/**
 * The longest member path the word starts with, dot by dot, compared without case. Trailing dots
 * (`contactId.`) give empty parts, which no path has, so they are passed over.
 */
function knownMemberPath(word: string): string | undefined {
  const parts = word.toLowerCase().split(".");
  for (let count = parts.length; count >= 1; count -= 1) {
    const candidate = parts.slice(0, count).join(".");
    const known = REQUEST_MEMBER_PATHS.find((path) => path.toLowerCase() === candidate);
    if (known !== undefined) {
      return known;
    }
  }
  return undefined;
}
