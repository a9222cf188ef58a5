/**
 * The plain shapes the dynamic provider works with: what `check` receives and returns, and what
 * `create`, `update` and `read` store as outputs. The public args of {@link OutboundChatContact}
 * are derived from these as `pulumi.Input<...>` fields (see `resource.ts`).
 *
 * Names are the API members of StartOutboundChatContact, camelCased. The API's limits and fixed
 * values are in `limits.ts`.
 */

/** What a delete does with the live contact. */
export type OnDelete = NonNullable<ContactArguments["onDelete"]>;

export interface SourceEndpoint {
  /**
   * The endpoint type.
   * @default "CONNECT_PHONENUMBER_ARN" - the only type the API accepts for the source
   */
  readonly type?: string;
  /** The ARN of a phone number claimed by the Amazon Connect instance. */
  readonly address: string;
}

export interface DestinationEndpoint {
  /**
   * The endpoint type.
   * @default "TELEPHONE_NUMBER" - the only type the API accepts for the destination
   */
  readonly type?: string;
  /** The customer's phone number in E.164 format, such as `+14155550100`. Stored as a secret. */
  readonly address: string;
}

/** A segment attribute value: set exactly one of its members. */
export interface SegmentAttributeValue {
  /** A string value, 0..1024 characters. @default - not set */
  readonly valueString?: string;
  /** A map of nested values. @default - not set */
  readonly valueMap?: Record<string, SegmentAttributeValue>;
  /** An integer value. @default - not set */
  readonly valueInteger?: number;
  /** A list of values; only on system-defined keys (`connect:`). @default - not set */
  readonly valueList?: SegmentAttributeValue[];
  /** An ARN; only on system-defined keys (`connect:`). @default - not set */
  readonly valueArn?: string;
}

export interface ParticipantDetails {
  /** The display name of the participant, 1..256 characters. */
  readonly displayName: string;
}

export interface ChatMessage {
  /**
   * `text/plain`, `text/markdown`, `application/json` or
   * `application/vnd.amazonaws.connect.message.interactive.response`.
   */
  readonly contentType: string;
  /** The message. Stored as a secret. */
  readonly content: string;
}

export interface TemplateAttributes {
  /** Values for the template's custom variables. @default - none */
  readonly customAttributes?: Record<string, string>;
  /** Customer Profiles attributes, serialized as a JSON string. @default - none */
  readonly customerProfileAttributes?: string;
}

export interface TemplatedMessageConfig {
  /** The ID or ARN of the Amazon Q in Connect knowledge base, 1..500 characters. */
  readonly knowledgeBaseId: string;
  /** The ID of the message template, 1..500 characters. */
  readonly messageTemplateId: string;
  /** The values for the template's variables. Stored as a secret. */
  readonly templateAttributes: TemplateAttributes;
}

/**
 * The resource's arguments, as a program gives them: written by `npm run schema` from the table
 * in `arguments.ts` (its docs, defaults and schema types), which is where an argument is changed.
 */
