/**
 * The table of invalid inputs: each row breaks a copy of `validInputs()` in one way and names the
 * one problem `check` must report. Shared by the validator's unit tests and by the test that runs
 * every row through the provider host.
 */
import {
  CONTACT_FLOW_ARN,
  INSTANCE_ARN,
  INSTANCE_ID,
  SOURCE_PHONE_NUMBER_ARN,
  templatedMessage,
  validInputs,
  WELCOME_MESSAGE,
} from "./fixtures";
import { raw, Raw } from "./validation/helpers";

/** Content that must never appear in a message. */
export const SECRET_MESSAGE = "Secret message text. ";
export const SECRET_VALUE = "secret-attribute-value";
export const SECRET_NAME = "Ana Secretname ";
const OTHER_INSTANCE_ARN = INSTANCE_ARN.replace("11111111-", "22222222-");
const PROFILE_JSON = '{"Profile": {"FirstName": "Ana"';

export interface InvalidInputRow {
  /** Completes "fails when …". */
  readonly name: string;
  /** Breaks a copy of {@link validInputs}. */
  readonly mutate: (inputs: Raw) => void;
  /** The one problem's property path. */
  readonly property: string;
  /** Text the problem's reason must contain. */
  readonly reasonIncludes: string;
}

export const INVALID_INPUT_ROWS: readonly InvalidInputRow[] = [
  // instanceId
  {
    name: "instanceId is missing",
    mutate: (i) => delete i.instanceId,
    property: "instanceId",
    reasonIncludes: "is required",
  },
  {
    name: "instanceId is a number",
    mutate: (i) => (i.instanceId = 42),
    property: "instanceId",
    reasonIncludes: "received a number",
  },
  {
    name: "instanceId contains a slash",
    mutate: (i) => (i.instanceId = `instance/${INSTANCE_ID}`),
    property: "instanceId",
    reasonIncludes: 'without ":", "/"',
  },
  {
    name: "instanceId is longer than 100 characters",
    mutate: (i) => (i.instanceId = "a".repeat(101)),
    property: "instanceId",
    reasonIncludes: "1 to 100 characters",
  },
  {
    name: "instanceId is the ARN of something else",
    mutate: (i) => (i.instanceId = "arn:aws:s3:::my-bucket"),
    property: "instanceId",
    reasonIncludes: "instance ARN",
  },
  // contactFlowId
  {
    name: "contactFlowId is missing",
    mutate: (i) => delete i.contactFlowId,
    property: "contactFlowId",
    reasonIncludes: "is required",
  },
  {
    name: "contactFlowId is longer than 500 characters",
    mutate: (i) => (i.contactFlowId = "f".repeat(501)),
    property: "contactFlowId",
    reasonIncludes: "1 to 500 characters",
  },
  {
    name: "contactFlowId is a flow ARN of another instance",
    mutate: (i) => {
      i.instanceId = OTHER_INSTANCE_ARN;
      i.contactFlowId = CONTACT_FLOW_ARN;
    },
    property: "contactFlowId",
    reasonIncludes: `instance "${INSTANCE_ID}" instead of`,
  },
  {
    name: "contactFlowId is a flow ARN of another instance than the bare instanceId",
    mutate: (i) => {
      i.instanceId = "22222222-2222-3333-4444-555555555555";
      i.contactFlowId = CONTACT_FLOW_ARN;
    },
    property: "contactFlowId",
    reasonIncludes: `a flow ARN of instance "${INSTANCE_ID}"`,
  },
  {
    name: "sourceEndpoint.address is a phone number ARN in another Region than the instance ARN",
    mutate: (i) => {
      i.instanceId = INSTANCE_ARN;
      i.sourceEndpoint = { address: SOURCE_PHONE_NUMBER_ARN.replace(":us-east-1:", ":eu-west-2:") };
    },
    property: "sourceEndpoint.address",
    reasonIncludes: 'a phone number ARN with Region "eu-west-2" instead of "us-east-1"',
  },
  {
    name: "sourceEndpoint.address is a phone number ARN of another account than the instance ARN",
    mutate: (i) => {
      i.instanceId = INSTANCE_ARN;
      i.sourceEndpoint = {
        address: SOURCE_PHONE_NUMBER_ARN.replace(":123456789012:", ":210987654321:"),
      };
    },
    property: "sourceEndpoint.address",
    reasonIncludes: 'a phone number ARN with account "210987654321" instead of "123456789012"',
  },
  {
    name: "sourceEndpoint.address is a phone number ARN in another Region than the region argument",
    mutate: (i) => {
      i.region = "eu-west-2";
      i.sourceEndpoint = { address: SOURCE_PHONE_NUMBER_ARN };
    },
    property: "sourceEndpoint.address",
    reasonIncludes: 'a phone number ARN with Region "us-east-1" instead of "eu-west-2"',
  },
  {
    name: "contactFlowId is a flow ARN in another Region than the instance ARN",
    mutate: (i) => {
      i.instanceId = INSTANCE_ARN;
      i.contactFlowId = CONTACT_FLOW_ARN.replace("us-east-1", "eu-west-2");
    },
    property: "contactFlowId",
    reasonIncludes: 'Region "eu-west-2"',
  },
  // sourceEndpoint
  {
    name: "sourceEndpoint is missing",
    mutate: (i) => delete i.sourceEndpoint,
    property: "sourceEndpoint",
    reasonIncludes: "is required",
  },
  {
    name: "sourceEndpoint is a string",
    mutate: (i) => (i.sourceEndpoint = SOURCE_PHONE_NUMBER_ARN),
    property: "sourceEndpoint",
    reasonIncludes: "must be an object",
  },
  {
    name: "sourceEndpoint.address is missing",
    mutate: (i) => (i.sourceEndpoint = { type: "CONNECT_PHONENUMBER_ARN" }),
    property: "sourceEndpoint.address",
    reasonIncludes: "is required",
  },
  {
    name: "sourceEndpoint.type is TELEPHONE_NUMBER",
    mutate: (i) => (i.sourceEndpoint.type = "TELEPHONE_NUMBER"),
    property: "sourceEndpoint.type",
    reasonIncludes: 'must be "CONNECT_PHONENUMBER_ARN"',
  },
  {
    name: "sourceEndpoint.address is a phone number instead of its ARN",
    mutate: (i) => (i.sourceEndpoint.address = "+12065550123"),
    property: "sourceEndpoint.address",
    reasonIncludes: "not the phone number itself",
  },
  {
    name: "sourceEndpoint.address is an instance ARN",
    mutate: (i) => (i.sourceEndpoint.address = INSTANCE_ARN),
    property: "sourceEndpoint.address",
    reasonIncludes: "phone-number/<phoneNumberId>",
  },
  {
    name: "sourceEndpoint.address is longer than 256 characters",
    mutate: (i) => (i.sourceEndpoint.address = SOURCE_PHONE_NUMBER_ARN + "9".repeat(200)),
    property: "sourceEndpoint.address",
    reasonIncludes: "1 to 256 characters",
  },
  {
    name: "sourceEndpoint has a member it does not know",
    mutate: (i) => (i.sourceEndpoint.Type = "CONNECT_PHONENUMBER_ARN"),
    property: "sourceEndpoint.Type",
    reasonIncludes: 'did you mean "type"',
  },
  // destinationEndpoint
  {
    name: "destinationEndpoint is missing",
    mutate: (i) => delete i.destinationEndpoint,
    property: "destinationEndpoint",
    reasonIncludes: "is required",
  },
  {
    name: "destinationEndpoint.address is missing",
    mutate: (i) => (i.destinationEndpoint = {}),
    property: "destinationEndpoint.address",
    reasonIncludes: "is required",
  },
  {
    name: "destinationEndpoint.type is in the wrong case",
    mutate: (i) => (i.destinationEndpoint.type = "telephone_number"),
    property: "destinationEndpoint.type",
    reasonIncludes: 'did you mean "TELEPHONE_NUMBER"',
  },
  {
    name: "destinationEndpoint.address has spaces",
    mutate: (i) => (i.destinationEndpoint.address = "+1 415 555 0100"),
    property: "destinationEndpoint.address",
    reasonIncludes: "it contains spaces",
  },
  {
    name: "destinationEndpoint.address has no leading +",
    mutate: (i) => (i.destinationEndpoint.address = "14155550100"),
    property: "destinationEndpoint.address",
    reasonIncludes: 'does not start with "+"',
  },
  {
    name: "destinationEndpoint.address has dashes",
    mutate: (i) => (i.destinationEndpoint.address = "+1-415-555-0100"),
    property: "destinationEndpoint.address",
    reasonIncludes: "other than digits",
  },
  {
    name: "destinationEndpoint.address is a digit short",
    mutate: (i) => (i.destinationEndpoint.address = "+1415555010"),
    property: "destinationEndpoint.address",
    reasonIncludes: "not a valid number for its country code",
  },
  {
    name: "destinationEndpoint.address has an area code that does not exist",
    mutate: (i) => (i.destinationEndpoint.address = "+19995550100"),
    property: "destinationEndpoint.address",
    reasonIncludes: "E.164 format",
  },
  {
    name: "destinationEndpoint.address is a number",
    mutate: (i) => (i.destinationEndpoint.address = 14155550100),
    property: "destinationEndpoint.address",
    reasonIncludes: "received a number",
  },
  {
    name: "destinationEndpoint.address is longer than 256 characters",
    mutate: (i) => (i.destinationEndpoint.address = "+1" + "4".repeat(300)),
    property: "destinationEndpoint.address",
    reasonIncludes: "302 characters",
  },
  // channel
  {
    name: "channel is missing and segmentAttributes has no subtype",
    mutate: (i) => delete i.channel,
    property: "channel",
    reasonIncludes: "is required",
  },
  {
    name: "channel is in the wrong case",
    mutate: (i) => (i.channel = "sms"),
    property: "channel",
    reasonIncludes: 'did you mean "SMS"',
  },
  {
    name: "channel is not a chat channel",
    mutate: (i) => (i.channel = "Email"),
    property: "channel",
    reasonIncludes: 'must be "SMS" or "WhatsApp"',
  },
  {
    name: "channel disagrees with the subtype",
    mutate: (i) =>
      (i.segmentAttributes = { "connect:Subtype": { valueString: "connect:WhatsApp" } }),
    property: "channel",
    reasonIncludes: 'set channel to "WhatsApp"',
  },
  // segmentAttributes
  {
    name: "the subtype is not SMS or WhatsApp",
    mutate: (i) => {
      delete i.channel;
      i.segmentAttributes = { "connect:Subtype": { valueString: "connect:Email" } };
    },
    property: 'segmentAttributes["connect:Subtype"].valueString',
    reasonIncludes: '"connect:SMS" or "connect:WhatsApp"',
  },
  {
    name: "the subtype is given without valueString",
    mutate: (i) => (i.segmentAttributes = { "connect:Subtype": { valueInteger: 1 } }),
    property: 'segmentAttributes["connect:Subtype"]',
    reasonIncludes: "must set valueString",
  },
  {
    name: "a segment attribute sets two values",
    mutate: (i) =>
      (i.segmentAttributes = { "connect:Custom": { valueString: "a", valueInteger: 1 } }),
    property: 'segmentAttributes["connect:Custom"]',
    reasonIncludes: "received valueString and valueInteger",
  },
  {
    name: "a segment attribute sets no value",
    mutate: (i) => (i.segmentAttributes = { "connect:Custom": {} }),
    property: 'segmentAttributes["connect:Custom"]',
    reasonIncludes: "none of them",
  },
  {
    name: "a segment attribute is a plain string",
    mutate: (i) => (i.segmentAttributes = { tier: "gold" }),
    property: 'segmentAttributes["tier"]',
    reasonIncludes: "must be an object",
  },
  {
    name: "a user-defined segment attribute uses valueList",
    mutate: (i) => (i.segmentAttributes = { tier: { valueList: [{ valueString: "a" }] } }),
    property: 'segmentAttributes["tier"].valueList',
    reasonIncludes: "system-defined",
  },
  {
    name: "a segment valueString is longer than 1,024 characters",
    mutate: (i) => (i.segmentAttributes = { note: { valueString: SECRET_VALUE.repeat(50) } }),
    property: 'segmentAttributes["note"].valueString',
    reasonIncludes: "at most 1,024 characters",
  },
  {
    name: "a segment attribute key is longer than 128 characters",
    mutate: (i) => (i.segmentAttributes = { ["k".repeat(129)]: { valueString: "a" } }),
    property: `segmentAttributes["${"k".repeat(64)}…"]`,
    reasonIncludes: "1 to 128 characters",
  },
  // 9.2: segment attribute keys of the top level: letters, digits, - and _, or connect:-prefixed.
  ...["my key", "my.key", "key!", "connect:my key", "über"].map((key): InvalidInputRow => ({
    name: `a segment attribute key has a character the API does not allow (${JSON.stringify(key)}) (9.2)`,
    mutate: (i) => (i.segmentAttributes = { [key]: { valueString: "a" } }),
    property: `segmentAttributes[${JSON.stringify(key)}]`,
    reasonIncludes: 'may contain only letters, digits, "-" and "_"',
  })),
  // 9.5: nesting that the provider does not send is refused at check, with its path.
  {
    name: "a valueMap nests more than 32 levels deep (9.5)",
    mutate: (i) => {
      let value: Record<string, unknown> = { valueString: "leaf" };
      for (let level = 0; level < 40; level++) {
        value = { valueMap: { next: value } };
      }
      i.segmentAttributes = { "connect:Custom": value };
    },
    property: 'segmentAttributes["connect:Custom"]' + '.valueMap["next"]'.repeat(32),
    reasonIncludes: "more than 32 levels deep",
  },
  {
    name: "a nested valueInteger is not a whole number",
    mutate: (i) =>
      (i.segmentAttributes = { "connect:Custom": { valueMap: { level: { valueInteger: 1.5 } } } }),
    property: 'segmentAttributes["connect:Custom"].valueMap["level"].valueInteger',
    reasonIncludes: "received 1.5",
  },
  {
    name: "a valueArn is not an ARN",
    mutate: (i) => (i.segmentAttributes = { "connect:Link": { valueArn: "not-an-arn" } }),
    property: 'segmentAttributes["connect:Link"].valueArn',
    reasonIncludes: "valid ARN",
  },
  {
    name: "an element of a valueList sets nothing",
    mutate: (i) =>
      (i.segmentAttributes = { "connect:List": { valueList: [{ valueString: "a" }, {}] } }),
    property: 'segmentAttributes["connect:List"].valueList[1]',
    reasonIncludes: "exactly one",
  },
  // attributes
  {
    name: "attributes is a list",
    mutate: (i) => (i.attributes = ["a"]),
    property: "attributes",
    reasonIncludes: "received an array",
  },
  {
    name: "an attribute key has a space",
    mutate: (i) => (i.attributes = { "bad key": SECRET_VALUE }),
    property: 'attributes["bad key"]',
    reasonIncludes: "only letters, digits",
  },
  {
    name: "an attribute value is a number",
    mutate: (i) => (i.attributes = { count: 3 }),
    property: 'attributes["count"]',
    reasonIncludes: "received a number",
  },
  {
    name: "an attribute value is longer than 32,767 characters",
    mutate: (i) => (i.attributes = { note: SECRET_VALUE.repeat(1490) }),
    property: 'attributes["note"]',
    reasonIncludes: "at most 32,767 characters",
  },
  {
    name: "the attributes take more than 32,768 bytes together",
    mutate: (i) => (i.attributes = { a: SECRET_VALUE.repeat(800), b: SECRET_VALUE.repeat(800) }),
    property: "attributes",
    reasonIncludes: "35,202 bytes",
  },
  // chatDurationInMinutes
  {
    name: "chatDurationInMinutes is under an hour",
    mutate: (i) => (i.chatDurationInMinutes = 59),
    property: "chatDurationInMinutes",
    reasonIncludes: "received 59",
  },
  {
    name: "chatDurationInMinutes is over 7 days",
    mutate: (i) => (i.chatDurationInMinutes = 10081),
    property: "chatDurationInMinutes",
    reasonIncludes: "10,080 (7 days)",
  },
  {
    name: "chatDurationInMinutes is not whole",
    mutate: (i) => (i.chatDurationInMinutes = 90.5),
    property: "chatDurationInMinutes",
    reasonIncludes: "whole number",
  },
  {
    name: "chatDurationInMinutes is a string",
    mutate: (i) => (i.chatDurationInMinutes = "120"),
    property: "chatDurationInMinutes",
    reasonIncludes: "received a string",
  },
  // participantDetails
  {
    name: "participantDetails.displayName is empty",
    mutate: (i) => (i.participantDetails = { displayName: "" }),
    property: "participantDetails.displayName",
    reasonIncludes: "received an empty string",
  },
  {
    name: "participantDetails.displayName is longer than 256 characters",
    mutate: (i) => (i.participantDetails = { displayName: SECRET_NAME.repeat(18) }),
    property: "participantDetails.displayName",
    reasonIncludes: "270 characters",
  },
  {
    name: "participantDetails has no displayName",
    mutate: (i) => (i.participantDetails = {}),
    property: "participantDetails.displayName",
    reasonIncludes: "is required",
  },
  // initialSystemMessage
  {
    name: "initialSystemMessage.contentType is not supported",
    mutate: (i) => (i.initialSystemMessage.contentType = "text/html"),
    property: "initialSystemMessage.contentType",
    // A secret argument: the value is shown by its length, whatever member it is in.
    reasonIncludes: "received a string of 9 characters",
  },
  {
    name: "initialSystemMessage.contentType is in the wrong case",
    mutate: (i) => (i.initialSystemMessage.contentType = "Text/Plain"),
    property: "initialSystemMessage.contentType",
    reasonIncludes: 'did you mean "text/plain"',
  },
  {
    name: "initialSystemMessage.content is empty",
    mutate: (i) => (i.initialSystemMessage.content = ""),
    property: "initialSystemMessage.content",
    reasonIncludes: "of at least 1 character; received an empty string",
  },
  {
    name: "initialSystemMessage.content is missing",
    mutate: (i) => delete i.initialSystemMessage.content,
    property: "initialSystemMessage.content",
    reasonIncludes: "is required",
  },
  {
    name: "a text/plain message is longer than 1,024 characters",
    mutate: (i) => (i.initialSystemMessage.content = SECRET_MESSAGE.repeat(49)),
    property: "initialSystemMessage.content",
    reasonIncludes:
      '1 to 1,024 characters for content type "text/plain"; received a message of 1,029 characters',
  },
  {
    name: "a text/markdown message is longer than 1,024 characters",
    mutate: (i) =>
      (i.initialSystemMessage = {
        contentType: "text/markdown",
        content: SECRET_MESSAGE.repeat(49),
      }),
    property: "initialSystemMessage.content",
    reasonIncludes: '"text/markdown"',
  },
  {
    name: "an application/json message is longer than 12,000 characters",
    mutate: (i) =>
      (i.initialSystemMessage = {
        contentType: "application/json",
        content: SECRET_MESSAGE.repeat(572),
      }),
    property: "initialSystemMessage.content",
    reasonIncludes: "1 to 12,000 characters",
  },
  {
    name: "an interactive response is longer than 12,288 characters",
    mutate: (i) =>
      (i.initialSystemMessage = {
        contentType: "application/vnd.amazonaws.connect.message.interactive.response",
        content: SECRET_MESSAGE.repeat(586),
      }),
    property: "initialSystemMessage.content",
    reasonIncludes: "1 to 12,288 characters",
  },
  {
    name: "a message within its characters takes more than 16,384 bytes",
    mutate: (i) =>
      (i.initialSystemMessage = { contentType: "application/json", content: "é".repeat(9000) }),
    property: "initialSystemMessage.content",
    reasonIncludes: "18,000 bytes",
  },
  {
    name: "initialSystemMessage is a string",
    mutate: (i) => (i.initialSystemMessage = WELCOME_MESSAGE),
    property: "initialSystemMessage",
    reasonIncludes: "must be an object",
  },
  // initialTemplatedSystemMessage
  {
    name: "both initial messages are given",
    mutate: (i) => (i.initialTemplatedSystemMessage = templatedMessage()),
    property: "initialTemplatedSystemMessage",
    reasonIncludes: "one initial message",
  },
  {
    name: "the templated message has no knowledgeBaseId",
    mutate: (i) => {
      delete i.initialSystemMessage;
      i.initialTemplatedSystemMessage = { ...templatedMessage(), knowledgeBaseId: undefined };
    },
    property: "initialTemplatedSystemMessage.knowledgeBaseId",
    reasonIncludes: "is required",
  },
  {
    name: "the templated message's messageTemplateId is longer than 500 characters",
    mutate: (i) => {
      delete i.initialSystemMessage;
      i.initialTemplatedSystemMessage = {
        ...templatedMessage(),
        messageTemplateId: "t".repeat(501),
      };
    },
    property: "initialTemplatedSystemMessage.messageTemplateId",
    reasonIncludes: "1 to 500 characters",
  },
  {
    name: "the templated message has no templateAttributes",
    mutate: (i) => {
      delete i.initialSystemMessage;
      i.initialTemplatedSystemMessage = { ...templatedMessage(), templateAttributes: undefined };
    },
    property: "initialTemplatedSystemMessage.templateAttributes",
    reasonIncludes: "is required",
  },
  {
    name: "customerProfileAttributes is not valid JSON",
    mutate: (i) => {
      delete i.initialSystemMessage;
      i.initialTemplatedSystemMessage = templatedMessage();
      i.initialTemplatedSystemMessage.templateAttributes.customerProfileAttributes = PROFILE_JSON;
    },
    property: "initialTemplatedSystemMessage.templateAttributes.customerProfileAttributes",
    reasonIncludes: "does not parse as a JSON object",
  },
  {
    name: "customerProfileAttributes is a JSON list",
    mutate: (i) => {
      delete i.initialSystemMessage;
      i.initialTemplatedSystemMessage = templatedMessage();
      i.initialTemplatedSystemMessage.templateAttributes.customerProfileAttributes = "[1]";
    },
    property: "initialTemplatedSystemMessage.templateAttributes.customerProfileAttributes",
    reasonIncludes: "JSON object",
  },
  {
    name: "customerProfileAttributes is an object, not serialized",
    mutate: (i) => {
      delete i.initialSystemMessage;
      i.initialTemplatedSystemMessage = templatedMessage();
      i.initialTemplatedSystemMessage.templateAttributes.customerProfileAttributes = { a: 1 };
    },
    property: "initialTemplatedSystemMessage.templateAttributes.customerProfileAttributes",
    reasonIncludes: "JSON.stringify",
  },
  {
    name: "a custom template attribute is a number",
    mutate: (i) => {
      delete i.initialSystemMessage;
      i.initialTemplatedSystemMessage = templatedMessage();
      i.initialTemplatedSystemMessage.templateAttributes.customAttributes = { age: 42 };
    },
    property: 'initialTemplatedSystemMessage.templateAttributes.customAttributes["age"]',
    reasonIncludes: "must be a string",
  },
  // relatedContactId and clientToken
  {
    name: "relatedContactId is empty",
    mutate: (i) => (i.relatedContactId = ""),
    property: "relatedContactId",
    reasonIncludes: "1 to 256 characters",
  },
  {
    name: "relatedContactId is longer than 256 characters",
    mutate: (i) => (i.relatedContactId = "c".repeat(257)),
    property: "relatedContactId",
    reasonIncludes: "257 characters",
  },
  {
    name: "clientToken is empty",
    mutate: (i) => (i.clientToken = ""),
    property: "clientToken",
    reasonIncludes: "received an empty string",
  },
  {
    name: "clientToken is longer than 500 characters",
    mutate: (i) => (i.clientToken = "t".repeat(501)),
    property: "clientToken",
    reasonIncludes: "1 to 500 characters",
  },
  // supportedMessagingContentTypes
  {
    name: "supportedMessagingContentTypes lacks text/plain",
    mutate: (i) => (i.supportedMessagingContentTypes = ["text/markdown"]),
    property: "supportedMessagingContentTypes",
    reasonIncludes: 'must contain "text/plain"',
  },
  {
    name: "supportedMessagingContentTypes is empty",
    mutate: (i) => (i.supportedMessagingContentTypes = []),
    property: "supportedMessagingContentTypes",
    reasonIncludes: "an empty list",
  },
  {
    name: "supportedMessagingContentTypes has an unsupported type",
    mutate: (i) => (i.supportedMessagingContentTypes = ["text/plain", "text/html"]),
    property: "supportedMessagingContentTypes[1]",
    reasonIncludes: 'received "text/html"',
  },
  {
    name: "supportedMessagingContentTypes repeats a type",
    mutate: (i) =>
      (i.supportedMessagingContentTypes = ["text/plain", "text/markdown", "text/plain"]),
    property: "supportedMessagingContentTypes[2]",
    reasonIncludes: "already given at supportedMessagingContentTypes[0]",
  },
  {
    name: "supportedMessagingContentTypes is a string",
    mutate: (i) => (i.supportedMessagingContentTypes = "text/plain"),
    property: "supportedMessagingContentTypes",
    reasonIncludes: "must be a list",
  },
  // triggers, onDelete, region
  {
    name: "triggers is not a list",
    mutate: (i) => (i.triggers = "v2"),
    property: "triggers",
    reasonIncludes: "triggers: [value]",
  },
  {
    name: "onDelete is not stop or retain",
    mutate: (i) => (i.onDelete = "delete"),
    property: "onDelete",
    reasonIncludes: 'must be "stop" or "retain"',
  },
  {
    name: "onDelete is in the wrong case",
    mutate: (i) => (i.onDelete = "Retain"),
    property: "onDelete",
    reasonIncludes: 'did you mean "retain"',
  },
  {
    name: "region is not a Region name",
    mutate: (i) => (i.region = "us-east"),
    property: "region",
    reasonIncludes: 'received "us-east"',
  },
  {
    name: "region differs from the instance ARN's",
    mutate: (i) => {
      i.instanceId = INSTANCE_ARN;
      i.region = "eu-west-2";
    },
    property: "region",
    reasonIncludes: 'set region to "us-east-1"',
  },
  {
    name: "region differs from the flow ARN's",
    mutate: (i) => {
      i.contactFlowId = CONTACT_FLOW_ARN;
      i.region = "eu-west-2";
    },
    property: "region",
    reasonIncludes: "contact flow ARN",
  },
  // unknown properties
  {
    name: "a property is misspelt",
    mutate: (i) => (i.chatDurationInMinute = 120),
    property: "chatDurationInMinute",
    reasonIncludes: 'did you mean "chatDurationInMinutes"',
  },
];

/** A copy of `validInputs()` broken as the row says, as the engine would send it. */
export function brokenInputs(row: InvalidInputRow): Raw {
  const inputs = raw(validInputs());
  row.mutate(inputs);
  return inputs;
}
