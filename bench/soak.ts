/**
 * `npm run soak`: a chaos soak. N creates (default 300) through the real dynamic-provider host of
 * the installed package against the emulator, with random faults of every kind the emulator
 * injects (errors retryable and not, connections dropped before and after the call, answers
 * delayed past the request timeout) and host processes killed with SIGKILL mid-run. After each
 * round it does what the engine does on the next `up`: resources with a recorded result are left
 * alone (Check, Diff: same), the others are created again with the same inputs and URN, so the
 * provider derives the same ClientToken and must land on the contact already started.
 *
 * It ends with every resource recorded and checks, from the emulator's contacts (each carries the
 * `benchResource` attribute naming its resource):
 *   duplicates = contacts beyond the first for one resource
 *   lost       = resources without a recorded id that is a contact made for them
 * and exits 1 when either is above 0, when a resource is still unrecorded after the last round,
 * or when fewer host kills happened than asked. The figures go to bench/results/soak.json.
 *
 *   npm run soak
 *   SOAK_N=500 SOAK_KILLS=4 SOAK_SEED=7 npm run soak
 *
 * Settings: SOAK_N (300), SOAK_RATE and SOAK_BURST (the emulator's buckets, 20 and 20), SOAK_KILLS
 * (3), SOAK_SEED (random; printed, so that a run can be repeated as far as timing allows),
 * SOAK_FAULTY_ROUNDS (the rounds with faults, 8; the rounds after have none, so a run converges),
 * SOAK_MAX_ROUNDS (20). Faults are injected every 50–400 ms while fewer than 4 wait in the
 * emulator's queue; those not taken are cleared at the end of each round.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { ConnectEmulator, FaultSpec, OperationName } from "../emulator";
import { awsEnv, Engine, ProviderHost, Registration, StepReport } from "../harness";
import { seededRandom } from "../harness/doubles";
import { REPO_ROOT, RESOURCE_ATTRIBUTE, STACK_CONFIG, startEmulator } from "./fixtures";
import { startHost } from "./host-process";
import { installedProject, removeInstalledProject } from "./installed";
import { machine } from "./report";
import { round } from "./stats";

function numberFromEnv(name: string, fallback: number): number {
  const text = process.env[name]?.trim();
  if (!text) {
    return fallback;
  }
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`${name} must be a number >= 0, got "${text}".`);
  }
  return value;
}

const N = numberFromEnv("SOAK_N", 300);
const RATE = numberFromEnv("SOAK_RATE", 20);
const BURST = numberFromEnv("SOAK_BURST", 20);
const KILLS = numberFromEnv("SOAK_KILLS", 3);
const SEED = numberFromEnv("SOAK_SEED", Math.floor(Math.random() * 2 ** 31));
const FAULTY_ROUNDS = numberFromEnv("SOAK_FAULTY_ROUNDS", 8);
const MAX_ROUNDS = numberFromEnv("SOAK_MAX_ROUNDS", 20);
/** The host's request timeout: a delay fault longer than this is an answer the client never gets. */
const REQUEST_TIMEOUT_SECONDS = 3;

const random = seededRandom(SEED);
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

/**
 * The faults drawn from, each with a name for the report. Every kind the emulator has (error,
 * drop-before, drop-after, delay), errors the provider retries and errors it does not (the create
 * fails and the next round sends it again), on both calls a create makes.
 */
const FAULT_MENU: readonly { readonly name: string; readonly make: () => FaultSpec }[] = (() => {
  const operations: readonly OperationName[] = ["StartOutboundChatContact", "DescribeContact"];
  const on = () => ({
    operation: random() < 0.7 ? operations[0] : operations[1],
    count: between(1, 3),
  });
  return [
    {
      name: "error 500 InternalServiceException",
      make: () => ({ ...on(), kind: "error", status: 500 }),
    },
    {
      name: "error 503 ServiceUnavailableException",
      make: () => ({ ...on(), kind: "error", status: 503 }),
    },
    {
      name: "error 429 ThrottlingException",
      make: () => ({ ...on(), kind: "error", status: 429 }),
    },
    {
      name: "error 429 LimitExceededException",
      make: () => ({ ...on(), kind: "error", status: 429, errorType: "LimitExceededException" }),
    },
    {
      name: "error 400 InvalidRequestException",
      make: () => ({ ...on(), kind: "error", status: 400, errorType: "InvalidRequestException" }),
    },
    {
      name: "error 403 AccessDeniedException",
      make: () => ({ ...on(), kind: "error", status: 403, errorType: "AccessDeniedException" }),
    },
    {
      name: "error 404 ResourceNotFoundException",
      make: () => ({ ...on(), kind: "error", status: 404, errorType: "ResourceNotFoundException" }),
    },
    { name: "drop-before", make: () => ({ ...on(), kind: "drop-before" }) },
    { name: "drop-after (lost answer)", make: () => ({ ...on(), kind: "drop-after" }) },
    {
      name: "delay, answered",
      make: () => ({ ...on(), kind: "delay", delayMs: between(100, 2_000) }),
    },
    {
      name: "delay past the request timeout (lost answer)",
      make: () => ({
        ...on(),
        kind: "delay",
        delayMs: between(
          REQUEST_TIMEOUT_SECONDS * 1000 + 200,
          REQUEST_TIMEOUT_SECONDS * 1000 + 3_000,
        ),
      }),
    },
  ];
})();

