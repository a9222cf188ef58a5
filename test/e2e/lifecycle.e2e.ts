/**
 * The real Pulumi CLI (npm run pulumi:cli) runs a program of three contacts against the emulator:
 * preview, up, a second up, preview --expect-no-changes, a changed message, a changed attribute,
 * refresh after a contact ended, up --target and destroy, each checked against the emulator's
 * calls and contacts and the state the CLI wrote.
 */
import { strict as assert } from "assert";
import { ConnectClient, StopContactCommand } from "@aws-sdk/client-connect";
import { promises as fs } from "fs";
import { ConnectEmulator, DEMO_INSTANCE_ID, DEMO_REGION } from "../../emulator";
import { PulumiProject, resourcesOf } from "../../harness/cli";
import {
  CONTACT_TYPE as TYPE,
  CONTACTS_PROJECT,
  contactsByResource,
  initContactsStack,
  newContactsProject,
  startContactsEmulator,
} from "../../harness/cli-project";
import { assertOk, callsFrom, countOf, secretsIn } from "./fixtures";

const STACK = "dev";

describe("the real Pulumi CLI: a stack's life", function () {
  this.timeout(300_000);
  let emulator: ConnectEmulator;
  let project: PulumiProject;

  before(async () => {
    emulator = await startContactsEmulator();
    project = await newContactsProject(emulator);
    await initContactsStack(project, STACK, { "contacts:count": 3, "contacts:onlyFirst": true });
  });
  after(async () => {
    await project?.remove();
    await emulator?.stop();
  });

  const up = async (...extra: string[]) =>
    assertOk(await project.run(["up", "--yes", "--non-interactive", "--stack", STACK, ...extra]));
  const contacts = async () => resourcesOf(await project.exportStack(STACK), TYPE);

  it("previews three creates with no call to the emulator, numbers and message shown as [secret]", async () => {
    const preview = assertOk(
      await project.run(["preview", "--diff", "--non-interactive", "--stack", STACK]),
    );
    assert.equal(emulator.calls().log.length, 0);
    assert.match(preview.stdout, /\+ 4 to create/);
    assert.equal((preview.stdout.match(/destinationEndpoint\s*: \[secret\]/g) ?? []).length, 3);
    assert.equal((preview.stdout.match(/initialSystemMessage\s*: \[secret\]/g) ?? []).length, 3);
    assert.deepEqual(secretsIn(preview.stdout + preview.stderr, 3), []);
  });

  it("sends one contact per resource on up, and records each resource's own ContactId", async () => {
    await up();
    assert.equal(countOf(emulator, "StartOutboundChatContact"), 3);
    assert.equal(emulator.contacts().length, 3);
    const byResource = contactsByResource(emulator);
    const recorded = await contacts();
    assert.equal(recorded.length, 3);
    for (const resource of recorded) {
      const name = resource.urn.slice(resource.urn.lastIndexOf("::") + 2);
      assert.deepEqual(byResource.get(name), [resource.id], name);
    }
  });

  it("changes nothing on a second up: no StartOutboundChatContact, and preview --expect-no-changes passes", async () => {
    const calls = callsFrom(emulator);
    const again = await up();
    assert.match(again.stdout, /4 unchanged/);
    const noChanges = await project.run([
      "preview",
      "--expect-no-changes",
      "--non-interactive",
      "--stack",
      STACK,
    ]);
    assert.equal(noChanges.code, 0, noChanges.stdout + noChanges.stderr);
    assert.deepEqual(calls.ops(), {});
    assert.equal(emulator.contacts().length, 3);
  });

  it("replaces the one contact whose message changed: the plan says replace, then one new contact", async () => {
    await project.expect(["config", "set", "--stack", STACK, "contacts:message", "A new welcome"]);
    const calls = callsFrom(emulator);
    const preview = assertOk(
      await project.run(["preview", "--diff", "--non-interactive", "--stack", STACK]),
    );
    assert.match(preview.stdout, /\+-1 to replace|1 to replace/);
    assert.match(
      preview.stdout,
      /\+-\s*pulumi-nodejs:dynamic\/connect:OutboundChatContact: \(replace\)/,
    );
    assert.match(preview.stdout, /\[urn=[^\]]*contact-0\]/);
    assert.deepEqual(calls.ops(), {});
    const before = contactsByResource(emulator).get("contact-0");
    await up();
    assert.deepEqual(calls.ops(), {
      StartOutboundChatContact: 1,
      DescribeContact: 1,
      StopContact: 1,
    });
    const after = contactsByResource(emulator).get("contact-0") ?? [];
    assert.equal(after.length, 2);
    const recorded = (await contacts()).find((resource) => resource.urn.endsWith("::contact-0"));
    assert.deepEqual(
      after.filter((id) => !before?.includes(id)),
      [recorded?.id],
    );
  });

  it("updates the live contact in place when an attribute changes: no new contact", async () => {
    await project.expect(["config", "set", "--stack", STACK, "contacts:tier", "platinum"]);
    const calls = callsFrom(emulator);
    const preview = assertOk(
      await project.run(["preview", "--diff", "--non-interactive", "--stack", STACK]),
    );
    assert.match(preview.stdout, /~ 1 to update/);
    await up();
    assert.deepEqual(calls.ops(), { UpdateContactAttributes: 1 });
    const first = (await contacts()).find((resource) => resource.urn.endsWith("::contact-0"));
    const live = emulator.contacts().find((contact) => contact.contactId === first?.id);
    assert.equal(live?.attributes.tier, "platinum");
  });

  it("refreshes a contact that ended outside Pulumi: its disconnect time is recorded, nothing is sent", async () => {
    const second = (await contacts()).find((resource) => resource.urn.endsWith("::contact-1"));
    const client = new ConnectClient({
      region: DEMO_REGION,
      endpoint: emulator.endpoint,
      credentials: emulator.credentials,
    });
    await client.send(
      new StopContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId: second!.id! }),
    );
    const calls = callsFrom(emulator);
    assertOk(await project.run(["refresh", "--yes", "--non-interactive", "--stack", STACK]));
    // The real engine reads every resource twice: in the refresh's preview, then in the refresh.
    assert.deepEqual(calls.ops(), { DescribeContact: 6 });
    const refreshed = (await contacts()).find((resource) => resource.urn.endsWith("::contact-1"));
    assert.match(String(refreshed?.outputs?.disconnectTimestamp), /^\d{4}-\d\d-\d\dT/);
    const third = (await contacts()).find((resource) => resource.urn.endsWith("::contact-2"));
    assert.equal(third?.outputs?.disconnectTimestamp, undefined);
  });

  it("keeps every number and message out of the state file and stack export, and shows them with --show-secrets", async () => {
    const files = await project.stateFiles();
    assert.ok(files.length > 0);
    for (const file of files) {
      const text = await fs.readFile(file, "utf8");
      assert.deepEqual(secretsIn(text, 3), [], file);
    }
    const exported = JSON.stringify(await project.exportStack(STACK));
    assert.deepEqual(secretsIn(exported, 3), []);
    const shown = JSON.stringify(await project.exportStack(STACK, true));
    assert.deepEqual(
      secretsIn(shown, 3).filter((found) => !/spelling [1-9]/.test(found)),
      [
        "destination 0, spelling 0",
        "destination 1, spelling 0",
        "destination 2, spelling 0",
        "the message",
      ],
    );
  });

  it("reads the stack again after a kill cut its checkpoint's sidecar, as README's troubleshooting says", async () => {
    const before = (await contacts()).map((resource) => resource.id);
    const checkpoint = await project.checkpointFile(STACK);
    assert.ok(checkpoint !== undefined);
    // What a SIGKILL between the backend's two writes leaves: the checkpoint whole, and the
    // metadata file beside it truncated.
    await fs.writeFile(`${checkpoint}.attrs`, "");
    const cut = await project.run(["stack", "export", "--stack", STACK]);
    assert.equal(cut.code, 1);
    assert.match(cut.stderr, /^error: failed to load checkpoint: EOF$/m);
    assert.equal(await project.recoverCheckpoint(STACK), true);
    assert.deepEqual(
      (await contacts()).map((resource) => resource.id),
      before,
    );
    assert.equal(before.length, 3);
    assert.equal(await project.recoverCheckpoint(STACK), false);
  });

  it("destroys every contact: one StopContact each, and an empty stack", async () => {
    const calls = callsFrom(emulator);
    assertOk(await project.run(["destroy", "--yes", "--non-interactive", "--stack", STACK]));
    // One StopContact per resource; contact-1, which had already ended, counts as deleted.
    assert.deepEqual(calls.ops(), { StopContact: 3 });
    assert.deepEqual(await contacts(), []);
    assert.ok(emulator.contacts().every((contact) => contact.state !== "active"));
  });

  it("sends only the targeted contact on up --target", async () => {
    const calls = callsFrom(emulator);
    const urn = `urn:pulumi:${STACK}::${CONTACTS_PROJECT}::${TYPE}::contact-2`;
    assertOk(
      await project.run(["up", "--yes", "--non-interactive", "--stack", STACK, "--target", urn]),
    );
    assert.equal(calls.count("StartOutboundChatContact"), 1);
    const recorded = await contacts();
    assert.deepEqual(
      recorded.map((resource) => resource.urn),
      [urn],
    );
  });
});
