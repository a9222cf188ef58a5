/**
 * The rule of a map's keys: how long a key may be, and what characters it may be made of, with the
 * message that names the characters refused and a name to use instead.
 */
import { lengthOf } from "../limits";
import { InputProblem } from "../types";
import { complaint, formatNumber, quote } from "./problems";

/** The rule of a map's keys. */
export interface KeyRule {
  /** The most characters of a key; every key has at least 1. */
  readonly max: number;
  /**
   * The characters a key may be made of (a pattern of one or more of them), in words for the
   * message, and a prefix a key may start with besides them.
   * @default - any characters
   */
  readonly characters?: {
    readonly pattern: RegExp;
    readonly words: string;
    /** @default - no prefix */
    readonly prefix?: string;
  };
}

/** The problem of a map key (reported at its entry's path `property`), or undefined. */
export function checkKey(key: string, property: string, rule: KeyRule): InputProblem | undefined {
  const count = lengthOf(key);
  if (count < 1 || count > rule.max) {
    return complaint(
      property,
      `has a key that is not allowed: keys must be 1 to ${formatNumber(rule.max)} characters`,
      `a key of ${formatNumber(count)} characters`,
      "shorten or rename the key.",
    );
  }
  const characters = rule.characters;
  if (characters === undefined) {
    return undefined;
  }
  const prefix =
    characters.prefix !== undefined && key.startsWith(characters.prefix) ? characters.prefix : "";
  const rest = key.slice(prefix.length);
  if (characters.pattern.test(rest)) {
    return undefined;
  }
  const characterOk = (c: string) => characters.pattern.test(c);
  const others = [...new Set(Array.from(rest).filter((c) => !characterOk(c)))];
  const suggestion =
    prefix +
    Array.from(rest || "_")
      .map((c) => (characterOk(c) ? c : "_"))
      .join("");
  return complaint(
    property,
    `has a key that is not allowed: keys may contain only ${characters.words}`,
    others.length === 0
      ? `the key ${quote(key)}`
      : `a key with ${others
          .slice(0, 5)
          .map((c) => JSON.stringify(c))
          .join(", ")}`,
    `rename the key, for example to ${quote(suggestion)}.`,
  );
}
