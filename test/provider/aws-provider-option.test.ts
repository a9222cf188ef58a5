/**
 * What Pulumi does when a program passes an `@pulumi/aws` provider to OutboundChatContact as
 * `{ provider: awsProvider }`, for the dynamic resource and for the native one. README's
 * troubleshooting says what this finds: @pulumi/pulumi neither refuses it nor warns; it sends the
 * aws provider's reference with the contact's registration, so the engine would hand the contact's
 * Check and Create to the aws plugin, which does not know the type. The AWS settings come from
 * stack config (`aws:*`) or the native provider's configuration instead.
 */
import { strict as assert } from "assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { OutboundChatContact as DynamicContact, TYPE_TOKEN as DYNAMIC_TYPE } from "../../provider";
import {
  OutboundChatContact as NativeContact,
  TYPE_TOKEN as NATIVE_TYPE,
} from "../../provider/native";
import { validInputs } from "../fixtures";
import { valueOf } from "../helpers/outputs";

const AWS_PROVIDER_ID = "aws-provider-id";

interface Registration {
  readonly type: string;
  readonly name: string;
  readonly provider: string | undefined;
  readonly inputs: Record<string, unknown>;
}

interface Registered {
  readonly registrations: Registration[];
  readonly contact: Registration;
  readonly awsProviderUrn: string;
  /** What @pulumi/pulumi logged while the program ran (warnings and errors are printed). */
  readonly logged: string[];
}

/**
 * Runs a program of an aws provider (eu-west-1) and one contact under the mocks, and returns what
 * the engine would have received. `withProvider` says whether the contact gets the aws provider.
 */
async function register(face: "dynamic" | "native", withProvider: boolean): Promise<Registered> {
  const registrations: Registration[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registrations.push({
          type: args.type,
          name: args.name,
          provider: args.provider,
          inputs: args.inputs as Record<string, unknown>,
        });
        const id = args.type === "pulumi:providers:aws" ? AWS_PROVIDER_ID : "contact-1";
        return { id, state: { ...args.inputs, contactId: "contact-1" } };
      },
      call: () => ({}),
    },
    "connect-welcome",
    "dev",
  );
  const logged: string[] = [];
  const saved = { warn: console.warn, error: console.error };
  console.warn = (...args: unknown[]) => void logged.push(args.join(" "));
  console.error = (...args: unknown[]) => void logged.push(args.join(" "));
  try {
    const awsProvider = new aws.Provider("aws-eu", { region: "eu-west-1" });
    const opts = withProvider ? { provider: awsProvider } : {};
    const contact =
      face === "dynamic"
        ? new DynamicContact("welcome", validInputs(), opts)
        : new NativeContact("welcome", validInputs(), opts);
    await valueOf(contact.id);
    const awsProviderUrn = await valueOf(awsProvider.urn);
    const type = face === "dynamic" ? DYNAMIC_TYPE : NATIVE_TYPE;
    const found = registrations.filter((registration) => registration.type === type);
    assert.equal(found.length, 1);
    return { registrations, contact: found[0], awsProviderUrn, logged };
  } finally {
    console.warn = saved.warn;
    console.error = saved.error;
  }
}

describe("OutboundChatContact given { provider: awsProvider } (an @pulumi/aws provider)", () => {
  for (const face of ["dynamic", "native"] as const) {
    describe(`the ${face} resource`, () => {
      it("is not refused: the program runs and the contact is registered", async () => {
        const { contact } = await register(face, true);
        assert.equal(contact.name, "welcome");
      });

      it("sends the aws provider's reference with the registration, so the engine would route the contact to the aws plugin", async () => {
        const { contact, awsProviderUrn } = await register(face, true);
        assert.equal(
          awsProviderUrn,
          "urn:pulumi:dev::connect-welcome::pulumi:providers:aws::aws-eu",
        );
        assert.equal(contact.provider, `${awsProviderUrn}::${AWS_PROVIDER_ID}`);
      });

      it("without the option, leaves the choice of provider to the engine (its default provider)", async () => {
        const { contact } = await register(face, false);
        assert.equal(contact.provider, "");
      });

      it("logs no warning and no error", async () => {
        const { logged } = await register(face, true);
        assert.deepEqual(logged, []);
      });

      it("takes nothing from the aws provider's settings: its region does not reach the contact's inputs", async () => {
        const given = await register(face, true);
        const without = await register(face, false);
        assert.equal(given.contact.inputs.region, undefined);
        const { __provider: _a, ...inputs } = given.contact.inputs;
        const { __provider: _b, ...inputsWithout } = without.contact.inputs;
        assert.deepEqual(inputs, inputsWithout);
      });
    });
  }
});
