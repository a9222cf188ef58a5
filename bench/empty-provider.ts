/**
 * The baseline of the cold-start scenario: a trivial dynamic provider that loads nothing, so the
 * host's time to the first Check is the host's own start-up and nothing else.
 */
import * as pulumi from "@pulumi/pulumi";

const emptyProvider: pulumi.dynamic.ResourceProvider = {
  async check(_olds: Record<string, unknown>, news: Record<string, unknown>) {
    return { inputs: news };
  },
  async create(inputs: Record<string, unknown>) {
    return { id: "empty", outs: inputs };
  },
};

/** Type token `pulumi-nodejs:dynamic/bench:Empty`. */
export class EmptyResource extends pulumi.dynamic.Resource {
  constructor(name: string, args: { readonly value: pulumi.Input<string> }) {
    super(emptyProvider, name, { ...args }, undefined, "bench", "Empty");
  }
}

/** The same trivial provider as plain JavaScript, for a program in the installed project. */
export const EMPTY_PROGRAM_JS = `"use strict";
const pulumi = require("@pulumi/pulumi");
const emptyProvider = {
  async check(_olds, news) {
    return { inputs: news };
  },
  async create(inputs) {
    return { id: "empty", outs: inputs };
  },
};
const count = Number(new pulumi.Config("bench").get("count") || "1");
for (let index = 0; index < count; index++) {
  const name = count === 1 ? "empty" : "empty-" + index;
  new pulumi.dynamic.Resource(emptyProvider, name, { value: name }, undefined, "bench", "Empty");
}
`;

/**
 * The baseline of the preview scenario: an empty dynamic provider shaped as the provider is, so
 * that the host carries the same `__provider` size class. It is a package of its own, written
 * into the installed project's `node_modules` (`bench-empty-provider`), whose provider object has
 * the provider's seven methods, each a one-line call into a module of the package: serialized,
 * it becomes one `require("bench-empty-provider/core.js")` and seven small functions, as the
 * provider becomes one `require("pulumi-connect-outbound-chat/...")` and seven. Its `check`
 * returns the inputs as they came, its `diff` finds no change, its `create` echoes the inputs as
 * outputs. The preview scenario feeds it the provider's own registrations, `__provider` swapped.
 */
export const FAIR_EMPTY_PACKAGE = "bench-empty-provider";

/** The files of the package, by path within it. */
export const FAIR_EMPTY_FILES: Readonly<Record<string, string>> = {
  "package.json": JSON.stringify({ name: FAIR_EMPTY_PACKAGE, version: "1.0.0", main: "index.js" }),
  "core.js": `"use strict";
exports.configure = async () => undefined;
exports.check = (olds, news) => ({ inputs: news, failures: [] });
exports.diff = () => ({ changes: false, replaces: [], deleteBeforeReplace: false, stables: [] });
exports.create = (inputs) => ({ id: "empty", outs: inputs });
exports.read = (id, props) => ({ id, props });
exports.update = (olds, news) => ({ outs: news });
exports.deleteContact = async () => undefined;
`,
  "index.js": `"use strict";
const core = require("./core.js");
exports.emptyProvider = {
  configure: async (req) => core.configure(req.config.get("aws:region")),
  check: async (olds, news) => core.check(olds, news),
  diff: async (_id, olds, news) => core.diff(olds, news),
  create: async (inputs) => core.create(inputs),
  read: async (id, props) => core.read(id, props),
  update: async (_id, olds, news) => core.update(olds, news),
  delete: async (id, props) => core.deleteContact(id, props),
};
`,
};

/** A program of one resource of that provider, to read its serialized `__provider` from. */
export const FAIR_EMPTY_PROGRAM_JS = `"use strict";
const pulumi = require("@pulumi/pulumi");
const { emptyProvider } = require(${JSON.stringify(FAIR_EMPTY_PACKAGE)});
new pulumi.dynamic.Resource(emptyProvider, "empty", { value: "v" }, undefined, "bench", "Empty");
`;
