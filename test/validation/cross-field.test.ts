import { strict as assert } from "assert";
import { UNKNOWN } from "../../harness/doubles";
import { InputProblem } from "../../provider/types";
import type * as Inputs from "../../provider/validation/inputs";
import {
  CONTACT_FLOW_ARN,
  INSTANCE_ARN,
  INSTANCE_ID,
  SOURCE_PHONE_NUMBER_ARN,
  validInputs,
} from "../fixtures";
import { loadFresh, raw, Raw } from "./helpers";

/** The problems of validInputs() with `changes`, from a fresh copy of the validators. */
function problemsWith(changes: Raw): InputProblem[] {
  const { validateInputs } = loadFresh<typeof Inputs>("validation/inputs");
  return validateInputs({ ...raw(validInputs()), ...changes });
}

const OTHER = "22222222-2222-3333-4444-555555555555";
/** A phone number ARN in a Region and account, under an instance when one is given. */
const PHONE_IN = (region: string, account: string, instance?: string) =>
  `arn:aws:connect:${region}:${account}:${instance === undefined ? "" : `instance/${instance}/`}phone-number/p1`;

describe("the rules relating two inputs", () => {
  const rows: ReadonlyArray<[string, Raw, InputProblem[]]> = [
    [
      "a flow ARN not known yet beside a bare instance ID",
      { contactFlowId: UNKNOWN, instanceId: OTHER },
      [],
    ],
    [
      "a flow ARN beside an instanceId not known yet",
      { contactFlowId: CONTACT_FLOW_ARN, instanceId: UNKNOWN },
      [],
    ],
    [
      "a flow ARN beside an instanceId that is not an ID",
      { contactFlowId: CONTACT_FLOW_ARN, instanceId: "a b" },
      [
        {
          property: "instanceId",
          reason:
            'instanceId must be an Amazon Connect instance ID (1 to 100 characters, without ":", "/" or spaces) or an instance ARN (arn:aws:connect:<region>:<account>:instance/<instanceId>); received "a b". Fix: give the instance ID (the last part of the instance ARN), such as "11111111-2222-3333-4444-555555555555", or the whole instance ARN.',
        },
      ],
    ],
    [
      "a flow ARN of the bare instance ID",
      { contactFlowId: CONTACT_FLOW_ARN, instanceId: INSTANCE_ID },
      [],
    ],
    [
      "a flow ARN of another instance, Region and account",
      {
        instanceId: INSTANCE_ARN.replace("us-east-1", "eu-west-2")
          .replace("123456789012", "210987654321")
          .replace(INSTANCE_ID, OTHER),
        contactFlowId: CONTACT_FLOW_ARN,
      },
      [
        {
          property: "contactFlowId",
          reason:
            'contactFlowId must be a flow of the instance that instanceId names (instance "22222222-2222-3333-4444-555555555555", Region "eu-west-2", account "210987654321"); received a flow ARN with instance "11111111-2222-3333-4444-555555555555" instead of "22222222-2222-3333-4444-555555555555", Region "us-east-1" instead of "eu-west-2", account "123456789012" instead of "210987654321". Fix: use a flow ARN of that instance, or give only the flow ID.',
        },
        {
          property: "sourceEndpoint.address",
          reason:
            'sourceEndpoint.address must be a phone number claimed by the instance, in its Region and account (Region "eu-west-2", account "210987654321"); received a phone number ARN with Region "us-east-1" instead of "eu-west-2", account "123456789012" instead of "210987654321". Fix: use the ARN of a number claimed by this instance (Channels > Phone numbers in the console, or aws connect list-phone-numbers-v2).',
        },
      ],
    ],
    [
      "a flow ARN of another account",
      {
        instanceId: INSTANCE_ARN.replace("123456789012", "210987654321"),
        contactFlowId: CONTACT_FLOW_ARN,
      },
      [
        {
          property: "contactFlowId",
          reason:
            'contactFlowId must be a flow of the instance that instanceId names (instance "11111111-2222-3333-4444-555555555555", Region "us-east-1", account "210987654321"); received a flow ARN with account "123456789012" instead of "210987654321". Fix: use a flow ARN of that instance, or give only the flow ID.',
        },
        {
          property: "sourceEndpoint.address",
          reason:
            'sourceEndpoint.address must be a phone number claimed by the instance, in its Region and account (Region "us-east-1", account "210987654321"); received a phone number ARN with account "123456789012" instead of "210987654321". Fix: use the ARN of a number claimed by this instance (Channels > Phone numbers in the console, or aws connect list-phone-numbers-v2).',
        },
      ],
    ],
    [
      "a flow ARN of the instance ARN",
      { instanceId: INSTANCE_ARN, contactFlowId: CONTACT_FLOW_ARN },
      [],
    ],
    [
      "a phone number ARN under another instance than the bare ID",
      { sourceEndpoint: { address: PHONE_IN("us-east-1", "123456789012", OTHER) } },
      [
        {
          property: "sourceEndpoint.address",
          reason:
            'sourceEndpoint.address must be a phone number claimed by the instance, in its Region and account; received a phone number ARN with instance "22222222-2222-3333-4444-555555555555" instead of "11111111-2222-3333-4444-555555555555". Fix: use the ARN of a number claimed by this instance (Channels > Phone numbers in the console, or aws connect list-phone-numbers-v2).',
        },
      ],
    ],
    [
      "a phone number ARN under an instance, and no instanceId",
      {
        instanceId: undefined,
        sourceEndpoint: { address: PHONE_IN("us-east-1", "123456789012", OTHER) },
      },
      [
        {
          property: "instanceId",
          reason:
            'instanceId is required (the Amazon Connect instance to start the contact in) but was not given. Fix: give the instance ID (the last part of the instance ARN), such as "11111111-2222-3333-4444-555555555555", or the whole instance ARN.',
        },
      ],
    ],
    [
      "a phone number ARN under the bare instance ID",
      { sourceEndpoint: { address: PHONE_IN("eu-west-2", "210987654321", INSTANCE_ID) } },
      [],
    ],
    [
      "a phone number ARN in another Region and account than the flow ARN",
      {
        contactFlowId: CONTACT_FLOW_ARN,
        sourceEndpoint: { address: PHONE_IN("eu-west-2", "210987654321") },
      },
      [
        {
          property: "sourceEndpoint.address",
          reason:
            'sourceEndpoint.address must be a phone number claimed by the instance, in its Region and account (Region "us-east-1", account "123456789012"); received a phone number ARN with Region "eu-west-2" instead of "us-east-1", account "210987654321" instead of "123456789012". Fix: use the ARN of a number claimed by this instance (Channels > Phone numbers in the console, or aws connect list-phone-numbers-v2).',
        },
      ],
    ],
    [
      "a phone number ARN in every way another than the instance ARN",
      {
        instanceId: INSTANCE_ARN,
        sourceEndpoint: { address: PHONE_IN("eu-west-2", "210987654321", OTHER) },
      },
      [
        {
          property: "sourceEndpoint.address",
          reason:
            'sourceEndpoint.address must be a phone number claimed by the instance, in its Region and account (Region "us-east-1", account "123456789012"); received a phone number ARN with Region "eu-west-2" instead of "us-east-1", account "210987654321" instead of "123456789012", instance "22222222-2222-3333-4444-555555555555" instead of "11111111-2222-3333-4444-555555555555". Fix: use the ARN of a number claimed by this instance (Channels > Phone numbers in the console, or aws connect list-phone-numbers-v2).',
        },
      ],
    ],
    [
      "a phone number ARN beside a region that is not a Region name",
      { region: "us-east", sourceEndpoint: { address: PHONE_IN("eu-west-2", "210987654321") } },
      [
        {
          property: "region",
          reason:
            'region must be an AWS Region name such as "us-east-1", "eu-central-1" or "us-gov-west-1"; received "us-east". Fix: give the Region of the Amazon Connect instance, or leave it out to use the provider\'s Region.',
        },
      ],
    ],
    [
      "a phone number ARN beside an instanceId not known yet",
      { instanceId: UNKNOWN, region: "eu-west-2" },
      [],
    ],
    [
      "a phone number ARN not known yet",
      { sourceEndpoint: { address: UNKNOWN }, region: "eu-west-2" },
      [],
    ],
    ["a sourceEndpoint not known yet", { sourceEndpoint: UNKNOWN, region: "eu-west-2" }, []],
    [
      "a region beside an instance ARN and a flow ARN of another Region",
      {
        instanceId: INSTANCE_ARN,
        contactFlowId: CONTACT_FLOW_ARN.replace("us-east-1", "eu-west-2"),
        region: "us-east-1",
      },
      [
        {
          property: "contactFlowId",
          reason:
            'contactFlowId must be a flow of the instance that instanceId names (instance "11111111-2222-3333-4444-555555555555", Region "us-east-1", account "123456789012"); received a flow ARN with Region "eu-west-2" instead of "us-east-1". Fix: use a flow ARN of that instance, or give only the flow ID.',
        },
      ],
    ],
    [
      "a region beside a flow ARN not known yet",
      { contactFlowId: UNKNOWN, region: "eu-west-2" },
      [
        {
          property: "sourceEndpoint.address",
          reason:
            'sourceEndpoint.address must be a phone number claimed by the instance, in its Region and account (Region "eu-west-2"); received a phone number ARN with Region "us-east-1" instead of "eu-west-2". Fix: use the ARN of a number claimed by this instance (Channels > Phone numbers in the console, or aws connect list-phone-numbers-v2).',
        },
      ],
    ],
    [
      "a region of the flow ARN",
      {
        contactFlowId: CONTACT_FLOW_ARN,
        region: "us-east-1",
        sourceEndpoint: { address: SOURCE_PHONE_NUMBER_ARN },
      },
      [],
    ],
    [
      "a region not known yet beside an instance ARN",
      { instanceId: INSTANCE_ARN, region: UNKNOWN },
      [],
    ],
    [
      "channel null beside the subtype",
      { channel: null, segmentAttributes: { "connect:Subtype": { valueString: "connect:SMS" } } },
      [],
    ],
    ["channel not known yet and no subtype", { channel: UNKNOWN }, []],
    [
      "channel WhatsApp beside the SMS subtype",
      {
        channel: "WhatsApp",
        segmentAttributes: { "connect:Subtype": { valueString: "connect:SMS" } },
      },
      [
        {
          property: "channel",
          reason:
            'channel must agree with segmentAttributes["connect:Subtype"].valueString ("connect:SMS" means channel "SMS"); received "WhatsApp", which means "connect:WhatsApp". Fix: set channel to "SMS", or remove one of the two (either is enough).',
        },
      ],
    ],
    [
      "channel in the wrong case beside the subtype",
      {
        channel: "whatsapp",
        segmentAttributes: { "connect:Subtype": { valueString: "connect:SMS" } },
      },
      [
        {
          property: "channel",
          reason:
            'channel must be "SMS" or "WhatsApp" (the channel); received "whatsapp". Values are case-sensitive: did you mean "WhatsApp"? Fix: set channel to "SMS" or "WhatsApp".',
        },
      ],
    ],
    [
      "channel beside a subtype not started",
      {
        channel: "SMS",
        segmentAttributes: { "connect:Subtype": { valueString: "connect:Email" } },
      },
      [
        {
          property: 'segmentAttributes["connect:Subtype"].valueString',
          reason:
            'segmentAttributes["connect:Subtype"].valueString must be "connect:SMS" or "connect:WhatsApp" (StartOutboundChatContact starts SMS and WhatsApp contacts only); received "connect:Email". Fix: set segmentAttributes["connect:Subtype"].valueString to "connect:SMS" or "connect:WhatsApp", or leave segmentAttributes["connect:Subtype"] out and set channel.',
        },
      ],
    ],
    [
      "channel left out beside a subtype entry not known yet",
      { channel: undefined, segmentAttributes: { "connect:Subtype": UNKNOWN } },
      [],
    ],
    [
      "channel left out beside a subtype that is not an object",
      { channel: undefined, segmentAttributes: { "connect:Subtype": "connect:SMS" } },
      [
        {
          property: "channel",
          reason:
            'channel is required ("SMS" or "WhatsApp", unless segmentAttributes["connect:Subtype"].valueString is given) but was not given. Fix: set channel to "SMS" or "WhatsApp".',
        },
        {
          property: 'segmentAttributes["connect:Subtype"]',
          reason:
            'segmentAttributes["connect:Subtype"] must be an object (a segment attribute value such as { valueString: "..." }); received a string. Fix: wrap the value in an object that sets exactly one of valueString, valueMap, valueInteger, valueList, valueArn.',
        },
      ],
    ],
    [
      "channel left out beside segmentAttributes that is a list",
      { channel: undefined, segmentAttributes: [] },
      [
        {
          property: "channel",
          reason:
            'channel is required ("SMS" or "WhatsApp", unless segmentAttributes["connect:Subtype"].valueString is given) but was not given. Fix: set channel to "SMS" or "WhatsApp".',
        },
        {
          property: "segmentAttributes",
          reason:
            'segmentAttributes must be an object (a map of keys to segment attribute values); received an array. Fix: give an object such as { "connect:Subtype": { valueString: "connect:SMS" } }.',
        },
      ],
    ],
  ];
  for (const [name, changes, expected] of rows) {
    it(`${expected.length === 0 ? "accepts" : "fails when given"} ${name}`, () => {
      assert.deepEqual(problemsWith(changes), expected);
    });
  }
});
