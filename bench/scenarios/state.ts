/**
 * Scenario 3 (state): the bytes of `__provider` in each resource, for the in-repo build (the
 * provider serialized by value) and for the installed tarball (a `require` of the package), and
 * the bytes one resource adds to state: the JSON of its inputs and outputs after a create through
 * the host (the engine keeps `__provider` in both).
 */
import { awsEnv, Engine, Registration } from "../../harness";
import {
  bytesOf,
  contactsProgram,
  registrationsOf,
  REPO_ROOT,
  STACK_CONFIG,
  startEmulator,
} from "../fixtures";
import { startHost } from "../host-process";
import { installedProject } from "../installed";
import { bytes, ms, Row, ScenarioResult } from "../report";
import { round } from "../stats";

export const PROVIDER_GOAL_BYTES = 4096;

interface StateMeasure {
  readonly build: "in-repo" | "installed";
  readonly providerBytes: number;
  readonly requiresPackage: boolean;
  /** Absent when the create failed (then `createError` says why). */
  readonly resourceStateBytes?: number;
  readonly inputsBytes?: number;
  readonly outputsBytes?: number;
  readonly createError?: string;
}

async function measure(
  build: StateMeasure["build"],
  registrations: readonly Registration[],
  cwd: string,
): Promise<StateMeasure> {
  const [registration] = registrations;
  const provider = String(registration.inputs.__provider);
  const serialized = {
    build,
    providerBytes: bytesOf(provider),
    requiresPackage: provider.includes('require("pulumi-connect-outbound-chat/'),
  };
  const emulator = await startEmulator({ ratePerSecond: 100, burst: 100 });
  const { host } = await startHost({ cwd, env: awsEnv(emulator), config: STACK_CONFIG });
  try {
    const engine = new Engine(host);
    const reports = await engine.up(registrations);
    const failed = reports.find((report) => report.error || report.failures);
    if (failed) {
      return {
        ...serialized,
        createError: failed.error?.message ?? JSON.stringify(failed.failures),
      };
    }
    const [resource] = engine.resources;
    return {
      ...serialized,
      resourceStateBytes: bytesOf({ inputs: resource.inputs, outputs: resource.outputs }),
      inputsBytes: bytesOf(resource.inputs),
      outputsBytes: bytesOf(resource.outputs),
    };
  } finally {
    await host.stop();
    await emulator.stop();
  }
}

export async function runState(log: (line: string) => void): Promise<ScenarioResult> {
  log("state: in-repo build …");
  const inRepo = await measure(
    "in-repo",
    await registrationsOf(contactsProgram("provider", 1)),
    REPO_ROOT,
  );
  log("state: npm pack, install into a temporary project …");
  const project = await installedProject();
  log(`  packed and installed in ${ms(project.setupMs)}`);
  const installed = await measure("installed", await project.contacts(1), project.directory);

  const rows: Row[] = [];
  for (const result of [inRepo, installed]) {
    const isInstalled = result.build === "installed";
    rows.push(
      {
        scenario: "3 state",
        case: result.build,
        measure: "__provider per resource",
        value: bytes(result.providerBytes),
        ...(isInstalled
          ? { goal: "< 4 KB (4,096 B)", met: result.providerBytes < PROVIDER_GOAL_BYTES }
          : {}),
      },
      {
        scenario: "3 state",
        case: result.build,
        measure: "one resource in state (inputs+outputs JSON)",
        value:
          result.resourceStateBytes === undefined
            ? `n/a, create failed: ${result.createError?.replace(/^Create failed \(\w+\): /, "").slice(0, 60)}`
            : `${bytes(result.resourceStateBytes)} (2 × __provider = ${bytes(2 * result.providerBytes)})`,
      },
    );
  }
  rows.push({
    scenario: "3 state",
    case: "installed",
    measure: "tarball size",
    value: bytes(project.tarballBytes),
  });
  return {
    rows,
    details: {
      inRepo,
      installed,
      tarballBytes: project.tarballBytes,
      packAndInstallMs: round(project.setupMs, 0),
      note: "resource state = UTF-8 bytes of JSON.stringify({inputs, outputs}) as the engine driver keeps them; __provider is in both",
    },
  };
}
