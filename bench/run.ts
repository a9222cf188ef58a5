/**
 * `npm run bench`: every scenario through the real provider host against the local emulator, one
 * after the other; prints a table and writes bench/results/latest.json with the machine's details.
 *
 *   npm run bench
 *   BENCH_ONLY=bulk,preview npm run bench     # a subset: bulk, preview, state, coldstart, memory,
 *                                             # manystacks, realcli
 *
 * `memory` is measured during `bulk` (selecting either runs the bulk cases). Nothing here asserts:
 * the exit code is 1 only when a scenario could not run, never because a goal was missed.
 *
 * A subset replaces its own scenarios' rows and details in latest.json and keeps the others' as
 * they were, with the run each came from in `scenarioRuns`.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { removeInstalledPackage } from "../harness/cli-project";
import { REPO_ROOT } from "./fixtures";
import { removeInstalledProject } from "./installed";
import { formatTable, machine, memoryAgainstNaive, Row, ScenarioResult } from "./report";
import { runBulk } from "./scenarios/bulk";
import { runColdStart } from "./scenarios/cold-start";
import { runManyStacks } from "./scenarios/many-stacks";
import { runPreview } from "./scenarios/preview";
import { runRealCli } from "./scenarios/real-cli";
import { runState } from "./scenarios/state";

const SCENARIOS = [
  "bulk",
  "preview",
  "state",
  "coldstart",
  "memory",
  "manystacks",
  "realcli",
] as const;
type ScenarioName = (typeof SCENARIOS)[number];

/** The `scenario` of each scenario's rows, to tell them apart in an earlier latest.json. */
const ROW_LABELS: Record<ScenarioName, string> = {
  bulk: "1 bulk up",
  preview: "2 preview",
  state: "3 state",
  coldstart: "4 cold start",
  memory: "5 memory",
  manystacks: "6 many stacks",
  realcli: "7 real CLI",
};

/** What an earlier run left in latest.json, as far as a partial run keeps it. */
interface EarlierResults {
  readonly machine?: { readonly gitCommit?: string };
  readonly startedAt?: string;
  readonly scenarios?: string[];
  readonly rows?: Row[];
  readonly details?: Record<string, unknown>;
  readonly scenarioRuns?: Record<string, unknown>;
  readonly manyStacks?: unknown[];
  readonly realCli?: unknown[];
}

async function earlierResults(file: string): Promise<EarlierResults> {
  try {
    return JSON.parse(await fs.readFile(file, "utf8")) as EarlierResults;
  } catch {
    return {};
  }
}

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
  let manyStacks: unknown[] | undefined;
  let realCli: unknown[] | undefined;
  try {
    if (only.has("bulk") || only.has("memory")) {
      const { bulk, memory } = await runBulk(log);
      if (only.has("bulk")) {
        results.bulk = bulk;
      }
      if (only.has("memory")) {
        results.memory = memoryAgainstNaive(memory);
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
    if (only.has("manystacks")) {
      const { entries, ...result } = await runManyStacks(log);
      results.manystacks = result;
      manyStacks = entries;
    }
    if (only.has("realcli")) {
      const { entries, ...result } = await runRealCli(log);
      results.realcli = result;
      realCli = entries;
    }
  } finally {
    await removeInstalledProject();
    await removeInstalledPackage();
  }
  const durationSeconds = (performance.now() - started) / 1000;
  const rows: Row[] = SCENARIOS.flatMap((name) => results[name]?.rows ?? []);
  const details = machine(REPO_ROOT);
  console.log();
  console.log(formatTable(rows));
  for (const name of SCENARIOS) {
    const text = results[name]?.text;
    if (text) {
      console.log();
      console.log(text);
    }
  }
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
  const earlier = await earlierResults(file);
  const kept = SCENARIOS.filter(
    (name) => !only.has(name) && (earlier.scenarios ?? []).includes(name),
  );
  const earlierRun = { startedAt: earlier.startedAt, machine: earlier.machine };
  const thisRun = { startedAt, machine: details };
  const scenarioRuns = Object.fromEntries([
    ...kept.map((name) => [name, earlier.scenarioRuns?.[name] ?? earlierRun]),
    ...[...only].map((name) => [name, thisRun]),
  ]);
  const keptLabels = new Set(kept.map((name) => ROW_LABELS[name]));
  const keptManyStacks = kept.includes("manystacks") ? earlier.manyStacks : undefined;
  const keptRealCli = kept.includes("realcli") ? earlier.realCli : undefined;
  const json = {
    machine: details,
    startedAt,
    durationSeconds: Math.round(durationSeconds),
    scenarios: SCENARIOS.filter((name) => only.has(name) || kept.includes(name)),
    scenarioRuns,
    rows: [...(earlier.rows ?? []).filter((row) => keptLabels.has(row.scenario)), ...rows].sort(
      (a, b) => a.scenario.localeCompare(b.scenario),
    ),
    details: {
      ...Object.fromEntries(kept.map((name) => [name, earlier.details?.[name]])),
      ...Object.fromEntries(
        Object.entries(results).map(([name, result]) => [name, result.details]),
      ),
    },
    ...((manyStacks ?? keptManyStacks) ? { manyStacks: manyStacks ?? keptManyStacks } : {}),
    ...((realCli ?? keptRealCli) ? { realCli: realCli ?? keptRealCli } : {}),
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
