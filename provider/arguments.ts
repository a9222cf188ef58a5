/**
 * The table of the resource's arguments: one entry each, in the order of the API reference, which
 * is the order `check` reports problems in. An entry says what the argument is (its documentation,
 * what happens when it is left out, its type in the Pulumi package schema, whether it is secret),
 * how it is checked (its rule, and the rules relating it to the others), how a change to it is
 * carried out (replace or update in place, and how its value is compared), and which member of
 * the StartOutboundChatContact request it becomes.
 *
 * Everything that lists arguments is derived from this table: validation (`validation/inputs.ts`),
 * the request (`request.ts`), the diff (`diff-rules.ts`), the member names AWS messages may name
 * (`aws/redact.ts`), the secret outputs and output properties (`resource.ts`), the package schema
 * and README's table of arguments (`schema.ts`). The API's limits are in `limits.ts`.
 */
import type { Contact, StartOutboundChatContactCommandInput } from "@aws-sdk/client-connect";
import {
  channelOfContact,
  contactFlowIdOf,
  contentTypesOf,
  endpointOf,
  instanceIdOf,
  segmentAttributesOf,
  segmentsOfContact,
  subtypeOf,
} from "./argument-values";
import { parseInstanceRef } from "./arn";
import {
  CHANNELS,
  DEFAULT_CHAT_DURATION_MINUTES,
  DESTINATION_ENDPOINT_TYPE,
  MAX_CHAT_DURATION_MINUTES,
  MAX_CLIENT_TOKEN_LENGTH,
  MAX_CONTACT_ID_LENGTH,
  MAX_DISPLAY_NAME_LENGTH,
  MIN_CHAT_DURATION_MINUTES,
  SOURCE_ENDPOINT_TYPE,
  SUBTYPE_KEY,
} from "./limits";
import { ContactArguments, ContactInputs, ContactOutputs, InputProblem } from "./types";
import {
  channelAgreesWithSubtype,
  channelOrSubtypeGiven,
  flowOfTheInstance,
  numberOfTheInstance,
  regionOfTheArns,
} from "./validation/cross-field";
import { destinationEndpointRule, numberIsValid, sourceEndpointRule } from "./validation/endpoints";
import {
  attributesRule,
  contactFlowIdRule,
  instanceIdRule,
  regionRule,
  StoredInputs,
} from "./validation/fields";
import {
  initialSystemMessageRule,
  initialTemplatedSystemMessageRule,
  onlyOneInitialMessage,
  supportedMessagingContentTypesRule,
} from "./validation/messages";
import { formatNumber } from "./validation/problems";
import { Rule } from "./validation/rules";
import { checkSegmentAttributes, subtypeIsStarted } from "./validation/segment-attributes";

/** The StartOutboundChatContact request without its ClientToken, which is added at create time. */
export type StartRequest = Omit<StartOutboundChatContactCommandInput, "ClientToken">;

/** The arguments a program gives (the URN is the resource class's own). */
export type PublicInputs = ContactArguments;
export type ArgumentName = keyof PublicInputs;

/** A type as the Pulumi package schema writes it. */
export type SchemaType =
  | { readonly type: "string" | "integer" | "number" | "boolean" }
  | { readonly type: "array"; readonly items: SchemaType }
  | { readonly type: "object"; readonly additionalProperties: SchemaType }
  | { readonly $ref: string };

/** Where a contact lives: the instance ID and the Region, which DescribeContact is asked with. */
export interface ContactPlace {
  readonly instanceId: string;
  readonly region: string;
}

/**
 * A rule relating an argument (`name`, the entry's own) to the others, or to the inputs stored in
 * state.
 */
export type RelatedRule = (
  inputs: Record<string, unknown>,
  stored: StoredInputs,
  name: ArgumentName,
) => InputProblem[];

