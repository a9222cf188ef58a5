import { strict as assert } from "assert";
import {
  ConnectClient,
  DescribeContactCommand,
  StartOutboundChatContactCommand,
} from "@aws-sdk/client-connect";
import * as pulumi from "@pulumi/pulumi";
import { AwsClientStub } from "aws-sdk-client-mock";
import { mockConnect, restoreConnect } from "../../harness/connect-mock";
import { OutboundChatContact, TYPE_TOKEN } from "../../provider";
import { isWrappedSecret, setEnv } from "../../harness/doubles";
import { freshProvider } from "../../harness/fresh-provider";
import { unwrapSecrets } from "../../harness/struct";
import { contactIdentity, deriveClientToken } from "../../provider/request";
import { ContactInputs } from "../../provider/types";
import { valueOf } from "../helpers/outputs";
import { ARGUMENT_NAMES, validInputs } from "../fixtures";
import { runProgram } from "../../harness";

type DynamicProvider = typeof import("../../provider/dynamic-provider");

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

async function register(
  build: () => OutboundChatContact | OutboundChatContact[],
): Promise<{ contact: OutboundChatContact; registered: Registered[] }> {
  const registered: Registered[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({
          type: args.type,
          name: args.name,
          inputs: args.inputs as Record<string, unknown>,
        });
        return {
          id: "contact-1",
          state: { ...args.inputs, contactId: "contact-1", region: "us-east-1" },
        };
      },
      call: () => ({}),
    },
    "connect-welcome",
    "dev",
  );
  const built = build();
  const contacts = Array.isArray(built) ? built : [built];
  await Promise.all(contacts.map((contact) => valueOf(contact.id)));
  return { contact: contacts[0], registered };
}

