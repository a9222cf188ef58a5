/**
 * The StartOutboundChatContact request for checked inputs, its comparable form (defaults written
 * as left out), and the ClientToken derived from it: what one intended send is.
 */
import { createHash } from "crypto";
import type {
  SegmentAttributeValue as ApiSegmentAttributeValue,
  StartOutboundChatContactCommandInput,
} from "@aws-sdk/client-connect";
import { parseContactFlowRef, parseInstanceRef } from "./arn";
import { canonicalJson } from "./canonical";
import {
  DEFAULT_CHAT_DURATION_MINUTES,
  DEFAULT_CONTENT_TYPES,
  DESTINATION_ENDPOINT_TYPE,
  SOURCE_ENDPOINT_TYPE,
  SUBTYPE_BY_CHANNEL,
  SUBTYPE_KEY,
} from "./limits";
import { ContactInputs, SegmentAttributeValue } from "./types";

/** The request without its ClientToken, which is added at create time. */
export type StartRequest = Omit<StartOutboundChatContactCommandInput, "ClientToken">;

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

function toApiSegmentValue(value: SegmentAttributeValue): ApiSegmentAttributeValue {
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

/** The StartOutboundChatContact request for checked inputs, with every default filled in. */
export function toStartRequest(inputs: ContactInputs): StartRequest {
  const request: StartRequest = {
    InstanceId: instanceIdOf(inputs.instanceId),
    ContactFlowId: contactFlowIdOf(inputs.contactFlowId),
    SourceEndpoint: {
      Type: inputs.sourceEndpoint.type ?? SOURCE_ENDPOINT_TYPE,
      Address: inputs.sourceEndpoint.address,
    },
    DestinationEndpoint: {
      Type: inputs.destinationEndpoint.type ?? DESTINATION_ENDPOINT_TYPE,
      Address: inputs.destinationEndpoint.address,
    },
    SegmentAttributes: segmentAttributesOf(inputs),
  } as StartRequest;
  const optional: Partial<StartRequest> = {
    Attributes: inputs.attributes,
    ChatDurationInMinutes: inputs.chatDurationInMinutes,
    ParticipantDetails: inputs.participantDetails && {
      DisplayName: inputs.participantDetails.displayName,
    },
    InitialSystemMessage: inputs.initialSystemMessage && {
      ContentType: inputs.initialSystemMessage.contentType,
      Content: inputs.initialSystemMessage.content,
    },
    InitialTemplatedSystemMessage: inputs.initialTemplatedSystemMessage && {
      KnowledgeBaseId: inputs.initialTemplatedSystemMessage.knowledgeBaseId,
      MessageTemplateId: inputs.initialTemplatedSystemMessage.messageTemplateId,
      TemplateAttributes: {
        CustomAttributes: inputs.initialTemplatedSystemMessage.templateAttributes.customAttributes,
        CustomerProfileAttributes:
          inputs.initialTemplatedSystemMessage.templateAttributes.customerProfileAttributes,
      },
    },
    RelatedContactId: inputs.relatedContactId,
    SupportedMessagingContentTypes: inputs.supportedMessagingContentTypes,
  };
  for (const [key, value] of Object.entries(optional)) {
    // Pulumi may deliver a member left out as null: it is no member.
    if (value !== undefined && value !== null) {
      (request as Record<string, unknown>)[key] = value;
    }
  }
  return request;
}

/** The supported content types as a set: sorted, each once, the service's default when absent. */
export function contentTypesOf(types: readonly string[] | undefined | null): string[] {
  return types ? [...new Set(types)].sort() : [...DEFAULT_CONTENT_TYPES];
}

/**
 * The request as it defines the contact, for comparing and for the token: what the service does
 * when a member is left out is written as leaving it out, and the content types are a set. So
 * spelling out a default (`chatDurationInMinutes: 1500`) neither replaces the contact nor changes
 * its token.
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
 */
export function deriveClientToken(urn: string, identity: string): string {
  return createHash("sha256").update(canonicalJson({ urn, identity })).digest("hex");
}
