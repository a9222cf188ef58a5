/**
 * Scenario 7 (real CLI): the performance a pipeline sees. `pulumi up --yes` of N contacts through
 * the real Pulumi CLI (harness/cli.ts, the program of harness/cli-project.ts), against an emulator
 * that throttles StartOutboundChatContact with a token bucket (every other operation generous):
 * N = 300 at 20 requests/s burst 20, and N = 120 at 2/s burst 5. Beside it, the same program
 * through the real CLI with `PULUMI_SKIP_CHECKPOINTS=true` (state saved once at the end instead of
 * at every step: the diagnosis of what the checkpoints cost); through the harness engine
 * (harness/engine.ts), as scenario 1 runs it (every step at once) and as the real engine schedules
 * (`parallel`: one Check at a time, at most 4 × CPUs steps in flight); and the naive provider
 * (bench/naive-provider.ts) through the real CLI. Each run has a fresh emulator and project.
 *
 * wall  = from the first StartOutboundChatContact the emulator receives (any outcome) to the end of
 *         `pulumi up` (the CLI's exit; for the harness, `Engine.up` resolving)
 * ideal = (S − burst) / rate, S = successful StartOutboundChatContact calls (S = N when nothing
 *         failed), as scenario 1 counts it: the bucket is full at the first Start
 * ratio = ideal / wall: 1.0 is the physical limit
 *
 * Where the wall goes, from the emulator's log and a trace of the provider host's gRPC calls
 * (harness/trace-calls.js, preloaded into every host, whoever starts it):
 * starts phase = first Start to the last successful Start (its ideal is `ideal`);
 * tail         = last successful Start to the end (the last create's DescribeContact and answer,
 *                the engine's last steps and checkpoint, the CLI's exit);
 * creates in flight, max and mean over the create phase; slot turnover = from a Create's answer to
 *                the next Create the engine sends (the engine's cost per step while its workers
 *                are all busy); the time between Creates sent in each tenth of the run (it grows
 *                with the state when every step saves it); CPU time of the CLI, the language host
 *                and the provider hosts (polled from /proc); the state file's size; Checks per
 *                resource and hosts per `up`.
 *
 * `BENCH_REALCLI_N=300` runs only that case; `BENCH_REALCLI_RUNS=cli,nocheckpoints,harness,parallel,naive`
 * only those runs; `BENCH_REALCLI_ENV=PULUMI_SKIP_CHECKPOINTS=true` adds variables to the CLI's
 * environment (a diagnosis, not a pipeline's default).
 */
