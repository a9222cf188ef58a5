/**
 * What the real engine asks of the provider host, traced in the host (harness/trace-calls.js)
 * while the real CLI runs: how many steps it runs at once, in what order it calls Check, Diff
 * and Create, how many hosts an `up` starts and how often each is configured, and which property
 * maps it sends. harness/README.md says which of these harness/engine.ts models.
 */
import { strict as assert } from "assert";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { ConnectEmulator } from "../../emulator";
import { defaultParallel } from "../../harness";
import { inFlight, readCallTrace, traceEnv, TracedCall } from "../../harness/call-trace";
import { PulumiProject } from "../../harness/cli";
import {
  initContactsStack,
  newContactsProject,
  startContactsEmulator,
} from "../../harness/cli-project";
import { assertOk } from "./fixtures";

const STACK = "dev";
/** The keys of a contact's inputs: the program's arguments, the serialized provider and the URN. */
const INPUT_KEYS = [
  "__provider",
  "__urn",
  "attributes",
  "channel",
  "contactFlowId",
  "destinationEndpoint",
  "initialSystemMessage",
  "instanceId",
  "sourceEndpoint",
];

const nameOf = (call: TracedCall) => call.urn?.slice(call.urn.lastIndexOf("::") + 2);
const ofMethod = (calls: readonly TracedCall[], method: string) =>
  calls.filter((call) => call.method === method);

