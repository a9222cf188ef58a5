/**
 * Scenario 2 (preview): `pulumi preview` of 1,000 contacts through the host, timed per resource,
 * with proof that the host never loaded the AWS SDK. Run in the installed project (the in-repo
 * build cannot create the contacts to preview against; see the state scenario).
 *
 * For each provider (the provider, and the trivial provider as the floor of host + gRPC + driver):
 * - a preview of a new stack (Check of each resource) on a fresh host;
 * - the resources created with `up` by another host, then two previews of the stack in state
 *   (Check + Diff of each resource) on a third host.
 * Hosts of the provider are started with NODE_OPTIONS=--require harness/trace-require.js,
 * which records every module path containing "@aws-sdk". As a control, the traced host then
 * creates one contact, which must show in the trace. Wall time and the host's CPU time (from
 * /proc/<pid>/stat) are both reported per resource.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { Engine, Registration, StepReport } from "../../harness";
import { ContactInputs, ContactOutputs, contactProvider } from "../../provider";
import { awsEnv, REPO_ROOT, STACK_CONFIG, startEmulator, welcomeArgs } from "../fixtures";
import { cpuMs, RunningHost, startHost } from "../host-process";
import { installedProject } from "../installed";
import { ms, Row, ScenarioResult } from "../report";
import { round } from "../stats";

export const PREVIEW_COUNT = 1000;
/** "Well under 1 ms" is judged as under half of it. */
export const PREVIEW_GOAL_MS = 0.5;
const TRACER = path.join(REPO_ROOT, "harness", "trace-require.js");
const TRACE_MATCH = "@aws-sdk";

interface Timed {
  /** Wall time of the whole preview, in milliseconds. */
  readonly ms: number;
  /** CPU time the host used during it, in milliseconds. */
  readonly hostCpuMs: number;
  readonly ops: Record<string, number>;
}

interface PreviewMeasure {
  readonly kind: "provider" | "empty";
  readonly newStack: Timed;
  readonly inStateFirst: Timed;
  readonly inStateSecond: Timed;
  /** Distinct module paths containing "@aws-sdk" loaded by the hosts during the previews. */
  readonly awsSdkModulesDuringPreviews?: string[];
  /** The same, after one create on the traced host (the control). */
  readonly awsSdkModulesAfterOneCreate?: number;
}

function problems(reports: readonly StepReport[]): string[] {
  return reports
    .filter((report) => report.error || report.failures)
    .map((report) => `${report.name}: ${report.error?.message ?? JSON.stringify(report.failures)}`);
}

async function timedPreview(
  engine: Engine,
  pid: number,
  registrations: readonly Registration[],
): Promise<Timed> {
  const cpuBefore = cpuMs(pid);
  const started = performance.now();
  const reports = await engine.preview(registrations);
  const elapsed = performance.now() - started;
  const hostCpuMs = cpuMs(pid) - cpuBefore;
  const failed = problems(reports);
  if (failed.length > 0) {
    throw new Error(`The preview failed for ${failed.length} resource(s): ${failed[0]}`);
  }
  const ops: Record<string, number> = {};
  for (const report of reports) {
    ops[report.op] = (ops[report.op] ?? 0) + 1;
  }
  return { ms: elapsed, hostCpuMs, ops };
}

async function tracedModules(traceFile: string): Promise<string[]> {
  const text = await fs.readFile(traceFile, "utf8").catch(() => "");
  return [...new Set(text.split("\n").filter((line) => line !== ""))];
}

async function measure(
  kind: PreviewMeasure["kind"],
  cwd: string,
  env: Record<string, string>,
  directory: string,
  log: (line: string) => void,
): Promise<PreviewMeasure> {
  const project = await installedProject();
  const [registrations, previewRegistrations] =
    kind === "provider"
      ? [await project.contacts(PREVIEW_COUNT), await project.contacts(PREVIEW_COUNT, true)]
      : [await project.empties(PREVIEW_COUNT), await project.empties(PREVIEW_COUNT, true)];
  const traceFile = path.join(directory, `${kind}.trace`);
  const hostEnv =
    kind === "provider"
      ? {
          ...env,
          NODE_OPTIONS: `--require ${TRACER}`,
          TRACE_REQUIRE_FILE: traceFile,
          TRACE_REQUIRE_MATCH: TRACE_MATCH,
        }
      : env;
  const start = (): Promise<RunningHost> => startHost({ cwd, config: STACK_CONFIG, env: hostEnv });

  log(`preview (${kind}): Check of ${PREVIEW_COUNT} new resources …`);
  const fresh = await start();
  let newStack: Timed;
  try {
    newStack = await timedPreview(new Engine(fresh.host), fresh.pid, previewRegistrations);
  } finally {
    await fresh.host.stop();
  }

  log(`preview (${kind}): creating ${PREVIEW_COUNT} resources, then Check + Diff of each, twice …`);
  const maker = await startHost({ cwd, config: STACK_CONFIG, env });
  const engine = new Engine(maker.host);
  const made = problems(await engine.up(registrations));
  await maker.host.stop();
  if (made.length > 0) {
    throw new Error(`Creating the resources to preview failed: ${made[0]}`);
  }
  const traced = await start();
  engine.host = traced.host;
  try {
    const inStateFirst = await timedPreview(engine, traced.pid, previewRegistrations);
    const inStateSecond = await timedPreview(engine, traced.pid, previewRegistrations);
    if (kind !== "provider") {
      return { kind, newStack, inStateFirst, inStateSecond };
    }
    const awsSdkModulesDuringPreviews = await tracedModules(traceFile);
    // The control: one create on the same host loads the SDK, and the trace must show it.
    const probed = problems(await new Engine(traced.host).up(await project.contacts(1)));
    if (probed.length > 0) {
      throw new Error(`The control create failed: ${probed[0]}`);
    }
    const awsSdkModulesAfterOneCreate = (await tracedModules(traceFile)).length;
    return {
      kind,
      newStack,
      inStateFirst,
      inStateSecond,
      awsSdkModulesDuringPreviews,
      awsSdkModulesAfterOneCreate,
    };
  } finally {
    await traced.host.stop();
  }
}

