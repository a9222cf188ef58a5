/**
 * The real Pulumi CLI on the repository's root program (TypeScript, the package from its sources,
 * settings from stack config as README shows) and on two stacks of one project run at once.
 */
import { strict as assert } from "assert";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import {
  ConnectEmulator,
  DEMO_CONTACT_FLOW_ID,
  DEMO_INSTANCE_ID,
  DEMO_PHONE_NUMBER_ARN,
} from "../../emulator";
import { PulumiProject, resourcesOf } from "../../harness/cli";
import {
  CONTACT_TYPE as TYPE,
  contactsByResource,
  emulatorEnv,
  initContactsStack,
  newContactsProject,
  startContactsEmulator,
} from "../../harness/cli-project";
import { assertOk, callsFrom, spellingsOf } from "./fixtures";

const REPO_ROOT = path.resolve(__dirname, "..", "..");
const DESTINATION = "+12065550147";

describe("the real Pulumi CLI: the root program and concurrent stacks", function () {
  this.timeout(300_000);
  let emulator: ConnectEmulator;

  before(async () => {
    emulator = await startContactsEmulator();
  });
  after(() => emulator?.stop());

  it("runs the root program (program/index.ts) from its Pulumi.yaml with the README's settings", async () => {
    // The project folder is a copy of the repository's Pulumi.yaml and program, whose import of
    // ../provider reaches the sources, so that the CLI writes its stack file in the copy.
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "e2e-root-"));
    await fs.copyFile(path.join(REPO_ROOT, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    await fs.cp(path.join(REPO_ROOT, "program"), path.join(dir, "program"), { recursive: true });
    await fs.symlink(path.join(REPO_ROOT, "provider"), path.join(dir, "provider"), "dir");
    await fs.symlink(path.join(REPO_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
    const project = await PulumiProject.open({
      dir,
      program: path.join(dir, "program", "index.ts"),
      env: emulatorEnv(emulator),
    });
    try {
      await project.expect(["stack", "init", "dev"]);
      for (const [key, value] of [
        ["welcome:instanceId", DEMO_INSTANCE_ID],
        ["welcome:contactFlowId", DEMO_CONTACT_FLOW_ID],
        ["welcome:sourcePhoneNumberArn", DEMO_PHONE_NUMBER_ARN],
      ]) {
        await project.expect(["config", "set", key, value]);
      }
      // Not the example number the provider's messages quote (+14155550100), which the serialized
      // provider holds as code.
      await project.expect(["config", "set", "--secret", "welcome:destination", DESTINATION]);
      const calls = callsFrom(emulator);
      const up = assertOk(await project.run(["up", "--yes", "--non-interactive"]));
      assert.match(up.stdout, /\+ 2 created/);
      assert.deepEqual(calls.ops(), { StartOutboundChatContact: 1, DescribeContact: 1 });
      const [welcome] = resourcesOf(await project.exportStack("dev"), TYPE);
      assert.ok(emulator.contacts().some((contact) => contact.contactId === welcome.id));
      assert.match(up.stdout, new RegExp(`contactId: "${welcome.id}"`));
      const exported = JSON.stringify(await project.exportStack("dev"));
      assert.deepEqual(
        spellingsOf(DESTINATION).filter((spelling) => exported.includes(spelling)),
        [],
      );
      assertOk(await project.run(["destroy", "--yes", "--non-interactive"]));
      assert.deepEqual(calls.ops(), {
        StartOutboundChatContact: 1,
        DescribeContact: 1,
        StopContact: 1,
      });
    } finally {
      await project.remove();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it("runs two stacks of one project at once against one emulator: each sends its own contacts once", async () => {
    const project = await newContactsProject(emulator);
    try {
      await initContactsStack(project, "staging", { "contacts:count": 4 });
      await initContactsStack(project, "production", { "contacts:count": 4 });
      const calls = callsFrom(emulator);
      const before = emulator.contacts().length;
      const [staging, production] = await Promise.all(
        ["staging", "production"].map((stack) =>
          project.run(["up", "--yes", "--non-interactive", "--stack", stack]),
        ),
      );
      assertOk(staging);
      assertOk(production);
      assert.equal(calls.count("StartOutboundChatContact"), 8);
      assert.equal(emulator.contacts().length - before, 8);
      const ids = new Set<string>();
      for (const stack of ["staging", "production"]) {
        const recorded = resourcesOf(await project.exportStack(stack), TYPE);
        assert.equal(recorded.length, 4, stack);
        recorded.forEach((resource) => ids.add(resource.id!));
      }
      assert.equal(ids.size, 8);
      const live = new Set(emulator.contacts().map((contact) => contact.contactId));
      assert.deepEqual(
        [...ids].filter((id) => !live.has(id)),
        [],
      );
      // Each resource of each stack has exactly one contact: contact-0..3, twice (one per stack).
      const byResource = contactsByResource(emulator);
      for (let index = 0; index < 4; index += 1) {
        const mine = (byResource.get(`contact-${index}`) ?? []).filter((id) => ids.has(id));
        assert.equal(mine.length, 2, `contact-${index}`);
      }
      // And again, at once: nothing changes in either stack.
      const again = callsFrom(emulator);
      const reruns = await Promise.all(
        ["staging", "production"].map((stack) =>
          project.run(["up", "--yes", "--non-interactive", "--stack", stack]),
        ),
      );
      reruns.forEach((rerun) => assert.match(assertOk(rerun).stdout, /5 unchanged/));
      assert.deepEqual(again.ops(), {});
    } finally {
      await project.remove();
    }
  });
});