describe("the real Pulumi CLI: what the engine asks of the provider host", function () {
  this.timeout(300_000);
  let emulator: ConnectEmulator;
  let project: PulumiProject;
  let traceDir: string;
  let traceFile: string;

  beforeEach(async () => {
    emulator = await startContactsEmulator();
    traceDir = await fs.mkdtemp(path.join(os.tmpdir(), "e2e-trace-"));
    traceFile = path.join(traceDir, "calls.jsonl");
    project = await newContactsProject(emulator, { env: traceEnv(traceFile, { keys: true }) });
  });
  afterEach(async () => {
    await project?.remove();
    await fs.rm(traceDir, { recursive: true, force: true });
    await emulator?.stop();
  });

  /** The calls traced from here on. */
  const traceFrom = () => {
    const before = readCallTrace(traceFile).length;
    return () => readCallTrace(traceFile).slice(before);
  };
  const up = async (...extra: string[]) =>
    assertOk(await project.run(["up", "--yes", "--non-interactive", "--stack", STACK, ...extra]));

  it("runs at most --parallel creates at once (by default 4 × CPUs), Checks one at a time, and Checks later resources while creates run", async () => {
    const parallel = defaultParallel();
    const count = parallel + 4;
    await initContactsStack(project, STACK, { "contacts:count": count });
    // Each Start held 400 ms, so that the creates a worker runs overlap.
    emulator.setFault({
      operation: "StartOutboundChatContact",
      kind: "delay",
      delayMs: 400,
      count: count * 2,
    });
    const traced = traceFrom();
    await up();
    const calls = traced();
    const creates = ofMethod(calls, "create");
    assert.equal(creates.length, count);
    const updateHost = creates[0].pid;
    const checks = ofMethod(calls, "check").filter((call) => call.pid === updateHost);
    // The default: 4 × GOMAXPROCS, which is the CPUs Node sees unless a CPU quota says fewer.
    const concurrent = inFlight(creates).max;
    assert.ok(concurrent <= parallel && concurrent < count, `${concurrent} creates at once`);
    assert.equal(inFlight(checks).max, 1, "Checks in flight at once");
    // Each resource Checked once by the update, in the order its registration reached the engine
    // (not always the program's: the SDK resolves each resource's inputs on its own).
    assert.deepEqual(
      checks.map(nameOf).sort(),
      Array.from({ length: count }, (_, index) => `contact-${index}`).sort(),
    );
    // The Checks of the last resources wait for a worker: they come after the first creates end.
    const firstCreateEnd = Math.min(...creates.map((call) => call.end));
    assert.ok(checks[checks.length - 1].start > firstCreateEnd);

    // And with --parallel 3, three at a time.
    await initContactsStack(project, "three", { "contacts:count": 6 });
    const again = traceFrom();
    assertOk(
      await project.run([
        "up",
        "--yes",
        "--non-interactive",
        "--stack",
        "three",
        "--parallel",
        "3",
      ]),
    );
    assert.equal(inFlight(ofMethod(again(), "create")).max, 3);
  });

  it("runs a preview before the update: two hosts, each configured once after CheckConfig, each Checking every resource", async () => {
    await initContactsStack(project, STACK, { "contacts:count": 3 });
    const traced = traceFrom();
    await up();
    const calls = traced();
    const hosts = [...new Set(calls.map((call) => call.pid))];
    assert.equal(hosts.length, 2, "hosts");
    for (const pid of hosts) {
      const mine = calls.filter((call) => call.pid === pid);
      assert.equal(ofMethod(mine, "configure").length, 1, `Configure calls of host ${pid}`);
      assert.equal(ofMethod(mine, "check").length, 3, `Check calls of host ${pid}`);
    }
    const [preview, update] = hosts.map((pid) => calls.filter((call) => call.pid === pid));
    assert.equal(ofMethod(preview, "create").length, 0);
    assert.equal(ofMethod(update, "create").length, 3);
    // Each host: the handshake and the default provider's config checked and set, first; Cancel
    // when the engine is done with it.
    for (const mine of [preview, update]) {
      assert.deepEqual(
        mine.filter((call) => !call.urn?.includes("::contact-")).map((call) => call.method),
        ["handshake", "getPluginInfo", "checkConfig", "configure", "cancel"],
      );
      const configure = ofMethod(mine, "configure")[0];
      assert.ok(ofMethod(mine, "check").every((call) => call.start >= configure.end));
    }

    // --skip-preview: one host, one Check per resource, and nothing to do.
    const skipped = traceFrom();
    await up("--skip-preview");
    const second = skipped();
    assert.equal(new Set(second.map((call) => call.pid)).size, 1);
    assert.equal(ofMethod(second, "check").length, 3);
    assert.equal(ofMethod(second, "diff").length, 3);
    assert.equal(ofMethod(second, "create").length, 0);
  });

  it("sends Check the old inputs, Diff the old outputs and old inputs; a replacement is Checked again without olds", async () => {
    await initContactsStack(project, STACK, { "contacts:count": 1 });
    await up();
    await project.expect(["config", "set", "--stack", STACK, "contacts:message", "Changed"]);
    const traced = traceFrom();
    await up("--skip-preview");
    const calls = traced();
    const checks = ofMethod(calls, "check");
    const [diff] = ofMethod(calls, "diff");
    // Check: the inputs in state as olds (no contactId), and the new inputs; the outputs in state
    // too, as oldOutputs (which the Node.js host does not pass on to the provider).
    assert.deepEqual(checks[0].olds, INPUT_KEYS);
    assert.deepEqual(checks[0].news, INPUT_KEYS);
    assert.ok(checks[0].oldOutputs?.includes("contactId"));
    // Diff: the outputs in state (the provider's contactId among them), the checked new inputs
    // and the inputs in state.
    assert.ok(diff.olds?.includes("contactId"), `Diff olds: ${diff.olds?.join(", ")}`);
    assert.deepEqual(diff.news, INPUT_KEYS);
    assert.deepEqual(diff.oldInputs, INPUT_KEYS);
    // The replacement: a second Check after the Diff, of the new inputs alone.
    assert.equal(checks.length, 2);
    assert.ok(checks[1].start >= diff.end);
    assert.deepEqual(checks[1].olds, []);
    // Then Create before the old contact's Delete.
    assert.deepEqual(
      calls.filter((call) => call.urn?.endsWith("::contact-0")).map((call) => call.method),
      ["check", "diff", "check", "create", "delete"],
    );
  });

  it("configures each host with the whole stack config; refresh Reads then Diffs each resource, in a preview host and a refresh host", async () => {
    await initContactsStack(project, STACK, { "contacts:count": 2 });
    await up("--skip-preview");
    const traced = traceFrom();
    assertOk(await project.run(["refresh", "--yes", "--non-interactive", "--stack", STACK]));
    const calls = traced();
    const hosts = [...new Set(calls.map((call) => call.pid))];
    assert.equal(hosts.length, 2);
    for (const pid of hosts) {
      const mine = calls.filter((call) => call.pid === pid);
      const [configure] = ofMethod(mine, "configure");
      assert.deepEqual(configure.args, [
        "aws:region",
        "contacts:contactFlowId",
        "contacts:count",
        "contacts:instanceId",
        "contacts:sourcePhoneNumberArn",
      ]);
      for (const name of ["contact-0", "contact-1"]) {
        const own = mine.filter((call) => nameOf(call) === name);
        assert.deepEqual(
          own.map((call) => call.method),
          ["read", "diff"],
        );
        // The Diff: what was read as olds, the inputs in state as news.
        assert.ok(own[1].olds?.includes("contactId"));
        assert.deepEqual(own[1].news, INPUT_KEYS);
      }
    }
  });

  it("stops sending new creates after one fails, and leaves the rest for the next up", async () => {
    const parallel = defaultParallel();
    const count = parallel + 6;
    await initContactsStack(project, STACK, { "contacts:count": count });
    emulator.setFault({
      operation: "StartOutboundChatContact",
      kind: "error",
      status: 403,
      errorType: "AccessDeniedException",
    });
    emulator.setFault({
      operation: "StartOutboundChatContact",
      kind: "delay",
      delayMs: 300,
      count: count * 2,
    });
    const traced = traceFrom();
    const failed = await project.run(["up", "--yes", "--non-interactive", "--stack", STACK]);
    assert.notEqual(failed.code, 0);
    const creates = ofMethod(traced(), "create");
    assert.ok(creates.length < count, `${creates.length} of ${count} creates sent`);
    assert.equal(creates.filter((call) => !call.ok).length, 1);
    await up();
    assert.equal(emulator.contacts().length, count);
  });
});
