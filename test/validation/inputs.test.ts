import { strict as assert } from "assert";
import { validateInputs } from "../../provider/validation";
import { InputProblem, UNKNOWN } from "../../provider/types";
import {
  CONTACT_FLOW_ARN,
  CONTACT_FLOW_ID,
  everyOptionInputs,
  INSTANCE_ARN,
  INSTANCE_ID,
  minimalInputs,
  SOURCE_PHONE_NUMBER_ARN,
  templatedMessage,
  unknownInputs,
  validInputs,
  WELCOME_MESSAGE,
} from "../fixtures";
import { raw, Raw } from "./helpers";

/** Content that must never appear in a message. */
const SECRET_MESSAGE = "Secret message text. ";
const SECRET_VALUE = "secret-attribute-value";
const SECRET_NAME = "Ana Secretname ";
const OTHER_INSTANCE_ARN = INSTANCE_ARN.replace("11111111-", "22222222-");
const PROFILE_JSON = '{"Profile": {"FirstName": "Ana"';

interface Row {
  /** Completes "fails when …". */
  readonly name: string;
  /** Breaks a copy of {@link validInputs}. */
  readonly mutate: (inputs: Raw) => void;
  /** The one problem's property path. */
  readonly property: string;
  /** Text the problem's reason must contain. */
  readonly reasonIncludes: string;
}

