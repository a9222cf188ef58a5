import assert from "node:assert/strict";
import {
  AccessDeniedException,
  ConflictException,
  ContactNotFoundException,
  DescribeContactCommand,
  InternalServiceException,
  InvalidActiveRegionException,
  InvalidParameterException,
  InvalidRequestException,
  LimitExceededException,
  ResourceNotFoundException,
  StartOutboundChatContactCommand,
  StopContactCommand,
  ThrottlingException,
  UpdateContactAttributesCommand,
  type ConnectClient,
} from "@aws-sdk/client-connect";
import type { ConnectEmulator, OperationName } from "../../emulator";
import {
  connectClient,
  DEMO_INSTANCE_ID,
  DESTINATION,
  rejectionOf,
  signedFetch,
  startBody,
  startDemo,
  startInput,
  UUID,
} from "./fixtures";

describe("emulator errors on the wire", () => {
  let emulator: ConnectEmulator;
  let client: ConnectClient;

  beforeEach(async () => {
    emulator = await startDemo({ activeChatLimit: 1 });
    client = connectClient(emulator);
  });

  afterEach(async () => {
    client.destroy();
    await emulator.stop();
  });

  const modelled: readonly [string, new (...args: never[]) => Error, number][] = [
    ["InvalidRequestException", InvalidRequestException, 400],
    ["InvalidParameterException", InvalidParameterException, 400],
    ["InvalidActiveRegionException", InvalidActiveRegionException, 400],
    ["AccessDeniedException", AccessDeniedException, 403],
    ["ResourceNotFoundException", ResourceNotFoundException, 404],
    ["ConflictException", ConflictException, 409],
    ["ContactNotFoundException", ContactNotFoundException, 410],
    ["LimitExceededException", LimitExceededException, 429],
    ["ThrottlingException", ThrottlingException, 429],
    ["InternalServiceException", InternalServiceException, 500],
  ];
  for (const [errorType, errorClass, status] of modelled) {
    it(`surfaces an injected ${errorType} as its SDK class with status ${status}`, async () => {
      emulator.setFault({
        operation: "StopContact",
        kind: "error",
        status,
        errorType,
        message: "boom",
      });
      const error = await rejectionOf(
        client.send(new StopContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId: "c" })),
      );
      assert.equal(error instanceof errorClass, true);
      assert.equal(error.name, errorType);
      assert.equal(error.message, "boom");
      assert.equal(error.$metadata.httpStatusCode, status);
      assert.match(error.$metadata.requestId ?? "", UUID);
    });
  }

  it("fails when the instance is unknown (ResourceNotFoundException, 404)", async () => {
    const error = await rejectionOf(
      client.send(new StartOutboundChatContactCommand(startInput({ InstanceId: "nope" }))),
    );
    assert.equal(error instanceof ResourceNotFoundException, true);
    assert.equal(error.message, "Instance not found: nope");
    assert.equal(error.$metadata.httpStatusCode, 404);
  });

  it("fails when the contact flow is unknown (ResourceNotFoundException, 404)", async () => {
    const error = await rejectionOf(
      client.send(new StartOutboundChatContactCommand(startInput({ ContactFlowId: "nope" }))),
    );
    assert.equal(error.name, "ResourceNotFoundException");
    assert.equal(error.message, "Contact flow not found: nope");
  });

  it("fails when the source phone number is not claimed by the instance", async () => {
    const arn = "arn:aws:connect:us-east-1:123456789012:phone-number/unknown";
    const error = await rejectionOf(
      client.send(
        new StartOutboundChatContactCommand(
          startInput({ SourceEndpoint: { Type: "CONNECT_PHONENUMBER_ARN", Address: arn } }),
        ),
      ),
    );
    assert.equal(error.name, "ResourceNotFoundException");
    assert.equal(error.message, `Phone number not found in instance ${DEMO_INSTANCE_ID}: ${arn}`);
  });

  it("fails when DescribeContact names an unknown contact (ResourceNotFoundException)", async () => {
    const error = await rejectionOf(
      client.send(new DescribeContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId: "nope" })),
    );
    assert.equal(error instanceof ResourceNotFoundException, true);
    assert.equal(error.message, "Contact not found: nope");
  });

  it("fails when StopContact names an unknown contact (ContactNotFoundException, 410)", async () => {
    const error = await rejectionOf(
      client.send(new StopContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId: "nope" })),
    );
    assert.equal(error instanceof ContactNotFoundException, true);
    assert.equal(error.$metadata.httpStatusCode, 410);
  });

  it("fails when UpdateContactAttributes names an unknown contact (ResourceNotFoundException)", async () => {
    const error = await rejectionOf(
      client.send(
        new UpdateContactAttributesCommand({
          InstanceId: DEMO_INSTANCE_ID,
          InitialContactId: "nope",
          Attributes: { a: "b" },
        }),
      ),
    );
    assert.equal(error instanceof ResourceNotFoundException, true);
    assert.equal(error.$metadata.httpStatusCode, 404);
  });

  it("sends x-amzn-ErrorType, x-amzn-RequestId and {Message} on an error", async () => {
    const response = await signedFetch(emulator, "/contact/stop", {
      body: JSON.stringify({ InstanceId: DEMO_INSTANCE_ID, ContactId: "nope" }),
      headers: { "content-type": "application/json" },
    });
    assert.equal(response.status, 410);
    assert.equal(response.headers.get("x-amzn-ErrorType"), "ContactNotFoundException");
    assert.match(response.headers.get("x-amzn-RequestId") ?? "", UUID);
    assert.deepEqual(await response.json(), { Message: "Contact not found: nope" });
  });

  it("sends x-amzn-RequestId on a success", async () => {
    const response = await signedFetch(emulator, "/contact/outbound-chat", {
      method: "PUT",
      body: JSON.stringify(startBody()),
      headers: { "content-type": "application/json" },
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get("x-amzn-RequestId") ?? "", UUID);
    assert.equal(response.headers.get("x-amzn-ErrorType"), null);
    const body = (await response.json()) as { ContactId: string };
    assert.match(body.ContactId, UUID);
  });

  const rawErrors: readonly [OperationName, string, number][] = [
    ["StartOutboundChatContact", "LimitExceededException", 429],
    ["DescribeContact", "ThrottlingException", 429],
    ["UpdateContactAttributes", "InternalServiceException", 500],
  ];
  for (const [operation, errorType, status] of rawErrors) {
    it(`sends ${errorType} on the wire with status ${status} and its headers`, async () => {
      emulator.setFault({ operation, kind: "error", status, errorType });
      const [path, method] =
        operation === "StartOutboundChatContact"
          ? ["/contact/outbound-chat", "PUT"]
          : operation === "DescribeContact"
            ? [`/contacts/${DEMO_INSTANCE_ID}/c`, "GET"]
            : ["/contact/attributes", "POST"];
      const response = await signedFetch(emulator, path, {
        method,
        ...(method === "GET"
          ? {}
          : { body: JSON.stringify(startBody()), headers: { "content-type": "application/json" } }),
      });
      assert.equal(response.status, status);
      assert.equal(response.headers.get("x-amzn-ErrorType"), errorType);
      assert.match(response.headers.get("x-amzn-RequestId") ?? "", UUID);
      assert.deepEqual(await response.json(), { Message: "Injected fault." });
    });
  }
});

