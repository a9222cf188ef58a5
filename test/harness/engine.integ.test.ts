/**
 * The engine driver itself, against the real dynamic-provider host running a small fake provider
 * that logs every call: what it captures from a program, and the order of the calls it makes.
 */
import { strict as assert } from "assert";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import {
  Engine,
  HostCallError,
  ProviderHost,
  Registration,
  runProgram,
  UNKNOWN,
} from "../../harness";
import { inFlight, readCallTrace, traceEnv } from "../../harness/call-trace";
import { FakeCall, Thing } from "../../harness/fake-provider";

const OPTIONS = { project: "proj", stack: "dev" };
const URN_A = "urn:pulumi:dev::proj::pulumi-nodejs:dynamic/fake:Thing::a";

function things(values: Record<string, { key?: string; value: string }>) {
  return () => {
    for (const [name, { key, value }] of Object.entries(values)) {
      new Thing(name, { key: key ?? name, value });
    }
  };
}

describe("engine driver", function () {
  this.timeout(30_000);
  let directory: string;
  let logFile: string;
  let host: ProviderHost;
  let engine: Engine;

  async function calls(): Promise<FakeCall[]> {
    const text = await fs.readFile(logFile, "utf8").catch(() => "");
    return text
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as FakeCall);
  }

  async function up(values: Record<string, { key?: string; value: string }>) {
    return engine.up(await runProgram(things(values), OPTIONS));
  }

  // One host for the suite (starting one takes about a second); each test starts a new log and
  // a new stack.
  before(async () => {
    directory = await fs.mkdtemp(path.join(os.tmpdir(), "engine-driver-"));
    logFile = path.join(directory, "calls.jsonl");
    host = await ProviderHost.start({ cwd: process.cwd(), env: { FAKE_PROVIDER_LOG: logFile } });
  });

  beforeEach(async () => {
    await fs.rm(logFile, { force: true });
    engine = new Engine(host);
  });

  after(async () => {
    await host.stop();
    await fs.rm(directory, { recursive: true, force: true });
  });

  describe("runProgram", () => {
    it("captures type, name, URN and inputs with secrets unwrapped and remembered", async () => {
      const registrations = await runProgram(() => {
        new Thing("a", { key: "k", value: "v", secret: "s3cret" });
        new Thing("b", { key: "k2", value: "w" });
      }, OPTIONS);
      // Registrations reach the engine as each resource's inputs resolve, not in program order.
      assert.deepEqual(registrations.map((registration) => registration.name).sort(), ["a", "b"]);
      const a = registrations.find((registration) => registration.name === "a")!;
      const b = registrations.find((registration) => registration.name === "b")!;
      assert.equal(a.type, "pulumi-nodejs:dynamic/fake:Thing");
      assert.equal(a.urn, URN_A);
      assert.deepEqual(
        { key: a.inputs.key, value: a.inputs.value, secret: a.inputs.secret },
        { key: "k", value: "v", secret: "s3cret" },
      );
      assert.deepEqual(a.secretInputs, ["secret"]);
      assert.deepEqual(b.secretInputs, []);
      assert.equal(typeof a.inputs.__provider, "string");
      assert.equal(a.inputs.__provider, b.inputs.__provider);
    });

    it("gives inputs computed from other resources as the unknown sentinel in a preview", async () => {
      const program = () => {
        const a = new Thing("a", { key: "k", value: "v" });
        new Thing("b", { key: "k2", value: a.made.apply((made) => `after-${made}`) });
      };
      const previewed = await runProgram(program, { ...OPTIONS, preview: true });
      assert.equal(previewed.find((r) => r.name === "b")?.inputs.value, UNKNOWN);
      const run = await runProgram(program, OPTIONS);
      // Outside a preview the mocks answer with the inputs as outputs: `made` has none.
      assert.equal(run.find((r) => r.name === "b")?.inputs.value, "after-undefined");
    });

    it("keeps runs apart: config and registrations of one run do not leak into the next", async () => {
      const program = () => {
        const config = new pulumi.Config("app");
        new Thing(config.get("name") ?? "unnamed", { key: "k", value: "v" });
      };
      const first = await runProgram(program, { ...OPTIONS, config: { "app:name": "first" } });
      const second = await runProgram(program, OPTIONS);
      assert.deepEqual(
        [...first, ...second].map((registration: Registration) => registration.name),
        ["first", "unnamed"],
      );
    });

    it("fails when the program throws", async () => {
      await assert.rejects(
        runProgram(() => {
          throw new Error("broken program");
        }, OPTIONS),
        /broken program/,
      );
    });
  });

  describe("Engine", () => {
    it("previews without creating: Check only for new resources, Diff for existing ones", async () => {
      const registrations = await runProgram(things({ a: { value: "v" } }), OPTIONS);
      assert.deepEqual(
        (await engine.preview(registrations)).map((report) => report.op),
        ["create"],
      );
      assert.deepEqual(await calls(), []);
      assert.equal(engine.resources.length, 0);
      await engine.up(registrations);
      const changed = await runProgram(things({ a: { key: "other", value: "v" } }), OPTIONS);
      const [report] = await engine.preview(changed);
      assert.deepEqual(
        { op: report.op, replaces: report.replaces },
        { op: "replace", replaces: ["key"] },
      );
      assert.equal((await calls()).length, 1);
    });

    it("creates, leaves alone, updates, replaces (create before delete) and deletes", async () => {
      const created = await up({ a: { value: "1" }, b: { value: "1" } });
      assert.deepEqual(
        created.map((report) => report.op),
        ["create", "create"],
      );
      const idA = engine.get("a")?.id;
      const idB = engine.get("b")?.id;
      assert.deepEqual(
        created.map((report) => report.id),
        [idA, idB],
      );
      assert.deepEqual(engine.get("a")?.outputs.made, true);

      assert.deepEqual(
        (await up({ a: { value: "1" }, b: { value: "1" } })).map((report) => report.op),
        ["same", "same"],
      );
      assert.deepEqual(
        (await up({ a: { value: "2" }, b: { value: "1" } })).map((report) => report.op),
        ["update", "same"],
      );
      const replaced = await up({ a: { key: "new-key", value: "2" } });
      assert.deepEqual(
        replaced.map((report) => [report.name, report.op]),
        [
          ["a", "replace"],
          ["b", "delete"],
        ],
      );
      assert.equal(replaced[0].oldId, idA);
      const log = (await calls()).map((call) => [
        call.op,
        call.id === idA ? "A" : call.id === idB ? "B" : "new",
      ]);
      // Creates of one up run at once, and so do the deletes at its end: order within each is free.
      assert.deepEqual(log.slice(0, 2).sort(), [
        ["create", "A"],
        ["create", "B"],
      ]);
      assert.deepEqual(log.slice(2, 4), [
        ["update", "A"],
        ["create", "new"],
      ]);
      assert.deepEqual(log.slice(4).sort(), [
        ["delete", "A"],
        ["delete", "B"],
      ]);
      assert.deepEqual(
        engine.resources.map((resource) => resource.name),
        ["a"],
      );
    });

    it("with parallel, Checks one resource at a time and runs at most that many creates at once, as the real engine does", async () => {
      const traceFile = path.join(directory, "trace.jsonl");
      const traced = await ProviderHost.start({
        cwd: process.cwd(),
        env: traceEnv(traceFile),
      });
      try {
        const six = Object.fromEntries(
          ["a", "b", "c", "d", "e", "f"].map((name) => [name, { value: "slow" }]),
        );
        const registrations = await runProgram(things(six), OPTIONS);
        const bounded = await new Engine(traced, { parallel: 2 }).up(registrations);
        assert.deepEqual(
          bounded.map((report) => report.op),
          Array(6).fill("create"),
        );
        const trace = readCallTrace(traceFile);
        const of = (method: string) => trace.filter((call) => call.method === method);
        assert.equal(inFlight(of("create")).max, 2);
        assert.equal(inFlight(of("check")).max, 1);
        // The Checks of the last resources wait for a free worker.
        assert.ok(of("check")[5].start > Math.min(...of("create").map((call) => call.end)));

        await fs.rm(traceFile);
        await new Engine(traced).up(registrations);
        const unbounded = readCallTrace(traceFile).filter((call) => call.method === "create");
        assert.equal(inFlight(unbounded).max, 6);
      } finally {
        await traced.stop();
      }
    });

    it("Checks a replacement's new inputs again without olds, and Diffs what a refresh read, as the real engine does", async () => {
      const traceFile = path.join(directory, "trace.jsonl");
      const traced = await ProviderHost.start({ cwd: process.cwd(), env: traceEnv(traceFile) });
      try {
        const tracing = new Engine(traced);
        await tracing.up(await runProgram(things({ a: { value: "1" } }), OPTIONS));
        await fs.rm(traceFile);
        await tracing.up(await runProgram(things({ a: { key: "new", value: "1" } }), OPTIONS));
        assert.deepEqual(
          readCallTrace(traceFile).map((call) => call.method),
          ["check", "diff", "check", "create", "delete"],
        );
        await fs.rm(traceFile);
        await tracing.refresh();
        assert.deepEqual(
          readCallTrace(traceFile).map((call) => call.method),
          ["read", "diff"],
        );
      } finally {
        await traced.stop();
      }
    });

    it("reports Check failures with their property path and makes no call or delete", async () => {
      await up({ a: { value: "1" }, b: { value: "1" } });
      const reports = await up({ a: { value: "bad" } });
      assert.deepEqual(reports, [
        {
          urn: URN_A,
          name: "a",
          op: "update",
          failures: [{ property: "value", reason: "must not be bad" }],
        },
      ]);
      assert.equal((await calls()).length, 2);
      assert.equal(engine.resources.length, 2);
    });

    it("records a partial create with the id the provider gave and updates it on the next up", async () => {
      const [report] = await up({ a: { value: "partial" } });
      assert.ok(report.error instanceof HostCallError);
      assert.equal(report.error.message, "Create failed (UNKNOWN): made but not ready");
      assert.deepEqual(report.error.initFailure?.reasons, ["not ready"]);
      assert.equal(report.id, report.error.initFailure?.id);
      assert.equal(engine.get("a")?.id, report.id);
      assert.deepEqual(engine.get("a")?.initErrors, ["not ready"]);
      const [again] = await up({ a: { value: "partial" } });
      assert.deepEqual({ op: again.op, id: again.id }, { op: "update", id: report.id });
      assert.equal(engine.get("a")?.initErrors, undefined);
    });

    it("refreshes with Read and forgets a resource read as gone", async () => {
      await up({ a: { value: "gone" }, b: { value: "1" } });
      const reports = await engine.refresh();
      assert.deepEqual(reports.map((report) => [report.name, report.op, report.id === ""]).sort(), [
        ["a", "read", true],
        ["b", "read", false],
      ]);
      assert.deepEqual(
        engine.resources.map((resource) => [resource.name, resource.outputs.readAt]),
        [["b", "now"]],
      );
    });

    it("destroys every resource", async () => {
      await up({ a: { value: "1" }, b: { value: "1" } });
      const reports = await engine.destroy();
      assert.deepEqual(
        reports.map((report) => report.op),
        ["delete", "delete"],
      );
      assert.equal(engine.resources.length, 0);
      assert.deepEqual(
        (await calls()).map((call) => call.op),
        ["create", "create", "delete", "delete"],
      );
    });

    it("fails calls after the host is killed, and goes on with a new host", async () => {
      await host.kill();
      assert.equal(host.running, false);
      const [report] = await up({ a: { value: "1" } });
      assert.ok(report.error instanceof HostCallError);
      assert.equal(report.error.method, "Check");
      await host.stop();
      host = await ProviderHost.start({ cwd: process.cwd(), env: { FAKE_PROVIDER_LOG: logFile } });
      engine.host = host;
      assert.deepEqual(
        (await up({ a: { value: "1" } })).map((report) => report.op),
        ["create"],
      );
    });
  });
});
