/**
 * `pulumi import` of a contact Pulumi did not start: the ID to import, and the arguments
 * DescribeContact gives back, written as the program would write them. The arguments it cannot
 * give back (the destination, the messages, the flow) are taken from the program at the next
 * `pulumi up`, in place (`readBack` in `arguments.ts`).
 */
import type {
  Contact,
  SegmentAttributeValue as ApiSegmentAttributeValue,
} from "@aws-sdk/client-connect";
import { parseContactRef } from "./arn";
import { describeContact } from "./aws/calls";
import { outboundChatContactError } from "./contact-error";
import { CHANNELS, SUBTYPE_BY_CHANNEL, SUBTYPE_KEY } from "./limits";
import { resolveRegion } from "./region";
import { ContactInputs, ContactOutputs, SegmentAttributeValue } from "./types";

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
  const region = ref.region ?? resolveRegion({ instanceId: ref.instanceId });
  const contact = await describeContact(region, ref.instanceId, ref.contactId);
  const inputs = importedInputs(contact, ref.instanceId, region);
  const initiationTimestamp = contact.InitiationTimestamp?.toISOString();
  const disconnectTimestamp = contact.DisconnectTimestamp?.toISOString();
  const outs = {
    ...inputs,
    contactId: ref.contactId,
    clientTokenSource: "imported",
    region,
    ...(initiationTimestamp ? { initiationTimestamp } : {}),
    ...(disconnectTimestamp ? { disconnectTimestamp } : {}),
  } as ContactOutputs;
  return { id: ref.contactId, inputs, outs };
}

/** The arguments DescribeContact gives back, as the program would write them. */
function importedInputs(
  contact: Contact,
  instanceId: string,
  region: string,
): Partial<ContactInputs> {
  // Not a computed key in a destructuring: the closure serializer misses the module it names.
  const others = { ...contact.SegmentAttributes };
  const subtype = others[SUBTYPE_KEY];
  delete others[SUBTYPE_KEY];
  const channel = CHANNELS.find((name) => SUBTYPE_BY_CHANNEL[name] === subtype?.ValueString);
  const source = contact.SystemEndpoint?.Address;
  const attributes = contact.Attributes ?? {};
  const segmentAttributes = Object.fromEntries(
    Object.entries(others).map(([key, value]) => [key, fromApiSegmentValue(value)]),
  );
  return {
    instanceId,
    region,
    ...(source === undefined ? {} : { sourceEndpoint: { address: source } }),
    ...(channel === undefined ? {} : { channel }),
    ...(channel === undefined && subtype !== undefined
      ? { segmentAttributes: { ...segmentAttributes, [SUBTYPE_KEY]: fromApiSegmentValue(subtype) } }
      : Object.keys(segmentAttributes).length > 0
        ? { segmentAttributes }
        : {}),
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
    ...(contact.RelatedContactId === undefined
      ? {}
      : { relatedContactId: contact.RelatedContactId }),
  };
}

/** A segment attribute value as DescribeContact answers it, as the program writes it. */
export function fromApiSegmentValue(value: ApiSegmentAttributeValue): SegmentAttributeValue {
  const mapped: Record<string, unknown> = {};
  if (value.ValueString !== undefined) mapped.valueString = value.ValueString;
  if (value.ValueInteger !== undefined) mapped.valueInteger = value.ValueInteger;
  if (value.ValueArn !== undefined) mapped.valueArn = value.ValueArn;
  if (value.ValueList !== undefined) mapped.valueList = value.ValueList.map(fromApiSegmentValue);
  if (value.ValueMap !== undefined) {
    mapped.valueMap = Object.fromEntries(
      Object.entries(value.ValueMap).map(([key, nested]) => [key, fromApiSegmentValue(nested)]),
    );
  }
  return mapped;
}
