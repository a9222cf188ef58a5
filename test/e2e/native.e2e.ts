/**
 * The native provider under the real CLI: installed with `pulumi plugin install --file` from the
 * tarball `npm run plugin:pack` builds, driven by YAML programs (pulumi-language-yaml, built from
 * its Go module) for up, a no-change up, destroy, `pulumi import` and a crash; and a TypeScript
 * stack moved from the dynamic resource to the native one without a replacement or a second send.
 */
import { strict as assert } from "assert";
import { ConnectClient, StartOutboundChatContactCommand } from "@aws-sdk/client-connect";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import {
  ConnectEmulator,
  DEMO_CONTACT_FLOW_ID,
  DEMO_INSTANCE_ID,
  DEMO_PHONE_NUMBER_ARN,
  DEMO_REGION,
} from "../../emulator";
import { PulumiProject, resourcesOf } from "../../harness/cli";
import {
  CONTACT_MESSAGE,
  CONTACT_TYPE as DYNAMIC_TYPE,
  contactsByResource,
  destinationOf,
  emulatorEnv,
  initContactsStack as initStack,
  newContactsProject as newProject,
  startContactsEmulator as startEmulator,
} from "../../harness/cli-project";
import { assertOk, callsFrom, secretsIn, until } from "./fixtures";
import { installPlugin, pluginTarball } from "./plugin";

const NATIVE_TYPE = "connect-outbound-chat:index:OutboundChatContact";

/** A YAML program of `count` contacts (contact-0..), each to its own number. */
function yamlProgram(count: number, extra: string = ""): string {
  const resources = Array.from({ length: count }, (_, index) =>
    [
      `  contact-${index}:`,
      `    type: ${NATIVE_TYPE}`,
      "    properties:",
      `      instanceId: ${DEMO_INSTANCE_ID}`,
      `      contactFlowId: ${DEMO_CONTACT_FLOW_ID}`,
      "      sourceEndpoint:",
      `        address: ${DEMO_PHONE_NUMBER_ARN}`,
      "      destinationEndpoint:",
      `        address: "${destinationOf(index)}"`,
      "      channel: SMS",
      "      initialSystemMessage:",
      "        contentType: text/plain",
      `        content: "${CONTACT_MESSAGE}"`,
      "      attributes:",
      `        resource: contact-${index}`,
    ].join("\n"),
  );
  return `name: yaml-contacts\nruntime: yaml\nresources:\n${resources.join("\n")}\n${extra}`;
}

/** A YAML project with the plugin installed into its own PULUMI_HOME. */
async function yamlProject(emulator: ConnectEmulator, program: string): Promise<PulumiProject> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "e2e-yaml-"));
  await fs.writeFile(path.join(dir, "Pulumi.yaml"), program);
  const project = await PulumiProject.open({ dir, env: emulatorEnv(emulator) });
  await installPlugin(project);
  await project.expect(["stack", "init", "dev"]);
  await project.expect(["config", "set", "connect-outbound-chat:region", DEMO_REGION]);
  return project;
}

