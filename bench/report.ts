/**
 * The shape of a scenario's result, the table printed at the end of a run, the machine the run
 * was made on, and the entries of latest.json's `realCli` with their table (printed by the run
 * and by bench/table.ts).
 */
import { execFileSync } from "child_process";
import * as os from "os";

/** One line of the printed table. */
export interface Row {
  readonly scenario: string;
  /** The case within the scenario, such as "provider, N=300, 20/s burst 20". */
  readonly case: string;
  readonly measure: string;
  readonly value: string;
  /** The goal, such as "≥ 0.95"; absent for a figure given for context. */
  readonly goal?: string;
  /** Whether the goal is met; absent without a goal. */
  readonly met?: boolean;
}

export interface ScenarioResult {
  readonly rows: readonly Row[];
  /** Everything measured, for bench/results/latest.json. */
  readonly details: unknown;
  /** A table of the scenario's own, printed after the main table. @default - none */
  readonly text?: string;
}

export interface Machine {
  readonly os: string;
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryBytes: number;
  readonly node: string;
  readonly date: string;
  readonly gitCommit: string;
}

/** The machine's details; the commit is read with `git rev-parse` (which changes nothing). */
export function machine(root: string): Machine {
  let gitCommit = "unknown";
  try {
    gitCommit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  } catch {
    // not a git checkout
  }
  return {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryBytes: os.totalmem(),
    node: process.version,
    date: new Date().toISOString(),
    gitCommit,
  };
}

/** The rows as an aligned text table. */
export function formatTable(rows: readonly Row[]): string {
  const header = ["scenario", "case", "measure", "value", "goal", "met"];
  const lines = rows.map((row) => [
    row.scenario,
    row.case,
    row.measure,
    row.value,
    row.goal ?? "",
    row.met === undefined ? "" : row.met ? "yes" : "NO",
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column].length)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join("  ")
      .trimEnd();
  return [
    format(header),
    format(widths.map((width) => "-".repeat(width))),
    ...lines.map(format),
  ].join("\n");
}

/** "12.3 ms", "1.05 s". */
export function ms(value: number): string {
  return value >= 1000
    ? `${(value / 1000).toFixed(2)} s`
    : `${value.toFixed(value < 10 ? 3 : 1)} ms`;
}

/** "12.3 MB" (10^6 bytes) or "1,234 B". */
export function bytes(value: number): string {
  return value >= 1_000_000
    ? `${(value / 1_000_000).toFixed(1)} MB`
    : `${value.toLocaleString("en-US")} B`;
}

/** The memory goal: the provider host's peak RSS at most the naive provider's host's + 5 %. */
export const MEMORY_GOAL_FACTOR = 1.05;

/** What the memory scenario records per bulk case (bench/scenarios/bulk.ts). */
interface MemoryDetail {
  readonly case: { readonly kind: string; readonly count: number };
  readonly peakRssPolledBytes: number;
  readonly vmHwmBytes: number;
}

/**
 * The memory scenario judged against the naive provider measured in the same run: its rows keep
 * their figures without the absolute goal, and gain, per N, the provider's peak / the naive
 * provider's with the goal ≤ {@link MEMORY_GOAL_FACTOR}× and its verdict.
 */
export function memoryAgainstNaive(memory: ScenarioResult): ScenarioResult {
  const details = memory.details as readonly MemoryDetail[];
  const peak = (detail: MemoryDetail) => Math.max(detail.peakRssPolledBytes, detail.vmHwmBytes);
  const verdicts = [...new Set(details.map((detail) => detail.case.count))].flatMap((count) => {
    const of = (kind: string) =>
      details.find((detail) => detail.case.kind === kind && detail.case.count === count);
    const provider = of("provider");
    const naive = of("naive");
    if (!provider || !naive) {
      return [];
    }
    const ratio = peak(provider) / peak(naive);
    return [
      {
        count,
        providerPeakBytes: peak(provider),
        naivePeakBytes: peak(naive),
        ratio,
        met: ratio <= MEMORY_GOAL_FACTOR,
      },
    ];
  });
  return {
    rows: [
      ...memory.rows.map(({ goal: _goal, met: _met, ...row }) => row),
      ...verdicts.map((verdict) => ({
        scenario: "5 memory",
        case: `provider vs naive, N=${verdict.count}`,
        measure: "host peak RSS, provider / naive",
        value:
          `${bytes(verdict.providerPeakBytes)} / ${bytes(verdict.naivePeakBytes)} = ` +
          `${verdict.ratio.toFixed(3)}×`,
        goal: `≤ ${MEMORY_GOAL_FACTOR}× naive (${bytes(verdict.naivePeakBytes * MEMORY_GOAL_FACTOR)})`,
        met: verdict.met,
      })),
    ],
    details: {
      cases: details,
      goal: {
        factor: MEMORY_GOAL_FACTOR,
        verdicts: verdicts.map((v) => ({ ...v, ratio: Math.round(v.ratio * 1000) / 1000 })),
      },
    },
  };
}

