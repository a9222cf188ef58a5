/**
 * Scenario 6 (many stacks): K provider hosts at once, as K stacks of one account run `pulumi up`
 * side by side (a CI matrix, one stack per tenant), each creating its share of N contacts all at
 * once, against one emulator whose token buckets every host draws on (the same access key, so the
 * same account, Region and operation). The provider, the naive provider and the naive provider in
 * the SDK's adaptive retry mode (bench/naive-provider.ts), one after the other, each with a fresh
 * emulator and fresh hosts.
 *
 * Host h runs stack `bench-<h>` with contacts `stack<h>-welcome-<i>`, so URNs (and the provider's
 * derived ClientTokens) and the `benchResource` attribute duplicates are counted by differ between
 * stacks. Every figure about calls comes from the emulator's call counts (`/_emulator/calls`):
 *
 * create wall     = from the first Create any host sends to the last answer any host gets
 * ideal wall      = (S − burst) / rate, on StartOutboundChatContact: S = its successful calls (S = N
 *                   when nothing failed). A provider create also makes one DescribeContact, through
 *                   a bucket of its own at the same rate and burst, so it does not lower the ideal
 * aggregate ratio = ideal wall / create wall
 * finish of host h = its last Create answered, counted from the first Create any host sent
 * start of host h = its first Create sent, on the same clock: the hosts' Checks end at different
 *                   times, and a stack that starts first has the bucket's burst to itself
 * spread          = slowest finish / fastest finish, beside the spread chance alone gives when each
 *                   token goes to a random host with calls left (`randomAllocationSpread`): the
 *                   floor for hosts that share fairly without coordinating
 * throttled per success = ThrottlingException answers (StartOutboundChatContact + DescribeContact)
 *                   / contacts made
 */
import { awsEnv, Engine, ProviderHost, Registration } from "../../harness";
import {
  contactsProgram,
  ProviderKind,
  registrationsOf,
  RESOURCE_ATTRIBUTE,
  STACK_CONFIG,
  startEmulator,
} from "../fixtures";
import { RssSampler, startHost, statusBytes, TimedCreate, timeCreates } from "../host-process";
import { installedProject } from "../installed";
import { bytes, Row, ScenarioResult } from "../report";
import { CHANCE_RUNS, randomAllocationSpread, round, shareOf } from "../stats";

export interface RateCase {
  readonly count: number;
  readonly ratePerSecond: number;
  readonly burst: number;
}

export const RATE_CASES: readonly RateCase[] = [
  { count: 120, ratePerSecond: 2, burst: 5 },
  { count: 400, ratePerSecond: 20, burst: 20 },
];
export const HOST_COUNTS: readonly number[] = [2, 4, 8];
export const KINDS: readonly ProviderKind[] = ["provider", "naive", "adaptive"];
/** `BENCH_MANYSTACKS_K=2,4` runs only those K. */
export const HOST_COUNTS_ENV = "BENCH_MANYSTACKS_K";
/** `BENCH_MANYSTACKS_N=400` runs only the rate case of that N. */
export const COUNTS_ENV = "BENCH_MANYSTACKS_N";
/** `BENCH_MANYSTACKS_KINDS=provider` runs only those providers. */
export const KINDS_ENV = "BENCH_MANYSTACKS_KINDS";

export const AGGREGATE_GOAL = 0.9;
export const SPREAD_GOAL = 1.5;
export const THROTTLED_PER_SUCCESS_GOAL = 1;

export interface ManyStacksCase extends RateCase {
  readonly kind: ProviderKind;
  /** The number of hosts (stacks). */
  readonly k: number;
}

export interface ManyStacksMeasure {
  readonly case: ManyStacksCase;
  readonly createWallSeconds: number;
  readonly idealWallSeconds: number;
  readonly aggregateRatio: number;
  readonly successfulStarts: number;
  readonly failed: number;
  /** The distinct errors of failed resources and how many resources each failed. */
  readonly failureReasons: Record<string, number>;
  readonly contacts: number;
  /** Contacts beyond the first for the same resource. */
  readonly duplicates: number;
  /** Each host's first Create sent, in seconds from the first Create any host sent. */
  readonly hostStartSeconds: number[];
  /** Each host's finish, in seconds from the first Create any host sent. */
  readonly hostFinishSeconds: number[];
  readonly spread: number;
  readonly throttledStarts: number;
  readonly throttledDescribes: number;
  readonly throttledPerSuccess: number;
  /** Each host's peak resident memory (the higher of polled VmRSS and VmHWM), in bytes. */
  readonly hostPeakRssBytes: number[];
  readonly met: {
    readonly aggregate: boolean;
    readonly spread: boolean;
    readonly throttledPerSuccess: boolean;
  };
}

