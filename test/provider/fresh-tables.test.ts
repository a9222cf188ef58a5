/**
 * The tables of `provider/` (the arguments, their rules and limits, the settings) are module-level
 * constants, built once when the modules load. A test that uses the process's copy of the modules
 * runs long after they were built, so it cannot see how they were built, and a mutation tester
 * cannot try a change to them on it. These tests take a fresh copy of `provider/` inside the test
 * and check, on that copy, what the tables decide: the exact request for every option, and the
 * change each argument makes. (The validators' tests do the same for every row of the invalid-input
 * table: `test/validation/inputs.test.ts`.)
 */
import { strict as assert } from "assert";
import { freshProvider } from "../../harness/fresh-provider";
import { ContactInputs, ContactOutputs } from "../../provider/types";
import {
  CONTACT_FLOW_ID,
  DESTINATION_PHONE_NUMBER,
  everyOptionInputs,
  INSTANCE_ID,
  REGION,
  SOURCE_PHONE_NUMBER_ARN,
  templatedMessage,
  validInputs,
  WELCOME_MESSAGE,
} from "../fixtures";

type RequestModule = typeof import("../../provider/request");
type DiffModule = typeof import("../../provider/diff-rules");

const OTHER_NUMBER_ARN = SOURCE_PHONE_NUMBER_ARN.replace("99999999-", "77777777-");

/** The outputs of a contact created from {@link everyOptionInputs} with its given clientToken. */
function storedOutputs(): ContactOutputs {
  const inputs = everyOptionInputs();
  return {
    ...inputs,
    instanceId: INSTANCE_ID,
    contactId: "contact-1",
    clientTokenSource: "given",
    region: REGION,
  };
}

/** For each argument, a valid new value, and whether changing to it updates in place. */
const CHANGES: readonly [keyof ContactInputs, unknown, "replaces" | "updates"][] = [
  ["instanceId", INSTANCE_ID.replace("11111111-", "22222222-"), "replaces"],
  ["contactFlowId", CONTACT_FLOW_ID.replace("aaaaaaaa-", "ffffffff-"), "replaces"],
  ["sourceEndpoint", { address: OTHER_NUMBER_ARN }, "replaces"],
  ["destinationEndpoint", { address: "+14155550101" }, "replaces"],
  ["channel", "WhatsApp", "replaces"],
  [
    "segmentAttributes",
    {
      "connect:Subtype": { valueString: "connect:SMS" },
      "connect:CustomerAuthentication": { valueMap: { level: { valueInteger: 3 } } },
    },
    "replaces",
  ],
  ["attributes", { orderId: "A-1002" }, "updates"],
  ["chatDurationInMinutes", 60, "replaces"],
  ["participantDetails", { displayName: "Bo Lee" }, "replaces"],
  ["initialSystemMessage", { contentType: "text/plain", content: "Hello again!" }, "replaces"],
  ["initialTemplatedSystemMessage", templatedMessage(), "replaces"],
  ["relatedContactId", "cccccccc-1111-2222-3333-444444444444", "replaces"],
  ["supportedMessagingContentTypes", ["text/plain"], "replaces"],
  ["clientToken", "welcome-ana-2024-07-01", "replaces"],
  ["triggers", ["2024-07-01"], "replaces"],
  ["onDelete", "retain", "updates"],
  ["region", "us-west-2", "replaces"],
];

