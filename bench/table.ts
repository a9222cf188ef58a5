/**
 * Prints `bench/results/latest.json` as Markdown tables, for bench/README.md and the README's
 * Performance section: every row of every scenario with its goal and verdict, each scenario with
 * the run (date, machine, commit) its figures come from, the many-stacks runs side by side, and
 * the real-CLI runs.
 * Reads the file only; runs nothing.
 *
 *   npm run bench:table
 */
import { readFileSync } from "fs";
import * as path from "path";
import { formatRealCliTable, Machine, RealCliEntry, Row } from "./report";

interface Run {
  readonly startedAt: string;
  readonly machine: Machine;
}

interface ManyStacksEntry {
  readonly kind: string;
  readonly k: number;
  readonly n: number;
  readonly rate: number;
  readonly burst: number;
  readonly aggregateRatio: number;
  readonly failed: number;
  readonly duplicates: number;
  readonly spread: number;
  readonly throttledPerSuccess: number;
  readonly throttledStarts: number;
  readonly throttledDescribes: number;
  readonly hostPeakRssBytes: number[];
  readonly met: {
    readonly aggregate: boolean;
    readonly spread: boolean;
    readonly throttledPerSuccess: boolean;
  };
}

interface Results {
  readonly rows: Row[];
  readonly scenarioRuns: Record<string, Run>;
  readonly manyStacks?: ManyStacksEntry[];
  readonly realCli?: RealCliEntry[];
}

const RESULTS = path.join(__dirname, "results", "latest.json");
const KIND_NAMES: Record<string, string> = {
  provider: "provider",
  naive: "naive",
  adaptive: "SDK adaptive",
};

function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

function verdict(met: boolean | undefined): string {
  return met === undefined ? "" : met ? "yes" : "**no**";
}

function yesNo(met: boolean): string {
  return met ? "yes" : "no";
}

function runLine(name: string, run: Run): string {
  const { cpuModel, cores, node, gitCommit } = run.machine;
  return `- ${name}: ${run.startedAt.slice(0, 16).replace("T", " ")} UTC, ${cpuModel} × ${cores}, Node ${node}, commit ${gitCommit.slice(0, 7)}`;
}

function main(): void {
  const results = JSON.parse(readFileSync(RESULTS, "utf8")) as Results;
  const lines: string[] = ["Runs the figures come from:", ""];
  for (const [name, run] of Object.entries(results.scenarioRuns)) {
    lines.push(runLine(name, run));
  }
  lines.push("", "| scenario | case | measure | value | goal | met |", "|---|---|---|---|---|---|");
  for (const row of results.rows) {
    lines.push(
      `| ${[row.scenario, row.case, row.measure, row.value, row.goal ?? "", verdict(row.met)].map(cell).join(" | ")} |`,
    );
  }
  const runs = results.manyStacks ?? [];
  if (runs.length > 0) {
    lines.push(
      "",
      "| K × rate | provider | aggregate | failed | dup | spread | throttled / contact (Start + Describe) | peak RSS, max host | goals (agg+0+0 / spread / throttled) |",
      "|---|---|---|---|---|---|---|---|---|",
    );
    for (const entry of runs) {
      const first = runs.find((e) => e.k === entry.k && e.n === entry.n) === entry;
      const where = first ? `${entry.k} × ${entry.rate}/s b${entry.burst}, N=${entry.n}` : "";
      const peakMb = Math.round(Math.max(...entry.hostPeakRssBytes) / 1e6);
      lines.push(
        `| ${where} | ${KIND_NAMES[entry.kind] ?? entry.kind} | ${entry.aggregateRatio.toFixed(3)} | ${entry.failed} | ${entry.duplicates} | ` +
          `${entry.spread.toFixed(2)} | ${entry.throttledPerSuccess.toFixed(3)} (${entry.throttledStarts} + ${entry.throttledDescribes}) | ` +
          `${peakMb} MB | ${yesNo(entry.met.aggregate)} / ${yesNo(entry.met.spread)} / ${yesNo(entry.met.throttledPerSuccess)} |`,
      );
    }
  }
  if ((results.realCli ?? []).length > 0) {
    lines.push("", formatRealCliTable(results.realCli ?? []));
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

main();
