import type * as pulumi from "@pulumi/pulumi";
import * as handlers from "./handlers";
import { ContactInputs, ContactOutputs } from "./types";

/**
 * The dynamic provider, as small as it can be: each method hands over to `handlers`. The closure
 * serializer captures only that module: installed from npm it becomes one
 * `require("pulumi-connect-outbound-chat/...")`, and the same object (so the same text) serves
 * every resource of a program. Nothing here reads settings: credentials, endpoints and Regions are
 * read when a call is made, in the provider's own process.
 */
export const contactProvider: pulumi.dynamic.ResourceProvider<ContactInputs, ContactOutputs> = {
  configure: (req) => handlers.configure(req),
  check: (olds, news) => handlers.check(olds, news),
  diff: (id, olds, news) => handlers.diff(id, olds, news),
  create: (inputs) => handlers.create(inputs),
  read: (id, props) => handlers.read(id, props),
  update: (id, olds, news) => handlers.update(id, olds, news),
  delete: (id, props) => handlers.deleteContact(id, props),
};
