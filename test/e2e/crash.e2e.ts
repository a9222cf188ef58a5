/**
 * Crash and resume with the real engine: `pulumi up` of 60 contacts at the API's default rate
 * (2 requests/s, burst 5) is killed mid-way, by SIGKILL (a CI runner cancelled, a machine lost)
 * or by SIGINT (Ctrl-C); then the user does what the CLI says and runs `pulumi up` again. Each ends
 * with 60 contacts, none twice, none lost, each resource holding its own contact's ID.
 */
import { strict as assert } from "assert";
import { ConnectEmulator } from "../../emulator";
import { PulumiProject, resourcesOf } from "../../harness/cli";
import {
  CONTACT_TYPE as TYPE,
  contactsByResource,
  initContactsStack,
  newContactsProject,
  startContactsEmulator,
} from "../../harness/cli-project";
import { assertOk, callsFrom, until } from "./fixtures";

const COUNT = 60;

/** The figures of one crash and resume, for the report. */
interface CrashFigures {
  signal: string;
  contactsAtKill: number;
  pendingAfterKill: number;
  contacts: number;
  duplicates: number;
  lost: number;
  startCalls: number;
}

const figures: CrashFigures[] = [];

describe("the real Pulumi CLI: crash and resume", function () {
  this.timeout(600_000);
  let emulator: ConnectEmulator;
  let project: PulumiProject;

  beforeEach(async () => {
    emulator = await startContactsEmulator({
      rateLimits: { StartOutboundChatContact: { ratePerSecond: 2, burst: 5 } },
    });
    project = await newContactsProject(emulator);
    await initContactsStack(project, "dev", { "contacts:count": COUNT });
  });
  afterEach(async () => {
    await project?.remove();
    await emulator?.stop();
  });
  after(() => {
    if (figures.length > 0) console.log(`      crash figures: ${JSON.stringify(figures)}`);
  });

  for (const signal of ["SIGKILL", "SIGINT"] as const) {
    it(`ends with ${COUNT} contacts, none twice and none lost, after ${signal} mid-up and a second up`, async () => {
      const calls = callsFrom(emulator);
      const running = project.start(["up", "--yes", "--non-interactive", "--stack", "dev"]);
      await until(() => emulator.contacts().length >= 20, "20 contacts have started");
      running.kill(signal);
      const killed = await running.result;
      assert.notEqual(killed.code, 0, "the interrupted up must not succeed");
      const contactsAtKill = emulator.contacts().length;
      assert.ok(contactsAtKill < COUNT, `${contactsAtKill} contacts at the kill`);
      // The kill may land between the backend's two writes of a checkpoint: then the cut file is
      // removed or put back, as README's troubleshooting says.
      if (await project.recoverCheckpoint("dev")) {
        console.log("      the kill cut the checkpoint's files: recovered as README says");
      }
      const afterKill = await project.exportStack("dev");
      const pendingAfterKill = afterKill.deployment.pending_operations?.length ?? 0;

      // Do what the CLI asks after an interrupted update (README's troubleshooting says the same).
      let resumed = await project.run(["up", "--yes", "--non-interactive", "--stack", "dev"]);
      if (signal === "SIGKILL") {
        // A killed CLI leaves its lock: the CLI says to remove it with `pulumi cancel`.
        assert.match(resumed.stderr, /the stack is currently locked by 1 lock\(s\)/);
        assert.match(resumed.stderr, /delete the lock file with `pulumi cancel`/);
        assertOk(await project.run(["cancel", "--yes", "--stack", "dev"]));
        resumed = await project.run(["up", "--yes", "--non-interactive", "--stack", "dev"]);
      }
      assertOk(resumed);
      if (pendingAfterKill > 0) {
        // The creates in flight at the kill: the CLI warns, and runs them again; their derived
        // ClientTokens make Amazon Connect answer with the contacts already started.
        assert.match(
          resumed.stdout + resumed.stderr,
          new RegExp(`with ${pendingAfterKill} pending operations from previous deployment`),
        );
      }

      const recorded = resourcesOf(await project.exportStack("dev"), TYPE);
      assert.equal(recorded.length, COUNT);
      const byResource = contactsByResource(emulator);
      const duplicates = [...byResource.values()].filter((ids) => ids.length > 1).length;
      const lost = recorded.filter((resource) => {
        const name = resource.urn.slice(resource.urn.lastIndexOf("::") + 2);
        return (byResource.get(name) ?? []).join() !== resource.id;
      }).length;
      figures.push({
        signal,
        contactsAtKill,
        pendingAfterKill,
        contacts: emulator.contacts().length,
        duplicates,
        lost,
        startCalls: calls.count("StartOutboundChatContact"),
      });
      assert.equal(emulator.contacts().length, COUNT);
      assert.equal(duplicates, 0);
      assert.equal(lost, 0);
      assert.equal(byResource.size, COUNT);
      const startCalls = calls.count("StartOutboundChatContact");
      assert.ok(
        startCalls >= COUNT && startCalls <= COUNT + pendingAfterKill,
        `${startCalls} StartOutboundChatContact calls for ${COUNT} contacts and ${pendingAfterKill} interrupted creates`,
      );
    });
  }
});