export function caseLabel({ kind, k, count, ratePerSecond, burst }: ManyStacksCase): string {
  return `${kind}, K=${k}, N=${count}, ${ratePerSecond}/s burst ${burst}`;
}

function listFromEnv<T extends string | number>(
  name: string,
  all: readonly T[],
  parse: (text: string) => T,
): readonly T[] {
  const text = process.env[name]?.trim();
  if (!text) {
    return all;
  }
  const values = text.split(",").map((item) => parse(item.trim()));
  const unknown = values.filter((value) => !all.includes(value));
  if (unknown.length > 0) {
    throw new Error(`${name} names ${unknown.join(", ")}; the choices are ${all.join(", ")}.`);
  }
  return values;
}

/** The first line of an error, without the resource-specific parts, to group failures by. */
function reasonOf(error: Error): string {
  return (error.message.split("\n")[0] ?? "")
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "<id>")
    .slice(0, 160);
}

function stackName(h: number): string {
  return `bench-${h}`;
}

function prefixOf(h: number): string {
  return `stack${h}-welcome`;
}

/**
 * The registrations of host `h` for every K of one rate case: made once, for the largest share
 * that host has, and sliced (names run `-0`, `-1`, … so a slice is a smaller share).
 */
async function registrationsFor(
  kind: ProviderKind,
  rateCase: RateCase,
  hostCounts: readonly number[],
): Promise<Registration[][]> {
  const hosts = Math.max(...hostCounts);
  const project = await installedProject();
  const byHost: Registration[][] = [];
  for (let h = 0; h < hosts; h++) {
    const count = Math.max(
      ...hostCounts.filter((k) => k > h).map((k) => shareOf(rateCase.count, k, h)),
    );
    const options = { stack: stackName(h), prefix: prefixOf(h) };
    byHost.push(
      kind === "provider"
        ? await project.contacts(count, false, options)
        : await registrationsOf(contactsProgram(kind, count, options.prefix), false, options.stack),
    );
  }
  return byHost;
}

interface HostRun {
  readonly host: ProviderHost;
  readonly pid: number;
  readonly creates: TimedCreate[];
  readonly sampler: RssSampler;
}

export async function measureManyStacks(
  manyCase: ManyStacksCase,
  registrations: readonly Registration[][],
): Promise<ManyStacksMeasure> {
  const { k, count, ratePerSecond, burst } = manyCase;
  const project = await installedProject();
  const emulator = await startEmulator({ ratePerSecond, burst });
  const hosts: HostRun[] = [];
  try {
    // One at a time: startHost finds each host's pid as the one new child process.
    for (let h = 0; h < k; h++) {
      const { host, pid } = await startHost({
        cwd: project.directory,
        env: awsEnv(emulator),
        config: STACK_CONFIG,
      });
      hosts.push({ host, pid, creates: timeCreates(host), sampler: new RssSampler(pid) });
    }
    const shares = hosts.map((_, h) => registrations[h].slice(0, shareOf(count, k, h)));
    const reports = (
      await Promise.all(hosts.map((run, h) => new Engine(run.host).up(shares[h])))
    ).flat();
    const hostPeakRssBytes = hosts.map((run) =>
      Math.max(run.sampler.stop(), statusBytes(run.pid, "VmHWM")),
    );

    const all = hosts.flatMap((run) => run.creates);
    const firstSent = Math.min(...all.map((create) => create.startedAt));
    const createWallSeconds = (Math.max(...all.map((create) => create.endedAt)) - firstSent) / 1000;
    const hostFinishSeconds = hosts.map(
      (run) => (Math.max(...run.creates.map((create) => create.endedAt)) - firstSent) / 1000,
    );
    const spread = Math.max(...hostFinishSeconds) / Math.min(...hostFinishSeconds);
    const hostStartSeconds = hosts.map(
      (run) => (Math.min(...run.creates.map((create) => create.startedAt)) - firstSent) / 1000,
    );

    const { counts } = emulator.calls();
    const starts = counts.StartOutboundChatContact ?? {};
    const describes = counts.DescribeContact ?? {};
    const successfulStarts = starts.ok ?? 0;
    const throttledStarts = starts.ThrottlingException ?? 0;
    const throttledDescribes = describes.ThrottlingException ?? 0;
    const contacts = emulator.contacts();
    const perResource = new Map<string, number>();
    for (const contact of contacts) {
      const name = contact.attributes[RESOURCE_ATTRIBUTE] ?? `token:${contact.clientTokenHash}`;
      perResource.set(name, (perResource.get(name) ?? 0) + 1);
    }
    const duplicates = [...perResource.values()].reduce((sum, n) => sum + n - 1, 0);
    const failedReports = reports.filter((report) => report.error || report.failures);
    const failureReasons: Record<string, number> = {};
    for (const report of failedReports) {
      const reason = report.error ? reasonOf(report.error) : "check failed";
      failureReasons[reason] = (failureReasons[reason] ?? 0) + 1;
    }
    const idealWallSeconds = Math.max(0, successfulStarts - burst) / ratePerSecond;
    const aggregateRatio = idealWallSeconds / createWallSeconds;
    const throttledPerSuccess =
      (throttledStarts + throttledDescribes) / Math.max(1, contacts.length);
    return {
      case: manyCase,
      createWallSeconds,
      idealWallSeconds,
      aggregateRatio,
      successfulStarts,
      failed: failedReports.length,
      failureReasons,
      contacts: contacts.length,
      duplicates,
      hostFinishSeconds,
      hostStartSeconds,
      spread,
      throttledStarts,
      throttledDescribes,
      throttledPerSuccess,
      hostPeakRssBytes,
      met: {
        aggregate:
          aggregateRatio >= AGGREGATE_GOAL && failedReports.length === 0 && duplicates === 0,
        spread: spread <= SPREAD_GOAL,
        throttledPerSuccess: throttledPerSuccess <= THROTTLED_PER_SUCCESS_GOAL,
      },
    };
  } finally {
    for (const run of hosts) {
      run.sampler.stop();
      await run.host.stop();
    }
    await emulator.stop();
  }
}

