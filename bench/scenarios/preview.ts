/**
 * Scenario 2 (preview): `pulumi preview` of 1,000 contacts through the host, timed per resource,
 * with proof that the host never loaded the AWS SDK. Run in the installed project (the in-repo
 * build cannot create the contacts to preview against; see the state scenario).
 *
 * Three providers: the provider; the empty provider fed the same inputs (`bench-empty-provider`,
 * bench/empty-provider.ts: the provider's own registrations with only `__provider` swapped for
 * its own, of the same size class), the baseline of the goal; and the trivial provider with its
 * own one-property inputs (the floor of host + gRPC + driver, for reference). For each:
 * - a preview of a new stack (Check of each resource) on a fresh host;
 * - the resources created with `up` by another host, then two previews of the stack in state
 *   (Check + Diff of each resource) on a third host. The provider and the empty provider do this
 *   {@link PREVIEW_ROUNDS} times, alternating, each round with fresh hosts; the goal is judged on
 *   the median of the rounds' ratios (provider / empty, second pass, wall), each ratio taken
 *   from two runs made one right after the other.
 * Hosts of the provider are started with NODE_OPTIONS=--require harness/trace-require.js,
 * which records every module path containing "@aws-sdk". As a control, the traced host then
 * creates one contact, which must show in the trace. Wall time and the host's CPU time (from
 * /proc/<pid>/stat) are both reported per resource.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import * as provider from "@pulumi/pulumi/proto/provider_pb";
import {
  awsEnv,
  Engine,
  Registration,
  runProgramFile,
  StackResource,
  StepReport,
} from "../../harness";
import { toStruct } from "../../harness/struct";
import { ContactInputs, ContactOutputs, contactProvider } from "../../provider";
import { FAIR_EMPTY_FILES, FAIR_EMPTY_PACKAGE, FAIR_EMPTY_PROGRAM_JS } from "../empty-provider";
import { PROJECT, REPO_ROOT, STACK, STACK_CONFIG, startEmulator, welcomeArgs } from "../fixtures";
import { cpuMs, RunningHost, startHost } from "../host-process";
import { InstalledProject, installedProject } from "../installed";
import { ms, Row, ScenarioResult } from "../report";
import { median, round } from "../stats";

export const PREVIEW_COUNT = 1000;
/** The goal: provider / empty provider fed the same inputs, per resource, in state, 2nd pass. */
export const PREVIEW_GOAL_RATIO = 1.2;
/** Rounds of the in-state previews of the provider and the empty provider, alternating. */
export const PREVIEW_ROUNDS = Number(process.env.BENCH_PREVIEW_ROUNDS ?? "3");
const TRACER = path.join(REPO_ROOT, "harness", "trace-require.js");
const TRACE_MATCH = "@aws-sdk";

interface Timed {
  /** Wall time of the whole preview, in milliseconds. */
  readonly ms: number;
  /** CPU time the host used during it, in milliseconds. */
  readonly hostCpuMs: number;
  readonly ops: Record<string, number>;
}

/**
 * `provider`: the provider; `empty`: the empty provider fed the provider's inputs (the goal's
 * baseline); `trivial`: the trivial provider with its own one-property inputs (for reference).
 */
type Kind = "provider" | "empty" | "trivial";

/** What a kind is fed: the registrations of `up` and of `preview`. */
interface Fed {
  readonly kind: Kind;
  readonly registrations: readonly Registration[];
  readonly previewRegistrations: readonly Registration[];
}