describe("the real Pulumi CLI: the native provider", function () {
  this.timeout(600_000);
  let emulator: ConnectEmulator;

  before(async () => {
    emulator = await startEmulator();
    await pluginTarball();
  });
  after(() => emulator?.stop());

  it("runs a YAML program: up sends each contact once, a second up nothing, destroy stops them", async () => {
    const project = await yamlProject(emulator, yamlProgram(2));
    try {
      const calls = callsFrom(emulator);
      const preview = assertOk(await project.run(["preview", "--diff", "--non-interactive"]));
      assert.deepEqual(calls.ops(), {});
      assert.equal((preview.stdout.match(/destinationEndpoint\s*: \[secret\]/g) ?? []).length, 2);
      const up = assertOk(await project.run(["up", "--yes", "--non-interactive"]));
      assert.match(up.stdout, /\+ 3 created/);
      assert.doesNotMatch(up.stdout + up.stderr, /from \$PATH/);
      assert.deepEqual(calls.ops(), { StartOutboundChatContact: 2, DescribeContact: 2 });
      const recorded = resourcesOf(await project.exportStack("dev"), NATIVE_TYPE);
      assert.equal(recorded.length, 2);
      const byResource = contactsByResource(emulator);
      for (const resource of recorded) {
        assert.deepEqual(byResource.get(resource.urn.split("::").pop()!), [resource.id]);
      }
      assert.deepEqual(secretsIn(JSON.stringify(await project.exportStack("dev")), 2), []);

      const again = callsFrom(emulator);
      const second = assertOk(await project.run(["up", "--yes", "--non-interactive"]));
      assert.match(second.stdout, /3 unchanged/);
      assert.deepEqual(again.ops(), {});

      const destroy = callsFrom(emulator);
      assertOk(await project.run(["destroy", "--yes", "--non-interactive"]));
      assert.deepEqual(destroy.ops(), { StopContact: 2 });
    } finally {
      await project.remove();
    }
  });

  it("imports a contact with pulumi import, then takes the program's number and message without a send", async () => {
    const started = await new ConnectClient({
      region: DEMO_REGION,
      endpoint: emulator.endpoint,
      credentials: emulator.credentials,
    }).send(
      new StartOutboundChatContactCommand({
        InstanceId: DEMO_INSTANCE_ID,
        ContactFlowId: DEMO_CONTACT_FLOW_ID,
        SourceEndpoint: { Type: "CONNECT_PHONENUMBER_ARN", Address: DEMO_PHONE_NUMBER_ARN },
        DestinationEndpoint: { Type: "TELEPHONE_NUMBER", Address: destinationOf(0) },
        SegmentAttributes: { "connect:Subtype": { ValueString: "connect:SMS" } },
        Attributes: { resource: "contact-0" },
      }),
    );
    const project = await yamlProject(emulator, "name: yaml-contacts\nruntime: yaml\n");
    try {
      const calls = callsFrom(emulator);
      const imported = assertOk(
        await project.run([
          "import",
          NATIVE_TYPE,
          "contact-0",
          `${DEMO_INSTANCE_ID}/${started.ContactId}`,
          "--yes",
          "--non-interactive",
        ]),
      );
      assert.match(imported.stdout, /= 1 imported/);
      // Read once in the import's preview, once in the import: nothing is sent.
      assert.deepEqual(calls.ops(), { DescribeContact: 2 });
      const [resource] = resourcesOf(await project.exportStack("dev"), NATIVE_TYPE);
      assert.equal(resource.id, started.ContactId);
      assert.equal(resource.outputs?.clientTokenSource, "imported");

      // The program as docs/native-provider.md says to write it after an import: the arguments the
      // API cannot give back are taken in place.
      await fs.writeFile(path.join(project.dir, "Pulumi.yaml"), yamlProgram(1));
      const adopt = callsFrom(emulator);
      const up = assertOk(await project.run(["up", "--yes", "--non-interactive"]));
      assert.match(up.stdout, /~ 1 updated/);
      assert.doesNotMatch(up.stdout, /replaced/);
      assert.deepEqual(adopt.ops(), {});
      const [after] = resourcesOf(await project.exportStack("dev", true), NATIVE_TYPE);
      assert.equal(after.id, started.ContactId);
      // Secret in state: --show-secrets gives the wrapper with its plaintext.
      const destination = after.outputs?.destinationEndpoint as { plaintext: string };
      assert.deepEqual(JSON.parse(destination.plaintext), { address: destinationOf(0) });
      const again = callsFrom(emulator);
      assert.match(
        assertOk(await project.run(["up", "--yes", "--non-interactive"])).stdout,
        /2 unchanged/,
      );
      assert.deepEqual(again.ops(), {});
    } finally {
      await project.remove();
    }
  });

  it("moves a TypeScript stack from the dynamic resource to the native one: no replacement, no second send", async () => {
    const project = await newProject(emulator);
    try {
      await installPlugin(project);
      await initStack(project, "dev", { "contacts:count": 2 });
      assertOk(await project.run(["up", "--yes", "--non-interactive", "--stack", "dev"]));
      const before = resourcesOf(await project.exportStack("dev", true), DYNAMIC_TYPE);
      assert.equal(before.length, 2);

      // The program takes the resource class from pulumi-connect-outbound-chat/native now: the
      // one line a user changes.
      await project.expect([
        "config",
        "set",
        "--stack",
        "dev",
        "contacts:module",
        "pulumi-connect-outbound-chat/native",
      ]);
      const calls = callsFrom(emulator);
      const up = assertOk(
        await project.run(["up", "--yes", "--non-interactive", "--stack", "dev"]),
      );
      assert.doesNotMatch(up.stdout, /replaced|created/);
      assert.deepEqual(calls.ops(), {});
      const after = resourcesOf(await project.exportStack("dev", true), NATIVE_TYPE);
      assert.deepEqual(resourcesOf(await project.exportStack("dev"), DYNAMIC_TYPE), []);
      // By name: the engine writes state in the order steps finish.
      const identities = (resources: typeof before) =>
        resources
          .map((resource) => [
            resource.urn.split("::").pop(),
            resource.id,
            resource.outputs?.clientToken,
          ])
          .sort(([a], [b]) => String(a).localeCompare(String(b)));
      assert.deepEqual(identities(after), identities(before));
      const again = callsFrom(emulator);
      assertOk(await project.run(["up", "--yes", "--non-interactive", "--stack", "dev"]));
      assert.deepEqual(again.ops(), {});
    } finally {
      await project.remove();
    }
  });

  it("fails at preview when a contact is given another package's provider: the engine sends its Check there, and nothing is sent", async () => {
    // README's troubleshooting: `{ provider: awsProvider }` is not refused by @pulumi/pulumi
    // (test/provider/aws-provider-option.test.ts); this shows what the engine then does with it.
    // The aws plugin is not on this machine, so the other package's provider here is this
    // package's own native plugin, which knows only its own type, as the aws plugin does.
    const project = await newProject(emulator);
    try {
      await installPlugin(project);
      await initStack(project, "dev");
      await fs.writeFile(
        path.join(project.dir, "index.js"),
        [
          '"use strict";',
          'const pulumi = require("@pulumi/pulumi");',
          'const { OutboundChatContact } = require("pulumi-connect-outbound-chat");',
          'const config = new pulumi.Config("contacts");',
          'const other = new pulumi.ProviderResource("connect-outbound-chat", "other", {});',
          'new OutboundChatContact("contact-0", {',
          '  instanceId: config.require("instanceId"),',
          '  contactFlowId: config.require("contactFlowId"),',
          '  sourceEndpoint: { address: config.require("sourcePhoneNumberArn") },',
          `  destinationEndpoint: { address: "${destinationOf(0)}" },`,
          '  channel: "SMS",',
          "}, { provider: other });",
          "",
        ].join("\n"),
      );
      const calls = callsFrom(emulator);
      const preview = await project.run(["preview", "--non-interactive", "--stack", "dev"]);
      assert.notEqual(preview.code, 0);
      assert.match(
        preview.stdout + preview.stderr,
        new RegExp(`connect-outbound-chat has no resource type ${DYNAMIC_TYPE}`),
      );
      assert.deepEqual(calls.ops(), {});
    } finally {
      await project.remove();
    }
  });

  it("ends with 30 contacts, none twice, after a SIGKILL mid-up of a YAML program and a second up", async () => {
    const slow = await startEmulator({
      rateLimits: {
        StartOutboundChatContact: { ratePerSecond: 2, burst: 5 },
        DescribeContact: { ratePerSecond: 1000, burst: 1000 },
        StopContact: { ratePerSecond: 1000, burst: 1000 },
        UpdateContactAttributes: { ratePerSecond: 1000, burst: 1000 },
      },
    });
    const project = await yamlProject(slow, yamlProgram(30));
    try {
      const running = project.start(["up", "--yes", "--non-interactive"]);
      await until(() => slow.contacts().length >= 10, "10 contacts have started");
      running.kill("SIGKILL");
      await running.result;
      const atKill = slow.contacts().length;
      assert.ok(atKill < 30, `${atKill} contacts at the kill`);
      await project.recoverCheckpoint("dev");
      let resumed = await project.run(["up", "--yes", "--non-interactive"]);
      if (/currently locked/.test(resumed.stderr)) {
        assertOk(await project.run(["cancel", "--yes"]));
        resumed = await project.run(["up", "--yes", "--non-interactive"]);
      }
      assertOk(resumed);
      const recorded = resourcesOf(await project.exportStack("dev"), NATIVE_TYPE);
      assert.equal(recorded.length, 30);
      const byResource = contactsByResource(slow);
      assert.equal(slow.contacts().length, 30);
      assert.equal([...byResource.values()].filter((ids) => ids.length > 1).length, 0);
      for (const resource of recorded) {
        assert.deepEqual(byResource.get(resource.urn.split("::").pop()!), [resource.id]);
      }
      console.log(`      native crash: ${atKill} contacts at the kill, 30 after, 0 duplicates`);
    } finally {
      await project.remove();
      await slow.stop();
    }
  });
});