function log(line: string): void {
  console.error(`[${(performance.now() / 1000).toFixed(1).padStart(6)} s] ${line}`);
}

/** At most this many faults wait in the emulator's queue, so a round with few calls left still moves. */
const MAX_PENDING_FAULTS = 4;

/**
 * Injects a random fault every 50–400 ms, while fewer than {@link MAX_PENDING_FAULTS} wait, until
 * stopped; counts what it injected.
 */
function startFaults(emulator: ConnectEmulator, injected: Record<string, number>) {
  let timer: NodeJS.Timeout | undefined;
  const next = () => {
    timer = setTimeout(
      () => {
        if (emulator.faults().length < MAX_PENDING_FAULTS) {
          const entry = pick(FAULT_MENU);
          emulator.setFault(entry.make());
          injected[entry.name] = (injected[entry.name] ?? 0) + 1;
        }
        next();
      },
      between(50, 400),
    );
  };
  next();
  return () => clearTimeout(timer);
}

/** The first line of an error, without ids, to group failures by. */
function reasonOf(report: StepReport): string {
  if (!report.error) {
    return "check failed";
  }
  return (report.error.message.split("\n")[0] ?? "")
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "<id>")
    .slice(0, 200);
}

interface Round {
  readonly round: number;
  readonly faults: boolean;
  readonly killedAfterRecorded?: number;
  readonly recordedBefore: number;
  readonly recordedAfter: number;
  readonly failed: number;
  readonly seconds: number;
}

