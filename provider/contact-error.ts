/**
 * The errors of `OutboundChatContact` itself, as opposed to those of a call to Amazon Connect
 * (`ContactApiError`, `aws/api-error.ts`): each carries a stable `code` to tell it by, never its
 * message, which may be reworded. The messages are written where each error is thrown
 * (`lifecycle.ts`, `settings.ts`).
 *
 * A plain `Error` with a name and a code, made by a factory: the closure serializer turns an `Error`
 * subclass into a function that loses the message. Only the message crosses Pulumi's
 * dynamic-provider host, which passes on `message` alone: `pulumi up` prints it, and `code` is for
 * code that calls the provider in its own process.
 */
import { namedError } from "./aws/api-error";

/** What went wrong, for code to tell the errors of {@link OutboundChatContactError} apart. */
export type OutboundChatContactErrorCode =
  /**
   * A create was answered with a contact that had ended before the create began: its ClientToken
   * had been used within the last 7 days, and no message was sent now.
   */
  | "ReusedClientToken"
  /**
   * No Region: none of the `region` argument, an instance ARN, the stack's `aws:region` (the
   * provider's `region`), AWS_REGION / AWS_DEFAULT_REGION or the profile's region is set.
   */
  | "NoRegion"
  /** An AWS setting (`aws:profile`, `aws:assumeRoles`, ...) that cannot be used, as given. */
  | "InvalidAwsSetting"
  /** A read of a contact without the outputs stored when it was created (an import, say). */
  | "MissingState"
  /** A create with no URN to derive its ClientToken from, and no `clientToken` given. */
  | "MissingUrn"
  /** `pulumi import` was given an ID that is neither `<instanceId>/<contactId>` nor a contact ARN. */
  | "InvalidImportId";

/** An error of `OutboundChatContact`, told apart by its {@link OutboundChatContactErrorCode}. */
export interface OutboundChatContactError extends Error {
  readonly name: "OutboundChatContactError";
  readonly code: OutboundChatContactErrorCode;
}

/** Returns an {@link OutboundChatContactError} with a code and a message. */
export function outboundChatContactError(
  code: OutboundChatContactErrorCode,
  message: string,
): OutboundChatContactError {
  return Object.assign(namedError("OutboundChatContactError", message), {
    code,
  }) as OutboundChatContactError;
}

/** Whether `error` is an {@link OutboundChatContactError} (of any code, or of `code`). */
export function isOutboundChatContactError(
  error: unknown,
  code?: OutboundChatContactErrorCode,
): error is OutboundChatContactError {
  return (
    error instanceof Error &&
    error.name === "OutboundChatContactError" &&
    typeof (error as { code?: unknown }).code === "string" &&
    (code === undefined || (error as { code?: unknown }).code === code)
  );
}
