/**
 * The limits and fixed values of the Amazon Connect API that this package relies on, each written
 * once: the shape of the API model it comes from is named beside it (the model's `length` and
 * `range` traits, Apache-2.0, aws/api-models-aws), or the operation's documentation where the
 * model leaves it out. Validation, the request mapping and the diff read them from here.
 */

/** The only endpoint type StartOutboundChatContact accepts for the source. */
export const SOURCE_ENDPOINT_TYPE = "CONNECT_PHONENUMBER_ARN";
/** The only endpoint type StartOutboundChatContact accepts for the destination. */
export const DESTINATION_ENDPOINT_TYPE = "TELEPHONE_NUMBER";

/** The channels StartOutboundChatContact starts. */
export type Channel = "SMS" | "WhatsApp";
/** The segment attribute that carries a chat's channel subtype. */
export const SUBTYPE_KEY = "connect:Subtype";
/** The `connect:Subtype` of each channel: the subtypes StartOutboundChatContact starts. */
export const SUBTYPE_BY_CHANNEL: Readonly<Record<Channel, string>> = {
  SMS: "connect:SMS",
  WhatsApp: "connect:WhatsApp",
};
/** Every channel, in the order messages list them. */
export const CHANNELS = Object.keys(SUBTYPE_BY_CHANNEL) as Channel[];
/** Every subtype StartOutboundChatContact starts. */
export const SUBTYPES: readonly string[] = Object.values(SUBTYPE_BY_CHANNEL);
/** The prefix of system-defined segment attribute keys. */
export const SYSTEM_KEY_PREFIX = "connect:";

/** InstanceId: 1..100 characters. */
export const MAX_INSTANCE_ID_LENGTH = 100;
/** ContactFlowId: at most 500 characters. */
export const MAX_CONTACT_FLOW_ID_LENGTH = 500;
/** EndpointAddress: at most 256 characters. */
export const MAX_ENDPOINT_ADDRESS_LENGTH = 256;
/** DisplayName: 1..256 characters. */
export const MAX_DISPLAY_NAME_LENGTH = 256;
/** ContactId (RelatedContactId): 1..256 characters. */
export const MAX_CONTACT_ID_LENGTH = 256;
/** ClientToken: at most 500 characters. */
export const MAX_CLIENT_TOKEN_LENGTH = 500;
/** MessageTemplateKnowledgeBaseId and MessageTemplateId: 1..500 characters. */
export const MAX_TEMPLATE_ID_LENGTH = 500;

/** ChatDurationInMinutes: 60..10,080 (1 hour to 7 days). */
export const MIN_CHAT_DURATION_MINUTES = 60;
export const MAX_CHAT_DURATION_MINUTES = 10_080;
/** The chat duration the service uses when none is given: 25 hours (operation docs). */
export const DEFAULT_CHAT_DURATION_MINUTES = 1500;

/**
 * The content types of an initial system message, each with the most characters its content may
 * have (the operation's documentation; the model allows 1..16,384 for all).
 */
export const MAX_CONTENT_LENGTH: Readonly<Record<string, number>> = {
  "text/plain": 1024,
  "text/markdown": 1024,
  "application/json": 12_000,
  "application/vnd.amazonaws.connect.message.interactive.response": 12_288,
};
/** The content types an initial system message may have. */
export const CONTENT_TYPES: readonly string[] = Object.keys(MAX_CONTENT_LENGTH);
/** ChatContent: at most 16,384 UTF-8 bytes, whatever its type. */
export const MAX_CONTENT_BYTES = 16_384;

/** The content types a chat may support (SupportedMessagingContentTypes). */
export const SUPPORTED_CONTENT_TYPES: readonly string[] = [
  "text/plain",
  "text/markdown",
  "application/json",
  "application/vnd.amazonaws.connect.message.interactive",
  "application/vnd.amazonaws.connect.message.interactive.response",
];
/** The content type every chat must support, and the one it supports when none are given. */
export const REQUIRED_CONTENT_TYPE = "text/plain";
export const DEFAULT_CONTENT_TYPES: readonly string[] = [REQUIRED_CONTENT_TYPE];

/** AttributeName and AttributeValue: at most 32,767 characters (a name at least 1). */
export const MAX_ATTRIBUTE_LENGTH = 32_767;
/** All of a contact's attribute keys and values together: at most 32,768 UTF-8 bytes. */
export const MAX_ATTRIBUTES_BYTES = 32_768;
/** Attribute keys and segment attribute keys: alphanumeric, `-` and `_` (operation docs). */
export const KEY_CHARACTERS = /^[A-Za-z0-9_-]+$/;

/** The members of a SegmentAttributeValue, of which exactly one is set. */
export const SEGMENT_VALUE_MEMBERS = [
  "valueString",
  "valueMap",
  "valueInteger",
  "valueList",
  "valueArn",
] as const;
/** SegmentAttributeName: 1..128 characters. */
export const MAX_SEGMENT_KEY_LENGTH = 128;
/** SegmentAttributeValueString (and ValueArn): at most 1,024 characters. */
export const MAX_SEGMENT_STRING_LENGTH = 1024;
/**
 * How deep valueMap and valueList may nest. The API states no limit; this package refuses deeper
 * values at preview rather than send what the service would reject after it.
 */
export const MAX_SEGMENT_DEPTH = 32;

/** A model `integer`: 32 bits, signed. */
export const MIN_INTEGER = -(2 ** 31);
export const MAX_INTEGER = 2 ** 31 - 1;

/**
 * The length of a string as the API counts it: in Unicode code points, as the Smithy `length`
 * trait does, so an emoji counts once.
 */
export function lengthOf(s: string): number {
  // A scan, not Array.from(s).length: that builds an array of every character, 200 ms for a 10 MB
  // string that check must answer in well under that.
  let count = s.length;
  for (let i = 0; i < s.length - 1; i += 1) {
    const unit = s.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count -= 1;
        i += 1;
      }
    }
  }
  return count;
}
