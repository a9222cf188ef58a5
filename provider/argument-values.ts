/**
 * The arguments' values as the request takes them and as the diff compares them: IDs taken out of
 * ARNs, endpoints with their types filled in, segment attributes with `connect:Subtype` set from
 * `channel`, content types as a set. The table of arguments (`arguments.ts`) names these per
 * argument.
 */
import type {
  Contact,
  SegmentAttributeValue as ApiSegmentAttributeValue,
} from "@aws-sdk/client-connect";
import { parseContactFlowRef, parseInstanceRef } from "./arn";
import {
  Channel,
  CHANNELS,
  DEFAULT_CONTENT_TYPES,
  SEGMENT_VALUE_MEMBERS,
  SUBTYPE_BY_CHANNEL,
  SUBTYPE_KEY,
} from "./limits";
import { SegmentAttributeValue } from "./types";

/** The instance ID, whether the instance was given as an ID or as an instance ARN. */
export function instanceIdOf(idOrArn: string): string {
  return parseInstanceRef(idOrArn)?.instanceId ?? idOrArn;
}

/** The contact flow ID, whether the flow was given as an ID or as a contact-flow ARN. */
export function contactFlowIdOf(idOrArn: string): string {
  return parseContactFlowRef(idOrArn)?.contactFlowId ?? idOrArn;
}

/** Segment attributes as the program writes them. */
type Segments = Readonly<Record<string, SegmentAttributeValue>> | undefined;

/**
 * The `connect:Subtype` the contact is sent with: the chosen channel's, or the one in the segment
 * attributes when no channel is chosen (check makes sure the two agree when both are given).
 */
export function subtypeOf(chosen: Channel | undefined, segments: Segments): string | undefined {
  if (chosen) {
    return SUBTYPE_BY_CHANNEL[chosen];
  }
  return segments?.[SUBTYPE_KEY]?.valueString;
}

/** Segment attributes as the API takes them, with `connect:Subtype` set from the channel. */
export function segmentAttributesOf(
  chosen: Channel | undefined,
  segments: Segments,
): Record<string, ApiSegmentAttributeValue> {
  const mapped: Record<string, ApiSegmentAttributeValue> = {};
  for (const [key, value] of Object.entries(segments ?? {})) {
    mapped[key] = toApiSegmentValue(value);
  }
  const subtype = subtypeOf(chosen, segments);
  if (subtype !== undefined) {
    mapped[SUBTYPE_KEY] = { ValueString: subtype };
  }
  return mapped;
}

/** A segment attribute value as the program writes it, as the API takes it. */
export function toApiSegmentValue(value: SegmentAttributeValue): ApiSegmentAttributeValue {
  return recased(value, asWritten, asApiMember);
}

/** A segment attribute value as DescribeContact answers it, as the program writes it. */
export function fromApiSegmentValue(value: ApiSegmentAttributeValue): SegmentAttributeValue {
  return recased(value, asApiMember, asWritten);
}

const asWritten = (member: string): string => member;
/** A member's name as the API writes it: `valueString` → `ValueString`. */
const asApiMember = (member: string): string => member[0].toUpperCase() + member.slice(1);

/**
 * A segment attribute value with each member's name recased, from `from` to `to`, at every depth
 * of its lists and maps. The two spellings differ only in their first letter.
 */
function recased(
  value: object,
  from: (member: string) => string,
  to: (member: string) => string,
): Record<string, unknown> {
  const given = value as Record<string, unknown>;
  const inner = (nested: unknown) => recased(nested as object, from, to);
  const mapped: Record<string, unknown> = {};
  for (const member of SEGMENT_VALUE_MEMBERS) {
    const item = given[from(member)];
    if (item === undefined) continue;
    if (member === "valueList") {
      mapped[to(member)] = (item as unknown[]).map(inner);
    } else if (member === "valueMap") {
      mapped[to(member)] = Object.fromEntries(
        Object.entries(item as object).map(([key, nested]) => [key, inner(nested)]),
      );
    } else {
      mapped[to(member)] = item;
    }
  }
  return mapped;
}

/** The supported content types as a set: sorted, each once, the service's default when absent. */
export function contentTypesOf(types: readonly string[] | undefined | null): string[] {
  return types ? [...new Set(types)].sort() : [...DEFAULT_CONTENT_TYPES];
}

/** An endpoint with its type filled in: the view and the request member of both endpoints. */
export function endpointOf(value: unknown, defaultType: string): unknown {
  if (value === null || typeof value !== "object") {
    return value;
  }
  const { type, address } = value as { type?: string; address?: string };
  return { Type: type ?? defaultType, Address: address };
}

/** The channel whose subtype a contact DescribeContact answered with has, if it is one of them. */
export function channelOfContact(contact: Contact): Channel | undefined {
  const subtype = contact.SegmentAttributes?.[SUBTYPE_KEY]?.ValueString;
  return CHANNELS.find((name) => SUBTYPE_BY_CHANNEL[name] === subtype);
}

/**
 * The segment attributes of a contact DescribeContact answered with, as the program writes them:
 * `connect:Subtype` left out when a channel stands for it; undefined when there are none.
 */
export function segmentsOfContact(
  contact: Contact,
): Record<string, SegmentAttributeValue> | undefined {
  // Not a computed key in a destructuring: the closure serializer misses the module it names.
  const segments = { ...contact.SegmentAttributes };
  if (channelOfContact(contact) !== undefined) {
    delete segments[SUBTYPE_KEY];
  }
  const entries = Object.entries(segments);
  return entries.length === 0
    ? undefined
    : Object.fromEntries(entries.map(([key, value]) => [key, fromApiSegmentValue(value)]));
}
