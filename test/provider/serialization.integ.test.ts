import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { freshProvider } from "../../harness/fresh-provider";
import { setEnv } from "../../harness/doubles";
import { validInputs } from "../fixtures";

type DynamicProvider = typeof import("../../provider/dynamic-provider");

const ROOT = path.resolve(__dirname, "../..");

/**
 * Values set in the program's process while the provider is serialized, none of which may be
 * captured into it: a credential, the endpoint and the Region, as environment variables and as
 * the stack's `aws:region` (in PULUMI_CONFIG, where the provider's process finds it, and in the
 * Pulumi runtime's config, which `pulumi.Config` reads).
 */
const STACK_REGION_CANARY = "canary-stack-region-1";
const ENV_CANARIES: Readonly<Record<string, string>> = {
  AWS_SECRET_ACCESS_KEY: "canary-secret-that-must-not-be-serialized",
  AWS_ENDPOINT_URL_CONNECT: "http://canary-connect-endpoint.invalid",
  AWS_ENDPOINT_URL: "http://canary-endpoint.invalid",
  AWS_REGION: "canary-env-region-1",
  AWS_DEFAULT_REGION: "canary-default-region-1",
  PULUMI_CONFIG: JSON.stringify({ "aws:region": STACK_REGION_CANARY }),
};
const CANARIES = [...Object.values(ENV_CANARIES), STACK_REGION_CANARY];

/**
 * Loads a serialized provider the way the provider host does (require-from-string, then
 * `.handler()`), in a plain Node process with no TypeScript loader, and runs check and diff.
 */
const LOADER = `
const fs = require("fs");
const requireFromString = require("require-from-string");
const [file, inputsJson] = process.argv.slice(1);
const provider = requireFromString(fs.readFileSync(file, "utf8")).handler();
(async () => {
  const inputs = JSON.parse(inputsJson);
  const ok = await provider.check({}, inputs);
  const bad = await provider.check({}, { ...inputs, chatDurationInMinutes: 5 });
  const outputs = { ...inputs, contactId: "c-1", clientToken: "t", clientTokenSource: "derived", region: "us-east-1" };
  const same = await provider.diff("c-1", outputs, inputs);
  const changed = await provider.diff("c-1", outputs, { ...inputs, triggers: ["v2"] });
  const loadedSdkBeforeCreate = Object.keys(require.cache).some((k) => k.includes("@aws-sdk/client-connect"));
  // Nothing listens on port 1: the create fails, and its error must keep its name and message.
  const failed = await provider
    .create({ ...inputs, region: "us-east-1", __urn: "urn:pulumi:dev::p::t::welcome" })
    .then(() => undefined, (error) => ({ name: error.name, awsErrorName: error.awsErrorName, message: error.message }));
  // No Region anywhere (no region input, no AWS_REGION, no configure): the provider's own error.
  const { region: _region, ...withoutRegion } = inputs;
  const noRegion = await provider
    .create({ ...withoutRegion, __urn: "urn:pulumi:dev::p::t::welcome" })
    .then(() => undefined, (error) => ({ name: error.name, code: error.code }));
  process.stdout.write(JSON.stringify({
    ok: ok.failures.length,
    bad: bad.failures.map((f) => f.property),
    same: same.changes,
    replaces: changed.replaces,
    loadedSdkBeforeCreate,
    failed,
    noRegion,
  }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

describe("the serialized provider", () => {
  let text: string;

  let settingsBefore: Settings;
  let settingsAfter: Settings;

  before(async () => {
    settingsBefore = settingsOf(Object.keys(ENV_CANARIES));
    const config = pulumi.runtime.allConfig();
    // isConfigSecret is exported by the runtime but left out of its typings.
    const { isConfigSecret } = pulumi.runtime as unknown as {
      isConfigSecret: (key: string) => boolean;
    };
    const secretKeys = Object.keys(config).filter((key) => isConfigSecret(key));
    const restoreEnv = setEnv(ENV_CANARIES);
    pulumi.runtime.setAllConfig({ ...config, "aws:region": STACK_REGION_CANARY }, secretKeys);
    try {
      // The canaries are there for any code that reads them, when the provider's modules are
      // loaded (a new copy, loaded now) and while the provider is serialized.
      assert.equal(new pulumi.Config("aws").get("region"), STACK_REGION_CANARY);
      const { contactProvider } = freshProvider()<DynamicProvider>("dynamic-provider");
      text = (await pulumi.runtime.serializeFunction(() => contactProvider, { allowSecrets: true }))
        .text;
    } finally {
      pulumi.runtime.setAllConfig(config, secretKeys);
      restoreEnv();
    }
    settingsAfter = settingsOf(Object.keys(ENV_CANARIES));
  });

  it("runs check, diff and create in a separate Node process, outside the program that made it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "provider-"));
    const file = path.join(dir, "provider.js");
    fs.writeFileSync(file, text);
    const out = execFileSync(
      process.execPath,
      ["-e", LOADER, file, JSON.stringify(validInputs())],
      {
        cwd: ROOT,
        encoding: "utf8",
        env: {
          PATH: process.env.PATH ?? "",
          AWS_ENDPOINT_URL_CONNECT: "http://127.0.0.1:1",
          AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
          AWS_SECRET_ACCESS_KEY: "example-secret",
          AWS_MAX_ATTEMPTS: "1",
        },
      },
    );
    assert.deepEqual(JSON.parse(out), {
      ok: 0,
      bad: ["chatDurationInMinutes"],
      same: false,
      replaces: ["triggers"],
      loadedSdkBeforeCreate: false,
      failed: {
        name: "ContactApiError",
        awsErrorName: "Error",
        message:
          "Could not reach Amazon Connect in us-east-1 for StartOutboundChatContact (ECONNREFUSED), " +
          "after the SDK's retries. Check the network, and AWS_ENDPOINT_URL_CONNECT / " +
          "AWS_ENDPOINT_URL if set; it is safe to run `pulumi up` again, because the ClientToken " +
          "makes the retry idempotent.",
      },
      noRegion: { name: "OutboundChatContactError", code: "NoRegion" },
    });
  });

  it("captures no credential, endpoint or Region from the environment or the stack's config", () => {
    assert.ok(text.length > 0);
    assert.deepEqual(
      CANARIES.filter((canary) => text.includes(canary)),
      [],
    );
    assert.equal(text.includes("AWS_ENDPOINT_URL_CONNECT="), false);
  });

  it("puts back every variable and setting it changed, to its value or its absence", () => {
    assert.deepEqual(settingsAfter, settingsBefore);
  });
});

interface Settings {
  readonly env: Record<string, string | undefined>;
  readonly config: Record<string, string>;
}

/** Environment variables (`undefined` for one that is not set), and the Pulumi runtime's config. */
function settingsOf(names: readonly string[]): Settings {
  return {
    env: Object.fromEntries(names.map((name) => [name, process.env[name]])),
    config: pulumi.runtime.allConfig(),
  };
}
