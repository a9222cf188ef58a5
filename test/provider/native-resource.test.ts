/**
 * What the native resource class registers with the engine: its type, its arguments with the
 * personal data secret, the outputs the provider computes, the alias that adopts a contact of the
 * dynamic resource, the secret outputs and the plugin's version. Read from the registration
 * request itself, as the engine's monitor receives it under Pulumi's mocks.
 */
import { strict as assert } from "assert";
import { readFileSync } from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import type { RegisterResourceRequest } from "@pulumi/pulumi/proto/resource_pb";
import { SECRET_SIG_KEY } from "../../harness/doubles";
import { OutboundChatContact, TYPE_TOKEN } from "../../provider/native";
import { ContactInputs } from "../../provider/types";
import { validInputs } from "../fixtures";
import { valueOf } from "../helpers/outputs";

const PACKAGE_JSON = path.resolve(__dirname, "..", "..", "package.json");
const DYNAMIC_TYPE = "pulumi-nodejs:dynamic/connect:OutboundChatContact";

/** The request the native resource registers with, for these arguments and options. */
async function registration(
  args: Omit<ContactInputs, "__urn">,
  opts?: pulumi.CustomResourceOptions,
): Promise<RegisterResourceRequest> {
  await pulumi.runtime.setMocks(
    {
      newResource: (mock) => ({
        id: "contact-1",
        state: { ...mock.inputs, contactId: "contact-1" },
      }),
      call: () => ({}),
    },
    "native",
    "dev",
  );
  type Register = (request: RegisterResourceRequest, callback: unknown) => unknown;
  const monitor = pulumi.runtime.getMonitor() as unknown as { registerResource: Register };
  const requests: RegisterResourceRequest[] = [];
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (request, callback) => {
    requests.push(request);
    return register(request, callback);
  };
  const contact = new OutboundChatContact("welcome", args, opts);
  // The computed outputs are properties of the resource, as its type says.
  assert.equal(await valueOf(contact.contactId), "contact-1");
  const found = requests.filter((request) => request.getType() === TYPE_TOKEN);
  assert.equal(found.length, 1);
  return found[0];
}

/** The registered properties, with each secret shown as `{ secret: value }`. */
function propertiesOf(request: RegisterResourceRequest): Record<string, unknown> {
  const object = request.getObject()?.toJavaScript() ?? {};
  return Object.fromEntries(
    Object.entries(object).map(([key, value]) => {
      const wrapped = value as Record<string, unknown> | null;
      return [
        key,
        wrapped !== null && typeof wrapped === "object" && SECRET_SIG_KEY in wrapped
          ? { secret: wrapped.value }
          : value,
      ];
    }),
  );
}

describe("the native OutboundChatContact's registration", () => {
  it("sends the given arguments, the personal data secret, and nothing it was not given", async () => {
    const inputs = { ...validInputs(), relatedContactId: undefined, attributes: { tier: "gold" } };
    const properties = propertiesOf(await registration(inputs));
    assert.deepEqual(properties, {
      instanceId: inputs.instanceId,
      contactFlowId: inputs.contactFlowId,
      sourceEndpoint: inputs.sourceEndpoint,
      destinationEndpoint: { secret: inputs.destinationEndpoint },
      channel: "SMS",
      initialSystemMessage: { secret: inputs.initialSystemMessage },
      attributes: { tier: "gold" },
    });
  });

  it("adopts a contact of the dynamic resource by an alias, and keeps the given aliases", async () => {
    const request = await registration(validInputs(), { aliases: [{ name: "old-welcome" }] });
    assert.deepEqual(
      request.getAliasesList().map((alias) => {
        const spec = alias.getSpec();
        return { name: spec?.getName(), type: spec?.getType() };
      }),
      [
        { name: "old-welcome", type: "" },
        { name: "", type: DYNAMIC_TYPE },
      ],
    );
  });

  it("keeps the personal data and the token secret as outputs, beside the secret outputs given", async () => {
    const request = await registration(validInputs(), { additionalSecretOutputs: ["region"] });
    assert.deepEqual(request.getAdditionalsecretoutputsList(), [
      "region",
      "destinationEndpoint",
      "initialSystemMessage",
      "initialTemplatedSystemMessage",
      "clientToken",
    ]);
  });

  it("asks for the plugin of the package's version, unless the program names one", async () => {
    const { version } = JSON.parse(readFileSync(PACKAGE_JSON, "utf8")) as { version: string };
    assert.equal((await registration(validInputs())).getVersion(), version);
    assert.equal((await registration(validInputs(), { version: "0.0.9" })).getVersion(), "0.0.9");
  });
});
