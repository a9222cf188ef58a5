/**
 * A deterministic simulation of many stacks sharing one quota, in virtual time, to try designs of
 * the pacer in seconds before the real benchmark (`BENCH_ONLY=manystacks`, about ten minutes,
 * which is what the figures come from). Not part of `npm run bench`.
 *
 * K hosts, each with a real `Pacer` for StartOutboundChatContact and one for DescribeContact
 * sharing the host's bound on calls in flight (16), against one token bucket per operation (as the
 * emulator keeps per account, Region and operation), on one fake clock. Host 0 starts at 0, the
 * others up to `SIM_SKEW_MS` (300) later; each issues its share of N creates at once; a create is
 * a Start, a pause of up to `SIM_GAP_MS` (200), then a Describe. Each request is sent up to
 * `SIM_LATENCY_JITTER_MS` (0) late and takes the round trip (`SIM_RTT_MS`, "10,40").
 *
 *   npx ts-node --transpile-only bench/pacer-sim.ts
 *   SIM_SEEDS=8 SIM_RTT_MS=60 SIM_LATENCY_JITTER_MS=150 npx ts-node --transpile-only bench/pacer-sim.ts
 *
 * It prints, per case and round trip, the mean over the seeds of the figures the many-stacks
 * benchmark reports, with the worst seed in brackets.
 */
import { InFlightLimit } from "../provider/aws/in-flight";
import { Pacer } from "../provider/aws/pacing";
import { FakeClock, FakeThrottlingService, seededRandom } from "../harness/doubles";
import { shareOf } from "./stats";

export interface SimCase {
  /** Hosts (stacks). */
  readonly k: number;
  /** Creates, split between the hosts as evenly as it goes. */
  readonly count: number;
  readonly ratePerSecond: number;
  readonly burst: number;
}

export interface SimOptions {
  readonly seed: number;
  readonly roundTripMs: number;
  /** The latest a host other than the first starts. */
  readonly skewMs: number;
  /** The longest pause between a create's Start and its Describe. */
  readonly gapMs: number;
  /** The longest a request is sent late (the host's event loop, the network). */
  readonly latencyJitterMs: number;
}

export interface SimResult {
  /** (N − burst) / rate over the wall from the first create sent to the last one done. */
  readonly aggregateRatio: number;
  /** Slowest host's finish over the fastest's, counted from the first create sent. */
  readonly spread: number;
  /** Throttled Starts and Describes per contact made. */
  readonly throttledPerSuccess: number;
  readonly failed: number;
  readonly hostFinishSeconds: number[];
  readonly throttledStarts: number;
  readonly throttledDescribes: number;
}

/** Runs one case; returns the figures the many-stacks benchmark reports. */
export async function simulate(row: SimCase, options: SimOptions): Promise<SimResult> {
  const clock = new FakeClock();
  const random = seededRandom(options.seed);
  const { roundTripMs } = options;
  const starts = new FakeThrottlingService(clock, row.ratePerSecond, row.burst, roundTripMs);
  const describes = new FakeThrottlingService(clock, row.ratePerSecond, row.burst, roundTripMs);
  const late = async <T>(send: () => Promise<T>): Promise<T> => {
    await clock.sleep(Math.round(random() * options.latencyJitterMs));
    return send();
  };
  const finishes: number[] = [];
  let failed = 0;
  const hosts = Array.from({ length: row.k }, async (_, h) => {
    const share = shareOf(row.count, row.k, h);
    const limit = new InFlightLimit();
    const hostRandom = seededRandom(options.seed * 1000 + h);
    const startPacer = new Pacer({ clock, random: hostRandom, limit, maxInFlight: 16 });
    const describePacer = new Pacer({ clock, random: hostRandom, limit, maxInFlight: 16 });
    await clock.sleep(h === 0 ? 0 : Math.round(random() * options.skewMs));
    const results = await Promise.allSettled(
      Array.from({ length: share }, async () => {
        await startPacer.paced(() => late(() => starts.request()));
        await clock.sleep(Math.round(hostRandom() * options.gapMs));
        await describePacer.paced(() => late(() => describes.request()));
      }),
    );
    failed += results.filter((result) => result.status === "rejected").length;
    finishes[h] = clock.now();
  });
  await clock.runUntilSettled(Promise.all(hosts));
  const idealMs = ((row.count - row.burst) / row.ratePerSecond) * 1000;
  return {
    aggregateRatio: idealMs / Math.max(...finishes),
    spread: Math.max(...finishes) / Math.min(...finishes),
    throttledPerSuccess: (starts.throttled + describes.throttled) / starts.accepted,
    failed,
    hostFinishSeconds: finishes.map((ms) => ms / 1000),
    throttledStarts: starts.throttled,
    throttledDescribes: describes.throttled,
  };
}

/** The bulk cases (one host) and the many-stacks cases of the benchmark. */
export const SIM_CASES: readonly SimCase[] = [
  { k: 1, count: 60, ratePerSecond: 2, burst: 5 },
  { k: 1, count: 300, ratePerSecond: 20, burst: 20 },
  ...[2, 4, 8].map((k) => ({ k, count: 120, ratePerSecond: 2, burst: 5 })),
  ...[2, 4, 8].map((k) => ({ k, count: 400, ratePerSecond: 20, burst: 20 })),
];

function numberFromEnv(name: string, fallback: number): number {
  const text = process.env[name];
  return text === undefined || text === "" ? fallback : Number(text);
}

async function main(): Promise<void> {
  const seeds = numberFromEnv("SIM_SEEDS", 4);
  const roundTrips = (process.env.SIM_RTT_MS ?? "10,40").split(",").map(Number);
  const skewMs = numberFromEnv("SIM_SKEW_MS", 300);
  const gapMs = numberFromEnv("SIM_GAP_MS", 200);
  const latencyJitterMs = numberFromEnv("SIM_LATENCY_JITTER_MS", 0);
  console.log(`${seeds} seeds; mean (worst seed)`);
  console.log("case                       rtt  aggregate        spread         throttled/success");
  for (const row of SIM_CASES) {
    for (const roundTripMs of roundTrips) {
      const results: SimResult[] = [];
      for (let seed = 1; seed <= seeds; seed++) {
        const hostSkew = row.k === 1 ? 0 : skewMs;
        results.push(
          await simulate(row, { seed, roundTripMs, skewMs: hostSkew, gapMs, latencyJitterMs }),
        );
      }
      const figure = (
        pick: (result: SimResult) => number,
        worst: "min" | "max",
        digits: number,
      ) => {
        const values = results.map(pick);
        const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
        const bad = worst === "min" ? Math.min(...values) : Math.max(...values);
        return `${mean.toFixed(digits)} (${bad.toFixed(digits)})`.padEnd(15);
      };
      const label = `K=${row.k} N=${row.count} ${row.ratePerSecond}/s burst ${row.burst}`;
      const failed = results.reduce((sum, result) => sum + result.failed, 0);
      console.log(
        `${label.padEnd(26)} ${String(roundTripMs).padStart(3)}  ` +
          `${figure((r) => r.aggregateRatio, "min", 3)}  ${figure((r) => r.spread, "max", 2)}  ` +
          `${figure((r) => r.throttledPerSuccess, "max", 2)}${failed > 0 ? `  ${failed} FAILED` : ""}`,
      );
    }
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
