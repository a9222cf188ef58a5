/**
 * Reads Stryker's JSON report (.tmp/mutation/mutation.json) and writes the figures the project
 * keeps, bench/results/mutation.json: `{ minutes, cores, score, killed, survived, noCoverage,
 * timeout, ignored, files, survivors: [{ file, line, mutator, replacement }] }`. The score is Stryker's: detected (killed or
 * timed out) over valid mutants (detected, survived and not covered); ignored and static-skipped
 * mutants do not count. Part of `npm run test:mutation`.
 */
import { readFileSync, statSync, writeFileSync } from "fs";
import { cpus } from "os";
import * as path from "path";

interface Mutant {
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly status: string;
  readonly location: { readonly start: { readonly line: number } };
}

const ROOT = path.resolve(__dirname, "..");
const REPORT = path.join(ROOT, ".tmp", "mutation", "mutation.json");
const report = JSON.parse(readFileSync(REPORT, "utf8")) as {
  files: Record<string, { mutants: Mutant[] }>;
};

const count: Record<string, number> = {};
const survivors: { file: string; line: number; mutator: string; replacement?: string }[] = [];
for (const [file, { mutants }] of Object.entries(report.files)) {
  for (const mutant of mutants) {
    count[mutant.status] = (count[mutant.status] ?? 0) + 1;
    if (mutant.status === "Survived" || mutant.status === "NoCoverage") {
      survivors.push({
        file,
        line: mutant.location.start.line,
        mutator: mutant.mutatorName,
        ...(mutant.replacement === undefined
          ? {}
          : { replacement: mutant.replacement.slice(0, 80) }),
      });
    }
  }
}
const killed = count.Killed ?? 0;
const timeout = count.Timeout ?? 0;
const survived = count.Survived ?? 0;
const noCoverage = count.NoCoverage ?? 0;
const score = (killed + timeout) / Math.max(1, killed + timeout + survived + noCoverage);
/**
 * How long the run took: from the time `npm run test:mutation` wrote down when it started to the
 * time Stryker wrote its report.
 */
function runMinutes(): number | undefined {
  try {
    const started = Number(readFileSync(path.join(ROOT, ".tmp", "mutation", "started-at"), "utf8"));
    return Math.round((statSync(REPORT).mtimeMs - started) / 600) / 100;
  } catch {
    return undefined;
  }
}

const result = {
  measuredAt: new Date().toISOString(),
  // The wall time of the run (an incremental run tests again only what changed) and the cores
  // it had.
  minutes: runMinutes(),
  cores: cpus().length,
  score: Math.round(score * 10000) / 10000,
  killed,
  survived,
  noCoverage,
  timeout,
  ignored: count.Ignored ?? 0,
  // The files the run mutated: all of provider/, or those a run given `--mutate` named.
  files: Object.keys(report.files).sort(),
  survivors: survivors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line),
};
writeFileSync(
  path.join(ROOT, "bench", "results", "mutation.json"),
  `${JSON.stringify(result, null, 2)}\n`,
);
const byFile: Record<string, number> = {};
for (const survivor of survivors) byFile[survivor.file] = (byFile[survivor.file] ?? 0) + 1;
console.log(
  `mutation score ${(score * 100).toFixed(1)}%: ${killed} killed, ${timeout} timed out, ` +
    `${survived} survived, ${noCoverage} not covered, ${result.ignored} ignored`,
);
for (const [file, n] of Object.entries(byFile).sort(([, a], [, b]) => b - a)) {
  console.log(`  ${String(n).padStart(4)}  ${file}`);
}
