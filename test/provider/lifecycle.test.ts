import { strict as assert } from "assert";
import {
  ConnectClient,
  DescribeContactCommand,
  DescribeContactFlowCommand,
  DescribeInstanceCommand,
  StartOutboundChatContactCommand,
  StopContactCommand,
  UpdateContactAttributesCommand,
} from "@aws-sdk/client-connect";
import { AwsClientStub } from "aws-sdk-client-mock";
import { mockConnect, restoreConnect } from "../../harness/connect-mock";
import { freshProvider } from "../../harness/fresh-provider";
import { isOutboundChatContactError } from "../../provider/contact-error";
import { contactIdentity, deriveClientToken } from "../../provider/request";
import { ContactInputs, ContactOutputs } from "../../provider/types";
import { awsError, setEnv } from "../../harness/doubles";
import { CONTACT_FLOW_ID, INSTANCE_ARN, INSTANCE_ID, validInputs } from "../fixtures";

type Lifecycle = typeof import("../../provider/lifecycle");
/** A new copy of the provider's modules for each test: no client or pacer of an earlier test. */
let lifecycle: Lifecycle;

const URN = "urn:pulumi:dev::p::pulumi-nodejs:dynamic/connect:OutboundChatContact::welcome";

function inputs(extra: Partial<ContactInputs> = {}): ContactInputs {
  return { ...validInputs(), region: "us-east-1", __urn: URN, ...extra };
}

function stored(extra: Partial<ContactOutputs> = {}): ContactOutputs {
  return {
    ...lifecycle.contactOutputs(inputs(), {
      contactId: "contact-1",
      clientToken: "t".repeat(64),
      clientTokenSource: "derived",
      region: "us-east-1",
    }),
    ...extra,
  };
}

/** Create as the face calls it: with the URN the resource passes in its inputs. */
function create(given: ContactInputs): ReturnType<typeof lifecycle.create> {
  return lifecycle.create(given.__urn, given);
}

