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

export function toApiSegmentValue(value: SegmentAttributeValue): ApiSegmentAttributeValue {
  const mapped: ApiSegmentAttributeValue = {};
  if (value.valueString !== undefined) mapped.ValueString = value.valueString;
  if (value.valueInteger !== undefined) mapped.ValueInteger = value.valueInteger;
  if (value.valueArn !== undefined) mapped.ValueArn = value.valueArn;
  if (value.valueList !== undefined) mapped.ValueList = value.valueList.map(toApiSegmentValue);
  if (value.valueMap !== undefined) {
    mapped.ValueMap = Object.fromEntries(
      Object.entries(value.valueMap).map(([key, nested]) => [key, toApiSegmentValue(nested)]),
    );
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
