import { strict as assert } from "assert";
import { toStartRequest } from "../../provider/request";
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