export interface ContactArguments {
  // arguments: generated from arguments.ts by `npm run schema`
  /**
   * The Amazon Connect instance: its ID, or its ARN (which also gives the Region).
   */
  readonly instanceId: string;
  /**
   * The flow that runs the new contact: its ID, or its contact-flow ARN.
   */
  readonly contactFlowId: string;
  /**
   * The number the message comes from: `{ address, type? }`, the ARN of a phone number claimed by
   * the instance; `type` defaults to `CONNECT_PHONENUMBER_ARN`, the only one the API accepts.
   */
  readonly sourceEndpoint: SourceEndpoint;
  /**
   * The customer's number: `{ address, type? }`, in E.164 format such as `+14155550100`; `type`
   * defaults to `TELEPHONE_NUMBER`. Secret.
   */
  readonly destinationEndpoint: DestinationEndpoint;
  /**
   * `"SMS"` or `"WhatsApp"`: shorthand for the segment attribute `connect:Subtype`.
   * @default - taken from `segmentAttributes["connect:Subtype"]`, which must then be set
   */
  readonly channel?: "SMS" | "WhatsApp";
  /**
   * Segment attributes: `{ [key]: { valueString?, valueMap?, valueInteger?, valueList?, valueArn? }
   * }`, one member each; keys 1..128 letters, digits, `-` and `_`, or system keys `connect:` + the
   * same; `valueList` and `valueArn` only on `connect:` keys; nested at most 32 levels.
   * `connect:Subtype` is set from `channel` when that is given.
   * @default - only `connect:Subtype`, from `channel`
   */
  readonly segmentAttributes?: Record<string, SegmentAttributeValue>;
  /**
   * Custom contact attributes, available in the flow: a string map, keys of letters, digits, `-`
   * and `_`, 32,768 UTF-8 bytes in all. A change updates the live contact (UpdateContactAttributes)
   * and sends no new message.
   * @default - no attributes
   */
  readonly attributes?: Record<string, string>;
  /**
   * How long the chat stays open, 60..10080 minutes.
   * @default - 1500, the service's default of 25 hours
   */
  readonly chatDurationInMinutes?: number;
  /**
   * The customer participant's details: `{ displayName }`.
   * @default - the service's default display name
   */
  readonly participantDetails?: ParticipantDetails;
  /**
   * A first message sent by the system: `{ contentType, content }`; `text/plain` and
   * `text/markdown` 1..1024 characters, `application/json` 1..12000,
   * `application/vnd.amazonaws.connect.message.interactive.response` 1..12288. Secret.
   * @default - no initial system message
   */
  readonly initialSystemMessage?: ChatMessage;
  /**
   * A first message built from an Amazon Q in Connect message template: `{ knowledgeBaseId,
   * messageTemplateId, templateAttributes: { customAttributes?, customerProfileAttributes? } }`.
   * Secret.
   * @default - no templated message
   */
  readonly initialTemplatedSystemMessage?: TemplatedMessageConfig;
  /**
   * The ID of a contact this one is related to, 1..256 characters.
   * @default - not related to another contact
   */
  readonly relatedContactId?: string;
  /**
   * The message content types the chat supports; must contain `text/plain`.
   * @default - the service's default, `["text/plain"]`
   */
  readonly supportedMessagingContentTypes?: string[];
  /**
   * The ClientToken to send instead of the derived one, up to 500 characters. Only for adopting a
   * send made elsewhere: the derived token already makes every retry idempotent.
   * @default - a SHA-256 digest of the resource's URN, the inputs that define the contact,
   * `triggers` and the Region
   */
  readonly clientToken?: string;
  /**
   * Any values; when they change, a new contact is sent even if nothing else changed (for example a
   * release version, to notify once per release).
   * @default - no triggers
   */
  readonly triggers?: unknown[];
  /**
   * What `pulumi destroy` (or a replacement) does with the live chat: `"stop"` ends it with
   * StopContact; `"retain"` only forgets it.
   * @default - "stop"
   */
  readonly onDelete?: "stop" | "retain";
  /**
   * The AWS Region of the instance.
   * @default - the Region of an instance ARN, then the stack setting `aws:region`, then
   * `AWS_REGION` / `AWS_DEFAULT_REGION`
   */
  readonly region?: string;
  // arguments: end
}

/** The provider's inputs, after `check`: the arguments, each a plain value, and the URN. */
export interface ContactInputs extends ContactArguments {
  /**
   * The resource's URN, computed by the resource class (the engine does not hand it to a dynamic
   * provider). It feeds the derived ClientToken and is never a reason to replace.
   * @internal
   */
  readonly __urn?: string;
}

/** What the provider stores after create, update and read. */
export interface ContactOutputs extends ContactInputs {
  /** The ContactId StartOutboundChatContact answered with; also the resource id. */
  readonly contactId: string;
  /** The ClientToken the create was sent with; unknown for an imported contact. */
  readonly clientToken?: string;
  /**
   * Whether `clientToken` was derived from the URN and inputs, given as an input, or unknown
   * because the contact was imported (`pulumi import`).
   */
  readonly clientTokenSource: "derived" | "given" | "imported";
  /** The Region the contact lives in. */
  readonly region: string;
  /** The instance ID (an ARN given as `instanceId` is reduced to its ID). */
  readonly instanceId: string;
  /** When the contact started, ISO 8601; set by a refresh. */
  readonly initiationTimestamp?: string;
  /** When the contact ended, ISO 8601; set by a refresh once it has ended. */
  readonly disconnectTimestamp?: string;
}

/** A problem `check` found: the property path and what to do about it. */
export interface InputProblem {
  readonly property: string;
  readonly reason: string;
}

/** The value Pulumi sends for an input that is not known yet (during a preview). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