function megabytes(values: readonly number[]): string {
  return values.map((value) => (value / 1e6).toFixed(0)).join(" / ") + " MB";
}

function rowsOf(measure: ManyStacksMeasure): Row[] {
  const label = caseLabel(measure.case);
  const good = measure.case.kind === "provider";
  const row = (name: string, value: string, goal?: string, met?: boolean): Row => ({
    scenario: "6 many stacks",
    case: label,
    measure: name,
    value,
    ...(good && goal !== undefined ? { goal, met } : {}),
  });
  const finishes = measure.hostFinishSeconds;
  return [
    row(
      "aggregate ratio ideal / create wall; failed; duplicates",
      `${measure.aggregateRatio.toFixed(3)} (${measure.createWallSeconds.toFixed(2)} s, ideal ` +
        `${measure.idealWallSeconds.toFixed(2)} s); ${measure.failed} failed; ${measure.duplicates} duplicates`,
      `≥ ${AGGREGATE_GOAL}, 0, 0`,
      measure.met.aggregate,
    ),
    row(
      "spread slowest / fastest host",
      `${measure.spread.toFixed(2)} (${Math.max(...finishes).toFixed(1)} s / ${Math.min(...finishes).toFixed(1)} s)`,
      `≤ ${SPREAD_GOAL}`,
      measure.met.spread,
    ),
    ...(good
      ? [row("spread by chance alone: mean; runs within the goal", chanceSpread(measure.case))]
      : []),
    row(
      "first Create of each host, from the first any host sent",
      measure.hostStartSeconds.map((seconds) => `${seconds.toFixed(2)} s`).join(" / "),
    ),
    row(
      "throttled calls per contact",
      `${measure.throttledPerSuccess.toFixed(2)} (Start ${measure.throttledStarts}, Describe ` +
        `${measure.throttledDescribes}; ${measure.contacts} contacts)`,
      `≤ ${THROTTLED_PER_SUCCESS_GOAL}`,
      measure.met.throttledPerSuccess,
    ),
    row("host peak RSS, each host", megabytes(measure.hostPeakRssBytes)),
  ];
}

/** The spread a random allocation of the bucket's tokens gives for this case (see the header). */
function chanceSpread({ k, count, ratePerSecond, burst }: ManyStacksCase): string {
  const chance = randomAllocationSpread(k, count, ratePerSecond, burst, SPREAD_GOAL);
  return `${chance.mean.toFixed(2)}; ${(chance.withinGoal * 100).toFixed(0)}% of ${CHANCE_RUNS} runs ≤ ${SPREAD_GOAL}`;
}

const yes = (met: boolean) => (met ? "yes" : "NO");

