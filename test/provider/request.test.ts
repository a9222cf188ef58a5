import { strict as assert } from "assert";
import { comparableRequest, toStartRequest } from "../../provider/request";
import { ContactInputs } from "../../provider/types";
import { validInputs } from "../fixtures";

describe("toStartRequest", () => {
  it("maps every input to its API member, with defaults filled in", () => {
    const request = toStartRequest({
      ...validInputs(),
      instanceId:
        "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555",
      contactFlowId:
        "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555/contact-flow/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
      attributes: { plan: "gold" },
      chatDurationInMinutes: 60,
      participantDetails: { displayName: "Acme" },
      relatedContactId: "c-1",
      supportedMessagingContentTypes: ["text/plain", "text/markdown"],
      segmentAttributes: { "connect:Custom": { valueMap: { tier: { valueInteger: 2 } } } },
    });
    assert.deepEqual(request, {
      InstanceId: "11111111-2222-3333-4444-555555555555",
      ContactFlowId: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
      SourceEndpoint: {
        Type: "CONNECT_PHONENUMBER_ARN",
        Address:
          "arn:aws:connect:us-east-1:123456789012:phone-number/99999999-8888-7777-6666-555555555555",
      },
      DestinationEndpoint: { Type: "TELEPHONE_NUMBER", Address: "+14155550100" },
      SegmentAttributes: {
        "connect:Custom": { ValueMap: { tier: { ValueInteger: 2 } } },
        "connect:Subtype": { ValueString: "connect:SMS" },
      },
      Attributes: { plan: "gold" },
      ChatDurationInMinutes: 60,
      ParticipantDetails: { DisplayName: "Acme" },
      InitialSystemMessage: { ContentType: "text/plain", Content: "Welcome aboard!" },
      RelatedContactId: "c-1",
      SupportedMessagingContentTypes: ["text/plain", "text/markdown"],
    });
  });

  it("takes the subtype from segmentAttributes when channel is left out", () => {
    const { channel: _channel, ...inputs } = validInputs();
    const request = toStartRequest({
      ...inputs,
      segmentAttributes: { "connect:Subtype": { valueString: "connect:WhatsApp" } },
    });
    assert.deepEqual(request.SegmentAttributes, {
      "connect:Subtype": { ValueString: "connect:WhatsApp" },
    });
  });

  it("maps a templated message with its attributes", () => {
    const { initialSystemMessage: _message, ...inputs } = validInputs();
    const request = toStartRequest({
      ...inputs,
      initialTemplatedSystemMessage: {
        knowledgeBaseId: "kb-1",
        messageTemplateId: "tmpl-1",
        templateAttributes: { customAttributes: { name: "Ada" }, customerProfileAttributes: "{}" },
      },
    });
    assert.deepEqual(request.InitialTemplatedSystemMessage, {
      KnowledgeBaseId: "kb-1",
      MessageTemplateId: "tmpl-1",
      TemplateAttributes: { CustomAttributes: { name: "Ada" }, CustomerProfileAttributes: "{}" },
    });
    assert.equal("InitialSystemMessage" in request, false);
  });
});

describe("toStartRequest with members Pulumi delivers as null", () => {
  it("leaves a member out when its input is null", () => {
    const request = toStartRequest({
      ...validInputs(),
      attributes: null,
      chatDurationInMinutes: null,
      relatedContactId: null,
      supportedMessagingContentTypes: null,
    } as unknown as ContactInputs);
    assert.deepEqual(Object.keys(request), [
      "InstanceId",
      "ContactFlowId",
      "SourceEndpoint",
      "DestinationEndpoint",
      "SegmentAttributes",
      "InitialSystemMessage",
    ]);
  });
});

describe("comparableRequest", () => {
  const { InitialSystemMessage: _message, ...base } = toStartRequest(validInputs());
  const rows: [string, Partial<ContactInputs>, Record<string, unknown>][] = [
    ["both left out", {}, {}],
    ["the default duration spelled out", { chatDurationInMinutes: 1500 }, {}],
    ["another duration", { chatDurationInMinutes: 60 }, { ChatDurationInMinutes: 60 }],
    [
      "the default content types spelled out",
      { supportedMessagingContentTypes: ["text/plain"] },
      {},
    ],
    [
      "text/plain given twice",
      { supportedMessagingContentTypes: ["text/plain", "text/plain"] },
      {},
    ],
    [
      "more content types, in any order",
      { supportedMessagingContentTypes: ["text/plain", "text/markdown"] },
      { SupportedMessagingContentTypes: ["text/markdown", "text/plain"] },
    ],
  ];
  for (const [name, given, expected] of rows) {
    it(`writes ${name} as ${JSON.stringify(expected)}`, () => {
      const { InitialSystemMessage: _m, ...request } = comparableRequest({
        ...validInputs(),
        ...given,
      });
      assert.deepEqual(request, { ...base, ...expected });
    });
  }
});
