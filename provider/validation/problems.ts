/**
 * How a problem is written: the one shape of every message, what it received described without
 * revealing secrets (a customer's phone number is masked, message content is given by its length
 * only), the values allowed, the name that was probably meant, and the property path. Pure
 * functions.
 *
 * Every message reads `<property> <what is wrong>; received <value>. Fix: <fix>`, or
 * `<property> is required (<what>) but was not given. Fix: <fix>`.
 */
import { lengthOf } from "../limits";
import type { InputProblem } from "../types";

/** How much of a received value a message may show. */
export type Reveal = "value" | "length" | "masked";

/** What a masked value reads as when too little of it could be shown safely. */
export const HIDDEN = "(hidden)";
/** Values shorter than this are hidden entirely: showing 2 of them would reveal too much. */
const MIN_MASKABLE_LENGTH = 6;
/** Values longer than this are not phone numbers; a row of stars would only be noise. */
const MAX_MASKABLE_LENGTH = 32;
/** The most characters of a value, or of a key in a path, that a message shows. */
const MAX_SHOWN_CHARACTERS = 80;
const MAX_KEY_IN_PATH = 64;

/**
 * Masks a phone number for display: keeps a leading `+` and the last 2 digits, and replaces every
 * other character with `*` (`+14155550100` becomes `+*********00`). Anything that is not a string,
 * is shorter than 6 or longer than 32 characters, or does not end in 2 digits becomes `(hidden)`.
 */
export function maskPhoneNumber(s: unknown): string {
  if (typeof s !== "string" || s.length < MIN_MASKABLE_LENGTH || s.length > MAX_MASKABLE_LENGTH) {
    return HIDDEN;
  }
  if (!/\d\d$/.test(s)) {
    return HIDDEN;
  }
  const plus = s.startsWith("+") ? "+" : "";
  return `${plus}${"*".repeat(s.length - plus.length - 2)}${s.slice(-2)}`;
}

/**
 * Formats a whole number for a message: `32,768`, `-2,147,483,648`. Written out rather than
 * `toLocaleString`, which loads the ICU locale data into the provider's process (5 MB).
 */
export function formatNumber(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Describes a string by its length only: `a string of 1,025 characters`. Never shows content. */
export function describeLength(s: string): string {
  const count = lengthOf(s);
  if (count === 0) {
    return "an empty string";
  }
  return `a string of ${formatNumber(count)} character${count === 1 ? "" : "s"}`;
}

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
  const count = lengthOf(s);
  if (count <= MAX_SHOWN_CHARACTERS) {
    return JSON.stringify(s);
  }
  return `${JSON.stringify(firstCodePoints(s, MAX_SHOWN_CHARACTERS))}… (${formatNumber(count)} characters)`;
}

/**
 * The first `n` code points of `s`. A code point takes 1 or 2 UTF-16 units, so only the first
 * `2 * n` units are split: a hostile 10 MB value costs no more than a short one.
 */
function firstCodePoints(s: string, n: number): string {
  // Stryker disable next-line MethodExpression: splitting all of `s` gives the same code points, only slower
  const head = s.slice(0, 2 * n);
  return Array.from(head).slice(0, n).join("");
}

/**
 * Describes a received value as far as `reveal` allows: the value itself (shortened), only its
 * length, or a masked phone number. Values that are not strings are described by their type only
 * (a phone number given as a number is not shown).
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

/** Lists allowed values for a message: `"stop" or "retain"`. */
export function listValues(values: readonly string[]): string {
  const quoted = values.map((v) => JSON.stringify(v));
  if (quoted.length < 2) {
    return quoted[0] ?? "";
  }
  return `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}

/**
 * Suggests the right casing when `value` is a string that matches an allowed value ignoring case:
 * ` Values are case-sensitive: did you mean "SMS"?`, else an empty string.
 */
export function casingHint(value: unknown, allowed: readonly string[]): string {
  if (typeof value !== "string") {
    return "";
  }
  const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  return match === undefined ? "" : ` Values are case-sensitive: did you mean "${match}"?`;
}

/**
 * A key or property name as paths and messages show it: cut to 64 characters with an ellipsis, so
 * that a hostile 10 MB name costs a message no more than a short one.
 */
function shownName(name: string): string {
  // firstCodePoints reads at most 128 UTF-16 units, whatever the name's length.
  const head = firstCodePoints(name, MAX_KEY_IN_PATH);
  return head.length === name.length ? name : `${head}…`;
}

/** The path of a map entry: `attributes["bad key"]`. Very long keys are shortened. */
export function keyPath(base: string, key: string): string {
  return `${base}[${JSON.stringify(shownName(key))}]`;
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

/**
 * A problem in the one shape of every message (see the file comment); `hint`, a sentence with a
 * leading space, goes between what was received and the fix.
 */
export function complaint(
  property: string,
  wrong: string,
  received: string,
  fix: string,
  hint = "",
): InputProblem {
  return { property, reason: `${property} ${wrong}; received ${received}.${hint} Fix: ${fix}` };
}

/** The problem of a value that must be given and was not. */
export function missing(property: string, what: string, fix: string): InputProblem {
  return { property, reason: `${property} is required (${what}) but was not given. Fix: ${fix}` };
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
function closestName(name: string, known: readonly string[]): string | undefined {
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
export function unknownMembers(
  value: Record<string, unknown>,
  base: string,
  known: readonly string[],
  owner: string = base,
): InputProblem[] {
  const listed =
    known.length <= 6 ? ` (it has ${known.map((k) => JSON.stringify(k)).join(", ")})` : "";
  return Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) => {
      const suggestion = closestName(key, known);
      const didYouMean = suggestion === undefined ? "" : `did you mean "${suggestion}"? `;
      return complaint(
        memberPath(base, key),
        `is not a property of ${owner}${listed}`,
        `a value under the name ${JSON.stringify(shownName(key))}`,
        `${didYouMean}Rename or remove it.`,
      );
    });
}