const perResource = (total: number) => total / PREVIEW_COUNT;

/**
 * The provider's own `check` and `diff`, called in this process without the host, per resource
 * (the best of three rounds of PREVIEW_COUNT): what of the preview's time is the provider's code.
 */
async function inProcessMs(): Promise<number> {
  const check = contactProvider.check?.bind(contactProvider);
  const diff = contactProvider.diff?.bind(contactProvider);
  if (!check || !diff) {
    throw new Error("The provider has no check or diff.");
  }
  let best = Number.POSITIVE_INFINITY;
  for (let roundIndex = 0; roundIndex < 3; roundIndex++) {
    const started = performance.now();
    for (let index = 0; index < PREVIEW_COUNT; index++) {
      const name = `welcome-${index}`;
      const news: ContactInputs = {
        ...welcomeArgs(name),
        __urn: `urn:pulumi:bench::connect-bench::pulumi-nodejs:dynamic/connect:OutboundChatContact::${name}`,
      };
      const checked = await check({} as ContactInputs, news);
      const inputs = checked.inputs ?? news;
      const olds: ContactOutputs = {
        ...inputs,
        contactId: name,
        clientToken: "0".repeat(64),
        clientTokenSource: "derived",
        region: "us-east-1",
      };
      await diff(name, olds, inputs);
    }
    best = Math.min(best, perResource(performance.now() - started));
  }
  return best;
}

function describe(timed: Timed): string {
  return `${ms(perResource(timed.ms))} (host CPU ${ms(perResource(timed.hostCpuMs))})`;
}

export async function runPreview(log: (line: string) => void): Promise<ScenarioResult> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), "bench-preview-"));
  const emulator = await startEmulator({ ratePerSecond: 1_000_000, burst: 1_000_000 });
  try {
    const { directory: cwd } = await installedProject();
    const env = awsEnv(emulator);
    const provider = await measure("provider", cwd, env, directory, log);
    const empty = await measure("empty", cwd, env, directory, log);
    const ownCodeMs = await inProcessMs();
    const loaded = provider.awsSdkModulesDuringPreviews ?? [];
    const worst = Math.max(
      perResource(provider.inStateFirst.ms),
      perResource(provider.inStateSecond.ms),
    );
    const row = (measureName: string, value: string, goal?: string, met?: boolean): Row => ({
      scenario: "2 preview",
      case: `installed, ${PREVIEW_COUNT} resources`,
      measure: measureName,
      value,
      ...(goal ? { goal, met } : {}),
    });
    return {
      rows: [
        row("new stack (Check): per resource, provider", describe(provider.newStack)),
        row("new stack (Check): per resource, empty provider", describe(empty.newStack)),
        row(
          "in state (Check+Diff): per resource, provider, 1st",
          describe(provider.inStateFirst),
          `well under 1 ms (< ${PREVIEW_GOAL_MS} ms)`,
          worst < PREVIEW_GOAL_MS,
        ),
        row("in state (Check+Diff): per resource, provider, 2nd", describe(provider.inStateSecond)),
        row("in state (Check+Diff): per resource, empty, 1st", describe(empty.inStateFirst)),
        row("in state (Check+Diff): per resource, empty, 2nd", describe(empty.inStateSecond)),
        row("provider's check+diff in-process (no host): per resource", ms(ownCodeMs)),
        row(
          "in state, 2nd: provider / empty (wall)",
          `${(provider.inStateSecond.ms / empty.inStateSecond.ms).toFixed(2)}×`,
        ),
        row(
          "@aws-sdk modules loaded during previews",
          String(loaded.length),
          "0",
          loaded.length === 0,
        ),
        row(
          "@aws-sdk modules loaded after 1 create (control)",
          String(provider.awsSdkModulesAfterOneCreate ?? 0),
        ),
      ],
      details: {
        resources: PREVIEW_COUNT,
        goalNote: `“well under 1 ms” is judged as < ${PREVIEW_GOAL_MS} ms of wall time per resource`,
        perResourceMs: Object.fromEntries(
          [provider, empty].map((result) => [
            result.kind,
            Object.fromEntries(
              (["newStack", "inStateFirst", "inStateSecond"] as const).map((step) => [
                step,
                {
                  wall: round(perResource(result[step].ms), 4),
                  hostCpu: round(perResource(result[step].hostCpuMs), 4),
                  ops: result[step].ops,
                },
              ]),
            ),
          ]),
        ),
        providerCheckDiffInProcessMs: round(ownCodeMs, 4),
        awsSdkModulesLoadedDuringPreviews: loaded,
        awsSdkModulesLoadedAfterOneCreate: provider.awsSdkModulesAfterOneCreate,
      },
    };
  } finally {
    await emulator.stop();
    await fs.rm(directory, { recursive: true, force: true });
  }
}
