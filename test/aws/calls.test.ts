import assert from "node:assert/strict";
import {
  ConnectClient,
  DescribeContactCommand,
  StartOutboundChatContactCommand,
  StopContactCommand,
  UpdateContactAttributesCommand,
  type StartOutboundChatContactCommandInput,
} from "@aws-sdk/client-connect";
import { AwsClientStub } from "aws-sdk-client-mock";
import { mockConnect, restoreConnect } from "../../harness/connect-mock";
import { isContactApiError } from "../../provider/aws/api-error";
import { isContactGone } from "../../provider/aws/errors";
import { freshProvider } from "../../harness/fresh-provider";
import { awsError, setEnv } from "../../harness/doubles";

type Calls = typeof import("../../provider/aws/calls");

const REGION = "eu-west-2";
const INSTANCE_ID = "a1b2c3d4-e5f6-a7b8-c9d0-e1f2a3b4c5d6";
const FLOW_ID = "f1e2d3c4-b5a6-f7e8-d9c0-b1a2f3e4d5c6";
const SOURCE_ARN = `arn:aws:connect:${REGION}:123456789012:phone-number/b1c2d3e4-f5a6-b7c8-d9e0-f1a2b3c4d5e6`;
const CUSTOMER = "+14155550100";

const request: StartOutboundChatContactCommandInput = {
  InstanceId: INSTANCE_ID,
  ContactFlowId: FLOW_ID,
  SourceEndpoint: { Type: "CONNECT_PHONENUMBER_ARN", Address: SOURCE_ARN },
  DestinationEndpoint: { Type: "TELEPHONE_NUMBER", Address: CUSTOMER },
  SegmentAttributes: { "connect:Subtype": { ValueString: "connect:SMS" } },
  InitialSystemMessage: { ContentType: "text/plain", Content: "Your order has shipped" },
  ClientToken: "0f8fad5b-d9cb-469f-a165-70867728950e",
};

