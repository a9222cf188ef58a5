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
  /** The one problem's whole reason, word for word. */
  readonly reason: string;
}

export const INVALID_INPUT_ROWS: readonly InvalidInputRow[] = [
  // instanceId
  {
    name: "instanceId is missing",
    mutate: (i) => delete i.instanceId,
    property: "instanceId",
    reason:
      'instanceId is required (the Amazon Connect instance to start the contact in) but was not given. Fix: give the instance ID (the last part of the instance ARN), such as "11111111-2222-3333-4444-555555555555", or the whole instance ARN.',
  },
  {
    name: "instanceId is a number",
    mutate: (i) => (i.instanceId = 42),
    property: "instanceId",
    reason:
      'instanceId must be a string (an instance ID or ARN); received a number. Fix: give the instance ID (the last part of the instance ARN), such as "11111111-2222-3333-4444-555555555555", or the whole instance ARN.',
  },
  {
    name: "instanceId contains a slash",
    mutate: (i) => (i.instanceId = `instance/${INSTANCE_ID}`),
    property: "instanceId",
    reason:
      'instanceId must be an Amazon Connect instance ID (1 to 100 characters, without ":", "/" or spaces) or an instance ARN (arn:aws:connect:<region>:<account>:instance/<instanceId>); received "instance/11111111-2222-3333-4444-555555555555". Fix: give the instance ID (the last part of the instance ARN), such as "11111111-2222-3333-4444-555555555555", or the whole instance ARN.',
  },
  {
    name: "instanceId is longer than 100 characters",
    mutate: (i) => (i.instanceId = "a".repeat(101)),
    property: "instanceId",
    reason: `instanceId must be an Amazon Connect instance ID (1 to 100 characters, without ":", "/" or spaces) or an instance ARN (arn:aws:connect:<region>:<account>:instance/<instanceId>); received "${"a".repeat(80)}"… (101 characters). Fix: give the instance ID (the last part of the instance ARN), such as "11111111-2222-3333-4444-555555555555", or the whole instance ARN.`,
  },
  {
    name: "instanceId is the ARN of something else",
    mutate: (i) => (i.instanceId = "arn:aws:s3:::my-bucket"),
    property: "instanceId",
    reason:
      'instanceId must be an Amazon Connect instance ID (1 to 100 characters, without ":", "/" or spaces) or an instance ARN (arn:aws:connect:<region>:<account>:instance/<instanceId>); received "arn:aws:s3:::my-bucket". Fix: give the instance ID (the last part of the instance ARN), such as "11111111-2222-3333-4444-555555555555", or the whole instance ARN.',
  },
  // contactFlowId
  {
    name: "contactFlowId is missing",
    mutate: (i) => delete i.contactFlowId,
    property: "contactFlowId",
    reason:
      "contactFlowId is required (the flow that runs the new contact) but was not given. Fix: give the flow ID (the last part of the flow ARN, shown under the flow's name in the console as part of Show additional flow information) or the whole flow ARN.",
  },
  {
    name: "contactFlowId is longer than 500 characters",
    mutate: (i) => (i.contactFlowId = "f".repeat(501)),
    property: "contactFlowId",
    reason: `contactFlowId must be a contact flow ID (1 to 500 characters, without ":", "/" or spaces) or a contact flow ARN (arn:aws:connect:<region>:<account>:instance/<instanceId>/contact-flow/<contactFlowId>); received "${"f".repeat(80)}"… (501 characters). Fix: give the flow ID (the last part of the flow ARN, shown under the flow's name in the console as part of Show additional flow information) or the whole flow ARN.`,
  },
  {
    name: "contactFlowId is a flow ARN of another instance",
    mutate: (i) => {
      i.instanceId = OTHER_INSTANCE_ARN;
      i.contactFlowId = CONTACT_FLOW_ARN;
    },
    property: "contactFlowId",
    reason:
      'contactFlowId must be a flow of the instance that instanceId names (instance "22222222-2222-3333-4444-555555555555", Region "us-east-1", account "123456789012"); received a flow ARN with instance "11111111-2222-3333-4444-555555555555" instead of "22222222-2222-3333-4444-555555555555". Fix: use a flow ARN of that instance, or give only the flow ID.',
  },
  {
    name: "contactFlowId is a flow ARN of another instance than the bare instanceId",
    mutate: (i) => {
      i.instanceId = "22222222-2222-3333-4444-555555555555";
      i.contactFlowId = CONTACT_FLOW_ARN;
    },
    property: "contactFlowId",
    reason:
      'contactFlowId must be a flow of the instance that instanceId names ("22222222-2222-3333-4444-555555555555"); received a flow ARN of instance "11111111-2222-3333-4444-555555555555". Fix: use a flow ARN of that instance, or give only the flow ID.',
  },
  {
    name: "sourceEndpoint.address is a phone number ARN in another Region than the instance ARN",
    mutate: (i) => {
      i.instanceId = INSTANCE_ARN;
      i.sourceEndpoint = { address: SOURCE_PHONE_NUMBER_ARN.replace(":us-east-1:", ":eu-west-2:") };
    },
    property: "sourceEndpoint.address",
    reason:
      'sourceEndpoint.address must be a phone number claimed by the instance, in its Region and account (Region "us-east-1", account "123456789012"); received a phone number ARN with Region "eu-west-2" instead of "us-east-1". Fix: use the ARN of a number claimed by this instance (Channels > Phone numbers in the console, or aws connect list-phone-numbers-v2).',
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
    reason:
      'sourceEndpoint.address must be a phone number claimed by the instance, in its Region and account (Region "us-east-1", account "123456789012"); received a phone number ARN with account "210987654321" instead of "123456789012". Fix: use the ARN of a number claimed by this instance (Channels > Phone numbers in the console, or aws connect list-phone-numbers-v2).',
  },
  {
    name: "sourceEndpoint.address is a phone number ARN in another Region than the region argument",
    mutate: (i) => {
      i.region = "eu-west-2";
      i.sourceEndpoint = { address: SOURCE_PHONE_NUMBER_ARN };
    },
    property: "sourceEndpoint.address",
    reason:
      'sourceEndpoint.address must be a phone number claimed by the instance, in its Region and account (Region "eu-west-2"); received a phone number ARN with Region "us-east-1" instead of "eu-west-2". Fix: use the ARN of a number claimed by this instance (Channels > Phone numbers in the console, or aws connect list-phone-numbers-v2).',
  },
  {
    name: "contactFlowId is a flow ARN in another Region than the instance ARN",
    mutate: (i) => {
      i.instanceId = INSTANCE_ARN;
      i.contactFlowId = CONTACT_FLOW_ARN.replace("us-east-1", "eu-west-2");
    },
    property: "contactFlowId",
    reason:
      'contactFlowId must be a flow of the instance that instanceId names (instance "11111111-2222-3333-4444-555555555555", Region "us-east-1", account "123456789012"); received a flow ARN with Region "eu-west-2" instead of "us-east-1". Fix: use a flow ARN of that instance, or give only the flow ID.',
  },
  // sourceEndpoint
  {
    name: "sourceEndpoint is missing",
    mutate: (i) => delete i.sourceEndpoint,
    property: "sourceEndpoint",
    reason:
      'sourceEndpoint is required (the ARN of the phone number the message is sent from) but was not given. Fix: set sourceEndpoint.address to the ARN of an SMS- or WhatsApp-enabled phone number claimed by the instance, such as "arn:aws:connect:<region>:<account>:phone-number/<phoneNumberId>" (in the console: Channels, Phone numbers).',
  },
  {
    name: "sourceEndpoint is a string",
    mutate: (i) => (i.sourceEndpoint = SOURCE_PHONE_NUMBER_ARN),
    property: "sourceEndpoint",
    reason:
      'sourceEndpoint must be an object ({ type?, address }); received a string. Fix: set sourceEndpoint.address to the ARN of an SMS- or WhatsApp-enabled phone number claimed by the instance, such as "arn:aws:connect:<region>:<account>:phone-number/<phoneNumberId>" (in the console: Channels, Phone numbers).',
  },
  {
    name: "sourceEndpoint.address is missing",
    mutate: (i) => (i.sourceEndpoint = { type: "CONNECT_PHONENUMBER_ARN" }),
    property: "sourceEndpoint.address",
    reason:
      'sourceEndpoint.address is required (the ARN of the phone number the message is sent from) but was not given. Fix: set sourceEndpoint.address to the ARN of an SMS- or WhatsApp-enabled phone number claimed by the instance, such as "arn:aws:connect:<region>:<account>:phone-number/<phoneNumberId>" (in the console: Channels, Phone numbers).',
  },
  {
    name: "sourceEndpoint.type is TELEPHONE_NUMBER",
    mutate: (i) => (i.sourceEndpoint.type = "TELEPHONE_NUMBER"),
    property: "sourceEndpoint.type",
    reason:
      'sourceEndpoint.type must be "CONNECT_PHONENUMBER_ARN" (the only endpoint type StartOutboundChatContact accepts for the source); received "TELEPHONE_NUMBER". Fix: set it to "CONNECT_PHONENUMBER_ARN" or leave it out.',
  },
  {
    name: "sourceEndpoint.address is a phone number instead of its ARN",
    mutate: (i) => (i.sourceEndpoint.address = "+12065550123"),
    property: "sourceEndpoint.address",
    reason:
      'sourceEndpoint.address must be the ARN of a phone number claimed in Amazon Connect (arn:aws:connect:<region>:<account>:phone-number/<phoneNumberId>), not the phone number itself; received "+*********23". Fix: set sourceEndpoint.address to the ARN of an SMS- or WhatsApp-enabled phone number claimed by the instance, such as "arn:aws:connect:<region>:<account>:phone-number/<phoneNumberId>" (in the console: Channels, Phone numbers).',
  },
  {
    name: "sourceEndpoint.address is an instance ARN",
    mutate: (i) => (i.sourceEndpoint.address = INSTANCE_ARN),
    property: "sourceEndpoint.address",
    reason:
      'sourceEndpoint.address must be the ARN of a phone number claimed in Amazon Connect (arn:aws:connect:<region>:<account>:phone-number/<phoneNumberId>); received "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-55555555"… (84 characters). Fix: set sourceEndpoint.address to the ARN of an SMS- or WhatsApp-enabled phone number claimed by the instance, such as "arn:aws:connect:<region>:<account>:phone-number/<phoneNumberId>" (in the console: Channels, Phone numbers).',
  },
  {
    name: "sourceEndpoint.address is longer than 256 characters",
    mutate: (i) => (i.sourceEndpoint.address = SOURCE_PHONE_NUMBER_ARN + "9".repeat(200)),
    property: "sourceEndpoint.address",
    reason:
      'sourceEndpoint.address must be a phone number ARN of 1 to 256 characters; received a string of 288 characters. Fix: set sourceEndpoint.address to the ARN of an SMS- or WhatsApp-enabled phone number claimed by the instance, such as "arn:aws:connect:<region>:<account>:phone-number/<phoneNumberId>" (in the console: Channels, Phone numbers).',
  },
  {
    name: "sourceEndpoint has a member it does not know",
    mutate: (i) => (i.sourceEndpoint.Type = "CONNECT_PHONENUMBER_ARN"),
    property: "sourceEndpoint.Type",
    reason:
      'sourceEndpoint.Type is not a property of sourceEndpoint (it has "type", "address"); received a value under the name "Type". Fix: did you mean "type"? Rename or remove it.',
  },
  // destinationEndpoint
  {
    name: "destinationEndpoint is missing",
    mutate: (i) => delete i.destinationEndpoint,
    property: "destinationEndpoint",
    reason:
      'destinationEndpoint is required (the customer\'s phone number in E.164 format) but was not given. Fix: write the customer\'s number as "+", the country code and the number, with no spaces, dashes or leading 0 after the country code (for example "+12065550123").',
  },
  {
    name: "destinationEndpoint.address is missing",
    mutate: (i) => (i.destinationEndpoint = {}),
    property: "destinationEndpoint.address",
    reason:
      'destinationEndpoint.address is required (the customer\'s phone number in E.164 format) but was not given. Fix: write the customer\'s number as "+", the country code and the number, with no spaces, dashes or leading 0 after the country code (for example "+12065550123").',
  },
  {
    name: "destinationEndpoint.type is in the wrong case",
    mutate: (i) => (i.destinationEndpoint.type = "telephone_number"),
    property: "destinationEndpoint.type",
    reason:
      'destinationEndpoint.type must be "TELEPHONE_NUMBER" (the only endpoint type StartOutboundChatContact accepts for the destination); received a string of 16 characters. Values are case-sensitive: did you mean "TELEPHONE_NUMBER"? Fix: set it to "TELEPHONE_NUMBER" or leave it out.',
  },
  {
    name: "destinationEndpoint.address has spaces",
    mutate: (i) => (i.destinationEndpoint.address = "+1 415 555 0100"),
    property: "destinationEndpoint.address",
    reason:
      'destinationEndpoint.address must be a phone number in E.164 format (a "+", the country code, then the number, no spaces), such as "+12065550123"; received "+************00", and it contains spaces. Fix: write the customer\'s number as "+", the country code and the number, with no spaces, dashes or leading 0 after the country code (for example "+12065550123").',
  },
  {
    name: "destinationEndpoint.address has no leading +",
    mutate: (i) => (i.destinationEndpoint.address = "14155550100"),
    property: "destinationEndpoint.address",
    reason:
      'destinationEndpoint.address must be a phone number in E.164 format (a "+", the country code, then the number, no spaces), such as "+12065550123"; received "*********00", and it does not start with "+". Fix: write the customer\'s number as "+", the country code and the number, with no spaces, dashes or leading 0 after the country code (for example "+12065550123").',
  },
  {
    name: "destinationEndpoint.address has dashes",
    mutate: (i) => (i.destinationEndpoint.address = "+1-415-555-0100"),
    property: "destinationEndpoint.address",
    reason:
      'destinationEndpoint.address must be a phone number in E.164 format (a "+", the country code, then the number, no spaces), such as "+12065550123"; received "+************00", and it contains characters other than digits after the +. Fix: write the customer\'s number as "+", the country code and the number, with no spaces, dashes or leading 0 after the country code (for example "+12065550123").',
  },
  {
    name: "destinationEndpoint.address is a digit short",
    mutate: (i) => (i.destinationEndpoint.address = "+1415555010"),
    property: "destinationEndpoint.address",
    reason:
      'destinationEndpoint.address must be a phone number in E.164 format (a "+", the country code, then the number, no spaces), such as "+12065550123"; received "+********10", and it is not a valid number for its country code. Fix: write the customer\'s number as "+", the country code and the number, with no spaces, dashes or leading 0 after the country code (for example "+12065550123").',
  },
  {
    name: "destinationEndpoint.address has an area code that does not exist",
    mutate: (i) => (i.destinationEndpoint.address = "+19995550100"),
    property: "destinationEndpoint.address",
    reason:
      'destinationEndpoint.address must be a phone number in E.164 format (a "+", the country code, then the number, no spaces), such as "+12065550123"; received "+*********00", and it is not a valid number for its country code. Fix: write the customer\'s number as "+", the country code and the number, with no spaces, dashes or leading 0 after the country code (for example "+12065550123").',
  },
  {
    name: "destinationEndpoint.address is a number",
    mutate: (i) => (i.destinationEndpoint.address = 14155550100),
    property: "destinationEndpoint.address",
    reason:
      'destinationEndpoint.address must be a string (a phone number, 1 to 256 characters); received a number. Fix: write the customer\'s number as "+", the country code and the number, with no spaces, dashes or leading 0 after the country code (for example "+12065550123").',
  },
  {
    name: "destinationEndpoint.address is longer than 256 characters",
    mutate: (i) => (i.destinationEndpoint.address = "+1" + "4".repeat(300)),
    property: "destinationEndpoint.address",
    reason:
      'destinationEndpoint.address must be a phone number of 1 to 256 characters; received a string of 302 characters. Fix: write the customer\'s number as "+", the country code and the number, with no spaces, dashes or leading 0 after the country code (for example "+12065550123").',
  },
  // channel
  {
    name: "channel is missing and segmentAttributes has no subtype",
    mutate: (i) => delete i.channel,
    property: "channel",
    reason:
      'channel is required ("SMS" or "WhatsApp", unless segmentAttributes["connect:Subtype"].valueString is given) but was not given. Fix: set channel to "SMS" or "WhatsApp".',
  },
  {
    name: "channel is in the wrong case",
    mutate: (i) => (i.channel = "sms"),
    property: "channel",
    reason:
      'channel must be "SMS" or "WhatsApp" (the channel); received "sms". Values are case-sensitive: did you mean "SMS"? Fix: set channel to "SMS" or "WhatsApp".',
  },
  {
    name: "channel is not a chat channel",
    mutate: (i) => (i.channel = "Email"),
    property: "channel",
    reason:
      'channel must be "SMS" or "WhatsApp" (the channel); received "Email". Fix: set channel to "SMS" or "WhatsApp".',
  },
  {
    name: "channel disagrees with the subtype",
    mutate: (i) =>
      (i.segmentAttributes = { "connect:Subtype": { valueString: "connect:WhatsApp" } }),
    property: "channel",
    reason:
      'channel must agree with segmentAttributes["connect:Subtype"].valueString ("connect:WhatsApp" means channel "WhatsApp"); received "SMS", which means "connect:SMS". Fix: set channel to "WhatsApp", or remove one of the two (either is enough).',
  },
  // segmentAttributes
  {
    name: "the subtype is not SMS or WhatsApp",
    mutate: (i) => {
      delete i.channel;
      i.segmentAttributes = { "connect:Subtype": { valueString: "connect:Email" } };
    },
    property: 'segmentAttributes["connect:Subtype"].valueString',
    reason:
      'segmentAttributes["connect:Subtype"].valueString must be "connect:SMS" or "connect:WhatsApp" (StartOutboundChatContact starts SMS and WhatsApp contacts only); received "connect:Email". Fix: set segmentAttributes["connect:Subtype"].valueString to "connect:SMS" or "connect:WhatsApp", or leave segmentAttributes["connect:Subtype"] out and set channel.',
  },
  {
    name: "the subtype is given without valueString",
    mutate: (i) => (i.segmentAttributes = { "connect:Subtype": { valueInteger: 1 } }),
    property: 'segmentAttributes["connect:Subtype"]',
    reason:
      'segmentAttributes["connect:Subtype"] must set valueString to "connect:SMS" or "connect:WhatsApp"; received no valueString. Fix: set segmentAttributes["connect:Subtype"].valueString to "connect:SMS" or "connect:WhatsApp", or leave segmentAttributes["connect:Subtype"] out and set channel.',
  },
  {
    name: "a segment attribute sets two values",
    mutate: (i) =>
      (i.segmentAttributes = { "connect:Custom": { valueString: "a", valueInteger: 1 } }),
    property: 'segmentAttributes["connect:Custom"]',
    reason:
      'segmentAttributes["connect:Custom"] must set exactly one of valueString, valueMap, valueInteger, valueList, valueArn; received valueString and valueInteger. Fix: keep one of them.',
  },
  {
    name: "a segment attribute sets no value",
    mutate: (i) => (i.segmentAttributes = { "connect:Custom": {} }),
    property: 'segmentAttributes["connect:Custom"]',
    reason:
      'segmentAttributes["connect:Custom"] must set exactly one of valueString, valueMap, valueInteger, valueList, valueArn; received an object with none of them. Fix: set one, for example { valueString: "..." }.',
  },
  {
    name: "a segment attribute is a plain string",
    mutate: (i) => (i.segmentAttributes = { tier: "gold" }),
    property: 'segmentAttributes["tier"]',
    reason:
      'segmentAttributes["tier"] must be an object (a segment attribute value such as { valueString: "..." }); received a string. Fix: wrap the value in an object that sets exactly one of valueString, valueMap, valueInteger, valueList, valueArn.',
  },
  {
    name: "a user-defined segment attribute uses valueList",
    mutate: (i) => (i.segmentAttributes = { tier: { valueList: [{ valueString: "a" }] } }),
    property: 'segmentAttributes["tier"].valueList',
    reason:
      'segmentAttributes["tier"].valueList is only supported on system-defined attributes (keys starting with "connect:"); received it under a user-defined key. Fix: use valueString, valueMap or valueInteger instead.',
  },
  {
    name: "a segment valueString is longer than 1,024 characters",
    mutate: (i) => (i.segmentAttributes = { note: { valueString: SECRET_VALUE.repeat(50) } }),
    property: 'segmentAttributes["note"].valueString',
    reason:
      'segmentAttributes["note"].valueString must be a string of at most 1,024 characters; received a string of 1,100 characters. Fix: give a string of at most 1,024 characters.',
  },
  {
    name: "a segment attribute key is longer than 128 characters",
    mutate: (i) => (i.segmentAttributes = { ["k".repeat(129)]: { valueString: "a" } }),
    property: `segmentAttributes["${"k".repeat(64)}…"]`,
    reason: `segmentAttributes["${"k".repeat(64)}…"] has a key that is not allowed: keys must be 1 to 128 characters; received a key of 129 characters. Fix: shorten or rename the key.`,
  },
  // 9.2: segment attribute keys of the top level: letters, digits, - and _, or connect:-prefixed.
  // Each key with the character it is refused for and the name suggested instead.
  ...[
    ["my key", " ", "my_key"],
    ["my.key", ".", "my_key"],
    ["key!", "!", "key_"],
    ["connect:my key", " ", "connect:my_key"],
    ["über", "ü", "_ber"],
  ].map(([key, character, suggestion]): InvalidInputRow => ({
    name: `a segment attribute key has a character the API does not allow (${JSON.stringify(key)}) (9.2)`,
    mutate: (i) => (i.segmentAttributes = { [key]: { valueString: "a" } }),
    property: `segmentAttributes[${JSON.stringify(key)}]`,
    reason:
      `segmentAttributes[${JSON.stringify(key)}] has a key that is not allowed: keys may contain only ` +
      `letters, digits, "-" and "_" (system keys start with "connect:", such as "connect:Subtype"); ` +
      `received a key with ${JSON.stringify(character)}. Fix: rename the key, for example to ${JSON.stringify(suggestion)}.`,
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
    reason: `segmentAttributes["connect:Custom"]${'.valueMap["next"]'.repeat(32)} nests valueMap and valueList more than 32 levels deep, more than this provider sends; received a value that goes on deeper at this path. Fix: flatten the value to at most 32 levels.`,
  },
  {
    name: "a nested valueInteger is not a whole number",
    mutate: (i) =>
      (i.segmentAttributes = { "connect:Custom": { valueMap: { level: { valueInteger: 1.5 } } } }),
    property: 'segmentAttributes["connect:Custom"].valueMap["level"].valueInteger',
    reason:
      'segmentAttributes["connect:Custom"].valueMap["level"].valueInteger must be a whole number from -2,147,483,648 to 2,147,483,647; received 1.5. Fix: give a whole number, or use valueString for other values.',
  },
  {
    name: "a valueArn is not an ARN",
    mutate: (i) => (i.segmentAttributes = { "connect:Link": { valueArn: "not-an-arn" } }),
    property: 'segmentAttributes["connect:Link"].valueArn',
    reason:
      'segmentAttributes["connect:Link"].valueArn must be a valid ARN (arn:<partition>:<service>:<region>:<account>:<resource>); received "not-an-arn". Fix: give the full ARN.',
  },
  {
    name: "an element of a valueList sets nothing",
    mutate: (i) =>
      (i.segmentAttributes = { "connect:List": { valueList: [{ valueString: "a" }, {}] } }),
    property: 'segmentAttributes["connect:List"].valueList[1]',
    reason:
      'segmentAttributes["connect:List"].valueList[1] must set exactly one of valueString, valueMap, valueInteger, valueList, valueArn; received an object with none of them. Fix: set one, for example { valueString: "..." }.',
  },
  // attributes
  {
    name: "attributes is a list",
    mutate: (i) => (i.attributes = ["a"]),
    property: "attributes",
    reason:
      "attributes must be an object (a map of strings to strings); received an array. Fix: give an object of string keys to string values.",
  },
  {
    name: "an attribute key has a space",
    mutate: (i) => (i.attributes = { "bad key": SECRET_VALUE }),
    property: 'attributes["bad key"]',
    reason:
      'attributes["bad key"] has a key that is not allowed: keys may contain only letters, digits, "-" and "_"; received a key with " ". Fix: rename the key, for example to "bad_key".',
  },
  {
    name: "an attribute value is a number",
    mutate: (i) => (i.attributes = { count: 3 }),
    property: 'attributes["count"]',
    reason:
      'attributes["count"] must be a string (a value, at most 32,767 characters); received a number. Fix: give a string: convert other values with String() or JSON.stringify(), and keep long data elsewhere.',
  },
  {
    name: "an attribute value is longer than 32,767 characters",
    mutate: (i) => (i.attributes = { note: SECRET_VALUE.repeat(1490) }),
    property: 'attributes["note"]',
    reason:
      'attributes["note"] must be a value of at most 32,767 characters; received a string of 32,780 characters. Fix: give a string: convert other values with String() or JSON.stringify(), and keep long data elsewhere.',
  },
  {
    name: "the attributes take more than 32,768 bytes together",
    mutate: (i) => (i.attributes = { a: SECRET_VALUE.repeat(800), b: SECRET_VALUE.repeat(800) }),
    property: "attributes",
    reason:
      "attributes must take at most 32,768 bytes (UTF-8) for all keys and values together; received 2 attributes of 35,202 bytes. Fix: remove or shorten some of them, or keep large data elsewhere and pass a reference.",
  },
  // chatDurationInMinutes
  {
    name: "chatDurationInMinutes is under an hour",
    mutate: (i) => (i.chatDurationInMinutes = 59),
    property: "chatDurationInMinutes",
    reason:
      "chatDurationInMinutes must be a whole number of minutes from 60 (1 hour) to 10,080 (7 days); received 59. Fix: give a duration in that range, or leave it out for the default of 25 hours.",
  },
  {
    name: "chatDurationInMinutes is over 7 days",
    mutate: (i) => (i.chatDurationInMinutes = 10081),
    property: "chatDurationInMinutes",
    reason:
      "chatDurationInMinutes must be a whole number of minutes from 60 (1 hour) to 10,080 (7 days); received 10081. Fix: give a duration in that range, or leave it out for the default of 25 hours.",
  },
  {
    name: "chatDurationInMinutes is not whole",
    mutate: (i) => (i.chatDurationInMinutes = 90.5),
    property: "chatDurationInMinutes",
    reason:
      "chatDurationInMinutes must be a whole number of minutes from 60 (1 hour) to 10,080 (7 days); received 90.5. Fix: give a duration in that range, or leave it out for the default of 25 hours.",
  },
  {
    name: "chatDurationInMinutes is a string",
    mutate: (i) => (i.chatDurationInMinutes = "120"),
    property: "chatDurationInMinutes",
    reason:
      "chatDurationInMinutes must be a whole number of minutes from 60 (1 hour) to 10,080 (7 days); received a string. Fix: give a duration in that range, or leave it out for the default of 25 hours.",
  },
  // participantDetails
  {
    name: "participantDetails.displayName is empty",
    mutate: (i) => (i.participantDetails = { displayName: "" }),
    property: "participantDetails.displayName",
    reason:
      "participantDetails.displayName must be a display name of 1 to 256 characters; received an empty string. Fix: give the customer's display name, 1 to 256 characters.",
  },
  {
    name: "participantDetails.displayName is longer than 256 characters",
    mutate: (i) => (i.participantDetails = { displayName: SECRET_NAME.repeat(18) }),
    property: "participantDetails.displayName",
    reason:
      "participantDetails.displayName must be a display name of 1 to 256 characters; received a string of 270 characters. Fix: give the customer's display name, 1 to 256 characters.",
  },
  {
    name: "participantDetails has no displayName",
    mutate: (i) => (i.participantDetails = {}),
    property: "participantDetails.displayName",
    reason:
      "participantDetails.displayName is required (the customer's display name) but was not given. Fix: give the customer's display name, 1 to 256 characters.",
  },
  // initialSystemMessage
  {
    name: "initialSystemMessage.contentType is not supported",
    mutate: (i) => (i.initialSystemMessage.contentType = "text/html"),
    property: "initialSystemMessage.contentType",
    // A secret argument: the value is shown by its length, whatever member it is in.
    reason:
      'initialSystemMessage.contentType must be one of "text/plain", "text/markdown", "application/json" or "application/vnd.amazonaws.connect.message.interactive.response" (the type of the message); received a string of 9 characters. Fix: use "text/plain" for plain text.',
  },
  {
    name: "initialSystemMessage.contentType is in the wrong case",
    mutate: (i) => (i.initialSystemMessage.contentType = "Text/Plain"),
    property: "initialSystemMessage.contentType",
    reason:
      'initialSystemMessage.contentType must be one of "text/plain", "text/markdown", "application/json" or "application/vnd.amazonaws.connect.message.interactive.response" (the type of the message); received a string of 10 characters. Values are case-sensitive: did you mean "text/plain"? Fix: use "text/plain" for plain text.',
  },
  {
    name: "initialSystemMessage.content is empty",
    mutate: (i) => (i.initialSystemMessage.content = ""),
    property: "initialSystemMessage.content",
    reason:
      "initialSystemMessage.content must be the message text of at least 1 character; received an empty string. Fix: write the message, or leave initialSystemMessage out.",
  },
  {
    name: "initialSystemMessage.content is missing",
    mutate: (i) => delete i.initialSystemMessage.content,
    property: "initialSystemMessage.content",
    reason:
      "initialSystemMessage.content is required (the message text) but was not given. Fix: write the message, or leave initialSystemMessage out.",
  },
  {
    name: "a text/plain message is longer than 1,024 characters",
    mutate: (i) => (i.initialSystemMessage.content = SECRET_MESSAGE.repeat(49)),
    property: "initialSystemMessage.content",
    reason:
      'initialSystemMessage.content must be 1 to 1,024 characters for content type "text/plain"; received a message of 1,029 characters. Fix: send a shorter message, or split it into the initial message and later messages.',
  },
  {
    name: "a text/markdown message is longer than 1,024 characters",
    mutate: (i) =>
      (i.initialSystemMessage = {
        contentType: "text/markdown",
        content: SECRET_MESSAGE.repeat(49),
      }),
    property: "initialSystemMessage.content",
    reason:
      'initialSystemMessage.content must be 1 to 1,024 characters for content type "text/markdown"; received a message of 1,029 characters. Fix: send a shorter message, or split it into the initial message and later messages.',
  },
  {
    name: "an application/json message is longer than 12,000 characters",
    mutate: (i) =>
      (i.initialSystemMessage = {
        contentType: "application/json",
        content: SECRET_MESSAGE.repeat(572),
      }),
    property: "initialSystemMessage.content",
    reason:
      'initialSystemMessage.content must be 1 to 12,000 characters for content type "application/json"; received a message of 12,012 characters. Fix: send a shorter message, or split it into the initial message and later messages.',
  },
  {
    name: "an interactive response is longer than 12,288 characters",
    mutate: (i) =>
      (i.initialSystemMessage = {
        contentType: "application/vnd.amazonaws.connect.message.interactive.response",
        content: SECRET_MESSAGE.repeat(586),
      }),
    property: "initialSystemMessage.content",
    reason:
      'initialSystemMessage.content must be 1 to 12,288 characters for content type "application/vnd.amazonaws.connect.message.interactive.response"; received a message of 12,306 characters. Fix: send a shorter message, or split it into the initial message and later messages.',
  },
  {
    name: "a message within its characters takes more than 16,384 bytes",
    mutate: (i) =>
      (i.initialSystemMessage = { contentType: "application/json", content: "é".repeat(9000) }),
    property: "initialSystemMessage.content",
    reason:
      "initialSystemMessage.content must take at most 16,384 bytes (UTF-8) whatever its content type; received a message of 9,000 characters taking 18,000 bytes. Fix: send a shorter message, or split it into the initial message and later messages.",
  },
  {
    name: "initialSystemMessage is a string",
    mutate: (i) => (i.initialSystemMessage = WELCOME_MESSAGE),
    property: "initialSystemMessage",
    reason:
      'initialSystemMessage must be an object ({ contentType, content }); received a string. Fix: give { contentType: "text/plain", content: "..." }.',
  },
  // initialTemplatedSystemMessage
  {
    name: "both initial messages are given",
    mutate: (i) => (i.initialTemplatedSystemMessage = templatedMessage()),
    property: "initialTemplatedSystemMessage",
    reason:
      "initialTemplatedSystemMessage cannot be set together with initialSystemMessage: StartOutboundChatContact takes one initial message; received both. Fix: remove one of them.",
  },
  {
    name: "the templated message has no knowledgeBaseId",
    mutate: (i) => {
      delete i.initialSystemMessage;
      i.initialTemplatedSystemMessage = { ...templatedMessage(), knowledgeBaseId: undefined };
    },
    property: "initialTemplatedSystemMessage.knowledgeBaseId",
    reason:
      "initialTemplatedSystemMessage.knowledgeBaseId is required (a knowledge base ID or ARN) but was not given. Fix: give the ID or ARN of the Amazon Q in Connect knowledge base that holds the template.",
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
    reason:
      "initialTemplatedSystemMessage.messageTemplateId must be a message template ID of 1 to 500 characters; received a string of 501 characters. Fix: give the ID of the message template.",
  },
  {
    name: "the templated message has no templateAttributes",
    mutate: (i) => {
      delete i.initialSystemMessage;
      i.initialTemplatedSystemMessage = { ...templatedMessage(), templateAttributes: undefined };
    },
    property: "initialTemplatedSystemMessage.templateAttributes",
    reason:
      "initialTemplatedSystemMessage.templateAttributes is required (the values of the template's variables) but was not given. Fix: give templateAttributes, at least {} when the template has no variables.",
  },
  {
    name: "customerProfileAttributes is not valid JSON",
    mutate: (i) => {
      delete i.initialSystemMessage;
      i.initialTemplatedSystemMessage = templatedMessage();
      i.initialTemplatedSystemMessage.templateAttributes.customerProfileAttributes = PROFILE_JSON;
    },
    property: "initialTemplatedSystemMessage.templateAttributes.customerProfileAttributes",
    reason:
      "initialTemplatedSystemMessage.templateAttributes.customerProfileAttributes must be a JSON object serialized as a string; received a string of 31 characters that does not parse as a JSON object. Fix: serialize the attributes with JSON.stringify({ ... }).",
  },
  {
    name: "customerProfileAttributes is a JSON list",
    mutate: (i) => {
      delete i.initialSystemMessage;
      i.initialTemplatedSystemMessage = templatedMessage();
      i.initialTemplatedSystemMessage.templateAttributes.customerProfileAttributes = "[1]";
    },
    property: "initialTemplatedSystemMessage.templateAttributes.customerProfileAttributes",
    reason:
      "initialTemplatedSystemMessage.templateAttributes.customerProfileAttributes must be a JSON object serialized as a string; received a string of 3 characters that does not parse as a JSON object. Fix: serialize the attributes with JSON.stringify({ ... }).",
  },
  {
    name: "customerProfileAttributes is an object, not serialized",
    mutate: (i) => {
      delete i.initialSystemMessage;
      i.initialTemplatedSystemMessage = templatedMessage();
      i.initialTemplatedSystemMessage.templateAttributes.customerProfileAttributes = { a: 1 };
    },
    property: "initialTemplatedSystemMessage.templateAttributes.customerProfileAttributes",
    reason:
      "initialTemplatedSystemMessage.templateAttributes.customerProfileAttributes must be a string (a JSON object, serialized); received an object. Fix: serialize the attributes with JSON.stringify({ ... }).",
  },
  {
    name: "a custom template attribute is a number",
    mutate: (i) => {
      delete i.initialSystemMessage;
      i.initialTemplatedSystemMessage = templatedMessage();
      i.initialTemplatedSystemMessage.templateAttributes.customAttributes = { age: 42 };
    },
    property: 'initialTemplatedSystemMessage.templateAttributes.customAttributes["age"]',
    reason:
      'initialTemplatedSystemMessage.templateAttributes.customAttributes["age"] must be a string (a value, at most 32,767 characters); received a number. Fix: convert the value to a string (template variables take strings).',
  },
  // relatedContactId and clientToken
  {
    name: "relatedContactId is empty",
    mutate: (i) => (i.relatedContactId = ""),
    property: "relatedContactId",
    reason:
      "relatedContactId must be a contact ID of 1 to 256 characters; received an empty string. Fix: give the ContactId of the contact this one relates to, or leave relatedContactId out.",
  },
  {
    name: "relatedContactId is longer than 256 characters",
    mutate: (i) => (i.relatedContactId = "c".repeat(257)),
    property: "relatedContactId",
    reason: `relatedContactId must be a contact ID of 1 to 256 characters; received a string of 257 characters, "${"c".repeat(80)}"… (257 characters). Fix: give the ContactId of the contact this one relates to, or leave relatedContactId out.`,
  },
  {
    name: "clientToken is empty",
    mutate: (i) => (i.clientToken = ""),
    property: "clientToken",
    reason:
      "clientToken must be an idempotency token of 1 to 500 characters; received an empty string. Fix: give a unique token of at most 500 characters, or leave clientToken out to let the provider derive one from the resource.",
  },
  {
    name: "clientToken is longer than 500 characters",
    mutate: (i) => (i.clientToken = "t".repeat(501)),
    property: "clientToken",
    reason:
      "clientToken must be an idempotency token of 1 to 500 characters; received a string of 501 characters. Fix: give a unique token of at most 500 characters, or leave clientToken out to let the provider derive one from the resource.",
  },
  // supportedMessagingContentTypes
  {
    name: "supportedMessagingContentTypes lacks text/plain",
    mutate: (i) => (i.supportedMessagingContentTypes = ["text/markdown"]),
    property: "supportedMessagingContentTypes",
    reason:
      'supportedMessagingContentTypes must contain "text/plain" (the API requires it); received a list of 1 without it. Fix: add "text/plain" to the list.',
  },
  {
    name: "supportedMessagingContentTypes is empty",
    mutate: (i) => (i.supportedMessagingContentTypes = []),
    property: "supportedMessagingContentTypes",
    reason:
      'supportedMessagingContentTypes must contain "text/plain" (the API requires it); received an empty list. Fix: add "text/plain" to the list.',
  },
  {
    name: "supportedMessagingContentTypes has an unsupported type",
    mutate: (i) => (i.supportedMessagingContentTypes = ["text/plain", "text/html"]),
    property: "supportedMessagingContentTypes[1]",
    reason:
      'supportedMessagingContentTypes[1] must be one of "text/plain", "text/markdown", "application/json", "application/vnd.amazonaws.connect.message.interactive" or "application/vnd.amazonaws.connect.message.interactive.response" (a supported content type); received "text/html". Fix: use a supported content type or remove it.',
  },
  {
    name: "supportedMessagingContentTypes repeats a type",
    mutate: (i) =>
      (i.supportedMessagingContentTypes = ["text/plain", "text/markdown", "text/plain"]),
    property: "supportedMessagingContentTypes[2]",
    reason:
      'supportedMessagingContentTypes[2] must not repeat a content type; received "text/plain", already given at supportedMessagingContentTypes[0]. Fix: remove the duplicate.',
  },
  {
    name: "supportedMessagingContentTypes is a string",
    mutate: (i) => (i.supportedMessagingContentTypes = "text/plain"),
    property: "supportedMessagingContentTypes",
    reason:
      'supportedMessagingContentTypes must be a list (of content types); received a string. Fix: give a list such as ["text/plain", "text/markdown"].',
  },
  // triggers, onDelete, region
  {
    name: "triggers is not a list",
    mutate: (i) => (i.triggers = "v2"),
    property: "triggers",
    reason:
      "triggers must be a list (of any values; a change to them sends a new message); received a string. Fix: wrap the value in a list: triggers: [value].",
  },
  {
    name: "onDelete is not stop or retain",
    mutate: (i) => (i.onDelete = "delete"),
    property: "onDelete",
    reason:
      'onDelete must be "stop" or "retain" (what a delete does with the contact); received "delete". Fix: use "stop" to end the contact when the resource is deleted, or "retain" to leave it running.',
  },
  {
    name: "onDelete is in the wrong case",
    mutate: (i) => (i.onDelete = "Retain"),
    property: "onDelete",
    reason:
      'onDelete must be "stop" or "retain" (what a delete does with the contact); received "Retain". Values are case-sensitive: did you mean "retain"? Fix: use "stop" to end the contact when the resource is deleted, or "retain" to leave it running.',
  },
  {
    name: "region is not a Region name",
    mutate: (i) => (i.region = "us-east"),
    property: "region",
    reason:
      'region must be an AWS Region name such as "us-east-1", "eu-central-1" or "us-gov-west-1"; received "us-east". Fix: give the Region of the Amazon Connect instance, or leave it out to use the provider\'s Region.',
  },
  {
    name: "region differs from the instance ARN's",
    mutate: (i) => {
      i.instanceId = INSTANCE_ARN;
      i.region = "eu-west-2";
    },
    property: "region",
    reason:
      'region must match the Region of the instance ARN given as instanceId ("us-east-1"), because the contact lives in the instance\'s Region; received "eu-west-2". Fix: set region to "us-east-1" or leave it out.',
  },
  {
    name: "region differs from the flow ARN's",
    mutate: (i) => {
      i.contactFlowId = CONTACT_FLOW_ARN;
      i.region = "eu-west-2";
    },
    property: "region",
    reason:
      'region must match the Region of the contact flow ARN given as contactFlowId ("us-east-1"), because the flow lives in the instance\'s Region; received "eu-west-2". Fix: set region to "us-east-1" or leave it out.',
  },
  // unknown properties
  {
    name: "a property is misspelt",
    mutate: (i) => (i.chatDurationInMinute = 120),
    property: "chatDurationInMinute",
    reason:
      'chatDurationInMinute is not a property of OutboundChatContact; received a value under the name "chatDurationInMinute". Fix: did you mean "chatDurationInMinutes"? Rename or remove it.',
  },
];

/** A copy of `validInputs()` broken as the row says, as the engine would send it. */
export function brokenInputs(row: InvalidInputRow): Raw {
  const inputs = raw(validInputs());
  row.mutate(inputs);
  return inputs;
}