async function main(): Promise<void> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  log(
    `soak: N=${N}, ${RATE}/s burst ${BURST}, ${KILLS} kills, seed ${SEED}; packing the package …`,
  );
  const project = await installedProject();
  const registrations: Registration[] = await project.contacts(N);
  const emulator = await startEmulator({ ratePerSecond: RATE, burst: BURST });
  const injected: Record<string, number> = {};
  const failureReasons: Record<string, number> = {};
  const rounds: Round[] = [];
  let host: ProviderHost | undefined;
  let kills = 0;
  let upStarted = 0;
  let upSeconds = 0;
  try {
    const env = {
      ...awsEnv(emulator),
      PULUMI_CONNECT_REQUEST_TIMEOUT_SECONDS: String(REQUEST_TIMEOUT_SECONDS),
    };
    let engine: Engine | undefined;
    upStarted = performance.now();
    for (let index = 1; index <= MAX_ROUNDS; index++) {
      host = (await startHost({ cwd: project.directory, env, config: STACK_CONFIG })).host;
      if (engine) {
        engine.host = host;
      } else {
        engine = new Engine(host);
      }
      const recordedBefore = engine.live().length;
      if (recordedBefore >= N) {
        await host.stop();
        host = undefined;
        break;
      }
      const faulty = index <= FAULTY_ROUNDS;
      const stopFaults = faulty ? startFaults(emulator, injected) : () => {};
      // Kill this round's host once a random part (20–60 %) of what is left has been recorded.
      const killAt =
        kills < KILLS
          ? recordedBefore + Math.max(1, Math.floor((N - recordedBefore) * (0.2 + random() * 0.4)))
          : undefined;
      let killedAfter: number | undefined;
      if (killAt !== undefined) {
        // Kill as the create that reaches the mark is answered, before the engine records it:
        // the other creates are in flight, some held in the emulator by a delay.
        const running = host;
        const create = running.create.bind(running);
        let answered = recordedBefore;
        running.create = async (urn, properties, preview) => {
          const created = await create(urn, properties, preview);
          answered += 1;
          if (killedAfter === undefined && answered >= killAt) {
            killedAfter = answered;
            await running.kill();
          }
          return created;
        };
      }
      const roundStarted = performance.now();
      const reports = await engine.up(registrations);
      stopFaults();
      // Faults not taken in this round go: each round starts with an empty queue.
      emulator.clearFaults();
      if (killedAfter !== undefined) {
        kills += 1;
      }
      const failedReports = reports.filter((report) => report.error || report.failures);
      for (const report of failedReports) {
        const reason = reasonOf(report);
        failureReasons[reason] = (failureReasons[reason] ?? 0) + 1;
      }
      await host.stop();
      host = undefined;
      const round: Round = {
        round: index,
        faults: faulty,
        ...(killedAfter === undefined ? {} : { killedAfterRecorded: killedAfter }),
        recordedBefore,
        recordedAfter: engine.live().length,
        failed: failedReports.length,
        seconds: round2((performance.now() - roundStarted) / 1000),
      };
      rounds.push(round);
      log(
        `round ${index}${faulty ? " (faults)" : ""}: recorded ${recordedBefore} → ${round.recordedAfter}, ` +
          `${round.failed} failed` +
          (killedAfter === undefined ? "" : `, host killed (SIGKILL) at ${killedAfter} recorded`),
      );
      if (engine.live().length >= N && failedReports.length === 0) {
        break;
      }
    }
    upSeconds = (performance.now() - upStarted) / 1000;
    emulator.clearFaults();

    // The verdict, from the engine's state and the emulator's contacts.
    const contacts = emulator.contacts();
    const byResource = new Map<string, string[]>();
    for (const contact of contacts) {
      const name =
        contact.attributes[RESOURCE_ATTRIBUTE] ?? `token:${contact.clientTokenHash ?? ""}`;
      byResource.set(name, [...(byResource.get(name) ?? []), contact.contactId]);
    }
    const duplicates = [...byResource.values()].reduce((sum, ids) => sum + ids.length - 1, 0);
    const lostNames = registrations
      .map((registration) => registration.name)
      .filter((name) => {
        const recorded = engine?.get(name);
        return !recorded || !(byResource.get(name) ?? []).includes(recorded.id);
      });
    const duplicateNames = [...byResource.entries()]
      .filter(([, ids]) => ids.length > 1)
      .map(([name]) => name);
    const resources = engine?.live().length ?? 0;
    const { counts, log: callLog } = emulator.calls();
    // StartOutboundChatContact calls that landed on a contact an earlier call had started.
    const startedBy = callLog
      .filter((call) => call.operation === "StartOutboundChatContact" && call.contactId)
      .map((call) => call.contactId);
    const replays = startedBy.length - new Set(startedBy).size;
    const idealSeconds = N / RATE;
    const result = {
      machine: machine(REPO_ROOT),
      startedAt,
      seed: SEED,
      n: N,
      rate: RATE,
      burst: BURST,
      requestTimeoutSeconds: REQUEST_TIMEOUT_SECONDS,
      killsAsked: KILLS,
      kills,
      resources,
      contacts: contacts.length,
      /** StartOutboundChatContact calls that landed on a contact an earlier call had started. */
      replays,
      duplicates,
      lost: lostNames.length,
      lostResources: lostNames.slice(0, 20),
      duplicateResources: duplicateNames.slice(0, 20),
      upSeconds: round2(upSeconds),
      nOverRateSeconds: round2(idealSeconds),
      timeRatio: round(upSeconds / idealSeconds, 3),
      rounds,
      faultsInjected: injected,
      faultsInjectedTotal: Object.values(injected).reduce((sum, n) => sum + n, 0),
      failureReasons,
      calls: counts,
      totalSeconds: round2((performance.now() - started) / 1000),
    };
    const file = path.join(__dirname, "results", "soak.json");
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, JSON.stringify(result, null, 2) + "\n");

    const ok = duplicates === 0 && lostNames.length === 0 && resources === N && kills >= KILLS;
    console.log();
    console.log(`chaos soak, seed ${SEED}: N=${N} at ${RATE}/s burst ${BURST}`);
    console.log(`  resources recorded   ${resources} / ${N}`);
    console.log(`  contacts             ${contacts.length}`);
    console.log(
      `  re-sent, same contact ${result.replays}   (StartOutboundChatContact calls that landed on an existing contact)`,
    );
    console.log(`  duplicates           ${duplicates}   (goal 0)`);
    console.log(`  lost                 ${lostNames.length}   (goal 0)`);
    console.log(`  host kills (SIGKILL) ${kills} / ${KILLS}`);
    console.log(
      `  faults injected      ${result.faultsInjectedTotal}: ` +
        Object.entries(injected)
          .map(([name, n]) => `${name} ${n}`)
          .join(", "),
    );
    console.log(`  rounds (ups)         ${rounds.length}`);
    console.log(
      `  time                 ${upSeconds.toFixed(1)} s against N / rate = ${idealSeconds.toFixed(1)} s ` +
        `(${(upSeconds / idealSeconds).toFixed(2)}×; host restarts and faults included)`,
    );
    if (Object.keys(failureReasons).length > 0) {
      console.log("  failed creates along the way (re-run in the next round):");
      for (const [reason, n] of Object.entries(failureReasons)) {
        console.log(`    ${n} × ${reason}`);
      }
    }
    console.log(`Written ${path.relative(REPO_ROOT, file)}`);
    if (!ok) {
      console.log(
        "SOAK FAILED: " +
          [
            duplicates > 0
              ? `${duplicates} duplicate contacts (${duplicateNames.slice(0, 5).join(", ")})`
              : "",
            lostNames.length > 0
              ? `${lostNames.length} lost (${lostNames.slice(0, 5).join(", ")})`
              : "",
            resources < N
              ? `${N - resources} resources unrecorded after ${rounds.length} rounds`
              : "",
            kills < KILLS ? `only ${kills} of ${KILLS} host kills happened` : "",
          ]
            .filter(Boolean)
            .join("; "),
      );
      process.exitCode = 1;
    }
  } finally {
    if (host) {
      await host.kill();
    }
    await emulator.stop();
    await removeInstalledProject();
  }
}

function round2(value: number): number {
  return round(value, 2);
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(2);
  },
);