describe("the lifecycle core", () => {
  // Made in a hook, not when the file loads: mocha loads every file before running any, and a
  // mock made then would answer for every ConnectClient of the whole run.
  let connect: AwsClientStub<ConnectClient>;
  let restoreEnv: () => void;

  beforeEach(() => {
    connect = mockConnect();
    lifecycle = freshProvider()<Lifecycle>("lifecycle");
    restoreEnv = setEnv({ AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY: "secret" });
  });
  afterEach(() => {
    restoreEnv();
    restoreConnect();
  });

  describe("create", () => {
    it("makes one StartOutboundChatContact call with the token derived from the URN and inputs", async () => {
      connect.on(StartOutboundChatContactCommand).resolves({ ContactId: "contact-1" });
      const result = await create(inputs());
      const calls = connect.commandCalls(StartOutboundChatContactCommand);
      assert.equal(calls.length, 1);
      const expected = deriveClientToken(URN, contactIdentity(inputs(), "us-east-1"));
      assert.equal(calls[0].args[0].input.ClientToken, expected);
      assert.equal(calls[0].args[0].input.InstanceId, INSTANCE_ID);
      assert.equal(result.id, "contact-1");
      assert.equal(result.outs?.contactId, "contact-1");
      assert.equal(result.outs?.clientToken, expected);
      assert.equal(result.outs?.clientTokenSource, "derived");
      assert.equal(result.outs?.region, "us-east-1");
      assert.equal("__urn" in (result.outs ?? {}), false);
    });

    it("sends a clientToken given as input unchanged", async () => {
      connect.on(StartOutboundChatContactCommand).resolves({ ContactId: "contact-1" });
      const result = await create(inputs({ clientToken: "adopted-token" }));
      assert.equal(
        connect.commandCalls(StartOutboundChatContactCommand)[0].args[0].input.ClientToken,
        "adopted-token",
      );
      assert.equal(result.outs?.clientTokenSource, "given");
    });

    it("takes the Region and the instance ID from an instance ARN", async () => {
      connect.on(StartOutboundChatContactCommand).resolves({ ContactId: "contact-1" });
      const { region: _region, ...rest } = inputs({ instanceId: INSTANCE_ARN });
      const result = await create(rest);
      assert.equal(result.outs?.region, "us-east-1");
      assert.equal(result.outs?.instanceId, INSTANCE_ID);
    });

    it("fails when the answer is a contact that ended before this create: a token used before", async () => {
      connect.on(StartOutboundChatContactCommand).resolves({ ContactId: "contact-old" });
      connect.on(DescribeContactCommand).resolves({
        Contact: { Id: "contact-old", DisconnectTimestamp: new Date(Date.now() - 60 * 60_000) },
      });
      const error = await create(inputs()).then(
        () => assert.fail("create succeeded"),
        (e: Error) => e,
      );
      assert.ok(isOutboundChatContactError(error), String(error));
      assert.equal(error.code, "ReusedClientToken");
      // The message names the contact and when it ended, and what to do.
      assert.ok(error.message.includes("contact-old"), error.message);
      assert.match(error.message, /change `triggers`/);
      assert.equal(error.message.includes("+14155550100"), false);
      assert.equal(error.message.includes("Welcome aboard!"), false);
    });

    it("never prints the ClientToken in the reused-token error, and says where to read it (9.1)", async () => {
      connect.on(StartOutboundChatContactCommand).resolves({ ContactId: "contact-old" });
      connect.on(DescribeContactCommand).resolves({
        Contact: { Id: "contact-old", DisconnectTimestamp: new Date(Date.now() - 60 * 60_000) },
      });
      const error = await create(inputs()).then(
        () => assert.fail("create succeeded"),
        (e: Error) => e,
      );
      const sent = connect.commandCalls(StartOutboundChatContactCommand)[0].args[0].input;
      assert.equal(typeof sent.ClientToken, "string");
      assert.equal(error.message.includes(sent.ClientToken!), false);
      assert.doesNotMatch(error.message, /[0-9a-f]{16}/);
      assert.match(error.message, /the resource's secret `clientToken` output/);
    });

    it("accepts a contact that ended within the clock skew of the create (a flow that ends at once)", async () => {
      connect.on(StartOutboundChatContactCommand).resolves({ ContactId: "contact-1" });
      connect.on(DescribeContactCommand).resolves({
        Contact: { Id: "contact-1", DisconnectTimestamp: new Date(Date.now() - 60_000) },
      });
      assert.equal((await create(inputs())).id, "contact-1");
    });

    it("accepts the answer when DescribeContact cannot be read, since the message may have gone", async () => {
      connect.on(StartOutboundChatContactCommand).resolves({ ContactId: "contact-1" });
      connect.on(DescribeContactCommand).rejects(awsError("AccessDeniedException", 403, "denied"));
      assert.equal((await create(inputs())).id, "contact-1");
    });

    it("adopts whatever a given clientToken answers, without describing it", async () => {
      connect.on(StartOutboundChatContactCommand).resolves({ ContactId: "contact-old" });
      await create(inputs({ clientToken: "adopted-token" }));
      assert.equal(connect.commandCalls(DescribeContactCommand).length, 0);
    });

    it("fails when StartOutboundChatContact finds no such flow, naming the flow it asked about", async () => {
      connect
        .on(StartOutboundChatContactCommand)
        .rejects(awsError("ResourceNotFoundException", 404, "Not found"));
      connect.on(DescribeInstanceCommand).resolves({ Instance: { Id: INSTANCE_ID } });
      connect
        .on(DescribeContactFlowCommand)
        .rejects(awsError("ResourceNotFoundException", 404, "Not found"));
      await assert.rejects(create(inputs()), {
        name: "ContactApiError",
        message:
          "Amazon Connect did not find a resource StartOutboundChatContact needs in us-east-1: " +
          `the contact flow ${CONTACT_FLOW_ID} is not a flow of instance ${INSTANCE_ID}. Fix: ` +
          "give the ID of a flow of that instance (Routing > Flows in the console).",
      });
      assert.deepEqual(connect.commandCalls(DescribeContactFlowCommand)[0].args[0].input, {
        InstanceId: INSTANCE_ID,
        ContactFlowId: CONTACT_FLOW_ID,
      });
      assert.equal(connect.commandCalls(StartOutboundChatContactCommand).length, 1);
    });

    it("fails when there is no URN and no clientToken, and sends nothing", async () => {
      const { __urn: _urn, ...rest } = inputs();
      await assert.rejects(create(rest), { name: "OutboundChatContactError", code: "MissingUrn" });
      assert.equal(connect.commandCalls(StartOutboundChatContactCommand).length, 0);
    });
  });

  describe("update", () => {
    it("updates changed attributes on the same contact, emptying removed keys", async () => {
      connect.on(UpdateContactAttributesCommand).resolves({});
      const olds = stored({ attributes: { plan: "free", team: "a" } });
      const result = await lifecycle.update(olds, inputs({ attributes: { plan: "gold" } }));
      const calls = connect.commandCalls(UpdateContactAttributesCommand);
      assert.equal(calls.length, 1);
      assert.deepEqual(calls[0].args[0].input, {
        InstanceId: INSTANCE_ID,
        InitialContactId: "contact-1",
        Attributes: { plan: "gold", team: "" },
      });
      assert.equal(result.outs?.contactId, "contact-1");
      assert.deepEqual(result.outs?.attributes, { plan: "gold" });
      assert.equal(result.outs?.clientToken, "t".repeat(64));
    });

    it("makes no call when only onDelete changed, and keeps every output", async () => {
      const result = await lifecycle.update(stored(), inputs({ onDelete: "retain" }));
      assert.equal(connect.calls().length, 0);
      assert.equal(result.outs?.onDelete, "retain");
      assert.equal(result.outs?.contactId, "contact-1");
      assert.equal(result.outs?.region, "us-east-1");
    });
  });

  describe("read", () => {
    it("fills in the start and end times", async () => {
      connect.on(DescribeContactCommand).resolves({
        Contact: {
          Id: "contact-1",
          InitiationTimestamp: new Date("2026-11-24T10:00:00Z"),
          DisconnectTimestamp: new Date("2026-11-25T11:00:00Z"),
        },
      });
      const result = await lifecycle.read("contact-1", stored());
      assert.equal(result.id, "contact-1");
      assert.equal(result.props?.initiationTimestamp, "2026-11-24T10:00:00.000Z");
      assert.equal(result.props?.disconnectTimestamp, "2026-11-25T11:00:00.000Z");
    });

    it("leaves the end time out while the contact is active", async () => {
      connect.on(DescribeContactCommand).resolves({
        Contact: { Id: "contact-1", InitiationTimestamp: new Date("2026-11-24T10:00:00Z") },
      });
      const result = await lifecycle.read("contact-1", stored({ disconnectTimestamp: undefined }));
      assert.equal(result.props?.initiationTimestamp, "2026-11-24T10:00:00.000Z");
      assert.equal(result.props && "disconnectTimestamp" in result.props, false);
    });

    it("leaves both times out for a contact DescribeContact gives no times for", async () => {
      connect.on(DescribeContactCommand).resolves({ Contact: { Id: "contact-1" } });
      const result = await lifecycle.read("contact-1", stored());
      assert.equal(result.id, "contact-1");
      assert.equal(result.props && "initiationTimestamp" in result.props, false);
      assert.equal(result.props && "disconnectTimestamp" in result.props, false);
    });

    it("fails when the outputs stored at create are missing (an import), calling nothing", async () => {
      for (const props of [undefined, stored({ region: "" }), stored({ instanceId: "" })]) {
        await assert.rejects(lifecycle.read("contact-1", props), {
          name: "OutboundChatContactError",
          code: "MissingState",
        });
      }
      assert.equal(connect.commandCalls(DescribeContactCommand).length, 0);
    });

    it("reads a contact the service no longer knows as gone", async () => {
      connect
        .on(DescribeContactCommand)
        .rejects(awsError("ResourceNotFoundException", 404, "Not found"));
      assert.deepEqual(await lifecycle.read("contact-1", stored()), { id: "" });
    });

    it("fails a refresh on an access error, instead of reading the contact as gone", async () => {
      connect
        .on(DescribeContactCommand)
        .rejects(awsError("AccessDeniedException", 403, "not authorized"));
      await assert.rejects(lifecycle.read("contact-1", stored()), {
        name: "ContactApiError",
        message:
          "Access denied to DescribeContact for instance 11111111-2222-3333-4444-555555555555 in " +
          "us-east-1. Allow the IAM action connect:DescribeContact on the resource " +
          "arn:aws:connect:us-east-1:*:instance/11111111-2222-3333-4444-555555555555/* for the " +
          "identity the Pulumi program runs as.",
      });
    });
  });

  describe("delete", () => {
    it("stops the contact", async () => {
      connect.on(StopContactCommand).resolves({});
      await lifecycle.deleteContact("contact-1", stored());
      assert.deepEqual(connect.commandCalls(StopContactCommand)[0].args[0].input, {
        InstanceId: INSTANCE_ID,
        ContactId: "contact-1",
      });
    });

    it("makes no call with onDelete: retain", async () => {
      await lifecycle.deleteContact("contact-1", stored({ onDelete: "retain" }));
      assert.equal(connect.calls().length, 0);
    });

    for (const [name, status] of [
      ["ContactNotFoundException", 410],
      ["ResourceNotFoundException", 404],
    ] as const) {
      it(`counts a contact the service answers ${name} for as deleted`, async () => {
        connect.on(StopContactCommand).rejects(awsError(name, status, "gone"));
        await lifecycle.deleteContact("contact-1", stored());
        assert.equal(connect.commandCalls(StopContactCommand).length, 1);
      });
    }

    it("counts an ended contact (InvalidRequestException, then a disconnect time) as deleted", async () => {
      connect
        .on(StopContactCommand)
        .rejects(awsError("InvalidRequestException", 400, "Contact is not active"));
      connect.on(DescribeContactCommand).resolves({
        Contact: { Id: "contact-1", DisconnectTimestamp: new Date("2026-11-25T11:00:00Z") },
      });
      await lifecycle.deleteContact("contact-1", stored());
      assert.equal(connect.commandCalls(DescribeContactCommand).length, 1);
    });

    it("fails when StopContact is rejected for a contact that is still active", async () => {
      connect
        .on(StopContactCommand)
        .rejects(awsError("InvalidRequestException", 400, "Bad request"));
      connect.on(DescribeContactCommand).resolves({ Contact: { Id: "contact-1" } });
      await assert.rejects(lifecycle.deleteContact("contact-1", stored()), {
        name: "ContactApiError",
      });
    });

    it("fails when access is denied, naming the IAM action", async () => {
      connect.on(StopContactCommand).rejects(awsError("AccessDeniedException", 403, "denied"));
      await assert.rejects(lifecycle.deleteContact("contact-1", stored()), /connect:StopContact/);
    });
  });
  describe("its messages and answers, exactly", () => {
    const ENDED = new Date("2026-01-02T03:04:05.000Z");

    it("says a reused token sent nothing, when the contact ended, and how to send again", async () => {
      connect.on(StartOutboundChatContactCommand).resolves({ ContactId: "contact-old" });
      connect.on(DescribeContactCommand).resolves({
        Contact: { Id: "contact-old", DisconnectTimestamp: ENDED },
      });
      await assert.rejects(create(inputs()), {
        code: "ReusedClientToken",
        message:
          "Amazon Connect answered with contact contact-old, which had ended at " +
          "2026-01-02T03:04:05.000Z, before this create began: its ClientToken was used within " +
          "the last 7 days (by this resource before it was destroyed, or with the inputs it had " +
          "before), so no message was sent now. To send it again, change `triggers`. If this " +
          "create retries one that was interrupted and that contact is the one you meant, keep " +
          "it by setting `clientToken` to the token it was started with: the resource's secret " +
          "`clientToken` output in the deployment that started it (`pulumi stack export " +
          "--version <N> --show-secrets`).",
      });
    });

    it("says how to give the URN when there is none", async () => {
      const { __urn: _urn, ...rest } = inputs();
      await assert.rejects(create(rest), {
        code: "MissingUrn",
        message:
          "OutboundChatContact received no URN to derive its ClientToken from, so it cannot " +
          "make the send idempotent. Create the resource with `new OutboundChatContact(...)` " +
          "from pulumi-connect-outbound-chat (which passes it), or give `clientToken` explicitly.",
      });
    });

    it("says what a read without stored outputs needs", async () => {
      await assert.rejects(lifecycle.read("contact-9", undefined), {
        code: "MissingState",
        message:
          "OutboundChatContact cannot read contact contact-9 without the outputs it stored when " +
          "it was created (its Region and instance). The dynamic resource cannot import an " +
          "existing contact: import it with the native provider (`pulumi import " +
          "connect-outbound-chat:index:OutboundChatContact <name> <instanceId>/<contactId>`), " +
          "or give `clientToken` to adopt a contact started with that token in the last 7 days.",
      });
    });

    it("checks a reused clientToken only once the inputs are otherwise valid", () => {
      const olds = inputs({ clientToken: "token-1" });
      const changed = inputs({ clientToken: "token-1", relatedContactId: "related-2" });
      assert.deepEqual(
        lifecycle.check(olds, changed).failures.map((problem) => problem.property),
        ["clientToken"],
      );
      const invalid = { ...changed, chatDurationInMinutes: 5 };
      assert.deepEqual(
        lifecycle.check(olds, invalid).failures.map((problem) => problem.property),
        ["chatDurationInMinutes"],
      );
      assert.deepEqual(lifecycle.check(olds, inputs({ clientToken: "token-2" })).failures, []);
    });

    it("diffs to no change, a change in place with stable outputs, or a replacement", () => {
      const none = lifecycle.diff(stored(), inputs());
      assert.deepEqual(none, {
        changes: false,
        replaces: [],
        deleteBeforeReplace: false,
        stables: ["contactId", "clientToken", "region", "instanceId"],
      });
      assert.deepEqual(lifecycle.diff(stored(), inputs({ onDelete: "retain" })), {
        changes: true,
        replaces: [],
        deleteBeforeReplace: false,
        stables: ["contactId", "clientToken", "region", "instanceId"],
      });
      assert.deepEqual(lifecycle.diff(stored(), inputs({ relatedContactId: "related-2" })), {
        changes: true,
        replaces: ["relatedContactId"],
        deleteBeforeReplace: false,
        stables: [],
      });
    });

    it("keeps no output for an input left undefined", () => {
      const outputs = lifecycle.contactOutputs(inputs({ relatedContactId: undefined }), {
        contactId: "contact-1",
        clientToken: undefined,
        clientTokenSource: "imported",
        region: "us-east-1",
      });
      assert.deepEqual(
        Object.keys(outputs).filter((key) => ["relatedContactId", "clientToken"].includes(key)),
        [],
      );
      assert.equal(outputs.contactId, "contact-1");
    });

    it("asks nothing more of a StopContact failure other than InvalidRequestException", async () => {
      connect.on(StopContactCommand).rejects(awsError("AccessDeniedException", 403, "denied"));
      connect.on(DescribeContactCommand).resolves({
        Contact: { Id: "contact-1", DisconnectTimestamp: ENDED },
      });
      await assert.rejects(lifecycle.deleteContact("contact-1", stored()));
      assert.equal(connect.commandCalls(DescribeContactCommand).length, 0);
    });

    it("counts a contact as deleted when StopContact is refused and DescribeContact no longer finds it", async () => {
      connect.on(StopContactCommand).rejects(awsError("InvalidRequestException", 400, "inactive"));
      connect
        .on(DescribeContactCommand)
        .rejects(awsError("ResourceNotFoundException", 404, "Not found"));
      await lifecycle.deleteContact("contact-1", stored());
      connect.on(DescribeContactCommand).rejects(awsError("AccessDeniedException", 403, "denied"));
      await assert.rejects(lifecycle.deleteContact("contact-1", stored()), {
        name: "ContactApiError",
      });
    });
  });
});
