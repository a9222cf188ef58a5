/**
 * The building blocks every validator shares: recognising unknown and absent values, describing
 * what was received without revealing secrets, and writing property paths.
 */
import { InputProblem, UNKNOWN } from "../types";
import { characterCount, describeLength, maskPhoneNumber } from "../mask";

export type { InputProblem };

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

/** Whether a value is a whole number the API can take as an `integer` (32-bit signed). */
export function isInt32(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= -(2 ** 31) && (value as number) < 2 ** 31;
}

/** How much of a received value a message may show. */
export type Reveal = "value" | "length" | "masked";

const MAX_SHOWN_CHARACTERS = 80;

/** The kind of a JSON value, with its article: `a number`, `an array`, `null`. */
export function describeType(value: unknown): string {
  if (value === null) {
    return "null";
  }
  if (Array.isArray(value)) {
    return "an array";
  }
  switch (typeof value) {
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "boolean":
      return "a boolean";
    case "object":
      return "an object";
    default:
      return `a value of type ${typeof value}`;
  }
}

/** A string quoted for a message, shortened when long. Only for values that are not secret. */
export function quote(s: string): string {
  const count = characterCount(s);
  if (count <= MAX_SHOWN_CHARACTERS) {
    return JSON.stringify(s);
  }
  const head = Array.from(s).slice(0, MAX_SHOWN_CHARACTERS).join("");
  return `${JSON.stringify(head)}… (${count.toLocaleString("en-US")} characters)`;
}

/**
 * Describes a received value as far as `reveal` allows: the value itself (shortened), only its
 * length, or a masked phone number. Values that are not strings are described by their type only.
 */
export function describeReceived(value: unknown, reveal: Reveal): string {
  if (typeof value !== "string") {
    return describeType(value);
  }
  switch (reveal) {
    case "value":
      return quote(value);
    case "length":
      return describeLength(value);
    case "masked":
      return JSON.stringify(maskPhoneNumber(value));
  }
}

/** Formats a count for a message: `32,768`. */
export function formatNumber(n: number): string {
  return n.toLocaleString("en-US");
}

const MAX_KEY_IN_PATH = 64;

/** The path of a map entry: `attributes["bad key"]`. Very long keys are shortened. */
export function keyPath(base: string, key: string): string {
  return `${base}[${JSON.stringify(shownName(key))}]`;
}

/**
 * A key or property name as paths and messages show it: cut to 64 characters with an ellipsis, so
 * that a hostile 10 MB name costs a message no more than a short one.
 */
export function shownName(name: string): string {
  // Cheap first: a string of at most 64 UTF-16 units has at most 64 code points, and one of more
  // than 128 units has more than 64 (a code point takes 1 or 2 units): count only in between.
  if (
    name.length <= MAX_KEY_IN_PATH ||
    (name.length <= 2 * MAX_KEY_IN_PATH && characterCount(name) <= MAX_KEY_IN_PATH)
  ) {
    return name;
  }
  return `${Array.from(name.slice(0, MAX_KEY_IN_PATH * 2))
    .slice(0, MAX_KEY_IN_PATH)
    .join("")}…`;
}

/** The path of a list element: `supportedMessagingContentTypes[1]`. */
export function indexPath(base: string, index: number): string {
  return `${base}[${index}]`;
}

/** The path of a structure member: `destinationEndpoint.address`. */
export function memberPath(base: string, member: string): string {
  const shown = shownName(member);
  return base === "" ? shown : `${base}.${shown}`;
}

/** Builds a problem: `<property> <what is wrong>; received <value>. Fix: <fix>`. */
export function problem(property: string, reason: string): InputProblem {
  return { property, reason };
}

/** Options of {@link checkString}. */
export interface StringRule {
  /** The fewest characters allowed. @default 1 */
  readonly min?: number;
  /** The most characters allowed. */
  readonly max: number;
  /** What the value is, for the message: `an instance ID`. */
  readonly what: string;
  /** How much of the value a message may show. */
  readonly reveal: Reveal;
  /** The likely fix, a sentence. */
  readonly fix: string;
}

/**
 * Checks that a value is a string of an allowed length. Answers the problem, or `undefined` when
 * the value is a string within bounds (callers then check its form). Call only for known values.
 */
export function checkString(
  value: unknown,
  property: string,
  rule: StringRule,
): InputProblem | undefined {
  const min = rule.min ?? 1;
  const bounds =
    min === 0
      ? `at most ${formatNumber(rule.max)} characters`
      : `${formatNumber(min)} to ${formatNumber(rule.max)} characters`;
  if (typeof value !== "string") {
    return problem(
      property,
      `${property} must be a string (${rule.what}, ${bounds}); received ${describeType(value)}. ` +
        `Fix: ${rule.fix}`,
    );
  }
  const count = characterCount(value);
  if (count < min || count > rule.max) {
    const received =
      rule.reveal === "value" && count > 0
        ? `${describeLength(value)}, ${quote(value)}`
        : describeLength(value);
    return problem(
      property,
      `${property} must be ${rule.what} of ${bounds}; received ${received}. Fix: ${rule.fix}`,
    );
  }
  return undefined;
}

/** The edit distance between two names, ignoring case. */
function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[y.length];
}

/**
 * The known name closest to `name` (by edit distance, ignoring case), or undefined when `name` is
 * so much longer than every known name that it cannot be a typo of one: the edit distance is then
 * never computed, so its work stays bounded whatever the name's length.
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const longest = Math.max(...known.map((k) => k.length));
  if (name.length > 2 * longest) {
    return undefined;
  }
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Reports members of a structure that it does not have (typos such as `adress`), each with the
 * closest known member name. `owner` names the structure in the message.
 */
export function checkMembers(
  value: Record<string, unknown>,
  base: string,
  known: readonly string[],
  owner: string = base,
): InputProblem[] {
  const listed = known.length <= 6 ? ` (it has ${known.map((k) => `"${k}"`).join(", ")})` : "";
  return Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) => {
      const property = memberPath(base, key);
      const suggestion = closestName(key, known);
      const didYouMean = suggestion === undefined ? "" : `did you mean "${suggestion}"? `;
      return problem(
        property,
        `${property} is not a property of ${owner}${listed}; received a value under the name ` +
          `${JSON.stringify(shownName(key))}. Fix: ${didYouMean}Rename or remove it.`,
      );
    });
}

/** A problem for a structure given as something else. */
export function notAnObject(
  value: unknown,
  property: string,
  shape: string,
  fix: string,
): InputProblem {
  return problem(
    property,
    `${property} must be an object (${shape}); received ${describeType(value)}. Fix: ${fix}`,
  );
}

/** A problem for a required member left out. */
export function required(property: string, what: string, fix: string): InputProblem {
  return problem(property, `${property} is required (${what}) but was not given. Fix: ${fix}`);
}

/** Suggests the right casing when `value` matches an allowed value ignoring case. */
export function casingHint(value: string, allowed: readonly string[]): string {
  const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  return match === undefined ? "" : ` Values are case-sensitive: did you mean "${match}"?`;
}

/** Lists allowed values for a message: `"stop" or "retain"`. */
export function listValues(values: readonly string[]): string {
  const quoted = values.map((v) => `"${v}"`);
  return quoted.length <= 1
    ? quoted.join("")
    : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}

/** A problem for a value of the wrong JSON type: `must be a string (an instance ID)`. */
export function wrongType(
  property: string,
  expected: string,
  value: unknown,
  fix: string,
): InputProblem {
  return problem(
    property,
    `${property} must be ${expected}; received ${describeType(value)}. Fix: ${fix}`,
  );
}
