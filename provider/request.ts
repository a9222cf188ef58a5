/**
 * The StartOutboundChatContact request for checked inputs, its comparable form (defaults written
 * as left out), and the ClientToken derived from it: what one intended send is.
 */
import { createHash, createHmac } from "crypto";
import { contentTypesOf } from "./argument-values";
import { ARGUMENT_ENTRIES, StartRequest } from "./arguments";
import { canonicalJson } from "./canonical";
import { DEFAULT_CHAT_DURATION_MINUTES, DEFAULT_CONTENT_TYPES } from "./limits";
import { ContactInputs } from "./types";

export type { StartRequest };

/** The StartOutboundChatContact request for checked inputs, with every default filled in. */
export function toStartRequest(inputs: ContactInputs): StartRequest {
  const request: Record<string, unknown> = {};
  for (const [, argument] of ARGUMENT_ENTRIES) {
    const value = argument.member && argument.request?.(inputs);
    // Pulumi may deliver a member left out as null: it is no member.
    if (value !== undefined && value !== null) {
      request[argument.member!] = value;
    }
  }
  return request as StartRequest;
}

/**
 * The request as it defines the contact, for comparing and for the token: what the service does
 * when a member is left out is written as leaving it out, and the content types are a set. So
 * spelling out a default (a chat duration of 1500 minutes) neither replaces the contact nor
 * changes its token.
 */
export function comparableRequest(inputs: ContactInputs): StartRequest {
  return comparable(toStartRequest(inputs));
}

/** {@link comparableRequest} of a request already made with {@link toStartRequest}. */
export function comparable(startRequest: StartRequest): StartRequest {
  const {
    ChatDurationInMinutes: duration,
    SupportedMessagingContentTypes: types,
    ...request
  } = startRequest;
  const contentTypes = contentTypesOf(types);
  return {
    ...request,
    ...(duration === undefined || duration === DEFAULT_CHAT_DURATION_MINUTES
      ? {}
      : { ChatDurationInMinutes: duration }),
    ...(contentTypes.join() === DEFAULT_CONTENT_TYPES.join()
      ? {}
      : { SupportedMessagingContentTypes: contentTypes }),
  };
}

/**
 * What makes one intended send: every input that defines the contact (the request without its
 * Attributes, which are updated in place), the `triggers`, and the Region. Defaults are filled in
 * first, so spelling out a default gives the same identity as leaving it out.
 */
export function contactIdentity(inputs: ContactInputs, region: string): string {
  return identityOf(comparableRequest(inputs), inputs.triggers, region);
}

/** {@link contactIdentity} from the comparable request already made for the inputs. */
export function identityOf(
  comparable: StartRequest,
  triggers: readonly unknown[] | undefined,
  region: string,
): string {
  const { Attributes: _attributes, ...request } = comparable;
  return canonicalJson({ request, triggers: triggers ?? [], region });
}

/**
 * The ClientToken for a contact: the SHA-256 (hex, 64 characters) of the resource's URN together
 * with its identity. The same URN and inputs give the same token in every process and on every
 * run, so a retried or repeated create within the API's 7-day window returns the contact already
 * started instead of sending again. A replacement changes the identity and so the token, so the
 * new contact is never answered with the old one's ContactId.
 *
 * With a `key` (the `clientTokenKey` setting, a stack secret) the token is the HMAC-SHA-256 of the
 * same text under that key instead: AWS may record a ClientToken in the account's logs, and a plain
 * digest can be searched back to the destination number by whoever knows the URN and the message
 * (the numbers of an exchange are few). Without the key no such search can succeed.
 */
export function deriveClientToken(urn: string, identity: string, key?: string): string {
  const text = canonicalJson({ urn, identity });
  return key === undefined || key === ""
    ? createHash("sha256").update(text).digest("hex")
    : createHmac("sha256", key).update(text).digest("hex");
}
