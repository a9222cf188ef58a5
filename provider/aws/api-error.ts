/**
 * The error types of `provider/aws`: plain `Error`s with a name and data, made by factories (the
 * closure serializer turns an `Error` subclass into a function that loses the message and the
 * name). Their messages are written in `errors.ts`.
 */
import type { AwsErrorFacts } from "./redact";

/**
 * An error of a call to Amazon Connect: a message of ours and the facts of the AWS error it
 * replaces (`awsErrorName` is `Error` when it was not an AWS error). The AWS error itself is not
 * kept: its message may quote the request.
 */
export interface ContactApiError extends Error, AwsErrorFacts {
  readonly name: "ContactApiError";
  /** The API operation that failed. */
  readonly operation: string;
}

/** Thrown by the pacer when a call was still being throttled at its deadline. */
export interface PacingDeadlineError extends Error {
  readonly name: "PacingDeadlineError";
  /** The operation that kept being throttled. */
  readonly operation: string;
  /** How long the call was given, in milliseconds. */
  readonly deadlineMs: number;
  /** How many times the request was sent. */
  readonly attempts: number;
  /** The facts of the last throttle. */
  readonly lastThrottle: AwsErrorFacts;
}

/** An `Error` with our name: a factory, since the closure serializer breaks `Error` subclasses. */
export function namedError(name: string, message: string): Error {
  const error = new Error(message);
  Object.defineProperty(error, "name", { value: name, enumerable: false, configurable: true });
  error.stack = (error.stack ?? "").replace(/^Error/, name);
  return error;
}

/** Returns a {@link ContactApiError} with `message` and the facts of an AWS error. */
export function contactApiError(
  message: string,
  operation: string,
  facts: AwsErrorFacts,
): ContactApiError {
  return Object.assign(namedError("ContactApiError", message), {
    ...facts,
    operation,
  }) as ContactApiError;
}

/** Whether `error` is a {@link ContactApiError}. */
export function isContactApiError(error: unknown): error is ContactApiError {
  return (
    error instanceof Error &&
    error.name === "ContactApiError" &&
    typeof (error as { awsErrorName?: unknown }).awsErrorName === "string"
  );
}

/** Returns a {@link PacingDeadlineError} with `message` (written in `errors.ts`). */
export function makePacingDeadlineError(
  message: string,
  details: Omit<PacingDeadlineError, keyof Error>,
): PacingDeadlineError {
  return Object.assign(namedError("PacingDeadlineError", message), details) as PacingDeadlineError;
}

/** Whether `error` is a {@link PacingDeadlineError}. */
export function isPacingDeadlineError(error: unknown): error is PacingDeadlineError {
  return error instanceof Error && error.name === "PacingDeadlineError";
}
