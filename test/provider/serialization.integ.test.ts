import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { contactProvider } from "../../provider";
import { validInputs } from "../fixtures";

const ROOT = path.resolve(__dirname, "../..");
const CANARY = "canary-secret-that-must-not-be-serialized";

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
  process.stdout.write(JSON.stringify({
    ok: ok.failures.length,
    bad: bad.failures.map((f) => f.property),
    same: same.changes,
    replaces: changed.replaces,
    loadedSdkBeforeCreate,
    failed,
  }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

describe("the serialized provider", () => {
  let text: string;

  before(async () => {
    process.env.AWS_SECRET_ACCESS_KEY = CANARY;
    try {
      text = (await pulumi.runtime.serializeFunction(() => contactProvider, { allowSecrets: true }))
        .text;
    } finally {
      delete process.env.AWS_SECRET_ACCESS_KEY;
    }
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
    });
  });

  it("captures no credential, endpoint or Region from the environment", () => {
    assert.equal(text.includes(CANARY), false);
    assert.equal(text.includes("AWS_ENDPOINT_URL_CONNECT="), false);
  });
});