/** Two previews of a stack in state on one host. */
interface InState {
  readonly first: Timed;
  readonly second: Timed;
  /** One resource as the state keeps it, to size the calls' payloads from. */
  readonly sample: StackResource;
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

/**
 * Writes the empty provider's package into the installed project's `node_modules` and returns
 * its serialized `__provider`, read from a program of one of its resources.
 */
async function emptyProviderText(directory: string): Promise<string> {
  const packageDirectory = path.join(directory, "node_modules", FAIR_EMPTY_PACKAGE);
  await fs.mkdir(packageDirectory, { recursive: true });
  for (const [file, text] of Object.entries(FAIR_EMPTY_FILES)) {
    await fs.writeFile(path.join(packageDirectory, file), text);
  }
  const program = path.join(directory, "fair-empty.js");
  await fs.writeFile(program, FAIR_EMPTY_PROGRAM_JS);
  const [registration] = await runProgramFile(program, {
    project: PROJECT,
    stack: STACK,
    config: { ...STACK_CONFIG },
  });
  return String(registration.inputs.__provider);
}

/** The provider's registrations, for the empty provider: `__provider` swapped, all else kept. */
function fedToEmpty(registrations: readonly Registration[], text: string): Registration[] {
  return registrations.map((registration) => ({
    ...registration,
    inputs: { ...registration.inputs, __provider: text },
  }));
}

async function feed(project: InstalledProject): Promise<Record<Kind, Fed>> {
  const contacts = await project.contacts(PREVIEW_COUNT);
  const previewContacts = await project.contacts(PREVIEW_COUNT, true);
  const text = await emptyProviderText(project.directory);
  return {
    provider: {
      kind: "provider",
      registrations: contacts,
      previewRegistrations: previewContacts,
    },
    empty: {
      kind: "empty",
      registrations: fedToEmpty(contacts, text),
      previewRegistrations: fedToEmpty(previewContacts, text),
    },
    trivial: {
      kind: "trivial",
      registrations: await project.empties(PREVIEW_COUNT),
      previewRegistrations: await project.empties(PREVIEW_COUNT, true),
    },
  };
}

/** Hosts of the provider record every `@aws-sdk` module they load; the others are plain. */
function hostStarter(kind: Kind, cwd: string, env: Record<string, string>, traceFile: string) {
  const hostEnv =
    kind === "provider"
      ? {
          ...env,
          NODE_OPTIONS: `--require ${TRACER}`,
          TRACE_REQUIRE_FILE: traceFile,
          TRACE_REQUIRE_MATCH: TRACE_MATCH,
        }
      : env;
  return (): Promise<RunningHost> => startHost({ cwd, config: STACK_CONFIG, env: hostEnv });
}

/** A preview of a new stack (Check of each resource) on a fresh host. */
async function newStackPreview(fed: Fed, start: () => Promise<RunningHost>): Promise<Timed> {
  const fresh = await start();
  try {
    return await timedPreview(new Engine(fresh.host), fresh.pid, fed.previewRegistrations);
  } finally {
    await fresh.host.stop();
  }
}

/** The resources created with `up` by a plain host: the stack in state that each round previews. */
async function stackInState(fed: Fed, cwd: string, env: Record<string, string>): Promise<Engine> {
  const maker = await startHost({ cwd, config: STACK_CONFIG, env });
  const engine = new Engine(maker.host);
  try {
    const made = problems(await engine.up(fed.registrations));
    if (made.length > 0) {
      throw new Error(`Creating the resources to preview failed: ${made[0]}`);
    }
    return engine;
  } finally {
    await maker.host.stop();
  }
}

/**
 * Two previews of the stack in state (Check + Diff of each resource) on a fresh host from
 * `start`, which is left running for `then`. A preview changes nothing in the state.
 */
async function inStatePreviews(
  engine: Engine,
  fed: Fed,
  start: () => Promise<RunningHost>,
  then?: (running: RunningHost) => Promise<void>,
): Promise<InState> {
  const running = await start();
  engine.host = running.host;
  try {
    const first = await timedPreview(engine, running.pid, fed.previewRegistrations);
    const second = await timedPreview(engine, running.pid, fed.previewRegistrations);
    await then?.(running);
    return { first, second, sample: engine.resources[0] };
  } finally {
    await running.host.stop();
  }
}

/** Bytes on the wire of one resource's Check and Diff requests (and the Check answer), in state. */
function payloadBytes(resource: StackResource, news: Registration) {
  const check = new provider.CheckRequest();
  check.setUrn(resource.urn);
  check.setOlds(toStruct(resource.inputs));
  check.setNews(toStruct(news.inputs));
  const checked = new provider.CheckResponse();
  checked.setInputs(toStruct(resource.inputs));
  const diff = new provider.DiffRequest();
  diff.setUrn(resource.urn);
  diff.setId(resource.id);
  diff.setOlds(toStruct(resource.outputs));
  diff.setNews(toStruct(resource.inputs));
  diff.setOldInputs(toStruct(resource.inputs));
  return {
    providerText: Buffer.byteLength(String(news.inputs.__provider), "utf8"),
    checkRequest: check.serializeBinary().length,
    checkResponse: checked.serializeBinary().length,
    diffRequest: diff.serializeBinary().length,
  };
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

/** The median of each figure of a pass over the rounds (ops from the first round). */
function medianOf(timings: readonly Timed[]): Timed {
  return {
    ms: median(timings.map((timed) => timed.ms)),
    hostCpuMs: median(timings.map((timed) => timed.hostCpuMs)),
    ops: timings[0].ops,
  };
}

const KINDS: readonly Kind[] = ["provider", "empty", "trivial"];
const KIND_LABELS: Record<Kind, string> = {
  provider: "provider",
  empty: "empty provider, same inputs",
  trivial: "trivial provider, own inputs",
};

/** "1.23× (rounds 1.18–1.31)". */
function ratioText(ratios: readonly number[]): string {
  const text = `${median(ratios).toFixed(2)}×`;
  return ratios.length < 2
    ? text
    : `${text} (rounds ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`;
}

export async function runPreview(log: (line: string) => void): Promise<ScenarioResult> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), "bench-preview-"));
  const emulator = await startEmulator({ ratePerSecond: 1_000_000, burst: 1_000_000 });
  try {
    const project = await installedProject();
    const cwd = project.directory;
    const env = awsEnv(emulator);
    const fed = await feed(project);
    const traceFile = path.join(directory, "provider.trace");
    const start = (kind: Kind) => hostStarter(kind, cwd, env, traceFile);

    const newStack = {} as Record<Kind, Timed>;
    for (const kind of KINDS) {
      log(`preview (${KIND_LABELS[kind]}): Check of ${PREVIEW_COUNT} new resources …`);
      newStack[kind] = await newStackPreview(fed[kind], start(kind));
    }
    const engines = {} as Record<Kind, Engine>;
    for (const kind of KINDS) {
      log(`preview (${KIND_LABELS[kind]}): creating ${PREVIEW_COUNT} resources …`);
      engines[kind] = await stackInState(fed[kind], cwd, env);
    }

    // The provider and the empty provider alternate, round by round; the trivial one runs once.
    const rounds: Record<Kind, InState[]> = { provider: [], empty: [], trivial: [] };
    let loaded: string[] = [];
    let afterOneCreate = 0;
    const control = async (running: RunningHost) => {
      // Every provider host so far was traced; one create on this one loads the SDK (the control).
      loaded = await tracedModules(traceFile);
      const probed = problems(await new Engine(running.host).up(await project.contacts(1)));
      if (probed.length > 0) {
        throw new Error(`The control create failed: ${probed[0]}`);
      }
      afterOneCreate = (await tracedModules(traceFile)).length;
    };
    for (let index = 0; index < PREVIEW_ROUNDS; index++) {
      for (const kind of ["provider", "empty"] as const) {
        log(
          `preview (${KIND_LABELS[kind]}, round ${index + 1} of ${PREVIEW_ROUNDS}): ` +
            "Check + Diff of each, twice …",
        );
        const last = kind === "provider" && index === PREVIEW_ROUNDS - 1;
        rounds[kind].push(
          await inStatePreviews(engines[kind], fed[kind], start(kind), last ? control : undefined),
        );
      }
    }
    log(`preview (${KIND_LABELS.trivial}): Check + Diff of each, twice …`);
    rounds.trivial.push(await inStatePreviews(engines.trivial, fed.trivial, start("trivial")));
    const ownCodeMs = await inProcessMs();

    const inState = (kind: Kind, pass: "first" | "second") =>
      medianOf(rounds[kind].map((round) => round[pass]));
    const ratios = (pass: "first" | "second", figure: "ms" | "hostCpuMs" = "ms") =>
      rounds.provider.map(
        (round, index) => round[pass][figure] / rounds.empty[index][pass][figure],
      );
    const secondRatios = ratios("second");
    const goalMet = median(secondRatios) <= PREVIEW_GOAL_RATIO;
    const hostCpuRatios = ratios("second", "hostCpuMs");
    const hostCpuGoalMet = median(hostCpuRatios) <= PREVIEW_GOAL_RATIO;
    const payloads = Object.fromEntries(
      KINDS.map((kind) => [
        kind,
        payloadBytes(rounds[kind][0].sample, fed[kind].previewRegistrations[0]),
      ]),
    ) as Record<Kind, ReturnType<typeof payloadBytes>>;

    const row = (measureName: string, value: string, goal?: string, met?: boolean): Row => ({
      scenario: "2 preview",
      case: `installed, ${PREVIEW_COUNT} resources`,
      measure: measureName,
      value,
      ...(goal ? { goal, met } : {}),
    });
    const roundsNote = PREVIEW_ROUNDS > 1 ? `, median of ${PREVIEW_ROUNDS} rounds` : "";
    return {
      rows: [
        ...KINDS.map((kind) =>
          row(`new stack (Check): per resource, ${KIND_LABELS[kind]}`, describe(newStack[kind])),
        ),
        ...KINDS.flatMap((kind) =>
          (["first", "second"] as const).map((pass) =>
            row(
              `in state (Check+Diff), ${pass === "first" ? "1st" : "2nd"}: per resource, ` +
                `${KIND_LABELS[kind]}${kind === "trivial" ? "" : roundsNote}`,
              describe(inState(kind, pass)),
            ),
          ),
        ),
        row(
          "in state, 2nd: provider / empty provider with the same inputs (wall)",
          ratioText(secondRatios),
          `≤ ${PREVIEW_GOAL_RATIO}×`,
          goalMet,
        ),
        row(
          "in state, 2nd: provider / empty, same inputs (host CPU, what a faster engine waits on)",
          ratioText(hostCpuRatios),
          `≤ ${PREVIEW_GOAL_RATIO}×`,
          hostCpuGoalMet,
        ),
        row("in state, 1st: provider / empty, same inputs (wall)", ratioText(ratios("first"))),
        row(
          "new stack: provider / empty, same inputs (wall)",
          `${(newStack.provider.ms / newStack.empty.ms).toFixed(2)}×`,
        ),
        ...KINDS.map((kind) =>
          row(
            `bytes per resource in state, ${KIND_LABELS[kind]}: Check request / answer, Diff request`,
            `${payloads[kind].checkRequest} / ${payloads[kind].checkResponse}, ` +
              `${payloads[kind].diffRequest} B (__provider ${payloads[kind].providerText} B)`,
          ),
        ),
        row("provider's check+diff in-process (no host): per resource", ms(ownCodeMs)),
        row(
          "@aws-sdk modules loaded during previews",
          String(loaded.length),
          "0",
          loaded.length === 0,
        ),
        row("@aws-sdk modules loaded after 1 create (control)", String(afterOneCreate)),
      ],
      details: {
        resources: PREVIEW_COUNT,
        rounds: PREVIEW_ROUNDS,
        goal: {
          measure:
            "wall per resource, stack in state, 2nd preview on one host: provider / empty provider fed the same inputs, median of the rounds",
          bound: PREVIEW_GOAL_RATIO,
          ratio: round(median(secondRatios), 3),
          roundRatios: secondRatios.map((ratio) => round(ratio, 3)),
          met: goalMet,
          hostCpuRatio: round(median(hostCpuRatios), 3),
          hostCpuMet: hostCpuGoalMet,
        },
        perResourceMs: Object.fromEntries(
          KINDS.map((kind) => [
            kind,
            {
              newStack: {
                wall: round(perResource(newStack[kind].ms), 4),
                hostCpu: round(perResource(newStack[kind].hostCpuMs), 4),
                ops: newStack[kind].ops,
              },
              ...Object.fromEntries(
                (["first", "second"] as const).map((pass) => [
                  pass === "first" ? "inStateFirst" : "inStateSecond",
                  {
                    wall: round(perResource(inState(kind, pass).ms), 4),
                    hostCpu: round(perResource(inState(kind, pass).hostCpuMs), 4),
                    rounds: rounds[kind].map((one) => ({
                      wall: round(perResource(one[pass].ms), 4),
                      hostCpu: round(perResource(one[pass].hostCpuMs), 4),
                    })),
                    ops: rounds[kind][0][pass].ops,
                  },
                ]),
              ),
            },
          ]),
        ),
        ratios: {
          inStateSecondWall: secondRatios.map((ratio) => round(ratio, 3)),
          inStateFirstWall: ratios("first").map((ratio) => round(ratio, 3)),
          inStateSecondHostCpu: hostCpuRatios.map((ratio) => round(ratio, 3)),
          newStackWall: round(newStack.provider.ms / newStack.empty.ms, 3),
        },
        payloadBytesPerResource: payloads,
        providerCheckDiffInProcessMs: round(ownCodeMs, 4),
        awsSdkModulesLoadedDuringPreviews: loaded,
        awsSdkModulesLoadedAfterOneCreate: afterOneCreate,
      },
    };
  } finally {
    await emulator.stop();
    await fs.rm(directory, { recursive: true, force: true });
  }
}