/** One `realCli` entry of latest.json. */
export interface RealCliEntry {
  readonly provider: "provider" | "naive";
  /**
   * `cli`: the real Pulumi CLI (`cli, PULUMI_SKIP_CHECKPOINTS=true`: saving state at the end only);
   * `harness`: harness/engine.ts, every step at once; `harness, parallel P`: as the real engine
   * schedules.
   */
  readonly engine: string;
  readonly n: number;
  readonly rate: number;
  readonly burst: number;
  readonly wallSeconds: number;
  readonly idealSeconds: number;
  /** idealSeconds / wallSeconds. */
  readonly ratio: number;
  /** Resources not in state at the end (failed, or never tried after a failure). */
  readonly failed: number;
  /** Contacts beyond the first for one resource. */
  readonly duplicates: number;
  readonly successfulStarts: number;
  readonly throttledStarts: number;
  /** The whole `up`: for the CLI from its start (program, preview, update), for the harness from `Engine.up`. */
  readonly upSeconds: number;
  /** From the start of the `up` to the first Start. */
  readonly beforeFirstStartSeconds: number;
  /** First Start to last successful Start. */
  readonly startsPhaseSeconds: number;
  /** idealSeconds / startsPhaseSeconds. */
  readonly startsPhaseRatio: number;
  /** Last successful Start to the end of the `up`. */
  readonly tailSeconds: number;
  /** The last Create answered to the end of the `up`. */
  readonly afterLastCreateSeconds: number;
  /** From the first Create the host received to the first Start the emulator received. */
  readonly firstCreateToFirstStartMs: number;
  readonly createsInFlightMax: number;
  /** Time-weighted, from the first Create sent to the last answered. */
  readonly createsInFlightMean: number;
  readonly checksInFlightMax: number;
  /** Check calls over the whole `up`, per resource. */
  readonly checksPerResource: number;
  /** Provider host processes that answered a call during the `up`. */
  readonly hosts: number;
  /** Configure calls per host (max over hosts). */
  readonly configuresPerHost: number;
  readonly createLatencyP50Ms: number;
  readonly checkP50Ms: number;
  /** From a Create's answer to the next Create sent: p50 and p90. */
  readonly slotTurnoverP50Ms: number;
  readonly slotTurnoverP90Ms: number;
  /** Between successive successful Starts: p50 and the longest. */
  readonly startGapP50Ms: number;
  readonly startGapMaxMs: number;
  /** The mean time between successive Creates sent, in each tenth of them. */
  readonly createSpacingByDecileMs: readonly number[];
  /** CPU time during the `up`: the CLI, the language host, the provider hosts, and the bench's own process (the emulator; the harness engine). */
  readonly cpuSeconds: Readonly<Record<string, number>>;
  /** The stack's state file at the end (the CLI's runs). */
  readonly stateFileBytes?: number;
  /** The CLI's exit code (0 for a harness run that reported no failure). */
  readonly exitCode: number | null;
  /** Variables added to the CLI's environment (BENCH_REALCLI_ENV). */
  readonly cliEnv?: Record<string, string>;
}

/** The realCli table, as bench/README.md shows it. */
export function formatRealCliTable(entries: readonly RealCliEntry[]): string {
  const lines = [
    "| N, rate | provider | engine | wall | ideal | ratio | failed | dup | starts phase (ratio) | tail | creates in flight max / mean | Creates sent every (1st / 10th tenth) | CPU: CLI / provider hosts | throttled | Checks / resource |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const entry of entries) {
    const spacing = entry.createSpacingByDecileMs;
    lines.push(
      `| ${entry.n}, ${entry.rate}/s b${entry.burst} | ${entry.provider} | ${entry.engine} | ${entry.wallSeconds.toFixed(2)} s | ${entry.idealSeconds.toFixed(2)} s | ` +
        `**${entry.ratio.toFixed(3)}** | ${entry.failed} | ${entry.duplicates} | ${entry.startsPhaseSeconds.toFixed(2)} s (${entry.startsPhaseRatio.toFixed(3)}) | ` +
        `${entry.tailSeconds.toFixed(2)} s | ${entry.createsInFlightMax} / ${entry.createsInFlightMean.toFixed(1)} | ` +
        `${spacing[0].toFixed(0)} / ${spacing[spacing.length - 1].toFixed(0)} ms | ` +
        `${entry.cpuSeconds.cli.toFixed(1)} / ${entry.cpuSeconds.providerHosts.toFixed(1)} s | ${entry.throttledStarts} | ${entry.checksPerResource} |`,
    );
  }
  return lines.join("\n");
}
