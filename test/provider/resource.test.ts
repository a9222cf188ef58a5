import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { OutboundChatContact, TYPE_TOKEN } from "../../provider";
import { isWrappedSecret } from "../../harness/doubles";
import { valueOf } from "../helpers/outputs";
import { ARGUMENT_NAMES, validInputs } from "../fixtures";
import { runProgram } from "../../harness";

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

  it("exposes the contact id the provider answered with", async () => {
    const { contact } = await register(() => new OutboundChatContact("welcome", validInputs()));
    assert.equal(await valueOf(contact.contactId), "contact-1");
    assert.equal(await valueOf(contact.id), "contact-1");
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

  it("fails its output, instead of hanging, when the registration fails", async () => {
    const failing = Promise.reject(new Error("the engine refused the resource"));
    failing.catch(() => undefined);
    const output = pulumi.output(failing);
    await assert.rejects(valueOf(output), /the engine refused the resource/);
  });
});
