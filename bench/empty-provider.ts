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