/** One line per run, every provider side by side, with the verdict of each goal. */
export function formatMatrix(measures: readonly ManyStacksMeasure[]): string {
  const header = [
    "K × rate",
    "provider",
    "aggregate",
    "failed",
    "dup",
    "spread",
    "throttled/ok",
    "peak RSS max",
    "goals: agg+0+0 / spread / thr",
  ];
  const lines = measures.map((measure) => {
    const { k, ratePerSecond, burst, count, kind } = measure.case;
    return [
      `K=${k} × ${ratePerSecond}/s b${burst} N=${count}`,
      kind,
      measure.aggregateRatio.toFixed(3),
      String(measure.failed),
      String(measure.duplicates),
      measure.spread.toFixed(2),
      measure.throttledPerSuccess.toFixed(2),
      bytes(Math.max(...measure.hostPeakRssBytes)),
      `${yes(measure.met.aggregate)} / ${yes(measure.met.spread)} / ${yes(measure.met.throttledPerSuccess)}`,
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column].length)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join("  ")
      .trimEnd();
  return [
    `Many stacks: goals aggregate ≥ ${AGGREGATE_GOAL} with 0 failed and 0 duplicates; ` +
      `spread ≤ ${SPREAD_GOAL}; throttled per contact ≤ ${THROTTLED_PER_SUCCESS_GOAL}. ` +
      "Ideal on StartOutboundChatContact: (S − burst) / rate.",
    format(header),
    format(widths.map((width) => "-".repeat(width))),
    ...lines.map(format),
  ].join("\n");
}

/** The `manyStacks` entries of bench/results/latest.json. */
export function manyStacksEntries(measures: readonly ManyStacksMeasure[]) {
  return measures.map((measure) => ({
    kind: measure.case.kind,
    k: measure.case.k,
    n: measure.case.count,
    rate: measure.case.ratePerSecond,
    burst: measure.case.burst,
    aggregateRatio: round(measure.aggregateRatio, 4),
    failed: measure.failed,
    duplicates: measure.duplicates,
    spread: round(measure.spread, 3),
    throttledPerSuccess: round(measure.throttledPerSuccess, 3),
    createWallSeconds: round(measure.createWallSeconds, 3),
    idealWallSeconds: round(measure.idealWallSeconds, 3),
    successfulStarts: measure.successfulStarts,
    contacts: measure.contacts,
    throttledStarts: measure.throttledStarts,
    throttledDescribes: measure.throttledDescribes,
    hostFinishSeconds: measure.hostFinishSeconds.map((seconds) => round(seconds, 3)),
    hostStartSeconds: measure.hostStartSeconds.map((seconds) => round(seconds, 3)),
    hostPeakRssBytes: measure.hostPeakRssBytes,
    failureReasons: measure.failureReasons,
    met: measure.met,
  }));
}

export async function runManyStacks(
  log: (line: string) => void,
): Promise<ScenarioResult & { readonly entries: ReturnType<typeof manyStacksEntries> }> {
  const hostCounts = listFromEnv(HOST_COUNTS_ENV, HOST_COUNTS, Number);
  const kinds = listFromEnv(KINDS_ENV, KINDS, (text) => text as ProviderKind);
  const counts = listFromEnv(
    COUNTS_ENV,
    RATE_CASES.map((rateCase) => rateCase.count),
    Number,
  );
  const measures: ManyStacksMeasure[] = [];
  for (const rateCase of RATE_CASES.filter((rateCase) => counts.includes(rateCase.count))) {
    for (const kind of kinds) {
      log(`many stacks: registrations of ${kind}, N=${rateCase.count} …`);
      const registrations = await registrationsFor(kind, rateCase, hostCounts);
      for (const k of hostCounts) {
        const manyCase: ManyStacksCase = { ...rateCase, kind, k };
        log(`many stacks: ${caseLabel(manyCase)} …`);
        const measure = await measureManyStacks(manyCase, registrations);
        log(
          `  ${measure.createWallSeconds.toFixed(1)} s, ratio ${measure.aggregateRatio.toFixed(3)}, ` +
            `${measure.failed} failed, ${measure.duplicates} duplicates, spread ${measure.spread.toFixed(2)}, ` +
            `throttled/contact ${measure.throttledPerSuccess.toFixed(2)}`,
        );
        measures.push(measure);
      }
    }
  }
  const order = (measure: ManyStacksMeasure) =>
    RATE_CASES.findIndex((rateCase) => rateCase.count === measure.case.count) * 1e4 +
    measure.case.k * 10 +
    KINDS.indexOf(measure.case.kind);
  const sorted = [...measures].sort((a, b) => order(a) - order(b));
  const entries = manyStacksEntries(sorted);
  return {
    rows: sorted.flatMap(rowsOf),
    details: {
      formula:
        "create wall = first Create any host sends to the last answer any host gets; ideal wall = (S − burst) / rate " +
        "on StartOutboundChatContact (S = its successful calls); aggregateRatio = ideal / create wall; spread = " +
        "slowest host's finish / fastest's, from the first Create; throttledPerSuccess = ThrottlingException " +
        "answers of StartOutboundChatContact and DescribeContact / contacts made",
      cases: entries,
    },
    text: formatMatrix(sorted),
    entries,
  };
}