const rows: Row[] = [
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
    reasonIncludes: 'received "text/html"',
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
    reasonIncludes: "must not be empty",
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

/** Every problem the table's rows produce, for the checks on what messages reveal. */
function problemsOfEveryRow(): InputProblem[] {
  return rows.flatMap((row) => {
    const inputs = raw(validInputs());
    row.mutate(inputs);
    return validateInputs(inputs);
  });
}

describe("validateInputs", () => {
  describe("accepts", () => {
    const valid: Array<[string, () => unknown]> = [
      ["the usual inputs", validInputs],
      ["the minimal inputs", minimalInputs],
      ["every option, with ARNs and defaults spelled out", everyOptionInputs],
      [
        "a templated message instead of a plain one",
        () => ({
          ...validInputs(),
          initialSystemMessage: undefined,
          initialTemplatedSystemMessage: templatedMessage(),
        }),
      ],
      [
        "the subtype in segmentAttributes instead of channel",
        () => ({
          ...validInputs(),
          channel: undefined,
          segmentAttributes: { "connect:Subtype": { valueString: "connect:WhatsApp" } },
        }),
      ],
      [
        "WhatsApp given both as channel and as subtype",
        () => ({
          ...validInputs(),
          channel: "WhatsApp",
          segmentAttributes: { "connect:Subtype": { valueString: "connect:WhatsApp" } },
        }),
      ],
      [
        "the __urn and __provider the engine adds",
        () => ({ ...validInputs(), __urn: "urn:pulumi:dev::p::t::n", __provider: "x" }),
      ],
      [
        "null for options left out",
        () => ({ ...validInputs(), attributes: null, region: null, triggers: null }),
      ],
      [
        "a phone number ARN under its instance",
        () => ({
          ...validInputs(),
          sourceEndpoint: {
            address: `${INSTANCE_ARN}/phone-number/99999999-8888-7777-6666-555555555555`,
          },
        }),
      ],
      [
        "a flow ARN with a bare instance ID in the same Region",
        () => ({ ...validInputs(), contactFlowId: CONTACT_FLOW_ARN, region: "us-east-1" }),
      ],
      [
        "a valueList and a valueArn on system keys",
        () => ({
          ...validInputs(),
          segmentAttributes: {
            "connect:List": { valueList: [{ valueString: "a" }] },
            "connect:Link": { valueArn: INSTANCE_ARN },
          },
        }),
      ],
      [
        "an empty templateAttributes",
        () => ({
          ...validInputs(),
          initialSystemMessage: undefined,
          initialTemplatedSystemMessage: { ...templatedMessage(), templateAttributes: {} },
        }),
      ],
    ];
    for (const [name, inputs] of valid) {
      it(`accepts ${name}`, () => {
        assert.deepEqual(validateInputs(inputs() as Raw), []);
      });
    }
  });

  describe("rejects, with one problem each", () => {
    for (const row of rows) {
      it(`fails when ${row.name}`, () => {
        const inputs = raw(validInputs());
        row.mutate(inputs);
        const problems = validateInputs(inputs);
        assert.equal(problems.length, 1, JSON.stringify(problems, null, 2));
        assert.equal(problems[0].property, row.property);
        assert.ok(
          problems[0].reason.includes(row.reasonIncludes),
          `expected ${JSON.stringify(problems[0].reason)} to include ${JSON.stringify(row.reasonIncludes)}`,
        );
      });
    }

    it("has at least 45 rows", () => {
      assert.ok(rows.length >= 45);
    });
  });

  describe("messages", () => {
    let allProblems: InputProblem[] = [];
    before(() => {
      allProblems = problemsOfEveryRow();
    });

    it("never contain the destination number, in any spelling", () => {
      assert.ok(allProblems.length >= rows.length);
      for (const { reason } of allProblems) {
        const digits = reason.replace(/\D/g, " ");
        assert.ok(!/4155550100/.test(reason.replace(/[\s-]/g, "")), reason);
        assert.ok(!digits.includes("14155550100"), reason);
      }
    });

    it("never contain message content, attribute values, display names or profile data", () => {
      for (const { reason } of allProblems) {
        for (const secret of [
          SECRET_MESSAGE.trim(),
          SECRET_VALUE,
          SECRET_NAME.trim(),
          WELCOME_MESSAGE,
          "éé",
          "FirstName",
        ]) {
          assert.ok(!reason.includes(secret), `${JSON.stringify(secret)} in ${reason}`);
        }
      }
    });

    it("show a masked destination number", () => {
      const inputs = raw(validInputs());
      inputs.destinationEndpoint.address = "+1415555010";
      const [found] = validateInputs(inputs);
      assert.match(found.reason, /received "\+\*{8}10"/);
    });

    it("say what was wrong, the value received, what is allowed and the fix", () => {
      for (const { property, reason } of allProblems) {
        assert.ok(reason.startsWith(property), reason);
        assert.match(reason, /received|not given/, reason);
        assert.match(reason, /Fix: /, reason);
      }
    });
  });

  describe("reports every problem, not just the first", () => {
    it("lists each broken property once, in order", () => {
      const inputs = raw(validInputs());
      delete inputs.instanceId;
      inputs.destinationEndpoint.address = "+1 415";
      inputs.channel = "sms";
      inputs.chatDurationInMinutes = 5;
      inputs.attributes = { "bad key": "x", "also bad": "y" };
      inputs.onDelete = "never";
      assert.deepEqual(
        validateInputs(inputs).map((p) => p.property),
        [
          "instanceId",
          "destinationEndpoint.address",
          "channel",
          'attributes["bad key"]',
          'attributes["also bad"]',
          "chatDurationInMinutes",
          "onDelete",
        ],
      );
    });

    it("reports a misspelt required property both as unknown and as missing", () => {
      const inputs = raw(validInputs());
      inputs.destinationEndpont = inputs.destinationEndpoint;
      delete inputs.destinationEndpoint;
      const problems = validateInputs(inputs);
      assert.deepEqual(
        problems.map((p) => p.property),
        ["destinationEndpoint", "destinationEndpont"],
      );
      assert.ok(problems[1].reason.includes('did you mean "destinationEndpoint"'));
    });

    it("reports everything wrong in an empty object", () => {
      assert.deepEqual(
        validateInputs({}).map((p) => p.property),
        ["instanceId", "contactFlowId", "sourceEndpoint", "destinationEndpoint", "channel"],
      );
    });

    it("does not throw on inputs that are not an object", () => {
      for (const value of [null, "x", 3, [1]]) {
        const problems = validateInputs(value as unknown as Raw);
        assert.equal(problems.length, 1);
        assert.equal(problems[0].property, "");
      }
    });
  });

  describe("values not known yet", () => {
    /** Replaces every leaf (string, number, boolean) of a value with UNKNOWN. */
    function unknownLeaves(value: unknown): unknown {
      if (Array.isArray(value)) {
        return value.map(unknownLeaves);
      }
      if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unknownLeaves(v)]));
      }
      return UNKNOWN;
    }

    it("passes over inputs made only of unknowns", () => {
      assert.deepEqual(validateInputs(unknownInputs()), []);
    });

    it("passes over inputs whose every leaf is unknown", () => {
      assert.deepEqual(validateInputs(unknownLeaves(everyOptionInputs()) as Raw), []);
      assert.deepEqual(
        validateInputs(
          unknownLeaves({
            ...everyOptionInputs(),
            initialSystemMessage: undefined,
            initialTemplatedSystemMessage: templatedMessage(),
          }) as Raw,
        ),
        [],
      );
    });

    it("reports only the known problems among unknowns", () => {
      const inputs = raw(everyOptionInputs());
      inputs.instanceId = UNKNOWN;
      inputs.destinationEndpoint.address = UNKNOWN;
      inputs.attributes.orderId = UNKNOWN;
      inputs.segmentAttributes["connect:CustomerAuthentication"] = UNKNOWN;
      inputs.initialSystemMessage.content = UNKNOWN;
      inputs.chatDurationInMinutes = 5;
      inputs.onDelete = "never";
      inputs.supportedMessagingContentTypes = [UNKNOWN, "text/html"];
      assert.deepEqual(
        validateInputs(inputs).map((p) => p.property),
        ["chatDurationInMinutes", "supportedMessagingContentTypes[1]", "onDelete"],
      );
    });

    const skipped: Array<[string, (i: Raw) => void]> = [
      [
        "the required ones, not reporting them missing",
        (i) => {
          i.instanceId = UNKNOWN;
          i.contactFlowId = UNKNOWN;
          i.sourceEndpoint = { address: UNKNOWN };
          i.destinationEndpoint = UNKNOWN;
          i.channel = UNKNOWN;
        },
      ],
      [
        "the subtype, so channel may be left out",
        (i) => {
          delete i.channel;
          i.segmentAttributes = { "connect:Subtype": { valueString: UNKNOWN } };
        },
      ],
      [
        "segmentAttributes as a whole, so channel may be left out",
        (i) => {
          delete i.channel;
          i.segmentAttributes = UNKNOWN;
        },
      ],
      [
        "a list element that may be text/plain",
        (i) => (i.supportedMessagingContentTypes = ["text/markdown", UNKNOWN]),
      ],
      [
        "an initialSystemMessage that may resolve to nothing, beside a templated one",
        (i) => {
          i.initialSystemMessage = UNKNOWN;
          i.initialTemplatedSystemMessage = templatedMessage();
        },
      ],
      [
        "a contentType, so a long content is not judged by type",
        (i) =>
          (i.initialSystemMessage = { contentType: UNKNOWN, content: SECRET_MESSAGE.repeat(100) }),
      ],
      [
        "an attribute value, so the total size is not judged",
        (i) => (i.attributes = { a: SECRET_VALUE.repeat(1400), b: UNKNOWN }),
      ],
      [
        "an instanceId, so the flow ARN and region are not compared with it",
        (i) => {
          i.instanceId = UNKNOWN;
          i.contactFlowId = CONTACT_FLOW_ARN.replace(INSTANCE_ID, "x");
          i.region = "us-east-1";
        },
      ],
      [
        "the nested values of a segment attribute",
        (i) =>
          (i.segmentAttributes = {
            "connect:Custom": { valueMap: { a: UNKNOWN, b: { valueInteger: UNKNOWN } } },
          }),
      ],
      [
        "a template's attributes",
        (i) => {
          delete i.initialSystemMessage;
          i.initialTemplatedSystemMessage = {
            knowledgeBaseId: UNKNOWN,
            messageTemplateId: "t",
            templateAttributes: UNKNOWN,
          };
        },
      ],
    ];
    for (const [name, mutate] of skipped) {
      it(`passes over an unknown value in ${name}`, () => {
        const inputs = raw(validInputs());
        mutate(inputs);
        assert.deepEqual(validateInputs(inputs), []);
      });
    }
  });

  it("takes a bare flow ID with an instance ARN", () => {
    assert.deepEqual(
      validateInputs({
        ...raw(validInputs()),
        instanceId: INSTANCE_ARN,
        contactFlowId: CONTACT_FLOW_ID,
      }),
      [],
    );
  });
});
