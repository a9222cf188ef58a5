/**
 * The package as a user installs it: packed (`npm pack`, which builds dist/), installed into a
 * project of its own, and used from a plain JavaScript program there. The closure serializer then
 * sees the package under node_modules, so `__provider` is a small `require(...)` of it.
 */
import { strict as assert } from "assert";
import { promises as fs } from "fs";
import * as path from "path";
import {
  ConnectEmulator,
  DEMO_CONTACT_FLOW_ID,
  DEMO_INSTANCE_ID,
  DEMO_PHONE_NUMBER_ARN,
} from "../../emulator";
import {
  awsEnv,
  Engine,
  installInto,
  packPackage,
  ProviderHost,
  Registration,
  run,
  runProgramFile,
} from "../../harness";
import {
  assertSucceeded,
  countOf,
  DESTINATION,
  opsOf,
  PROJECT,
  STACK,
  STACK_CONFIG,
  startEmulator,
} from "./fixtures";

const PROGRAM = `"use strict";
const pulumi = require("@pulumi/pulumi");
const { OutboundChatContact } = require("pulumi-connect-outbound-chat");

const config = new pulumi.Config("welcome");
for (const name of ["first", "second"]) {
  new OutboundChatContact(name, {
    instanceId: config.require("instanceId"),
    contactFlowId: config.require("contactFlowId"),
    sourceEndpoint: { address: config.require("sourcePhoneNumberArn") },
    destinationEndpoint: { address: config.requireSecret("destination") },
    channel: "SMS",
    initialSystemMessage: { contentType: "text/plain", content: config.get("message") || "Welcome aboard!" },
    attributes: { campaign: config.get("campaign") || "onboarding" },
  });
}
`;

const CONFIG = {
  ...STACK_CONFIG,
  "welcome:instanceId": DEMO_INSTANCE_ID,
  "welcome:contactFlowId": DEMO_CONTACT_FLOW_ID,
  "welcome:sourcePhoneNumberArn": DEMO_PHONE_NUMBER_ARN,
  "welcome:destination": DESTINATION,
};

describe("installed from the packed package", function () {
  this.timeout(60_000);
  let workspace: string;
  let project: string;
  let emulator: ConnectEmulator;

  before(async function () {
    this.timeout(240_000);
    const packed = await packPackage("installed-");
    workspace = packed.workspace;

    project = path.join(workspace, "project");
    await installInto(project, packed.tarball, {
      name: "welcome-installed",
      version: "1.0.0",
      private: true,
    });
    await fs.writeFile(path.join(project, "index.js"), PROGRAM);
    emulator = await startEmulator();
  });

  after(async () => {
    await emulator?.stop();
    if (workspace) {
      await fs.rm(workspace, { recursive: true, force: true });
    }
  });

  function program(config: Record<string, string> = {}): Promise<Registration[]> {
    return runProgramFile(path.join(project, "index.js"), {
      project: PROJECT,
      stack: STACK,
      config: { ...CONFIG, ...config },
      secretConfig: ["welcome:destination"],
    });
  }

  it("serializes the provider as one small require of the installed package", async () => {
    const registrations = await program();
    assert.deepEqual(registrations.map((registration) => registration.name).sort(), [
      "first",
      "second",
    ]);
    const [first, second] = registrations.map((registration) =>
      String(registration.inputs.__provider),
    );
    assert.ok(
      first.includes('require("pulumi-connect-outbound-chat/'),
      `__provider does not require the package:\n${first.slice(0, 2000)}`,
    );
    assert.equal(first, second);
    assert.ok(first.length < 4096, `__provider is ${first.length} bytes`);

    // The provider host requires these from the program's directory: the package's `exports`
    // must keep every one resolvable.
    const required = [...first.matchAll(/require\("(pulumi-connect-outbound-chat\/[^"]+)"\)/g)].map(
      (match) => match[1],
    );
    assert.deepEqual(required.sort(), [
      "pulumi-connect-outbound-chat/dist/provider/lifecycle.js",
      "pulumi-connect-outbound-chat/dist/provider/settings.js",
    ]);
    for (const subpath of required) {
      await run(process.execPath, ["-e", `require.resolve(${JSON.stringify(subpath)})`], project);
    }
  });

  it("offers the resource and the emulator as the package's entry points, and nothing of its internals but the provider's", async () => {
    const script = `
      const entry = require("pulumi-connect-outbound-chat");
      const emulator = require("pulumi-connect-outbound-chat/emulator");
      const closed = ["pulumi-connect-outbound-chat/dist/emulator/index.js", "pulumi-connect-outbound-chat/dist/provider/index.d.ts"]
        .filter((subpath) => { try { require.resolve(subpath); return false; } catch { return true; } });
      process.stdout.write(JSON.stringify({
        resource: typeof entry.OutboundChatContact,
        isOutboundChatContactError: typeof entry.isOutboundChatContactError,
        startConnectEmulator: typeof emulator.startConnectEmulator,
        closed,
      }));
    `;
    assert.deepEqual(JSON.parse(await run(process.execPath, ["-e", script], project)), {
      resource: "function",
      isOutboundChatContactError: "function",
      startConnectEmulator: "function",
      closed: [
        "pulumi-connect-outbound-chat/dist/emulator/index.js",
        "pulumi-connect-outbound-chat/dist/provider/index.d.ts",
      ],
    });
  });

  it("goes through up, update, replace, refresh and destroy from the install", async () => {
    const host = await ProviderHost.start({ cwd: project, env: awsEnv(emulator), config: CONFIG });
    const engine = new Engine(host);
    try {
      let reports = await engine.up(await program());
      assertSucceeded(reports);
      assert.deepEqual(opsOf(reports), [
        ["first", "create"],
        ["second", "create"],
      ]);
      assert.equal(emulator.contacts().length, 2);

      reports = await engine.up(await program({ "welcome:campaign": "spring" }));
      assertSucceeded(reports);
      assert.deepEqual(opsOf(reports), [
        ["first", "update"],
        ["second", "update"],
      ]);
      assert.equal(countOf(emulator, "UpdateContactAttributes"), 2);

      reports = await engine.up(
        await program({ "welcome:campaign": "spring", "welcome:message": "Welcome back!" }),
      );
      assertSucceeded(reports);
      assert.deepEqual(opsOf(reports), [
        ["first", "replace"],
        ["second", "replace"],
      ]);
      assert.equal(countOf(emulator, "StartOutboundChatContact"), 4);
      assert.equal(countOf(emulator, "StopContact"), 2);

      reports = await engine.refresh();
      assertSucceeded(reports);
      assert.ok(engine.live().every((resource) => resource.outputs.initiationTimestamp));

      reports = await engine.destroy();
      assertSucceeded(reports);
      assert.equal(engine.resources.length, 0);
      assert.equal(countOf(emulator, "StopContact"), 4);
      assert.deepEqual(
        emulator
          .contacts()
          .map((contact) => contact.state)
          .sort(),
        ["stopped", "stopped", "stopped", "stopped"],
      );
      assert.ok(!host.stderr.includes(DESTINATION), "the host logged the phone number");
    } finally {
      await host.stop();
    }
  });
});
