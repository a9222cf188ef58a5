import { createHash } from "crypto";
import { canonicalJson } from "./canonical";
import { comparableRequest, StartRequest } from "./request";
import { ContactInputs } from "./types";

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
 */
export function deriveClientToken(urn: string, identity: string): string {
  return createHash("sha256").update(canonicalJson({ urn, identity })).digest("hex");
}
