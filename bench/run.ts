/**
 * `npm run bench`: every scenario through the real provider host against the local emulator, one
 * after the other; prints a table and writes bench/results/latest.json with the machine's details.
 *
 *   npm run bench
 *   BENCH_ONLY=bulk,preview npm run bench     # a subset: bulk, preview, state, coldstart, memory
 *
 * `memory` is measured during `bulk` (selecting either runs the bulk cases). Nothing here asserts:
 * the exit code is 1 only when a scenario could not run, never because a goal was missed.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { REPO_ROOT } from "./fixtures";
import { removeInstalledProject } from "./installed";
import { formatTable, machine, Row, ScenarioResult } from "./report";
import { runBulk } from "./scenarios/bulk";
import { runColdStart } from "./scenarios/cold-start";
import { runPreview } from "./scenarios/preview";
import { runState } from "./scenarios/state";

const SCENARIOS = ["bulk", "preview", "state", "coldstart", "memory"] as const;
type ScenarioName = (typeof SCENARIOS)[number];

function selected(): Set<ScenarioName> {
  const text = process.env.BENCH_ONLY?.trim();
  if (!text) {
    return new Set(SCENARIOS);
  }
  const names = text.split(",").map((name) => name.trim().toLowerCase().replace(/[-_ ]/g, ""));
  const unknown = names.filter((name) => !(SCENARIOS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `BENCH_ONLY names unknown scenario(s) ${unknown.map((name) => `"${name}"`).join(", ")}; ` +
        `the scenarios are ${SCENARIOS.join(", ")} (comma-separated).`,
    );
  }
  return new Set(names as ScenarioName[]);
}

function log(line: string): void {
  console.error(`[${(performance.now() / 1000).toFixed(1).padStart(6)} s] ${line}`);
}

async function main(): Promise<void> {
  const only = selected();
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const results: Partial<Record<ScenarioName, ScenarioResult>> = {};
  try {
    if (only.has("bulk") || only.has("memory")) {
      const { bulk, memory } = await runBulk(log);
      if (only.has("bulk")) {
        results.bulk = bulk;
      }
      if (only.has("memory")) {
        results.memory = memory;
      }
    }
    if (only.has("preview")) {
      results.preview = await runPreview(log);
    }
    if (only.has("state")) {
      results.state = await runState(log);
    }
    if (only.has("coldstart")) {
      results.coldstart = await runColdStart(log);
    }
  } finally {
    await removeInstalledProject();
  }
  const durationSeconds = (performance.now() - started) / 1000;
  const rows: Row[] = SCENARIOS.flatMap((name) => results[name]?.rows ?? []);
  const details = machine(REPO_ROOT);
  console.log();
  console.log(formatTable(rows));
  console.log();
  console.log(
    "wall = the create phase (first Create sent to last answered), ratio = ideal wall / wall, ideal wall = (S − burst) / rate, S = successful " +
      "StartOutboundChatContact calls (= N when nothing failed); achieved rate = S / wall.",
  );
  console.log(
    `${details.date}, ${details.os}, ${details.cpuModel} × ${details.cores}, ` +
      `${(details.memoryBytes / 2 ** 30).toFixed(1)} GiB, Node ${details.node}, ` +
      `commit ${details.gitCommit.slice(0, 12)}; bench took ${durationSeconds.toFixed(0)} s`,
  );
  const missed = rows.filter((row) => row.met === false);
  console.log(
    missed.length === 0
      ? "Every goal measured in this run is met."
      : `Goals missed: ${missed.map((row) => `${row.scenario} / ${row.case} / ${row.measure}`).join("; ")}`,
  );

  const file = path.join(__dirname, "results", "latest.json");
  await fs.mkdir(path.dirname(file), { recursive: true });
  const json = {
    machine: details,
    startedAt,
    durationSeconds: Math.round(durationSeconds),
    scenarios: [...only],
    rows,
    details: Object.fromEntries(
      Object.entries(results).map(([name, result]) => [name, result.details]),
    ),
  };
  await fs.writeFile(file, JSON.stringify(json, null, 2) + "\n");
  console.log(`Written ${path.relative(REPO_ROOT, file)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
