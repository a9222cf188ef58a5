/**
 * Validator for attributes (user-defined contact attributes) and the string-map check it shares
 * with initialTemplatedSystemMessage.templateAttributes.customAttributes. Attribute values are
 * never shown in a message, only their length.
 */
import { characterCount, describeLength } from "../mask";
import {
  describeType,
  formatNumber,
  InputProblem,
  isAbsent,
  isRecord,
  isUnknown,
  keyPath,
  notAnObject,
  problem,
  quote,
} from "./problems";

/** The most characters of an attribute key and of an attribute value (shapes AttributeName/Value). */
export const MAX_ATTRIBUTE_LENGTH = 32_767;
/** The most UTF-8 bytes all of a contact's attribute keys and values may take together. */
export const MAX_ATTRIBUTES_BYTES = 32_768;
/** Attribute keys: alphanumeric, `-` and `_` only. */
export const ATTRIBUTE_KEY = /^[A-Za-z0-9_-]+$/;

/** Options of {@link checkStringMap}. */
export interface StringMapRule {
  /** Whether keys are held to {@link ATTRIBUTE_KEY}. */
  readonly keyCharacters: boolean;
  /** The likely fix for a value that is not a string, a sentence. */
  readonly fix: string;
}

/**
 * Checks a map of strings: keys of 1..32,767 characters, values strings of at most 32,767. Values
 * are described by type or length only.
 */
export function checkStringMap(
  value: Record<string, unknown>,
  base: string,
  rule: StringMapRule,
): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const [key, entry] of Object.entries(value)) {
    const property = keyPath(base, key);
    const keyLength = characterCount(key);
    if (keyLength < 1 || keyLength > MAX_ATTRIBUTE_LENGTH) {
      problems.push(
        problem(
          property,
          `${property}: keys must be 1 to ${formatNumber(MAX_ATTRIBUTE_LENGTH)} characters; received a key of ` +
            `${formatNumber(keyLength)} characters. Fix: rename the key.`,
        ),
      );
      continue;
    }
    if (rule.keyCharacters && !ATTRIBUTE_KEY.test(key)) {
      problems.push(
        problem(
          property,
          `${property}: keys may contain only letters, digits, "-" and "_"; received ${quote(key)}. ` +
            `Fix: rename the key, for example to ${quote(key.replace(/[^A-Za-z0-9_-]+/g, "_"))}.`,
        ),
      );
      continue;
    }
    if (isUnknown(entry)) {
      continue;
    }
    if (typeof entry !== "string") {
      problems.push(
        problem(
          property,
          `${property} must be a string; received ${describeType(entry)}. Fix: ${rule.fix}`,
        ),
      );
    } else if (characterCount(entry) > MAX_ATTRIBUTE_LENGTH) {
      problems.push(
        problem(
          property,
          `${property} must be at most ${formatNumber(MAX_ATTRIBUTE_LENGTH)} characters; received ` +
            `${describeLength(entry)}. Fix: shorten the value.`,
        ),
      );
    }
  }
  return problems;
}

/**
 * attributes: optional; a map of strings whose keys hold only letters, digits, `-` and `_`, and
 * whose keys and values together take at most 32,768 UTF-8 bytes.
 */
export function validateAttributes(inputs: Record<string, unknown>): InputProblem[] {
  const value = inputs.attributes;
  if (isUnknown(value) || isAbsent(value)) {
    return [];
  }
  const fix = "give attributes as an object of string keys to string values.";
  if (!isRecord(value)) {
    return [notAnObject(value, "attributes", "a map of strings to strings", fix)];
  }
  const problems = checkStringMap(value, "attributes", {
    keyCharacters: true,
    fix: "convert the value to a string (attributes hold strings only), e.g. with String() or JSON.stringify().",
  });
  const entries = Object.entries(value);
  if (problems.length > 0 || entries.some(([, entry]) => isUnknown(entry))) {
    return problems;
  }
  const totalBytes = entries.reduce(
    (sum, [key, entry]) =>
      sum + Buffer.byteLength(key, "utf8") + Buffer.byteLength(entry as string, "utf8"),
    0,
  );
  if (totalBytes > MAX_ATTRIBUTES_BYTES) {
    problems.push(
      problem(
        "attributes",
        `attributes must take at most ${formatNumber(MAX_ATTRIBUTES_BYTES)} bytes (UTF-8) for all keys and values ` +
          `together; received ${entries.length} attributes of ${formatNumber(totalBytes)} bytes. ` +
          `Fix: remove or shorten attributes, or keep large data elsewhere and pass a reference.`,
      ),
    );
  }
  return problems;
}
