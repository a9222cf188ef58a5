/**
 * A canonical JSON text for any plain value: object keys sorted at every depth, `undefined`
 * members left out. Two values that mean the same give the same text, whatever order their keys
 * were written in, so digests and comparisons built on it are stable across runs and processes.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? "null";
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => (item === undefined ? null : sortKeys(item)));
  }
  if (value !== null && typeof value === "object") {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) {
        sorted[key] = sortKeys(member);
      }
    }
    return sorted;
  }
  return value;
}

/** Whether two plain values mean the same, key order aside. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
