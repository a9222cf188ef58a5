/**
 * Scenario 4 (cold start): the time from starting the provider host to the first Check answered
 * (process start, Configure, loading the serialized provider, Check), for the provider and for a
 * trivial provider on the same host, interleaved, several times each; medians compared. Measured
 * for the in-repo build and for the installed tarball.
 */
import { Registration } from "../../harness";
import {
  contactsProgram,
  emptyRegistration,
  registrationsOf,
  REPO_ROOT,
  STACK_CONFIG,
} from "../fixtures";
import { startHost, statusBytes } from "../host-process";
import { installedProject } from "../installed";
import { bytes, ms, Row, ScenarioResult } from "../report";
import { median, round } from "../stats";

export const REPETITIONS = Number(process.env.BENCH_COLD_START_REPETITIONS ?? "5");
export const COLD_START_GOAL = 1.2;

/**
 * Milliseconds from spawning the host to the answer of its first Check, and the host's VmHWM
 * (peak resident memory) then, in bytes.
 */
async function timeToFirstCheck(
  cwd: string,
  registration: Registration,
): Promise<{ ms: number; vmHwmBytes: number }> {
  const started = performance.now();
  const { host, pid } = await startHost({
    cwd,
    config: STACK_CONFIG,
    env: { AWS_REGION: "us-east-1" },
  });
  try {
    const checked = await host.check(registration.urn, {}, registration.inputs);
    if (checked.failures.length > 0) {
      throw new Error(`Check failed: ${JSON.stringify(checked.failures)}`);
    }
    return { ms: performance.now() - started, vmHwmBytes: statusBytes(pid, "VmHWM") };
  } finally {
    await host.stop();
  }
}

interface ColdStartMeasure {
  readonly build: "in-repo" | "installed";
  readonly providerMs: number[];
  readonly emptyMs: number[];
  readonly providerMedianMs: number;
  readonly emptyMedianMs: number;
  readonly ratio: number;
  /** Median VmHWM of the host at its first Check answered, in bytes. */
  readonly providerVmHwmBytes: number;
  readonly emptyVmHwmBytes: number;
}

async function measure(
  build: ColdStartMeasure["build"],
  cwd: string,
  provider: Registration,
  empty: Registration,
): Promise<ColdStartMeasure> {
  // One warm-up of each (file system cache), not counted.
  await timeToFirstCheck(cwd, empty);
  await timeToFirstCheck(cwd, provider);
  const providerMs: number[] = [];
  const emptyMs: number[] = [];
  const providerHwm: number[] = [];
  const emptyHwm: number[] = [];
  for (let repetition = 0; repetition < REPETITIONS; repetition++) {
    const emptyRun = await timeToFirstCheck(cwd, empty);
    emptyMs.push(emptyRun.ms);
    emptyHwm.push(emptyRun.vmHwmBytes);
    const providerRun = await timeToFirstCheck(cwd, provider);
    providerMs.push(providerRun.ms);
    providerHwm.push(providerRun.vmHwmBytes);
  }
  const providerMedianMs = median(providerMs);
  const emptyMedianMs = median(emptyMs);
  return {
    build,
    providerMs: providerMs.map((value) => round(value, 1)),
    emptyMs: emptyMs.map((value) => round(value, 1)),
    providerMedianMs,
    emptyMedianMs,
    ratio: providerMedianMs / emptyMedianMs,
    providerVmHwmBytes: median(providerHwm),
    emptyVmHwmBytes: median(emptyHwm),
  };
}

export async function runColdStart(log: (line: string) => void): Promise<ScenarioResult> {
  log(`cold start: in-repo, ${REPETITIONS} starts of each …`);
  const [inRepoProvider] = await registrationsOf(contactsProgram("provider", 1));
  const inRepo = await measure("in-repo", REPO_ROOT, inRepoProvider, await emptyRegistration());
  log(`cold start: installed, ${REPETITIONS} starts of each …`);
  const project = await installedProject();
  const [installedProvider] = await project.contacts(1);
  const installed = await measure(
    "installed",
    project.directory,
    installedProvider,
    await project.empty(),
  );
  const rows: Row[] = [inRepo, installed].flatMap((result): Row[] => [
    {
      scenario: "4 cold start",
      case: result.build,
      measure: `to 1st Check, median of ${REPETITIONS}: provider / empty`,
      value: `${ms(result.providerMedianMs)} / ${ms(result.emptyMedianMs)}`,
    },
    {
      scenario: "4 cold start",
      case: result.build,
      measure: "ratio provider / empty",
      value: `${result.ratio.toFixed(3)}×`,
      goal: `≤ ${COLD_START_GOAL}×`,
      met: result.ratio <= COLD_START_GOAL,
    },
    {
      scenario: "4 cold start",
      case: result.build,
      measure: "host VmHWM at 1st Check: provider / empty",
      value: `${bytes(result.providerVmHwmBytes)} / ${bytes(result.emptyVmHwmBytes)}`,
    },
  ]);
  return {
    rows,
    details: {
      repetitions: REPETITIONS,
      inRepo: {
        ...inRepo,
        providerMedianMs: round(inRepo.providerMedianMs, 1),
        emptyMedianMs: round(inRepo.emptyMedianMs, 1),
        ratio: round(inRepo.ratio, 3),
      },
      installed: {
        ...installed,
        providerMedianMs: round(installed.providerMedianMs, 1),
        emptyMedianMs: round(installed.emptyMedianMs, 1),
        ratio: round(installed.ratio, 3),
      },
    },
  };
}