describe("a fresh copy of provider/ (its tables built under the test)", () => {
  it("builds the exact StartOutboundChatContact request of every option", () => {
    const { toStartRequest, comparableRequest } = freshProvider()<RequestModule>("request");
    const sourceEndpoint = { Type: "CONNECT_PHONENUMBER_ARN", Address: SOURCE_PHONE_NUMBER_ARN };
    const destinationEndpoint = { Type: "TELEPHONE_NUMBER", Address: DESTINATION_PHONE_NUMBER };
    const initialSystemMessage = { ContentType: "text/plain", Content: WELCOME_MESSAGE };
    assert.deepEqual(toStartRequest(everyOptionInputs()), {
      InstanceId: INSTANCE_ID,
      ContactFlowId: CONTACT_FLOW_ID,
      SourceEndpoint: sourceEndpoint,
      DestinationEndpoint: destinationEndpoint,
      SegmentAttributes: {
        "connect:Subtype": { ValueString: "connect:SMS" },
        "connect:CustomerAuthentication": { ValueMap: { level: { ValueInteger: 2 } } },
      },
      Attributes: { orderId: "A-1001", "customer-tier": "gold" },
      ChatDurationInMinutes: 1440,
      ParticipantDetails: { DisplayName: "Ana Silva" },
      InitialSystemMessage: initialSystemMessage,
      RelatedContactId: "bbbbbbbb-1111-2222-3333-444444444444",
      SupportedMessagingContentTypes: ["text/plain", "text/markdown"],
    });
    // Every kind of segment attribute value, as the API spells it; a subtype from the attribute
    // when no channel is given.
    const segmentAttributes = {
      "connect:Subtype": { valueString: "connect:WhatsApp" },
      tier: { valueString: "gold" },
      owner: { valueArn: SOURCE_PHONE_NUMBER_ARN },
      tags: { valueList: [{ valueString: "a" }, { valueInteger: 0 }] },
    };
    const { channel: _channel, ...noChannel } = validInputs();
    assert.deepEqual(toStartRequest({ ...noChannel, segmentAttributes }).SegmentAttributes, {
      "connect:Subtype": { ValueString: "connect:WhatsApp" },
      tier: { ValueString: "gold" },
      owner: { ValueArn: SOURCE_PHONE_NUMBER_ARN },
      tags: { ValueList: [{ ValueString: "a" }, { ValueInteger: 0 }] },
    });
    const templated = { ...validInputs(), initialSystemMessage: undefined };
    templated.initialTemplatedSystemMessage = templatedMessage();
    assert.deepEqual(comparableRequest({ ...templated, chatDurationInMinutes: 1500 }), {
      InstanceId: INSTANCE_ID,
      ContactFlowId: CONTACT_FLOW_ID,
      SourceEndpoint: sourceEndpoint,
      DestinationEndpoint: destinationEndpoint,
      SegmentAttributes: { "connect:Subtype": { ValueString: "connect:SMS" } },
      InitialTemplatedSystemMessage: {
        KnowledgeBaseId: "kb-0123456789",
        MessageTemplateId: "welcome-template",
        TemplateAttributes: {
          CustomAttributes: { firstName: "Ana" },
          CustomerProfileAttributes: JSON.stringify({ Profile: { FirstName: "Ana" } }),
        },
      },
    });
  });

  it("classifies a change to each argument as its entry says, and a restated default as none", () => {
    const { classifyChanges } = freshProvider()<DiffModule>("diff-rules");
    const olds = storedOutputs();
    const classified = CHANGES.map(([name, value]) => {
      const changes = classifyChanges(olds, { ...everyOptionInputs(), [name]: value });
      return [name, changes.replaces, changes.updates];
    });
    assert.deepEqual(
      classified,
      CHANGES.map(([name, , kind]) =>
        kind === "replaces" ? [name, [name], []] : [name, [], [name]],
      ),
    );
    // The instance and the flow as ARNs, the endpoint types and the defaults spelled out or left
    // out: the same contact.
    const restated: ContactInputs = {
      ...everyOptionInputs(),
      sourceEndpoint: { address: SOURCE_PHONE_NUMBER_ARN },
      destinationEndpoint: { address: DESTINATION_PHONE_NUMBER },
      supportedMessagingContentTypes: ["text/markdown", "text/plain", "text/plain"],
    };
    assert.deepEqual(classifyChanges(olds, restated), { replaces: [], updates: [] });
    const defaults = { ...validInputs(), chatDurationInMinutes: 1500, onDelete: "stop" as const };
    const leftOut = { ...validInputs(), clientToken: undefined };
    const derived: ContactOutputs = {
      ...leftOut,
      contactId: "contact-2",
      clientTokenSource: "derived",
      clientToken: "a".repeat(64),
      region: REGION,
    };
    assert.deepEqual(classifyChanges(derived, defaults), { replaces: [], updates: [] });
  });

  it("after an import, takes in place only what DescribeContact cannot give back", () => {
    const { classifyChanges } = freshProvider()<DiffModule>("diff-rules");
    // A contact imported with none of the optional arguments DescribeContact could have given.
    const imported = {
      instanceId: INSTANCE_ID,
      sourceEndpoint: { address: SOURCE_PHONE_NUMBER_ARN },
      channel: "SMS",
      contactId: "contact-3",
      clientTokenSource: "imported",
      region: REGION,
    } as ContactOutputs;
    const program: ContactInputs = {
      ...validInputs(),
      segmentAttributes: { tier: { valueString: "gold" } },
      attributes: { orderId: "A-1001" },
      relatedContactId: "bbbbbbbb-1111-2222-3333-444444444444",
      region: "eu-west-2",
    };
    assert.deepEqual(classifyChanges(imported, program), {
      replaces: ["segmentAttributes", "relatedContactId", "region"],
      updates: ["contactFlowId", "destinationEndpoint", "attributes", "initialSystemMessage"],
    });
  });
});
