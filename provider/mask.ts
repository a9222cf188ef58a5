/**
 * Pure helpers that describe sensitive values without revealing them, for error messages and logs.
 * A customer's phone number is masked; message content is never shown, only its length.
 */

/** What a masked value reads as when too little of it could be shown safely. */
export const HIDDEN = "(hidden)";

/** Values shorter than this are hidden entirely: showing 2 of them would reveal too much. */
const MIN_MASKABLE_LENGTH = 6;
/** Values longer than this are not phone numbers; a row of stars would only be noise. */
const MAX_MASKABLE_LENGTH = 32;

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
  const hiddenCount = s.length - plus.length - 2;
  return `${plus}${"*".repeat(hiddenCount)}${s.slice(-2)}`;
}

/**
 * The number of characters of a string as the AWS API counts them (Unicode code points, as the
 * Smithy `length` trait does), so an emoji counts once.
 */
export function characterCount(s: string): number {
  return Array.from(s).length;
}

/** Describes a string by its length only: `a string of 1,025 characters`. Never shows content. */
export function describeLength(s: string): string {
  const count = characterCount(s);
  if (count === 0) {
    return "an empty string";
  }
  return `a string of ${count.toLocaleString("en-US")} character${count === 1 ? "" : "s"}`;
}