import { promises as fs, readFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";
import { DEMO_REGION } from "../../emulator";
import type { ConnectEmulator } from "../../emulator";
import { defaultParallel, Engine, ProviderHost, runProgramFile } from "../../harness";
import { inFlight, readCallTrace, traceEnv, TracedCall } from "../../harness/call-trace";
import { descendantsOf, PulumiProject, resourcesOf } from "../../harness/cli";
import {
  CONTACT_TYPE,
  CONTACTS_PROJECT,
  contactsByResource,
  contactsConfig,
  emulatorEnv,
  initContactsStack,
  newContactsProject,
  startContactsEmulator,
} from "../../harness/cli-project";
import { cpuMs } from "../host-process";
import { formatRealCliTable, RealCliEntry, Row, ScenarioResult } from "../report";
import { quantile, round } from "../stats";

export interface RealCliCase {
  readonly count: number;
  readonly ratePerSecond: number;
  readonly burst: number;
}

export const REAL_CLI_CASES: readonly RealCliCase[] = [
  { count: 300, ratePerSecond: 20, burst: 20 },
  { count: 120, ratePerSecond: 2, burst: 5 },
];

/** What drives the `up` and which provider it creates. */
export type RunKind = "cli" | "nocheckpoints" | "harness" | "parallel" | "naive";
export const RUN_KINDS: readonly RunKind[] = [
  "cli",
  "nocheckpoints",
  "harness",
  "parallel",
  "naive",
];
/** Through the CLI (the others: through the harness engine). */
const THROUGH_CLI: readonly RunKind[] = ["cli", "nocheckpoints", "naive"];
/** The diagnosis: the CLI saving state once, at the end, instead of at every step. */
const NO_CHECKPOINTS = { PULUMI_SKIP_CHECKPOINTS: "true" };

/** ratio goal: ≥ 0.9 at 20/s, ≥ 0.95 at 2/s, for the provider through the real CLI. */
export function realCliGoal({ ratePerSecond }: Pick<RealCliCase, "ratePerSecond">): number {
  return ratePerSecond >= 20 ? 0.9 : 0.95;
}

const STACK = "bench";
const NAIVE_TYPE = "pulumi-nodejs:dynamic/bench:NaiveOutboundChatContact";

/** For each answered call, the time until the next call of the list starts (when one starts after it). */
function slotTurnovers(calls: readonly Pick<TracedCall, "start" | "end">[]): number[] {
  const starts = calls.map((call) => call.start).sort((a, b) => a - b);
  const turnovers: number[] = [];
  for (const call of calls) {
    const next = starts.find((start) => start >= call.end);
    if (next !== undefined) turnovers.push(next - call.end);
  }
  return turnovers;
}

/** The naive provider as a CommonJS module for the project folder (its SDK resolves from there). */
function naiveModule(): string {
  const source = readFileSync(path.join(__dirname, "..", "naive-provider.ts"), "utf8");
  return ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
}

function envFromText(text: string | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of (text ?? "").split(",")) {
    const at = pair.indexOf("=");
    if (at > 0) env[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return env;
}

function engineLabel(kind: RunKind, parallel: number): string {
  if (kind === "harness") return "harness";
  if (kind === "parallel") return `harness, parallel ${parallel}`;
  if (kind === "nocheckpoints") return "cli, PULUMI_SKIP_CHECKPOINTS=true";
  return "cli";
}

type Role = "cli" | "languageHost" | "providerHosts" | "other";

function roleOf(pid: number): Role {
  try {
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    if (commandLine.some((part) => part.includes("dynamic-provider"))) return "providerHosts";
    if (commandLine.some((part) => part.endsWith("language-host.js"))) return "languageHost";
    if (path.basename(commandLine[0] ?? "") === "pulumi") return "cli";
  } catch {
    // Gone.
  }
  return "other";
}

/**
 * CPU time of the processes below this one, by role, polled every 250 ms (a process's last
 * figure is the one before it ended), and of this process (the emulator and the harness engine).
 */
class CpuSampler {
  private readonly seen = new Map<number, { role: Role; ms: number }>();
  private readonly timer: NodeJS.Timeout;
  private readonly own = process.cpuUsage();

  constructor() {
    this.timer = setInterval(() => this.sample(), 250);
  }

  private sample(): void {
    for (const pid of descendantsOf(process.pid)) {
      const ms = cpuMs(pid);
      if (ms <= 0) continue;
      const known = this.seen.get(pid);
      this.seen.set(pid, { role: known?.role ?? roleOf(pid), ms });
    }
  }

  stop(): Record<Role | "benchProcess", number> {
    this.sample();
    clearInterval(this.timer);
    const seconds = { cli: 0, languageHost: 0, providerHosts: 0, other: 0, benchProcess: 0 };
    for (const { role, ms } of this.seen.values()) seconds[role] += ms / 1000;
    const own = process.cpuUsage(this.own);
    seconds.benchProcess = (own.user + own.system) / 1e6;
    return Object.fromEntries(
      Object.entries(seconds).map(([role, value]) => [role, round(value, 2)]),
    ) as Record<Role | "benchProcess", number>;
  }
}

/** The mean time between successive Creates sent, in each tenth of them: it grows with the state when each step saves it. */
function createSpacingByDecile(creates: readonly Pick<TracedCall, "start">[]): number[] {
  const starts = creates.map((call) => call.start).sort((a, b) => a - b);
  const spacing: number[] = [];
  for (let decile = 0; decile < 10; decile += 1) {
    const part = starts.slice(
      Math.floor((decile * starts.length) / 10),
      Math.floor(((decile + 1) * starts.length) / 10) + 1,
    );
    spacing.push(
      part.length > 1 ? round((part[part.length - 1] - part[0]) / (part.length - 1), 1) : 0,
    );
  }
  return spacing;
}

interface Timed {
  startedAt: number;
  endedAt: number;
  failed: number;
  exitCode: number | null;
  /** The stack's state file at the end (the CLI's file backend). */
  stateFileBytes?: number;
}

async function upThroughCli(
  project: PulumiProject,
  kind: RunKind,
  bulkCase: RealCliCase,
  cliEnv: Record<string, string>,
): Promise<Timed> {
  await initContactsStack(project, STACK, {
    "contacts:count": bulkCase.count,
    ...(kind === "naive"
      ? { "contacts:module": "./naive-provider.js", "contacts:class": "NaiveOutboundChatContact" }
      : {}),
  });
  const startedAt = Date.now();
  const result = await project.run(["up", "--yes", "--non-interactive", "--stack", STACK], cliEnv);
  const endedAt = Date.now();
  const recorded = resourcesOf(
    await project.exportStack(STACK),
    kind === "naive" ? NAIVE_TYPE : CONTACT_TYPE,
  );
  if (result.code !== 0 && kind !== "naive") {
    // Only counts and the CLI's last lines: its output names no number and no message.
    console.error(result.stdout.split("\n").slice(-15).join("\n"));
  }
  const stateFile = (await project.stateFiles()).find((file) =>
    file.endsWith(`${path.sep}${STACK}.json`),
  );
  return {
    startedAt,
    endedAt,
    failed: bulkCase.count - recorded.length,
    exitCode: result.code,
    ...(stateFile ? { stateFileBytes: (await fs.stat(stateFile)).size } : {}),
  };
}

async function upThroughHarness(
  project: PulumiProject,
  emulator: ConnectEmulator,
  bulkCase: RealCliCase,
  env: Record<string, string>,
  parallel: number | undefined,
): Promise<Timed> {
  const registrations = await runProgramFile(path.join(project.dir, "index.js"), {
    project: CONTACTS_PROJECT,
    stack: STACK,
    config: contactsConfig({ "contacts:count": bulkCase.count }),
  });
  const host = await ProviderHost.start({
    cwd: project.dir,
    env: { ...emulatorEnv(emulator), ...env },
    config: { "aws:region": DEMO_REGION },
  });
  try {
    const engine = new Engine(host, parallel === undefined ? {} : { parallel });
    const startedAt = Date.now();
    const reports = await engine.up(registrations);
    const endedAt = Date.now();
    const failed = reports.filter((report) => report.error || report.failures).length;
    return { startedAt, endedAt, failed, exitCode: failed === 0 ? 0 : 1 };
  } finally {
    await host.stop();
  }
}

export async function measureRealCli(
  kind: RunKind,
  bulkCase: RealCliCase,
  cliEnv: Record<string, string> = {},
): Promise<RealCliEntry> {
  const { count, ratePerSecond, burst } = bulkCase;
  const parallel = defaultParallel();
  const emulator = await startContactsEmulator({
    activeChatLimit: 1_000_000,
    rateLimits: { StartOutboundChatContact: { ratePerSecond, burst } },
  });
  const traceDir = await fs.mkdtemp(path.join(os.tmpdir(), "bench-realcli-trace-"));
  const traceFile = path.join(traceDir, "calls.jsonl");
  const tracing = traceEnv(traceFile);
  const project = await newContactsProject(emulator, {
    // The naive provider reads the Region from AWS_REGION only, as a pipeline would set it.
    env: { ...tracing, ...(kind === "naive" ? { AWS_REGION: DEMO_REGION } : {}) },
    ...(kind === "naive" ? { files: { "naive-provider.js": naiveModule() } } : {}),
  });
  const env = { ...cliEnv, ...(kind === "nocheckpoints" ? NO_CHECKPOINTS : {}) };
  try {
    const cpu = new CpuSampler();
    const timed = THROUGH_CLI.includes(kind)
      ? await upThroughCli(project, kind, bulkCase, env)
      : await upThroughHarness(
          project,
          emulator,
          bulkCase,
          tracing,
          kind === "parallel" ? parallel : undefined,
        );
    const cpuSeconds = cpu.stop();
    const calls = emulator.calls();
    const startCalls = calls.log.filter((call) => call.operation === "StartOutboundChatContact");
    const okStarts = startCalls.filter((call) => call.outcome === "ok").map((call) => call.at);
    const firstStartAt = Math.min(...startCalls.map((call) => call.at));
    const lastOkStartAt = Math.max(...okStarts);
    const successfulStarts = okStarts.length;
    const wallSeconds = (timed.endedAt - firstStartAt) / 1000;
    const idealSeconds = Math.max(0, successfulStarts - burst) / ratePerSecond;
    const startsPhaseSeconds = (lastOkStartAt - firstStartAt) / 1000;
    const gaps = okStarts
      .sort((a, b) => a - b)
      .slice(1)
      .map((at, index) => at - okStarts[index]);

    const trace = readCallTrace(traceFile);
    const creates = trace.filter((call) => call.method === "create");
    const createHost = creates[0]?.pid;
    const checks = trace.filter((call) => call.method === "check");
    const updateChecks = checks.filter((call) => call.pid === createHost);
    const hosts = new Set(trace.map((call) => call.pid));
    const configures = [...hosts].map(
      (pid) => trace.filter((call) => call.pid === pid && call.method === "configure").length,
    );
    const createsInFlight = inFlight(creates);
    const turnovers = slotTurnovers(creates);
    const duplicates = [...contactsByResource(emulator).values()].reduce(
      (sum, ids) => sum + ids.length - 1,
      0,
    );
    return {
      provider: kind === "naive" ? "naive" : "provider",
      engine: engineLabel(kind, parallel),
      n: count,
      rate: ratePerSecond,
      burst,
      wallSeconds: round(wallSeconds, 3),
      idealSeconds: round(idealSeconds, 3),
      ratio: round(idealSeconds / wallSeconds, 4),
      failed: timed.failed,
      duplicates,
      successfulStarts,
      throttledStarts: calls.counts.StartOutboundChatContact?.ThrottlingException ?? 0,
      upSeconds: round((timed.endedAt - timed.startedAt) / 1000, 3),
      beforeFirstStartSeconds: round((firstStartAt - timed.startedAt) / 1000, 3),
      startsPhaseSeconds: round(startsPhaseSeconds, 3),
      startsPhaseRatio: round(idealSeconds / startsPhaseSeconds, 4),
      tailSeconds: round((timed.endedAt - lastOkStartAt) / 1000, 3),
      afterLastCreateSeconds: round(
        (timed.endedAt - Math.max(...creates.map((call) => call.end))) / 1000,
        3,
      ),
      firstCreateToFirstStartMs: round(
        firstStartAt - Math.min(...creates.map((call) => call.start)),
        1,
      ),
      createsInFlightMax: createsInFlight.max,
      createsInFlightMean: round(createsInFlight.mean, 2),
      checksInFlightMax: inFlight(updateChecks).max,
      checksPerResource: round(checks.length / count, 2),
      hosts: hosts.size,
      configuresPerHost: Math.max(0, ...configures),
      createLatencyP50Ms: round(
        quantile(
          creates.map((call) => call.end - call.start),
          0.5,
        ),
        1,
      ),
      checkP50Ms: round(
        quantile(
          updateChecks.map((call) => call.end - call.start),
          0.5,
        ),
        2,
      ),
      slotTurnoverP50Ms: round(quantile(turnovers, 0.5), 2),
      slotTurnoverP90Ms: round(quantile(turnovers, 0.9), 2),
      startGapP50Ms: round(quantile(gaps, 0.5), 1),
      startGapMaxMs: round(Math.max(0, ...gaps), 1),
      createSpacingByDecileMs: createSpacingByDecile(creates),
      cpuSeconds,
      ...(timed.stateFileBytes === undefined ? {} : { stateFileBytes: timed.stateFileBytes }),
      exitCode: timed.exitCode,
      ...(Object.keys(env).length > 0 && THROUGH_CLI.includes(kind) ? { cliEnv: env } : {}),
    };
  } finally {
    await project.remove();
    await fs.rm(traceDir, { recursive: true, force: true });
    await emulator.stop();
  }
}

function caseLabel(entry: RealCliEntry): string {
  return `${entry.provider} (${entry.engine}), N=${entry.n}, ${entry.rate}/s burst ${entry.burst}`;
}

function rowsOf(entry: RealCliEntry): Row[] {
  const judged = entry.provider === "provider" && entry.engine === "cli";
  const goal = realCliGoal({ ratePerSecond: entry.rate });
  const row = (measure: string, value: string, goalText?: string, met?: boolean): Row => ({
    scenario: "7 real CLI",
    case: caseLabel(entry),
    measure,
    value,
    ...(judged && goalText !== undefined ? { goal: goalText, met } : {}),
  });
  return [
    row(
      "ratio ideal / wall (first Start to end of up)",
      `${entry.ratio.toFixed(3)} (${entry.idealSeconds.toFixed(2)} / ${entry.wallSeconds.toFixed(2)} s)`,
      `≥ ${goal}`,
      entry.ratio >= goal,
    ),
    row("failed resources", String(entry.failed), "0", entry.failed === 0),
    row("duplicate contacts", String(entry.duplicates), "0", entry.duplicates === 0),
  ];
}

export async function runRealCli(
  log: (line: string) => void,
): Promise<ScenarioResult & { entries: RealCliEntry[] }> {
  const onlyCount = Number(process.env.BENCH_REALCLI_N ?? "") || undefined;
  const runsText = process.env.BENCH_REALCLI_RUNS?.trim();
  const runs = runsText
    ? (runsText.split(",").map((run) => run.trim()) as RunKind[])
    : [...RUN_KINDS];
  const unknown = runs.filter((run) => !RUN_KINDS.includes(run));
  if (unknown.length > 0) {
    throw new Error(
      `BENCH_REALCLI_RUNS names unknown run(s) ${unknown.join(", ")}; the runs are ${RUN_KINDS.join(", ")}.`,
    );
  }
  const cliEnv = envFromText(process.env.BENCH_REALCLI_ENV);
  const entries: RealCliEntry[] = [];
  for (const bulkCase of REAL_CLI_CASES.filter(
    (candidate) => onlyCount === undefined || candidate.count === onlyCount,
  )) {
    for (const kind of runs) {
      log(`realcli: ${kind}, N=${bulkCase.count}, ${bulkCase.ratePerSecond}/s …`);
      const entry = await measureRealCli(kind, bulkCase, cliEnv);
      log(
        `  wall ${entry.wallSeconds.toFixed(2)} s, ratio ${entry.ratio.toFixed(3)}, ${entry.failed} failed, ` +
          `creates in flight max ${entry.createsInFlightMax}, tail ${entry.tailSeconds.toFixed(2)} s`,
      );
      entries.push(entry);
    }
  }
  return {
    rows: entries.flatMap(rowsOf),
    details: {
      formula:
        "wall = first StartOutboundChatContact received to the end of `pulumi up` (the harness: Engine.up resolving); " +
        "ideal = (S − burst) / rate, S = successful StartOutboundChatContact calls (= N when nothing failed); ratio = ideal / wall",
      parallel: defaultParallel(),
    },
    text: formatRealCliTable(entries),
    entries,
  };
}