/** Everything the package knows of one argument. */
export interface Argument {
  /** What it is, for the schema, README and the SDKs' docs: Markdown, sentences. */
  readonly doc: string;
  /**
   * Its default: what happens when it is left out. (Not named `default`: the closure serializer
   * takes an object's `default` member for an ES module's default export.)
   * @default - the argument is required
   */
  readonly whenLeftOut?: string;
  readonly schema: SchemaType;
  /**
   * `"always"`: personal data, kept secret in state as input and output whether or not the program
   * wrapped it; `"output"`: secret as the stored output only (a value the provider derives from
   * secrets when it is not given).
   * @default - not secret
   */
  readonly secret?: "always" | "output";
  /** The rule of its value (`validation/rules.ts`). */
  readonly rule: Rule;
  /** Rules relating it to the other arguments. @default - none */
  readonly related?: readonly RelatedRule[];
  /** What a change to it does: send a new contact, or change the live contact in place. */
  readonly change: "replace" | "update";
  /**
   * How the value is compared between the stored outputs and new inputs, with defaults filled in
   * and IDs normalized, so that an output computed from an input compares equal to it.
   * @default - compared as given
   */
  readonly view?: (inputs: ContactInputs) => unknown;
  /**
   * Whether it changed, for an argument that is not compared by its view (the provider may have
   * filled it in from elsewhere).
   * @default - its views differ
   */
  readonly changed?: (olds: ContactOutputs, news: ContactInputs) => boolean;
  /**
   * Its value as DescribeContact gives it back, so that an imported contact has it (`pulumi
   * import`); undefined when the contact has none. One that the API cannot give back (the
   * destination, the messages) is taken from the program after an import, in place, instead of
   * counting as a change that sends a new contact.
   * @default - not given back
   */
  readonly readBack?: (contact: Contact, place: ContactPlace) => unknown;
  /** The request member it becomes. @default - none: it is the provider's own setting */
  readonly member?: keyof StartOutboundChatContactCommandInput;
  /**
   * Its value in the request, from the checked inputs; undefined leaves the member out.
   * @default - none: the member is filled in elsewhere (the ClientToken, at create time)
   */
  readonly request?: (inputs: ContactInputs) => unknown;
}

const STRING: SchemaType = { type: "string" };
const STRING_MAP: SchemaType = { type: "object", additionalProperties: STRING };
const ref = (name: string): SchemaType => ({ $ref: `#/types/${TYPE_PREFIX}${name}` });
const DISPLAY_NAME_FIX = `give the customer's display name, 1 to ${MAX_DISPLAY_NAME_LENGTH} characters.`;

/** The schema's reference to Pulumi's type of any value. */
export const ANY_REF = "pulumi.json#/Any";

/** The schema's prefix of the package's object types (`<package>:index:`). */
export const PACKAGE_NAME = "connect-outbound-chat";
export const TYPE_PREFIX = `${PACKAGE_NAME}:index:`;

