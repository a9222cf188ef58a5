/**
 * Issue 9, items 6, 7 and 11: the emulator is as strict as the API reference for each rule it
 * states, answers a request signed for another Region as that Region's endpoint would, and answers
 * deep bodies with 400. Driven only through the real AWS SDK (and raw signed requests for bodies
 * the SDK would not build).
 */
import assert from "node:assert/strict";
import {
  ConnectClient,
  DescribeContactCommand,
  StartOutboundChatContactCommand,
  StopContactCommand,
  UpdateContactAttributesCommand,
} from "@aws-sdk/client-connect";
import type { ConnectEmulator } from "../../emulator";
import {
  connectClient,
  DEMO_CONTACT_FLOW_ID,
  DEMO_INSTANCE_ID,
  DEMO_PHONE_NUMBER_ARN,
  rejectionOf,
  signedFetch,
  startBody,
  startDemo,
  startInput,
  UUID,
} from "./fixtures";

type SegmentAttributes = NonNullable<Parameters<typeof startInput>[0]>["SegmentAttributes"];

describe("emulator strictness (9.6, 9.7, 9.8, 9.11)", () => {
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
  beforeEach(() => emulator.reset());

  function start(segmentAttributes: SegmentAttributes): Promise<unknown> {
    return client.send(
      new StartOutboundChatContactCommand(
        startInput({
          SegmentAttributes: {
            "connect:Subtype": { ValueString: "connect:SMS" },
            ...segmentAttributes,
          },
        }),
      ),
    );
  }

  async function rejected(promise: Promise<unknown>, constraint: RegExp): Promise<void> {
    const error = await rejectionOf(promise);
    assert.equal(error.name, "InvalidRequestException");
    assert.equal(error.$metadata.httpStatusCode, 400);
    assert.match(error.message, constraint);
  }

  describe("segment attribute keys (9.6, as the provider decided in 9.2)", () => {
    for (const key of ["my key", "my.key", "key!", "connect:my key", "über"]) {
      it(`fails when a top-level key is ${JSON.stringify(key)}`, async () => {
        await rejected(
          start({ [key]: { ValueString: "a" } }),
          /Value at 'segmentAttributes' failed to satisfy constraint: Map keys must contain only alphanumeric characters, - and _/,
        );
      });
    }
    for (const key of ["tier", "my-key_2", "connect:Custom"]) {
      it(`accepts the top-level key ${JSON.stringify(key)}`, async () => {
        const { ContactId } = (await start({ [key]: { ValueString: "a" } })) as {
          ContactId: string;
        };
        assert.match(ContactId, UUID);
      });
    }
  });

  describe("valueList and valueArn only under system keys (9.6)", () => {
    it("fails when a user-defined key carries valueList", async () => {
      await rejected(
        start({ tier: { ValueList: [{ ValueString: "a" }] } }),
        /at 'segmentAttributes\.tier\.valueList' failed to satisfy constraint: Member is only supported for system-defined attributes/,
      );
    });
    it("fails when a valueMap under a user-defined key carries valueArn", async () => {
      await rejected(
        start({ tier: { ValueMap: { inner: { ValueArn: DEMO_PHONE_NUMBER_ARN } } } }),
        /at 'segmentAttributes\.tier\.valueMap\.inner\.valueArn' failed to satisfy constraint: Member is only supported for system-defined attributes/,
      );
    });
    it("accepts valueList and valueArn under a connect: key", async () => {
      const { ContactId } = (await start({
        "connect:List": { ValueList: [{ ValueString: "a" }] },
        "connect:Link": { ValueArn: DEMO_PHONE_NUMBER_ARN },
      })) as { ContactId: string };
      assert.match(ContactId, UUID);
    });
  });

  describe("connect:Subtype (9.6)", () => {
    for (const subtype of ["connect:Email", "connect:sms", "SMS"]) {
      it(`fails when connect:Subtype is ${JSON.stringify(subtype)}`, async () => {
        await rejected(
          start({ "connect:Subtype": { ValueString: subtype } }),
          /at 'segmentAttributes\.connect:Subtype\.valueString' failed to satisfy constraint: Member must satisfy enum value set: \[connect:SMS, connect:WhatsApp\]/,
        );
      });
    }
    it("accepts connect:WhatsApp", async () => {
      const { ContactId } = (await start({
        "connect:Subtype": { ValueString: "connect:WhatsApp" },
      })) as { ContactId: string };
      assert.match(ContactId, UUID);
    });
  });

  describe("valueInteger is a 32-bit integer (9.6)", () => {
    for (const value of [2 ** 31, -(2 ** 31) - 1, 2 ** 40]) {
      it(`fails when valueInteger is ${value}`, async () => {
        await rejected(
          start({ tier: { ValueInteger: value } }),
          /at 'segmentAttributes\.tier\.valueInteger' failed to satisfy constraint: Member must be a 32-bit integer/,
        );
      });
    }
    it("accepts the 32-bit bounds", async () => {
      const { ContactId } = (await start({
        low: { ValueInteger: -(2 ** 31) },
        high: { ValueInteger: 2 ** 31 - 1 },
      })) as { ContactId: string };
      assert.match(ContactId, UUID);
    });
  });

  describe("attribute keys (9.6)", () => {
    it("fails when UpdateContactAttributes has a key other than alphanumeric, dash and underscore", async () => {
      const { ContactId } = await client.send(new StartOutboundChatContactCommand(startInput()));
      await rejected(
        client.send(
          new UpdateContactAttributesCommand({
            InstanceId: DEMO_INSTANCE_ID,
            InitialContactId: ContactId,
            Attributes: { "bad key": "x" },
          }),
        ),
        /at 'attributes' failed to satisfy constraint: Map keys must contain only alphanumeric characters, dash and underscore/,
      );
      await client.send(
        new UpdateContactAttributesCommand({
          InstanceId: DEMO_INSTANCE_ID,
          InitialContactId: ContactId,
          Attributes: { "good-key_1": "x" },
        }),
      );
    });

    it("accepts any attribute key on StartOutboundChatContact, whose documentation states no rule (lenient)", async () => {
      const { ContactId } = await client.send(
        new StartOutboundChatContactCommand(startInput({ Attributes: { "a key.with!": "x" } })),
      );
      assert.match(ContactId ?? "", UUID);
    });
  });

  describe("Region (9.7)", () => {
    async function inRegion<T>(region: string, run: (c: ConnectClient) => Promise<T>): Promise<T> {
      const regional = connectClient(emulator, { region });
      try {
        return await run(regional);
      } finally {
        regional.destroy();
      }
    }

    it("does not find an instance of us-east-1 from a request signed for eu-west-2, for every operation", async () => {
      const { ContactId } = await client.send(new StartOutboundChatContactCommand(startInput()));
      const calls: Array<[string, (c: ConnectClient) => Promise<unknown>]> = [
        [
          "StartOutboundChatContact",
          (c) => c.send(new StartOutboundChatContactCommand(startInput())),
        ],
        [
          "DescribeContact",
          (c) => c.send(new DescribeContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId })),
        ],
        [
          "StopContact",
          (c) => c.send(new StopContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId })),
        ],
        [
          "UpdateContactAttributes",
          (c) =>
            c.send(
              new UpdateContactAttributesCommand({
                InstanceId: DEMO_INSTANCE_ID,
                InitialContactId: ContactId,
                Attributes: { a: "b" },
              }),
            ),
        ],
      ];
      for (const [operation, call] of calls) {
        const error = await rejectionOf(inRegion("eu-west-2", call));
        assert.equal(error.name, "ResourceNotFoundException", operation);
        assert.equal(error.$metadata.httpStatusCode, 404, operation);
        assert.match(
          error.message,
          new RegExp(`Instance not found: ${DEMO_INSTANCE_ID}`),
          operation,
        );
      }
      assert.equal(emulator.contacts().length, 1);
    });

    it("finds an instance seeded in eu-west-2 only from requests signed for eu-west-2", async () => {
      const other = await startDemo({
        seed: {
          instances: [
            {
              id: DEMO_INSTANCE_ID,
              region: "eu-west-2",
              contactFlows: [DEMO_CONTACT_FLOW_ID],
              phoneNumbers: [DEMO_PHONE_NUMBER_ARN],
            },
          ],
        },
      });
      const send = async (region: string): Promise<unknown> => {
        const regional = connectClient(other, { region });
        try {
          return await regional.send(new StartOutboundChatContactCommand(startInput()));
        } finally {
          regional.destroy();
        }
      };
      try {
        const error = await rejectionOf(send("us-east-1"));
        assert.equal(error.name, "ResourceNotFoundException");
        const { ContactId } = (await send("eu-west-2")) as { ContactId: string };
        assert.match(ContactId, UUID);
      } finally {
        await other.stop();
      }
    });
  });

  describe("DescribeContact answers like a chat contact (9.8)", () => {
    const RELATED = "99999999-aaaa-bbbb-cccc-dddddddddddd";

    it("returns the members a chat started by StartOutboundChatContact has, then DisconnectReason after a stop", async () => {
      const { ContactId } = await client.send(
        new StartOutboundChatContactCommand(
          startInput({ RelatedContactId: RELATED, Attributes: { campaign: "welcome" } }),
        ),
      );
      const describe = async (): Promise<Record<string, unknown>> =>
        (await client.send(new DescribeContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId })))
          .Contact as Record<string, unknown>;
      const open = await describe();
      assert.deepEqual(Object.keys(open).sort(), [
        "Arn",
        "Attributes",
        "Channel",
        "ContactAssociationId",
        "Id",
        "InitialContactId",
        "InitiationMethod",
        "InitiationTimestamp",
        "LastUpdateTimestamp",
        "RelatedContactId",
        "SegmentAttributes",
        "SystemEndpoint",
      ]);
      assert.equal(open.Id, ContactId);
      assert.equal(open.InitialContactId, ContactId);
      assert.equal(open.Channel, "CHAT");
      assert.equal(open.RelatedContactId, RELATED);
      assert.deepEqual(open.Attributes, { campaign: "welcome" });
      assert.deepEqual(open.SegmentAttributes, {
        "connect:Subtype": { ValueString: "connect:SMS" },
      });
      assert.deepEqual(open.SystemEndpoint, {
        Type: "CONNECT_PHONENUMBER_ARN",
        Address: DEMO_PHONE_NUMBER_ARN,
      });
      assert.ok(open.LastUpdateTimestamp instanceof Date);
      assert.equal(
        open.LastUpdateTimestamp.getTime(),
        (open.InitiationTimestamp as Date).getTime(),
      );

      emulator.advanceClock(60_000);
      await client.send(new StopContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId }));
      const stopped = await describe();
      assert.equal(stopped.DisconnectReason, "API");
      assert.ok(stopped.DisconnectTimestamp instanceof Date);
      assert.equal(
        (stopped.LastUpdateTimestamp as Date).getTime(),
        stopped.DisconnectTimestamp.getTime(),
      );
      // The advanced minute, plus the real milliseconds the test took.
      const lasted =
        stopped.DisconnectTimestamp.getTime() - (stopped.InitiationTimestamp as Date).getTime();
      assert.ok(lasted >= 60_000 && lasted < 70_000, `${lasted} ms`);
    });

    it("says EXPIRED for a chat that ran out its duration, and leaves RelatedContactId out when not given", async () => {
      const { ContactId } = await client.send(
        new StartOutboundChatContactCommand(startInput({ ChatDurationInMinutes: 60 })),
      );
      emulator.advanceClock(61 * 60_000);
      const { Contact } = await client.send(
        new DescribeContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId }),
      );
      assert.equal(Contact?.DisconnectReason, "EXPIRED");
      assert.equal(Contact?.RelatedContactId, undefined);
    });
  });

  describe("deep bodies (9.11)", () => {
    /** A valueMap nested `levels` deep, as JSON text (JSON.stringify cannot write 100,000 levels). */
    function nested(levels: number): string {
      return `${'{"ValueMap":{"next":'.repeat(levels)}{"ValueString":"leaf"}${"}}".repeat(levels)}`;
    }

    for (const levels of [1_000, 30_000]) {
      it(`answers a valueMap nested ${levels.toLocaleString("en-US")} deep with 400, and keeps answering`, async () => {
        const body = JSON.stringify(
          startBody({
            SegmentAttributes: {
              "connect:Subtype": { ValueString: "connect:SMS" },
              "connect:Deep": "DEEP",
            },
          }),
        ).replace('"DEEP"', nested(levels));
        const response = await signedFetch(emulator, "/contact/outbound-chat", {
          method: "PUT",
          body,
          headers: { "content-type": "application/json" },
        });
        assert.equal(response.status, 400);
        assert.equal(response.headers.get("x-amzn-errortype"), "SerializationException");
        assert.match(
          ((await response.json()) as { Message: string }).Message,
          /nests JSON more than 100 levels deep/,
        );
        const { ContactId } = await client.send(new StartOutboundChatContactCommand(startInput()));
        assert.match(ContactId ?? "", UUID);
      });
    }
  });
});
