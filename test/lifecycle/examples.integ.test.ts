/**
 * The programs of `examples/` run through the real provider host against the emulator, with
 * `setMocks` answering their `@pulumi/aws` lookups, so that an example cannot rot.
 */
import { strict as assert } from "assert";
import * as path from "path";
import type { MockCallArgs, MockResourceArgs } from "@pulumi/pulumi/runtime";
import {
  ConnectEmulator,
  DEMO_CONTACT_FLOW_ID,
  DEMO_INSTANCE_ID,
  DEMO_PHONE_NUMBER_ARN,
  DEMO_REGION,
} from "../../emulator";
import { awsEnv, Engine, programModule, ProviderHost, runProgram } from "../../harness";
import { aliasPackageToSources } from "../../harness/package-alias";
import { assertSucceeded, countOf, opsOf, REPO_ROOT, startEmulator } from "./fixtures";

const INSTANCE_ARN = `arn:aws:connect:${DEMO_REGION}:123456789012:instance/${DEMO_INSTANCE_ID}`;
const PHONE_NUMBER_ID = DEMO_PHONE_NUMBER_ARN.split("/").pop() as string;

/** Answers the examples' lookups as AWS would for the emulator's demo instance. */
function awsLookups(args: MockCallArgs): Record<string, unknown> {
  switch (args.token) {
    case "aws:connect/getInstance:getInstance":
      return { id: DEMO_INSTANCE_ID, arn: INSTANCE_ARN, instanceAlias: "acme-support" };
    case "aws:connect/getContactFlow:getContactFlow":
      return {
        id: `${DEMO_INSTANCE_ID}:${DEMO_CONTACT_FLOW_ID}`,
        contactFlowId: DEMO_CONTACT_FLOW_ID,
        arn: `${INSTANCE_ARN}/contact-flow/${DEMO_CONTACT_FLOW_ID}`,
        name: "Outbound SMS",
      };
    default:
      throw new Error(`no answer for ${args.token}`);
  }
}

/** The outputs of the examples' `@pulumi/aws` resources. */
function awsResources(args: MockResourceArgs) {
  if (args.type === "aws:connect/phoneNumber:PhoneNumber") {
    return { id: args.id ?? PHONE_NUMBER_ID, state: { arn: DEMO_PHONE_NUMBER_ARN } };
  }
  if (args.type === "aws:s3/bucket:Bucket") {
    return { id: `${args.name}-1234`, state: { ...args.inputs, bucket: `${args.name}-1234` } };
  }
  return undefined;
}

describe("the examples, run against the emulator", function () {
  this.timeout(60_000);
  let emulator: ConnectEmulator;
  let restoreResolution: () => void;

  before(async () => {
    restoreResolution = aliasPackageToSources();
    emulator = await startEmulator();
  });
  after(async () => {
    restoreResolution();
    await emulator.stop();
  });
  beforeEach(() => emulator.reset());

  async function stackFor(example: string) {
    const cwd = path.join(REPO_ROOT, "examples", example);
    const host = await ProviderHost.start({
      cwd,
      env: awsEnv(emulator),
      config: { "aws:region": DEMO_REGION },
    });
    const engine = new Engine(host);
    const run = (config: Record<string, string>) =>
      runProgram(programModule(path.join(cwd, "index.ts")), {
        project: example,
        stack: "dev",
        config: { "aws:region": DEMO_REGION, ...config },
        call: awsLookups,
        newResource: awsResources,
      });
    return { host, engine, run };
  }

  it("welcome-sms sends one welcome per recipient, once", async () => {
    const { host, engine, run } = await stackFor("welcome-sms");
    const config = {
      "welcome-sms:instanceAlias": "acme-support",
      "welcome-sms:contactFlowName": "Outbound SMS",
      "welcome-sms:phoneNumberId": PHONE_NUMBER_ID,
      "welcome-sms:recipients": JSON.stringify([
        { name: "ada", phone: "+14155550100" },
        { name: "alan", phone: "+14155550142" },
      ]),
    };
    try {
      assertSucceeded(await engine.up(await run(config)));
      assert.deepEqual(
        emulator
          .contacts()
          .map((contact) => [
            contact.destinationAddressMasked,
            contact.instanceId,
            contact.attributes.recipient,
          ])
          .sort(),
        [
          ["+*********00", DEMO_INSTANCE_ID, "ada"],
          ["+*********42", DEMO_INSTANCE_ID, "alan"],
        ],
      );

      const again = await engine.up(await run(config));
      assert.deepEqual(opsOf(again), [
        ["welcome-ada", "same"],
        ["welcome-alan", "same"],
      ]);
      assert.equal(countOf(emulator, "StartOutboundChatContact"), 2);

      assertSucceeded(await engine.destroy());
      assert.equal(countOf(emulator, "StopContact"), 2);
    } finally {
      await host.stop();
    }
  });

  it("bootstrap notifies once per release and leaves the chat open when replaced", async () => {
    const { host, engine, run } = await stackFor("bootstrap");
    const config = (release: string) => ({
      "bootstrap:release": release,
      "bootstrap:instanceId": DEMO_INSTANCE_ID,
      "bootstrap:contactFlowId": DEMO_CONTACT_FLOW_ID,
      "bootstrap:sourcePhoneNumberArn": DEMO_PHONE_NUMBER_ARN,
      "bootstrap:onCallPhone": "+14155550100",
    });
    try {
      assertSucceeded(await engine.up(await run(config("2026.11.1"))));
      assert.equal(countOf(emulator, "StartOutboundChatContact"), 1);

      assert.deepEqual(opsOf(await engine.up(await run(config("2026.11.1")))), [
        ["on-call-notice", "same"],
      ]);
      assert.equal(countOf(emulator, "StartOutboundChatContact"), 1);

      const release = await engine.up(await run(config("2026.11.2")));
      assertSucceeded(release);
      assert.deepEqual(opsOf(release), [["on-call-notice", "replace"]]);
      assert.equal(countOf(emulator, "StartOutboundChatContact"), 2);
      assert.equal(countOf(emulator, "StopContact"), 0, "onDelete: retain stops nothing");
      assert.deepEqual(
        emulator.contacts().map((contact) => contact.state),
        ["active", "active"],
      );
    } finally {
      await host.stop();
    }
  });
});