/** Every argument, in the order of the API reference. */
export const ARGUMENTS = {
  instanceId: {
    readBack: (_, place) => place.instanceId,
    doc: "The Amazon Connect instance: its ID, or its ARN (which also gives the Region).",
    schema: STRING,
    rule: instanceIdRule,
    change: "replace",
    view: (inputs) => instanceIdOf(inputs.instanceId),
    member: "InstanceId",
    request: (inputs) => instanceIdOf(inputs.instanceId),
  },
  contactFlowId: {
    doc: "The flow that runs the new contact: its ID, or its contact-flow ARN.",
    schema: STRING,
    rule: contactFlowIdRule,
    related: [flowOfTheInstance],
    change: "replace",
    view: (inputs) => contactFlowIdOf(inputs.contactFlowId),
    member: "ContactFlowId",
    request: (inputs) => contactFlowIdOf(inputs.contactFlowId),
  },
  sourceEndpoint: {
    readBack: (contact) => {
      const address = contact.SystemEndpoint?.Address;
      return address === undefined ? undefined : { address };
    },
    doc: "The number the message comes from: `{ address, type? }`, the ARN of a phone number claimed by the instance; `type` defaults to `CONNECT_PHONENUMBER_ARN`, the only one the API accepts.",
    schema: ref("SourceEndpoint"),
    rule: sourceEndpointRule,
    related: [numberOfTheInstance],
    change: "replace",
    view: (inputs) => endpointOf(inputs.sourceEndpoint, SOURCE_ENDPOINT_TYPE),
    member: "SourceEndpoint",
    request: (inputs) => endpointOf(inputs.sourceEndpoint, SOURCE_ENDPOINT_TYPE),
  },
  destinationEndpoint: {
    doc: "The customer's number: `{ address, type? }`, in E.164 format such as `+14155550100`; `type` defaults to `TELEPHONE_NUMBER`. Secret.",
    schema: ref("DestinationEndpoint"),
    secret: "always",
    rule: destinationEndpointRule,
    related: [numberIsValid],
    change: "replace",
    view: (inputs) => endpointOf(inputs.destinationEndpoint, DESTINATION_ENDPOINT_TYPE),
    member: "DestinationEndpoint",
    request: (inputs) => endpointOf(inputs.destinationEndpoint, DESTINATION_ENDPOINT_TYPE),
  },
  channel: {
    readBack: channelOfContact,
    doc: '`"SMS"` or `"WhatsApp"`: shorthand for the segment attribute `connect:Subtype`.',
    whenLeftOut: 'taken from `segmentAttributes["connect:Subtype"]`, which must then be set',
    schema: STRING,
    rule: {
      kind: "oneOf",
      values: CHANNELS,
      what: "the channel",
      fix: 'set channel to "SMS" or "WhatsApp".',
    },
    related: [channelOrSubtypeGiven, channelAgreesWithSubtype],
    change: "replace",
    view: (inputs) => subtypeOf(inputs.channel, inputs.segmentAttributes),
  },
  segmentAttributes: {
    readBack: segmentsOfContact,
    doc: "Segment attributes: `{ [key]: { valueString?, valueMap?, valueInteger?, valueList?, valueArn? } }`, one member each; keys 1..128 letters, digits, `-` and `_`, or system keys `connect:` + the same; `valueList` and `valueArn` only on `connect:` keys; nested at most 32 levels. `connect:Subtype` is set from `channel` when that is given.",
    whenLeftOut: "only `connect:Subtype`, from `channel`",
    schema: { type: "object", additionalProperties: ref("SegmentAttributeValue") },
    rule: { kind: "custom", check: checkSegmentAttributes },
    related: [subtypeIsStarted],
    change: "replace",
    view: (inputs) => {
      // Not a computed key in a destructuring: the closure serializer misses the module it names.
      const rest = { ...segmentAttributesOf(inputs.channel, inputs.segmentAttributes) };
      delete rest[SUBTYPE_KEY];
      return rest;
    },
    member: "SegmentAttributes",
    request: (inputs) => segmentAttributesOf(inputs.channel, inputs.segmentAttributes),
  },
  attributes: {
    readBack: (contact) =>
      Object.keys(contact.Attributes ?? {}).length > 0 ? contact.Attributes : undefined,
    doc: "Custom contact attributes, available in the flow: a string map, keys of letters, digits, `-` and `_`, 32,768 UTF-8 bytes in all. A change updates the live contact (UpdateContactAttributes) and sends no new message.",
    whenLeftOut: "no attributes",
    schema: STRING_MAP,
    rule: attributesRule,
    change: "update",
    view: (inputs) => inputs.attributes ?? {},
    member: "Attributes",
    request: (inputs) => inputs.attributes,
  },
  chatDurationInMinutes: {
    doc: "How long the chat stays open, 60..10080 minutes.",
    whenLeftOut: `${DEFAULT_CHAT_DURATION_MINUTES}, the service's default of 25 hours`,
    schema: { type: "integer" },
    rule: {
      kind: "integer",
      min: MIN_CHAT_DURATION_MINUTES,
      max: MAX_CHAT_DURATION_MINUTES,
      what: "a whole number of minutes",
      bounds: `from ${MIN_CHAT_DURATION_MINUTES} (1 hour) to ${formatNumber(MAX_CHAT_DURATION_MINUTES)} (7 days)`,
      fix: "give a duration in that range, or leave it out for the default of 25 hours.",
    },
    change: "replace",
    view: (inputs) => inputs.chatDurationInMinutes ?? DEFAULT_CHAT_DURATION_MINUTES,
    member: "ChatDurationInMinutes",
    request: (inputs) => inputs.chatDurationInMinutes,
  },
  participantDetails: {
    doc: "The customer participant's details: `{ displayName }`.",
    whenLeftOut: "the service's default display name",
    schema: ref("ParticipantDetails"),
    rule: {
      kind: "object",
      what: "{ displayName }",
      fix: DISPLAY_NAME_FIX,
      members: {
        displayName: {
          kind: "string",
          max: MAX_DISPLAY_NAME_LENGTH,
          what: "a display name",
          required: "the customer's display name",
          reveal: "length",
          fix: DISPLAY_NAME_FIX,
        },
      },
    },
    change: "replace",
    member: "ParticipantDetails",
    request: ({ participantDetails: details }) => details && { DisplayName: details.displayName },
  },
  initialSystemMessage: {
    doc: "A first message sent by the system: `{ contentType, content }`; `text/plain` and `text/markdown` 1..1024 characters, `application/json` 1..12000, `application/vnd.amazonaws.connect.message.interactive.response` 1..12288. Secret.",
    whenLeftOut: "no initial system message",
    schema: ref("ChatMessage"),
    secret: "always",
    rule: initialSystemMessageRule,
    change: "replace",
    member: "InitialSystemMessage",
    request: ({ initialSystemMessage: message }) =>
      message && { ContentType: message.contentType, Content: message.content },
  },
  initialTemplatedSystemMessage: {
    doc: "A first message built from an Amazon Q in Connect message template: `{ knowledgeBaseId, messageTemplateId, templateAttributes: { customAttributes?, customerProfileAttributes? } }`. Secret.",
    whenLeftOut: "no templated message",
    schema: ref("TemplatedMessageConfig"),
    secret: "always",
    rule: initialTemplatedSystemMessageRule,
    related: [onlyOneInitialMessage],
    change: "replace",
    member: "InitialTemplatedSystemMessage",
    request: ({ initialTemplatedSystemMessage: message }) =>
      message && {
        KnowledgeBaseId: message.knowledgeBaseId,
        MessageTemplateId: message.messageTemplateId,
        TemplateAttributes: {
          CustomAttributes: message.templateAttributes.customAttributes,
          CustomerProfileAttributes: message.templateAttributes.customerProfileAttributes,
        },
      },
  },
  relatedContactId: {
    readBack: (contact) => contact.RelatedContactId,
    doc: "The ID of a contact this one is related to, 1..256 characters.",
    whenLeftOut: "not related to another contact",
    schema: STRING,
    rule: {
      kind: "string",
      max: MAX_CONTACT_ID_LENGTH,
      what: "a contact ID",
      reveal: "value",
      fix: "give the ContactId of the contact this one relates to, or leave relatedContactId out.",
    },
    change: "replace",
    member: "RelatedContactId",
    request: (inputs) => inputs.relatedContactId,
  },
  supportedMessagingContentTypes: {
    doc: "The message content types the chat supports; must contain `text/plain`.",
    whenLeftOut: 'the service\'s default, `["text/plain"]`',
    schema: { type: "array", items: STRING },
    rule: supportedMessagingContentTypesRule,
    change: "replace",
    view: (inputs) => contentTypesOf(inputs.supportedMessagingContentTypes),
    member: "SupportedMessagingContentTypes",
    request: (inputs) => inputs.supportedMessagingContentTypes,
  },
  clientToken: {
    doc: "The ClientToken to send instead of the derived one, up to 500 characters. Only for adopting a send made elsewhere: the derived token already makes every retry idempotent.",
    whenLeftOut:
      "a SHA-256 digest of the resource's URN, the inputs that define the contact, `triggers` and the Region",
    schema: STRING,
    secret: "output",
    rule: {
      kind: "string",
      max: MAX_CLIENT_TOKEN_LENGTH,
      what: "an idempotency token",
      reveal: "length",
      fix:
        `give a unique token of at most ${MAX_CLIENT_TOKEN_LENGTH} characters, or leave clientToken ` +
        "out to let the provider derive one from the resource.",
    },
    change: "replace",
    // A given token changes when it differs from the one the contact was sent with; leaving it out
    // changes it only if the contact was sent with a token the user gave.
    changed: (olds, news) =>
      news.clientToken !== undefined
        ? news.clientToken !== olds.clientToken
        : olds.clientTokenSource === "given",
    member: "ClientToken",
  },
  triggers: {
    doc: "Any values; when they change, a new contact is sent even if nothing else changed (for example a release version, to notify once per release).",
    whenLeftOut: "no triggers",
    schema: { type: "array", items: { $ref: ANY_REF } },
    rule: {
      kind: "list",
      what: "of any values; a change to them sends a new message",
      fix: "wrap the value in a list: triggers: [value].",
    },
    change: "replace",
    view: (inputs) => inputs.triggers ?? [],
  },
  onDelete: {
    doc: 'What `pulumi destroy` (or a replacement) does with the live chat: `"stop"` ends it with StopContact; `"retain"` only forgets it.',
    whenLeftOut: '"stop"',
    schema: STRING,
    rule: {
      kind: "oneOf",
      values: ["stop", "retain"],
      what: "what a delete does with the contact",
      fix: 'use "stop" to end the contact when the resource is deleted, or "retain" to leave it running.',
    },
    change: "update",
    view: (inputs) => inputs.onDelete ?? "stop",
  },
  region: {
    readBack: (_, place) => place.region,
    doc: "The AWS Region of the instance.",
    whenLeftOut:
      "the Region of an instance ARN, then the stack setting `aws:region`, then `AWS_REGION` / `AWS_DEFAULT_REGION`",
    schema: STRING,
    rule: regionRule,
    related: [regionOfTheArns],
    change: "replace",
    // Changes only when the new inputs name a Region (directly, or through an instance ARN) other
    // than the contact's: one the provider picked from the stack or the environment is not
    // compared with an input the user left out.
    changed: (olds, news) => {
      const named = news.region ?? parseInstanceRef(news.instanceId)?.region;
      return named !== undefined && named !== olds.region;
    },
  },
} satisfies { readonly [K in ArgumentName]-?: Argument };

