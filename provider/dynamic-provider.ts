import type * as pulumi from "@pulumi/pulumi";
import * as lifecycle from "./lifecycle";
import { configureSettings, SETTING_NAMES, settingsFromStackConfig, stackKeyOf } from "./settings";
import { ContactInputs, ContactOutputs } from "./types";

/**
 * The dynamic provider: the face of the lifecycle core (`lifecycle.ts`) that Pulumi's
 * dynamic-provider host calls. The closure serializer captures only the modules named here:
 * installed from npm each becomes one `require("pulumi-connect-outbound-chat/dist/provider/….js")`
 * (a subpath `exports` in package.json must keep open), and the same object (so the same text)
 * serves every resource of a program. Nothing here reads settings:
 * credentials, endpoints and Regions are read when a call is made, in the provider's own process.
 */
export const contactProvider: pulumi.dynamic.ResourceProvider<ContactInputs, ContactOutputs> = {
  configure: async (req) =>
    configureSettings(
      settingsFromStackConfig(
        Object.fromEntries(
          SETTING_NAMES.map((name) => [stackKeyOf(name), req.config.get(stackKeyOf(name))]),
        ),
      ),
    ),
  check: async (olds, news) => lifecycle.check(olds, news),
  diff: async (_id, olds, news) => lifecycle.diff(olds, news),
  create: (inputs) => lifecycle.create(inputs.__urn, inputs),
  read: (id, props) => lifecycle.read(id, props),
  update: (_id, olds, news) => lifecycle.update(olds, news),
  delete: (id, props) => lifecycle.deleteContact(id, props),
};
