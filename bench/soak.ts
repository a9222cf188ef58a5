/**
 * `npm run soak`: a chaos soak. N creates (SOAK_N, default 300) through the real dynamic-provider
 * host against the emulator, while random faults of every kind the emulator offers (errors of
 * every class, connections dropped before and after the call, late answers) hit both operations a
 * create makes, and the host is killed (SIGKILL) at random moments at least SOAK_KILLS times
 * (default 3). After each round, what has no recorded result is run again, as `pulumi up` would
 * be: a new host, the same program, the same URNs. It ends when every resource is in state, and
 * then counts, from the emulator's own record, contacts per resource: duplicates (more than one)
 * and lost (none, or not the one in state). Exits 1 if either is not 0. Not part of `npm test`.
 * Writes its figures to bench/results/soak.json.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { ConnectEmulator, FaultSpec } from "../emulator";
import { Engine, ProviderHost } from "../harness";
import {
  awsEnv,
  contactsProgram,
  registrationsOf,
  REPO_ROOT,
  RESOURCE_ATTRIBUTE,
  STACK_CONFIG,
  startEmulator,
} from "./fixtures";

const N = Number(process.env.SOAK_N ?? 300);
const KILLS = Number(process.env.SOAK_KILLS ?? 3);
const RATE = { ratePerSecond: 20, burst: 20 };
/** Chance that each fault tick adds a fault. */
const FAULT_CHANCE = 0.3;
const FAULT_TICK_MS = 250;
const MAX_ROUNDS = 30;
const OPERATIONS = ["StartOutboundChatContact", "DescribeContact"] as const;

/** A random fault of every kind the emulator offers. */
function randomFault(random: () => number): FaultSpec {
  const operation = OPERATIONS[Math.floor(random() * OPERATIONS.length)];
  const kinds: Array<() => FaultSpec> = [
    () => ({ operation, kind: "error", status: 500 }),
    () => ({ operation, kind: "error", status: 503 }),
    () => ({ operation, kind: "error", status: 429 }),
    () => ({ operation, kind: "error", status: 400, errorType: "InvalidRequestException" }),
    () => ({ operation, kind: "error", status: 409, errorType: "ConflictException" }),
    () => ({ operation, kind: "drop-before" }),
    () => ({ operation, kind: "drop-after" }),
    () => ({ operation, kind: "delay", delayMs: Math.floor(random() * 3_000) }),
  ];
  return kinds[Math.floor(random() * kinds.length)]();
}

/** A small seeded generator (mulberry32), so that a run can be repeated with SOAK_SEED. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** StartOutboundChatContact calls the emulator answered with a contact. */
function startsOk(emulator: ConnectEmulator): number {
  return emulator.calls().counts.StartOutboundChatContact?.ok ?? 0;
}

function startHost(emulator: ConnectEmulator): Promise<ProviderHost> {
  return ProviderHost.start({ cwd: REPO_ROOT, env: awsEnv(emulator), config: STACK_CONFIG });
}

interface SoakResult {
  readonly n: number;
  readonly seed: number;
  readonly rate: typeof RATE;
  readonly rounds: number;
  readonly hostKills: number;
  readonly faultsInjected: Record<string, number>;
  readonly resourcesInState: number;
  readonly contacts: number;
  readonly duplicates: number;
  readonly lost: number;
  readonly wallSeconds: number;
  readonly idealSeconds: number;
  readonly date: string;
  readonly node: string;
}