/** The arguments' names, in the table's order. */
export const ARGUMENT_NAMES = Object.keys(ARGUMENTS) as ArgumentName[];

/** Every argument's entry, typed as an {@link Argument}, in the table's order. */
export const ARGUMENT_ENTRIES: readonly (readonly [ArgumentName, Argument])[] = ARGUMENT_NAMES.map(
  (name): [ArgumentName, Argument] => [name, ARGUMENTS[name]],
);

/** Inputs that hold personal data, kept secret in state whether or not they were wrapped. */
export const SECRET_INPUTS: readonly ArgumentName[] = ARGUMENT_ENTRIES.filter(
  ([, argument]) => argument.secret === "always",
).map(([name]) => name);

/**
 * Outputs kept secret: the secret inputs, and those derived from them (the derived ClientToken is
 * a digest of the destination and the message, which could be recovered by trying every number).
 */
export const SECRET_OUTPUTS: readonly ArgumentName[] = ARGUMENT_ENTRIES.filter(
  ([, argument]) => argument.secret !== undefined,
).map(([name]) => name);

/** What the provider computes, beyond the arguments, and stores as outputs. */
export type ComputedName = Exclude<keyof ContactOutputs, keyof ContactInputs>;

/** The outputs the provider computes, beyond the arguments. */
export const COMPUTED_OUTPUTS = {
  contactId: {
    doc: "The ContactId StartOutboundChatContact answered with; also the resource's id.",
    schema: STRING,
  },
  clientTokenSource: {
    doc: '`"derived"` when the ClientToken came from the URN and inputs, `"given"` when from `clientToken`, `"imported"` when the contact was imported and its token is unknown.',
    schema: STRING,
  },
  initiationTimestamp: {
    doc: "When the contact started (ISO 8601); filled in by a refresh.",
    schema: STRING,
  },
  disconnectTimestamp: {
    doc: "When the contact ended (ISO 8601); filled in by a refresh once it has ended.",
    schema: STRING,
  },
} satisfies {
  readonly [K in ComputedName]-?: { readonly doc: string; readonly schema: SchemaType };
};