describe("OutboundChatContact", () => {
  it("registers under the type token pulumi-nodejs:dynamic/connect:OutboundChatContact", async () => {
    const { registered } = await register(() => new OutboundChatContact("welcome", validInputs()));
    assert.equal(registered.length, 1);
    assert.equal(registered[0].type, TYPE_TOKEN);
    assert.equal(TYPE_TOKEN, "pulumi-nodejs:dynamic/connect:OutboundChatContact");
  });

  it("passes its URN to the provider as __urn", async () => {
    const { contact, registered } = await register(
      () => new OutboundChatContact("welcome", validInputs()),
    );
    const urn = await valueOf(contact.urn);
    assert.equal(registered[0].inputs.__urn, urn);
    assert.equal(
      urn,
      "urn:pulumi:dev::connect-welcome::pulumi-nodejs:dynamic/connect:OutboundChatContact::welcome",
    );
  });

  it("makes the destination, the message and the template secret even when given in plain text", async () => {
    const { chatDurationInMinutes: _d, initialSystemMessage: _m, ...rest } = validInputs();
    const { registered } = await register(
      () =>
        new OutboundChatContact("welcome", {
          ...rest,
          initialTemplatedSystemMessage: {
            knowledgeBaseId: "kb-1",
            messageTemplateId: "tmpl-1",
            templateAttributes: { customAttributes: { firstName: "Ada" } },
          },
        }),
    );
    const inputs = registered[0].inputs;
    assert.equal(isWrappedSecret(inputs.destinationEndpoint), true);
    assert.equal(isWrappedSecret(inputs.initialTemplatedSystemMessage), true);
    assert.equal(isWrappedSecret(inputs.instanceId), false);
    assert.equal(isWrappedSecret(inputs.sourceEndpoint), false);
  });

  it("makes the initial system message secret", async () => {
    const { registered } = await register(() => new OutboundChatContact("welcome", validInputs()));
    assert.equal(isWrappedSecret(registered[0].inputs.initialSystemMessage), true);
  });

  it("serializes one provider text for every resource of a program", async () => {
    const { registered } = await register(() => [
      new OutboundChatContact("first", validInputs()),
      new OutboundChatContact("second", validInputs()),
    ]);
    assert.equal(registered.length, 2);
    assert.equal(typeof registered[0].inputs.__provider, "string");
    assert.equal(registered[0].inputs.__provider, registered[1].inputs.__provider);
  });

  describe("with the provider's own create behind the mocks", () => {
    // The mocks answer a registration the way the engine does: with what the provider's create
    // returns for the inputs the resource registered. Amazon Connect alone is mocked.
    let connect: AwsClientStub<ConnectClient>;
    let restoreEnv: () => void;
    beforeEach(() => {
      connect = mockConnect();
      restoreEnv = setEnv({
        AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
        AWS_SECRET_ACCESS_KEY: "secret",
        AWS_REGION: "eu-west-2",
        AWS_DEFAULT_REGION: undefined,
        PULUMI_CONFIG: undefined,
      });
    });
    afterEach(() => {
      restoreEnv();
      restoreConnect();
    });

    async function createdThroughTheProvider(name: string): Promise<OutboundChatContact> {
      const { contactProvider } = freshProvider()<DynamicProvider>("dynamic-provider");
      await pulumi.runtime.setMocks(
        {
          newResource: async (args) => {
            const { value } = unwrapSecrets(args.inputs);
            const { id, outs } = await contactProvider.create(value as ContactInputs);
            return { id, state: outs ?? {} };
          },
          call: () => ({}),
        },
        "connect-welcome",
        "dev",
      );
      const contact = new OutboundChatContact(name, validInputs());
      await valueOf(contact.id);
      return contact;
    }

    it("exposes the contact id, token and Region the provider's create produced", async () => {
      connect.on(StartOutboundChatContactCommand).resolves({ ContactId: "contact-7" });
      connect.on(DescribeContactCommand).resolves({ Contact: { Id: "contact-7" } });
      const contact = await createdThroughTheProvider("welcome");
      const urn = await valueOf(contact.urn);

      assert.equal(await valueOf(contact.id), "contact-7");
      assert.equal(await valueOf(contact.contactId), "contact-7");
      assert.equal(await valueOf(contact.region), "eu-west-2");
      assert.equal(await valueOf(contact.clientTokenSource), "derived");
      // The token is derived from the URN the resource passed as __urn, and is the one sent.
      const token = deriveClientToken(urn, contactIdentity(validInputs(), "eu-west-2"));
      assert.equal(await valueOf(contact.clientToken), token);
      const sent = connect.commandCalls(StartOutboundChatContactCommand)[0].args[0].input;
      assert.equal(sent.ClientToken, token);
      assert.equal(sent.DestinationEndpoint?.Address, validInputs().destinationEndpoint.address);
    });

    it("gives each resource of a program a token of its own, from its own URN", async () => {
      connect.on(StartOutboundChatContactCommand).resolves({ ContactId: "contact-7" });
      connect.on(DescribeContactCommand).resolves({ Contact: { Id: "contact-7" } });
      const first = await createdThroughTheProvider("first");
      const second = await createdThroughTheProvider("second");
      assert.notEqual(await valueOf(first.clientToken), await valueOf(second.clientToken));
    });
  });

  it("asks the engine to keep the destination, the messages and the clientToken secret in its outputs", async () => {
    const [registration] = await runProgram(
      () => {
        new OutboundChatContact("welcome", validInputs());
      },
      { project: "connect-welcome", stack: "dev" },
    );
    assert.deepEqual([...registration.additionalSecretOutputs].sort(), [
      "clientToken",
      "destinationEndpoint",
      "initialSystemMessage",
      "initialTemplatedSystemMessage",
    ]);
  });

  it("declares every argument and every computed value as an output, given or not", async () => {
    const { contact } = await register(() => new OutboundChatContact("welcome", validInputs()));
    // Written out here, not read from the implementation: a name the resource forgets fails.
    const outputs = [
      ...ARGUMENT_NAMES,
      "contactId",
      "clientTokenSource",
      "initiationTimestamp",
      "disconnectTimestamp",
    ];
    const declared = contact as unknown as Record<string, unknown>;
    assert.deepEqual(
      outputs.filter((name) => !pulumi.Output.isInstance(declared[name])),
      [],
      "declared as outputs",
    );
    assert.equal(await valueOf(contact.channel), "SMS");
  });

  it("fails its outputs, instead of hanging, when the registration fails", async () => {
    await pulumi.runtime.setMocks(
      {
        newResource: () => {
          throw new Error("the engine refused the resource");
        },
        call: () => ({}),
      },
      "connect-welcome",
      "dev",
    );
    const contact = new OutboundChatContact("welcome", validInputs());
    for (const output of [contact.id, contact.contactId, contact.clientToken, contact.channel]) {
      await assert.rejects(
        valueOf<unknown>(output),
        /failed to register new resource welcome .*: the engine refused the resource/,
      );
    }
  });
});