describe("Amazon Connect calls", () => {
  // Made in a hook, not when the file loads: mocha loads every file before running any, and a
  // mock made then would answer for every ConnectClient of the whole run.
  let connect: AwsClientStub<ConnectClient>;
  let restoreEnv: () => void;
  // A new copy of the provider's modules for each test: no client or pacer of an earlier test.
  let describeContact: Calls["describeContact"];
  let startOutboundChatContact: Calls["startOutboundChatContact"];
  let stopContact: Calls["stopContact"];
  let updateContactAttributes: Calls["updateContactAttributes"];
  // The process's pacers of the same copy of the modules.
  let pacerFor: typeof import("../../provider/aws/pacing").pacerFor;

  beforeEach(() => {
    connect = mockConnect();
    const load = freshProvider();
    ({ describeContact, startOutboundChatContact, stopContact, updateContactAttributes } =
      load<Calls>("aws/calls"));
    ({ pacerFor } = load<typeof import("../../provider/aws/pacing")>("aws/pacing"));
    restoreEnv = setEnv({ AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY: "secret" });
  });
  afterEach(() => {
    restoreEnv();
    restoreConnect();
  });

  describe("startOutboundChatContact", () => {
    it("sends the request as given and returns the ContactId", async () => {
      connect.on(StartOutboundChatContactCommand).resolves({ ContactId: "contact-1" });
      assert.equal(await startOutboundChatContact(REGION, request), "contact-1");
      const calls = connect.commandCalls(StartOutboundChatContactCommand);
      assert.equal(calls.length, 1);
      assert.deepEqual(calls[0].args[0].input, request);
    });

    it("re-sends the same request, with the same ClientToken, after a throttle", async () => {
      connect
        .on(StartOutboundChatContactCommand)
        .rejectsOnce(awsError("ThrottlingException", 429, "Rate exceeded"))
        .resolves({ ContactId: "contact-2" });
      assert.equal(await startOutboundChatContact(REGION, request), "contact-2");
      const inputs = connect
        .commandCalls(StartOutboundChatContactCommand)
        .map((call) => call.args[0].input.ClientToken);
      assert.deepEqual(inputs, [request.ClientToken, request.ClientToken]);
      // The throttle slowed the pacer of this Region and operation, and no other.
      assert.ok(Number.isFinite(pacerFor(REGION, "StartOutboundChatContact").ratePerSecond));
      assert.equal(pacerFor(REGION, "StopContact").ratePerSecond, Number.POSITIVE_INFINITY);
      assert.equal(
        pacerFor("us-east-1", "StartOutboundChatContact").ratePerSecond,
        Number.POSITIVE_INFINITY,
      );
    }).timeout(10_000);

    it("fails when the flow or the number is not found, naming them and no phone number", async () => {
      connect
        .on(StartOutboundChatContactCommand)
        .rejects(awsError("ResourceNotFoundException", 404, `No endpoint ${CUSTOMER}`));
      const error = await startOutboundChatContact(REGION, request).then(
        () => assert.fail("expected an error"),
        (caught: unknown) => caught,
      );
      assert.ok(isContactApiError(error));
      assert.equal(error.awsErrorName, "ResourceNotFoundException");
      assert.ok(error.message.includes(INSTANCE_ID));
      assert.ok(error.message.includes(FLOW_ID));
      assert.ok(error.message.includes(SOURCE_ARN));
      assert.ok(!error.message.includes(CUSTOMER));
      assert.equal(connect.commandCalls(StartOutboundChatContactCommand).length, 1);
    });

    for (const [label, answer] of [
      ["no ContactId", {}],
      ["an empty ContactId", { ContactId: "" }],
    ] as const) {
      it(`fails when the answer has ${label}`, async () => {
        connect.on(StartOutboundChatContactCommand).resolves(answer);
        await assert.rejects(startOutboundChatContact(REGION, request), {
          name: "ContactApiError",
          awsErrorName: "MissingContactId",
          message:
            `Amazon Connect answered StartOutboundChatContact for instance ${INSTANCE_ID} in ` +
            `${REGION} without a ContactId. Run \`pulumi up\` again: the ClientToken makes the ` +
            "retry return the same contact.",
        });
      });
    }

    it("fails for a request without IDs, saying none was given", async () => {
      connect
        .on(StartOutboundChatContactCommand)
        .rejects(awsError("ResourceNotFoundException", 404, `No endpoint ${CUSTOMER}`));
      const { InstanceId: _i, ContactFlowId: _f, SourceEndpoint: _s, ...withoutIds } = request;
      await assert.rejects(
        startOutboundChatContact(REGION, withoutIds as StartOutboundChatContactCommandInput),
        {
          name: "ContactApiError",
          message:
            `Amazon Connect did not find a resource StartOutboundChatContact needs in ${REGION}. ` +
            "Check the instance ID (none given).",
        },
      );
    });
  });

  describe("describeContact", () => {
    it("returns the contact", async () => {
      connect
        .on(DescribeContactCommand)
        .resolves({ Contact: { Id: "contact-1", Channel: "CHAT" } });
      const contact = await describeContact(REGION, INSTANCE_ID, "contact-1");
      assert.equal(contact.Id, "contact-1");
      assert.deepEqual(connect.commandCalls(DescribeContactCommand)[0].args[0].input, {
        InstanceId: INSTANCE_ID,
        ContactId: "contact-1",
      });
    });

    it("fails with an error that says the contact is gone when it is not found", async () => {
      connect.on(DescribeContactCommand).rejects(awsError("ResourceNotFoundException", 404));
      const error = await describeContact(REGION, INSTANCE_ID, "contact-1").then(
        () => assert.fail("expected an error"),
        (caught: unknown) => caught,
      );
      assert.ok(isContactGone(error));
      assert.equal(
        (error as Error).message,
        `Amazon Connect did not find a resource DescribeContact needs in ${REGION}. Check the ` +
          `instance ID ${INSTANCE_ID}, and the contact ID contact-1.`,
      );
    });

    it("fails when the answer has no contact", async () => {
      connect.on(DescribeContactCommand).resolves({});
      await assert.rejects(describeContact(REGION, INSTANCE_ID, "contact-1"), {
        name: "ContactApiError",
        awsErrorName: "MissingContact",
        message:
          `Amazon Connect answered DescribeContact for instance ${INSTANCE_ID} in ${REGION} ` +
          "without a Contact. Run `pulumi refresh` again.",
      });
    });
  });

  describe("stopContact", () => {
    it("stops the contact", async () => {
      connect.on(StopContactCommand).resolves({});
      await stopContact(REGION, INSTANCE_ID, "contact-1");
      assert.deepEqual(connect.commandCalls(StopContactCommand)[0].args[0].input, {
        InstanceId: INSTANCE_ID,
        ContactId: "contact-1",
      });
    });

    it("fails with an error that says the contact is gone when it already ended", async () => {
      connect.on(StopContactCommand).rejects(awsError("ContactNotFoundException", 410));
      const error = await stopContact(REGION, INSTANCE_ID, "contact-1").then(
        () => assert.fail("expected an error"),
        (caught: unknown) => caught,
      );
      assert.ok(isContactGone(error));
      assert.equal(
        (error as Error).message,
        `Amazon Connect did not find contact contact-1 in instance ${INSTANCE_ID} in ${REGION}: ` +
          "it ended, expired, or never existed.",
      );
    });

    it("fails when access is denied, naming the IAM action and the resource", async () => {
      connect.on(StopContactCommand).rejects(awsError("AccessDeniedException", 403));
      await assert.rejects(stopContact(REGION, INSTANCE_ID, "contact-1"), {
        name: "ContactApiError",
        message: new RegExp(
          `connect:StopContact on the resource arn:aws:connect:${REGION}:\\*:instance/${INSTANCE_ID}/\\*`,
        ),
      });
    });
  });

  describe("updateContactAttributes", () => {
    it("updates the attributes of the initial contact", async () => {
      connect.on(UpdateContactAttributesCommand).resolves({});
      await updateContactAttributes(REGION, INSTANCE_ID, "contact-1", { order: "42" });
      assert.deepEqual(connect.commandCalls(UpdateContactAttributesCommand)[0].args[0].input, {
        InstanceId: INSTANCE_ID,
        InitialContactId: "contact-1",
        Attributes: { order: "42" },
      });
    });

    it("fails when access is denied, naming the IAM action and the resource", async () => {
      connect.on(UpdateContactAttributesCommand).rejects(awsError("AccessDeniedException", 403));
      await assert.rejects(
        updateContactAttributes(REGION, INSTANCE_ID, "contact-1", { order: "42" }),
        {
          name: "ContactApiError",
          operation: "UpdateContactAttributes",
          message:
            `Access denied to UpdateContactAttributes for instance ${INSTANCE_ID} in ${REGION}. ` +
            "Allow the IAM action connect:UpdateContactAttributes on the resource " +
            `arn:aws:connect:${REGION}:*:instance/${INSTANCE_ID}/* for the identity the Pulumi ` +
            "program runs as.",
        },
      );
    });
  });
});
