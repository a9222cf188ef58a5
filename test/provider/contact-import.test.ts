/**
 * `pulumi import`: the IDs it takes, and the arguments it makes of what DescribeContact gives back,
 * as a program would write them (DescribeContact answered by aws-sdk-client-mock).
 */
import { strict as assert } from "assert";
import { ConnectClient, Contact, DescribeContactCommand } from "@aws-sdk/client-connect";
import { AwsClientStub } from "aws-sdk-client-mock";
import { mockConnect, restoreConnect } from "../../harness/connect-mock";
import { freshProvider } from "../../harness/fresh-provider";
import { setEnv } from "../../harness/doubles";
import { INSTANCE_ARN, INSTANCE_ID, SOURCE_PHONE_NUMBER_ARN } from "../fixtures";

type ContactImport = typeof import("../../provider/contact-import");

const CONTACT_ID = "cccccccc-1111-2222-3333-444444444444";
const CONTACT_ARN = `${INSTANCE_ARN}/contact/${CONTACT_ID}`;

describe("importing a contact", () => {
  let connect: AwsClientStub<ConnectClient>;
  let restoreEnv: () => void;
  let contactImport: ContactImport;
  beforeEach(() => {
    connect = mockConnect();
    contactImport = freshProvider()<ContactImport>("contact-import");
    restoreEnv = setEnv({
      AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
      AWS_SECRET_ACCESS_KEY: "secret",
      AWS_REGION: "eu-west-2",
      PULUMI_CONFIG: undefined,
    });
  });
  afterEach(() => {
    restoreEnv();
    restoreConnect();
  });

  /** Imports `id` with DescribeContact answering `contact`. */
  function imported(contact: Contact, id = CONTACT_ARN) {
    connect.on(DescribeContactCommand).resolves({ Contact: { Id: CONTACT_ID, ...contact } });
    return contactImport.importContact(id);
  }

  it("takes every argument DescribeContact gives back, in the program's spelling", async () => {
    const result = await imported({
      SystemEndpoint: { Address: SOURCE_PHONE_NUMBER_ARN },
      SegmentAttributes: {
        "connect:Subtype": { ValueString: "connect:WhatsApp" },
        "connect:Detail": {
          ValueMap: {
            level: { ValueInteger: 2 },
            owner: { ValueArn: INSTANCE_ARN },
            tags: { ValueList: [{ ValueString: "a" }, { ValueInteger: 0 }] },
          },
        },
      },
      Attributes: { tier: "gold" },
      RelatedContactId: "rrrrrrrr-1111-2222-3333-444444444444",
      InitiationTimestamp: new Date("2026-11-24T10:00:00Z"),
      DisconnectTimestamp: new Date("2026-11-25T11:00:00Z"),
    });
    const inputs = {
      instanceId: INSTANCE_ID,
      region: "us-east-1",
      sourceEndpoint: { address: SOURCE_PHONE_NUMBER_ARN },
      channel: "WhatsApp",
      segmentAttributes: {
        "connect:Detail": {
          valueMap: {
            level: { valueInteger: 2 },
            owner: { valueArn: INSTANCE_ARN },
            tags: { valueList: [{ valueString: "a" }, { valueInteger: 0 }] },
          },
        },
      },
      attributes: { tier: "gold" },
      relatedContactId: "rrrrrrrr-1111-2222-3333-444444444444",
    };
    assert.deepEqual(result, {
      id: CONTACT_ID,
      inputs,
      outs: {
        ...inputs,
        contactId: CONTACT_ID,
        clientTokenSource: "imported",
        initiationTimestamp: "2026-11-24T10:00:00.000Z",
        disconnectTimestamp: "2026-11-25T11:00:00.000Z",
      },
    });
    assert.deepEqual(connect.commandCalls(DescribeContactCommand)[0].args[0].input, {
      InstanceId: INSTANCE_ID,
      ContactId: CONTACT_ID,
    });
  });

  it("leaves out what DescribeContact does not give, in the provider's Region for an ID without one", async () => {
    const result = await imported({ Attributes: {} }, `${INSTANCE_ID}/${CONTACT_ID}`);
    assert.deepEqual(result.inputs, { instanceId: INSTANCE_ID, region: "eu-west-2" });
    assert.deepEqual(result.outs, {
      instanceId: INSTANCE_ID,
      region: "eu-west-2",
      contactId: CONTACT_ID,
      clientTokenSource: "imported",
    });
  });

  it("keeps a subtype no channel names as a segment attribute", async () => {
    const result = await imported({
      SegmentAttributes: { "connect:Subtype": { ValueString: "connect:Email" } },
    });
    assert.deepEqual(result.inputs, {
      instanceId: INSTANCE_ID,
      region: "us-east-1",
      segmentAttributes: { "connect:Subtype": { valueString: "connect:Email" } },
    });
  });

  it("takes a channel alone when the subtype is the only segment attribute", async () => {
    const result = await imported({
      SegmentAttributes: { "connect:Subtype": { ValueString: "connect:SMS" } },
    });
    assert.deepEqual(result.inputs, {
      instanceId: INSTANCE_ID,
      region: "us-east-1",
      channel: "SMS",
    });
  });

  it("refuses an ID of another shape, saying which two it takes and calling nothing", async () => {
    const id = `not-an-id-${"x".repeat(400)}`;
    await assert.rejects(contactImport.importContact(id), {
      name: "OutboundChatContactError",
      code: "InvalidImportId",
      message:
        `OutboundChatContact cannot import "${id.slice(0, 300)}": the ID to import is ` +
        "`<instanceId>/<contactId>` (in the provider's Region) or the contact's ARN " +
        "(arn:aws:connect:<region>:<account>:instance/<instanceId>/contact/<contactId>).",
    });
    assert.equal(connect.calls().length, 0);
  });
});