/**
 * Outputs every contact has, whether or not the program gave them (an imported contact has no
 * known ClientToken, and none of the required arguments DescribeContact cannot give back).
 */
export const ALWAYS_OUTPUTS: readonly (keyof ContactOutputs)[] = [
  "contactId",
  "clientTokenSource",
  "region",
  ...ARGUMENT_ENTRIES.filter(
    ([, argument]) => argument.whenLeftOut === undefined && argument.readBack !== undefined,
  ).map(([name]) => name),
];

/** A request member's name as AWS writes it in messages: camelCased (`SourceEndpoint` → `sourceEndpoint`). */
function camelCased(member: string): string {
  return member.charAt(0).toLowerCase() + member.slice(1);
}

/** The path of a value and of each object member under it, at any depth. */
function memberPathsOf(path: string, rule: Rule): string[] {
  if (rule.kind !== "object") {
    return [path];
  }
  return [
    path,
    ...Object.entries(rule.members).flatMap(([name, member]) =>
      memberPathsOf(`${path}.${name}`, member),
    ),
  ];
}

/**
 * The members of the StartOutboundChatContact request as AWS names them in its validation
 * messages (camelCased, nested members joined with dots), from each argument's member and the
 * object members of its rule. Map keys are not members.
 */
export const START_REQUEST_MEMBER_PATHS: readonly string[] = ARGUMENT_ENTRIES.flatMap(
  ([, argument]) =>
    argument.member === undefined ? [] : memberPathsOf(camelCased(argument.member), argument.rule),
);
