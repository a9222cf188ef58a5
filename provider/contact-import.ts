/**
 * `pulumi import` of a contact Pulumi did not start: the ID to import, and the arguments
 * DescribeContact gives back, written as the program would write them. The arguments it cannot
 * give back (the destination, the messages, the flow) are taken from the program at the next
 * `pulumi up`, in place. Each argument's `readBack` in `arguments.ts` says what it is read from.
 */
import { ARGUMENT_ENTRIES } from "./arguments";
import { parseContactRef } from "./arn";
import { describeContact } from "./aws/calls";
import { outboundChatContactError } from "./contact-error";
import { resolveRegion } from "./region";
import { ContactInputs, ContactOutputs } from "./types";

/**
 * Reads a contact that Pulumi did not start, for `pulumi import`: `id` is `<instanceId>/<contactId>`
 * (in the Region of the provider's settings) or the contact's ARN. Returns what DescribeContact
 * gives back as inputs and outputs; the rest (the destination, the messages, the flow) is taken
 * from the program at the next `pulumi up`, in place (`readBack` in `arguments.ts`). The contact's
 * ClientToken cannot be known: its `clientTokenSource` is `"imported"`.
 */
export async function importContact(
  id: string,
): Promise<{ id: string; inputs: Partial<ContactInputs>; outs: ContactOutputs }> {
  const ref = parseContactRef(id);
  if (ref === undefined) {
    throw outboundChatContactError(
      "InvalidImportId",
      `OutboundChatContact cannot import "${id.slice(0, 300)}": the ID to import is ` +
        "`<instanceId>/<contactId>` (in the provider's Region) or the contact's ARN " +
        "(arn:aws:connect:<region>:<account>:instance/<instanceId>/contact/<contactId>).",
    );
  }
  const place = { instanceId: ref.instanceId, region: resolveRegion(ref) };
  const contact = await describeContact(place.region, place.instanceId, ref.contactId);
  const inputs: Record<string, unknown> = {};
  for (const [name, argument] of ARGUMENT_ENTRIES) {
    const value = argument.readBack?.(contact, place);
    if (value !== undefined) {
      inputs[name] = value;
    }
  }
  const initiationTimestamp = contact.InitiationTimestamp?.toISOString();
  const disconnectTimestamp = contact.DisconnectTimestamp?.toISOString();
  const outs = {
    ...inputs,
    contactId: ref.contactId,
    clientTokenSource: "imported",
    ...(initiationTimestamp ? { initiationTimestamp } : {}),
    ...(disconnectTimestamp ? { disconnectTimestamp } : {}),
  } as ContactOutputs;
  return { id: ref.contactId, inputs, outs };
}
