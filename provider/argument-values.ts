/**
 * The arguments' values as the request takes them and as the diff compares them: IDs taken out of
 * ARNs, endpoints with their types filled in, segment attributes with `connect:Subtype` set from
 * `channel`, content types as a set. The table of arguments (`arguments.ts`) names these per
 * argument.
 */
import type { SegmentAttributeValue as ApiSegmentAttributeValue } from "@aws-sdk/client-connect";
import { parseContactFlowRef, parseInstanceRef } from "./arn";
import { DEFAULT_CONTENT_TYPES, SUBTYPE_BY_CHANNEL, SUBTYPE_KEY } from "./limits";
import { ContactInputs, SegmentAttributeValue } from "./types";

/** The instance ID, whether `instanceId` was given as an ID or as an instance ARN. */
export function instanceIdOf(instanceId: string): string {
  return parseInstanceRef(instanceId)?.instanceId ?? instanceId;
}

/** The contact flow ID, whether `contactFlowId` was given as an ID or as a contact-flow ARN. */
export function contactFlowIdOf(contactFlowId: string): string {
  return parseContactFlowRef(contactFlowId)?.contactFlowId ?? contactFlowId;
}

/**
 * The `connect:Subtype` the contact is sent with: from `channel`, or from `segmentAttributes` when
 * `channel` is left out (check makes sure the two agree when both are given).
 */
export function subtypeOf(inputs: ContactInputs): string | undefined {
  if (inputs.channel) {
    return SUBTYPE_BY_CHANNEL[inputs.channel];
  }
  return inputs.segmentAttributes?.[SUBTYPE_KEY]?.valueString;
}

/** SegmentAttributes as the API takes them, with `connect:Subtype` set from `channel`. */
export function segmentAttributesOf(
  inputs: ContactInputs,
): Record<string, ApiSegmentAttributeValue> {
  const mapped: Record<string, ApiSegmentAttributeValue> = {};
  for (const [key, value] of Object.entries(inputs.segmentAttributes ?? {})) {
    mapped[key] = toApiSegmentValue(value);
  }
  const subtype = subtypeOf(inputs);
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
