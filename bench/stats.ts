/** Small statistics over lists of numbers. */
import { seededRandom } from "../harness/doubles";

/** The q-quantile (0..1) by the nearest-rank method; NaN for an empty list. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) {
    return Number.NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1];
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Rounds to `digits` decimals (for the JSON results). */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The number of calls host `h` of `k` makes: `count` split as evenly as it goes. */
export function shareOf(count: number, k: number, h: number): number {
  return Math.floor(count / k) + (h < count % k ? 1 : 0);
}

/** How many seeded runs {@link randomAllocationSpread} averages over, unless told. */
export const CHANCE_RUNS = 2000;

/**
 * The spread of finish times (slowest host / fastest) when every token of a shared bucket goes to
 * a host picked at random among those with calls left: what K hosts that share the bucket fairly,
 * but without coordinating, can expect from chance alone. N calls split evenly; the first `burst`
 * tokens at once, then one every 1 / `rate` seconds; a host finishes with its last token.
 *
 * Returns the mean spread over `runs` seeded runs, and the share of runs whose spread is at most
 * `goal`.
 */
export function randomAllocationSpread(
  k: number,
  n: number,
  rate: number,
  burst: number,
  goal: number,
  runs = CHANCE_RUNS,
): { mean: number; withinGoal: number } {
  const random = seededRandom(k * 1_000_003 + n);
  let sum = 0;
  let within = 0;
  for (let run = 0; run < runs; run++) {
    const left = Array.from({ length: k }, (_, h) => shareOf(n, k, h));
    const open = left.map((_, h) => h);
    const finishes: number[] = [];
    for (let token = 0; token < n; token++) {
      const at = Math.max(1, token - burst + 1) / rate;
      const pick = Math.floor(random() * open.length);
      const host = open[pick];
      left[host] -= 1;
      if (left[host] === 0) {
        finishes[host] = at;
        open[pick] = open[open.length - 1];
        open.pop();
      }
    }
    const spread = Math.max(...finishes) / Math.min(...finishes);
    sum += spread;
    within += spread <= goal ? 1 : 0;
  }
  return { mean: sum / runs, withinGoal: within / runs };
}
