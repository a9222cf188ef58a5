/**
 * A small dynamic provider for the engine driver's own tests: it keeps nothing but appends each
 * call to the file named by FAKE_PROVIDER_LOG in the host's environment.
 */
import * as pulumi from "@pulumi/pulumi";

export interface FakeCall {
  readonly op: "create" | "update" | "read" | "delete";
  readonly id?: string;
  readonly key?: unknown;
  readonly value?: unknown;
}

function record(call: FakeCall): void {
  const file = process.env.FAKE_PROVIDER_LOG;
  if (file) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require("fs") as typeof import("fs")).appendFileSync(file, JSON.stringify(call) + "\n");
  }
}

/**
 * `value: "bad"` fails Check; `value: "partial"` makes a partial create; `value: "slow"` takes
 * 200 ms to create; `value: "gone"` reads as gone; a change of `key` replaces, of `value` updates.
 */
const fakeProvider: pulumi.dynamic.ResourceProvider = {
  async check(_olds: Record<string, unknown>, news: Record<string, unknown>) {
    const failures = news.value === "bad" ? [{ property: "value", reason: "must not be bad" }] : [];
    return { inputs: news, failures };
  },
  async diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
    const replaces = olds.key === news.key ? [] : ["key"];
    return { changes: replaces.length > 0 || olds.value !== news.value, replaces };
  },
  async create(inputs: Record<string, unknown>) {
    if (inputs.value === "slow") await new Promise((resolve) => setTimeout(resolve, 200));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const id = `${String(inputs.key)}-${(require("crypto") as typeof import("crypto")).randomUUID()}`;
    record({ op: "create", id, key: inputs.key, value: inputs.value });
    if (inputs.value === "partial") {
      throw Object.assign(new Error("made but not ready"), {
        id,
        properties: { ...inputs },
        reasons: ["not ready"],
      });
    }
    return { id, outs: { ...inputs, made: true } };
  },
  async update(id: string, _olds: Record<string, unknown>, news: Record<string, unknown>) {
    record({ op: "update", id, key: news.key, value: news.value });
    return { outs: { ...news, made: true } };
  },
  async read(id: string, props: Record<string, unknown>) {
    record({ op: "read", id });
    return props.value === "gone" ? { id: "" } : { id, props: { ...props, readAt: "now" } };
  },
  async delete(id: string) {
    record({ op: "delete", id });
  },
};

export interface ThingArgs {
  readonly key: pulumi.Input<string>;
  readonly value: pulumi.Input<string>;
  /** Passed as a secret. @default - none */
  readonly secret?: pulumi.Input<string>;
}

/** Type token `pulumi-nodejs:dynamic/fake:Thing`. */
export class Thing extends pulumi.dynamic.Resource {
  declare public readonly made: pulumi.Output<boolean>;

  constructor(name: string, args: ThingArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      fakeProvider,
      name,
      {
        ...args,
        secret: args.secret === undefined ? undefined : pulumi.secret(args.secret),
        made: undefined,
      },
      opts,
      "fake",
      "Thing",
    );
  }
}