describe("emulator validation", () => {
  let emulator: ConnectEmulator;
  let client: ConnectClient;

  before(async () => {
    emulator = await startDemo();
    client = connectClient(emulator);
  });

  after(async () => {
    client.destroy();
    await emulator.stop();
  });

  const cases: readonly [string, Record<string, unknown>, string][] = [
    [
      "the instance ID is missing",
      { InstanceId: undefined },
      "1 validation error detected: Value null at 'instanceId' failed to satisfy constraint: Member must not be null",
    ],
    [
      "the instance ID is longer than 100",
      { InstanceId: "i".repeat(101) },
      "1 validation error detected: Value at 'instanceId' failed to satisfy constraint: Member must have length less than or equal to 100",
    ],
    [
      "the destination address is longer than 256",
      { DestinationEndpoint: { Type: "TELEPHONE_NUMBER", Address: `+1${"5".repeat(300)}` } },
      "1 validation error detected: Value at 'destinationEndpoint.address' failed to satisfy constraint: Member must have length less than or equal to 256",
    ],
    [
      "the destination address is not E.164",
      { DestinationEndpoint: { Type: "TELEPHONE_NUMBER", Address: "0044 20 7946 0000" } },
      "1 validation error detected: Value at 'destinationEndpoint.address' failed to satisfy constraint: Member must be a phone number in E.164 format",
    ],
    [
      "the source endpoint type is TELEPHONE_NUMBER",
      { SourceEndpoint: { Type: "TELEPHONE_NUMBER", Address: "+14155550199" } },
      "1 validation error detected: Value at 'sourceEndpoint.type' failed to satisfy constraint: Member must be CONNECT_PHONENUMBER_ARN for StartOutboundChatContact",
    ],
    [
      "the destination endpoint type is VOIP",
      { DestinationEndpoint: { Type: "VOIP", Address: DESTINATION } },
      "1 validation error detected: Value at 'destinationEndpoint.type' failed to satisfy constraint: Member must be TELEPHONE_NUMBER for StartOutboundChatContact",
    ],
    [
      "the destination endpoint type is outside the enum",
      { DestinationEndpoint: { Type: "PIGEON", Address: DESTINATION } },
      "1 validation error detected: Value at 'destinationEndpoint.type' failed to satisfy constraint: Member must satisfy enum value set: [TELEPHONE_NUMBER, VOIP, CONTACT_FLOW, CONNECT_PHONENUMBER_ARN, EMAIL_ADDRESS]",
    ],
    [
      "ChatDurationInMinutes is below 60",
      { ChatDurationInMinutes: 59 },
      "1 validation error detected: Value at 'chatDurationInMinutes' failed to satisfy constraint: Member must have value greater than or equal to 60",
    ],
    [
      "ChatDurationInMinutes is above 10080",
      { ChatDurationInMinutes: 10081 },
      "1 validation error detected: Value at 'chatDurationInMinutes' failed to satisfy constraint: Member must have value less than or equal to 10080",
    ],
    [
      "SupportedMessagingContentTypes lacks text/plain",
      { SupportedMessagingContentTypes: ["text/markdown"] },
      "1 validation error detected: Value at 'supportedMessagingContentTypes' failed to satisfy constraint: Member must contain text/plain",
    ],
    [
      "a text/plain initial message is longer than 1024",
      { InitialSystemMessage: { ContentType: "text/plain", Content: "x".repeat(1025) } },
      "1 validation error detected: Value at 'initialSystemMessage.content' failed to satisfy constraint: Member must have length between 1 and 1024 for content type text/plain",
    ],
    [
      "an initial message is empty",
      { InitialSystemMessage: { ContentType: "text/plain", Content: "" } },
      "1 validation error detected: Value at 'initialSystemMessage.content' failed to satisfy constraint: Member must have length greater than or equal to 1",
    ],
    [
      "the participant display name is missing",
      { ParticipantDetails: {} },
      "1 validation error detected: Value null at 'participantDetails.displayName' failed to satisfy constraint: Member must not be null",
    ],
    [
      "the ClientToken is longer than 500",
      { ClientToken: "t".repeat(501) },
      "1 validation error detected: Value at 'clientToken' failed to satisfy constraint: Member must have length less than or equal to 500",
    ],
    [
      "SegmentAttributes are missing",
      { SegmentAttributes: undefined },
      "1 validation error detected: Value null at 'segmentAttributes' failed to satisfy constraint: Member must not be null",
    ],
  ];
  for (const [condition, overrides, message] of cases) {
    it(`fails when ${condition}`, async () => {
      const error = await rejectionOf(
        client.send(new StartOutboundChatContactCommand(startInput(overrides))),
      );
      assert.equal(error instanceof InvalidRequestException, true);
      assert.equal(error.$metadata.httpStatusCode, 400);
      assert.equal(error.message, message);
      assert.ok(!error.message.includes("+1555"), "the message must not echo the number");
    });
  }

  describe("counts lengths in Unicode code points, as AWS does", () => {
    const EMOJI = "\u{1F600}"; // 😀: one code point, two UTF-16 code units

    it("accepts a text/plain initial message of 1024 emoji (2048 UTF-16 code units)", async () => {
      const content = EMOJI.repeat(1024);
      assert.equal(content.length, 2048);
      const { ContactId } = await client.send(
        new StartOutboundChatContactCommand(
          startInput({ InitialSystemMessage: { ContentType: "text/plain", Content: content } }),
        ),
      );
      assert.match(ContactId ?? "", UUID);
    });

    it("fails when a text/plain initial message is 1025 emoji, naming initialSystemMessage.content", async () => {
      const error = await rejectionOf(
        client.send(
          new StartOutboundChatContactCommand(
            startInput({
              InitialSystemMessage: { ContentType: "text/plain", Content: EMOJI.repeat(1025) },
            }),
          ),
        ),
      );
      assert.equal(error instanceof InvalidRequestException, true);
      assert.equal(
        error.message,
        "1 validation error detected: Value at 'initialSystemMessage.content' failed to satisfy constraint: Member must have length between 1 and 1024 for content type text/plain",
      );
      assert.ok(!error.message.includes(EMOJI));
    });

    it("accepts a participant display name of 256 emoji (a model length)", async () => {
      const { ContactId } = await client.send(
        new StartOutboundChatContactCommand(
          startInput({ ParticipantDetails: { DisplayName: EMOJI.repeat(256) } }),
        ),
      );
      assert.match(ContactId ?? "", UUID);
    });

    it("fails when a participant display name is 257 emoji, naming participantDetails.displayName", async () => {
      const error = await rejectionOf(
        client.send(
          new StartOutboundChatContactCommand(
            startInput({ ParticipantDetails: { DisplayName: EMOJI.repeat(257) } }),
          ),
        ),
      );
      assert.equal(
        error.message,
        "1 validation error detected: Value at 'participantDetails.displayName' failed to satisfy constraint: Member must have length less than or equal to 256",
      );
    });
  });

  it("accepts a 12000-character application/json initial message", async () => {
    const content = JSON.stringify({ text: "x".repeat(11_989) });
    assert.equal(content.length, 12000);
    const { ContactId } = await client.send(
      new StartOutboundChatContactCommand(
        startInput({ InitialSystemMessage: { ContentType: "application/json", Content: content } }),
      ),
    );
    assert.match(ContactId ?? "", UUID);
  });

  it("fails when UpdateContactAttributes has no Attributes", async () => {
    const error = await rejectionOf(
      client.send(
        new UpdateContactAttributesCommand({
          InstanceId: DEMO_INSTANCE_ID,
          InitialContactId: "c",
        } as never),
      ),
    );
    assert.equal(error.name, "InvalidRequestException");
    assert.equal(
      error.message,
      "1 validation error detected: Value null at 'attributes' failed to satisfy constraint: Member must not be null",
    );
  });

  it("fails when DescribeContact's contact ID is longer than 256", async () => {
    const error = await rejectionOf(
      client.send(
        new DescribeContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId: "c".repeat(257) }),
      ),
    );
    assert.equal(error.name, "InvalidRequestException");
    assert.equal(
      error.message,
      "1 validation error detected: Value at 'contactId' failed to satisfy constraint: Member must have length less than or equal to 256",
    );
  });
});
