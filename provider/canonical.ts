/**
 * Plain JSON data, as the Pulumi engine carries inputs: telling a value left out or not known yet,
 * telling a value that is not plain (a BigInt, a cycle, a function, a getter that throws, nesting
 * deeper than anything the API takes), and a canonical text for one that is. Inputs come from
 * the engine as JSON, but a program that calls the provider directly can hand it anything, and
 * check and diff must answer even that.
 */
import { UNKNOWN } from "./types";
import { formatNumber } from "./validation/problems";

/** Whether Pulumi sent this value as not known yet (during a preview). */
export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/** Whether a value was left out. The engine may send `null` for an output that resolved to nothing. */
export function isAbsent(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

/** Whether a value is a plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether a value is set: neither left out nor unknown. */
export function isGiven(value: unknown): boolean {
  return !isAbsent(value) && !isUnknown(value);
}

/** How deep plain data may nest, in objects and arrays together. */
const MAX_PLAIN_DEPTH = 10_000;

/**
 * Returns what makes `value` other than plain JSON data (`a BigInt`, `a cycle`, ...) or undefined
 * when it is plain: strings, finite numbers, booleans, null, arrays and objects of them, nested at
 * most {@link MAX_PLAIN_DEPTH} levels. Walks without recursion, so any depth is cheap to refuse;
 * never throws.
 */
export function nonPlainPart(value: unknown): string | undefined {
  const stack: Array<{ value: unknown; depth: number; ancestors: unknown[] }> = [
    { value, depth: 0, ancestors: [] },
  ];
  try {
    while (stack.length > 0) {
      const { value: current, depth, ancestors } = stack.pop()!;
      switch (typeof current) {
        case "bigint":
          return "a BigInt";
        case "symbol":
          return "a symbol";
        case "function":
          return "a function";
        case "number":
          if (!Number.isFinite(current)) {
            return "a number that is not finite";
          }
          continue;
        case "object":
          break;
        default:
          continue;
      }
      if (current === null) {
        continue;
      }
      if (depth >= MAX_PLAIN_DEPTH) {
        return `data nested more than ${formatNumber(MAX_PLAIN_DEPTH)} levels deep`;
      }
      if (ancestors.includes(current)) {
        return "a cycle (an object that contains itself)";
      }
      // Ancestors are shared down one branch only: a path, not every object seen.
      const path = ancestors.length < 64 ? [...ancestors, current] : ancestors;
      const members = Array.isArray(current)
        ? current
        : Object.keys(current).map((key) => (current as Record<string, unknown>)[key]);
      for (const member of members) {
        stack.push({ value: member, depth: depth + 1, ancestors: path });
      }
    }
  } catch {
    return "a property that cannot be read (a getter that throws)";
  }
  return undefined;
}

/**
 * A canonical JSON text for any plain value: object keys sorted at every depth, `undefined`
 * members left out. Two values that mean the same give the same text, whatever order their keys
 * were written in, so digests and comparisons built on it are stable across runs and processes.
 * Throws on a value that is not plain data ({@link nonPlainPart}); callers that may see one ask
 * {@link sameValue}.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? "null";
}

function sortKeys(value: unknown): unknown {
  // JSON.stringify writes an undefined element as null and leaves an undefined member out.
  if (Array.isArray(value)) {
    return value.map((item) => sortKeys(item));
  }
  if (value !== null && typeof value === "object") {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    }
    return sorted;
  }
  return value;
}

/**
 * Whether two values mean the same, key order aside. A value that is not plain data is never the
 * same as anything: a comparison that cannot be made counts as a change.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (nonPlainPart(a) !== undefined || nonPlainPart(b) !== undefined) {
    return false;
  }
  return canonicalJson(a) === canonicalJson(b);
}