async function main(): Promise<void> {
  const seed = Number(process.env.SOAK_SEED ?? Date.now() % 1_000_000);
  const random = seededRandom(seed);
  const emulator = await startEmulator(RATE);
  const registrations = await registrationsOf(contactsProgram("provider", N, "soak"));
  const engine = new Engine(await startHost(emulator));
  const faultsInjected: Record<string, number> = {};
  let kills = 0;
  let rounds = 0;
  const started = performance.now();
  const log = (line: string): void =>
    console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
  log(
    `soak: N=${N}, ${KILLS}+ host kills, seed ${seed}, every API at ${RATE.ratePerSecond}/s burst ${RATE.burst}`,
  );

  const faults = setInterval(() => {
    if (random() < FAULT_CHANCE) {
      const fault = randomFault(random);
      const key = `${fault.operation} ${fault.kind}${fault.kind === "error" ? ` ${fault.status}` : ""}`;
      faultsInjected[key] = (faultsInjected[key] ?? 0) + 1;
      emulator.setFault(fault);
    }
  }, FAULT_TICK_MS);

  try {
    while (engine.live().length < N || rounds === 0) {
      if (rounds >= MAX_ROUNDS) {
        throw new Error(
          `not done after ${MAX_ROUNDS} rounds: ${engine.live().length} of ${N} in state`,
        );
      }
      rounds++;
      // Kill the host in this round while creates are in flight: once the emulator has started a
      // random share of the contacts still missing, so that some answers are never recorded.
      const missing = N - engine.live().length;
      const startsBefore = startsOk(emulator);
      const killAfter = 1 + Math.floor(random() * Math.max(1, missing / 2));
      const killer =
        kills < KILLS
          ? setInterval(() => {
              if (startsOk(emulator) - startsBefore >= killAfter) {
                clearInterval(killer);
                kills++;
                log(`round ${rounds}: SIGKILL the host after ${killAfter} new contacts`);
                void engine.host.kill();
              }
            }, 50)
          : undefined;
      const reports = await engine.up(registrations);
      clearInterval(killer);
      const failed = reports.filter((report) => report.error || report.failures).length;
      log(`round ${rounds}: ${engine.live().length} of ${N} in state, ${failed} steps failed`);
      await engine.host.stop().catch(() => undefined);
      engine.host = await startHost(emulator);
    }
  } finally {
    clearInterval(faults);
    await engine.host.stop().catch(() => undefined);
  }
  const wallSeconds = (performance.now() - started) / 1000;

  const contacts = emulator.contacts();
  const byResource = new Map<string, string[]>();
  for (const contact of contacts) {
    const name = contact.attributes[RESOURCE_ATTRIBUTE];
    byResource.set(name, [...(byResource.get(name) ?? []), contact.contactId]);
  }
  let duplicates = 0;
  let lost = 0;
  for (const registration of registrations) {
    const made = byResource.get(registration.name) ?? [];
    duplicates += Math.max(0, made.length - 1);
    const inState = engine.get(registration.name);
    if (made.length === 0 || inState === undefined || !made.includes(inState.id)) {
      lost++;
    }
  }
  await emulator.stop();

  const result: SoakResult = {
    n: N,
    seed,
    rate: RATE,
    rounds,
    hostKills: kills,
    faultsInjected,
    resourcesInState: engine.live().length,
    contacts: contacts.length,
    duplicates,
    lost,
    wallSeconds: Number(wallSeconds.toFixed(1)),
    idealSeconds: N / RATE.ratePerSecond,
    date: new Date().toISOString(),
    node: process.version,
  };
  const file = path.join(REPO_ROOT, "bench", "results", "soak.json");
  await fs.writeFile(file, JSON.stringify(result, null, 2) + "\n");
  console.log("");
  console.log(`resources in state  ${result.resourcesInState} / ${N}`);
  console.log(`contacts            ${result.contacts}`);
  console.log(`duplicates          ${duplicates}`);
  console.log(`lost                ${lost}`);
  console.log(`host kills          ${kills}`);
  console.log(`rounds              ${rounds}`);
  console.log(
    `faults injected     ${Object.values(faultsInjected).reduce((a, b) => a + b, 0)} (${Object.keys(faultsInjected).length} kinds)`,
  );
  console.log(
    `time                ${result.wallSeconds} s against N / rate = ${result.idealSeconds} s`,
  );
  console.log(`Written ${path.relative(REPO_ROOT, file)}`);
  if (duplicates > 0 || lost > 0 || kills < KILLS) {
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
