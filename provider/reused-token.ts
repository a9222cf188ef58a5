/**
 * A ClientToken used before: Amazon Connect answers a create whose token it saw within 7 days with
 * the contact of that earlier send, and sends nothing. How a create tells that from a new contact,
 * and the error that says so.
 */
import { describeContact } from "./aws/calls";
import { outboundChatContactError, type OutboundChatContactError } from "./contact-error";

/**
 * How much earlier than the create a contact must have ended to count as an earlier send: the
 * clock skew AWS tolerates for a signed request, so that a contact ended by its flow moments
 * after this create's own send is never mistaken for an old one.
 */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * The reused-token check. When the contact a create was answered with had already ended before
 * the create began, the ClientToken had been used within the API's 7 days by an earlier send (the
 * resource was destroyed and declared again, or its inputs went back to earlier values), and
 * Amazon Connect sent nothing now. Returns when it ended, or undefined when the contact is new,
 * still open, ended within the clock skew of the create, or cannot be read: a failure to check
 * never fails a create whose message may have gone out.
 */
export async function reusedTokenEndedAt(
  region: string,
  instanceId: string,
  contactId: string,
  createStartedAt: Date,
): Promise<Date | undefined> {
  const contact = await describeContact(region, instanceId, contactId).catch(() => undefined);
  const ended = contact?.DisconnectTimestamp;
  return ended !== undefined && ended.getTime() < createStartedAt.getTime() - CLOCK_SKEW_MS
    ? ended
    : undefined;
}

/**
 * The error for a create that sent nothing because its token had been used before. It never
 * includes the token: a derived token is a digest of the URN and the inputs, so a printed one can
 * be searched back to the destination number. It says where to read it instead.
 */
export function reusedTokenError(contactId: string, endedAt: Date): OutboundChatContactError {
  return outboundChatContactError(
    "ReusedClientToken",
    `Amazon Connect answered with contact ${contactId}, which had ended at ` +
      `${endedAt.toISOString()}, before this create began: its ClientToken was used within the ` +
      "last 7 days (by this resource before it was destroyed, or with the inputs it had before), " +
      "so no message was sent now. To send it again, change `triggers`. If this create retries " +
      "one that was interrupted and that contact is the one you meant, keep it by setting " +
      "`clientToken` to the token it was started with: the resource's secret `clientToken` " +
      "output in the deployment that started it (`pulumi stack export --version <N> " +
      "--show-secrets`).",
  );
}
