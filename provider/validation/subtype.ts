/**
 * The `connect:Subtype` entry of segmentAttributes: reading it (for channel) and judging it. The
 * generic value rules of the entry are segment-attributes.ts's.
 */
import { characterCount } from "../mask";
import { SUBTYPE_KEY, SUBTYPES } from "../types";
import {
  InputProblem,
  isAbsent,
  isRecord,
  isUnknown,
  keyPath,
  memberPath,
  problem,
  quote,
} from "./problems";
import { MAX_VALUE_STRING_LENGTH, VALUE_MEMBERS } from "./segment-attributes";

/** What the subtype in segmentAttributes is, as far as can be told now. */
export type SubtypeState =
  | { readonly kind: "absent" }
  | { readonly kind: "unknown" }
  | { readonly kind: "given"; readonly value: unknown };

/** Reads `segmentAttributes["connect:Subtype"].valueString` without judging it. */
export function readSubtype(inputs: Record<string, unknown>): SubtypeState {
  const attributes = inputs.segmentAttributes;
  if (isUnknown(attributes)) {
    return { kind: "unknown" };
  }
  if (!isRecord(attributes)) {
    return { kind: "absent" };
  }
  const entry = attributes[SUBTYPE_KEY];
  if (isUnknown(entry)) {
    return { kind: "unknown" };
  }
  if (!isRecord(entry)) {
    return { kind: "absent" };
  }
  if (isUnknown(entry.valueString)) {
    return { kind: "unknown" };
  }
  return isAbsent(entry.valueString)
    ? { kind: "absent" }
    : { kind: "given", value: entry.valueString };
}

/** The `connect:Subtype` entry must carry valueString `connect:SMS` or `connect:WhatsApp`. */
function checkSubtype(attributes: Record<string, unknown>): InputProblem[] {
  const entry = attributes[SUBTYPE_KEY];
  if (!isRecord(entry) || isUnknown(entry.valueString)) {
    return [];
  }
  const entryPath = keyPath("segmentAttributes", SUBTYPE_KEY);
  const property = memberPath(entryPath, "valueString");
  const allowed = SUBTYPES.map((s) => `"${s}"`).join(" or ");
  const fix = `set ${property} to ${allowed}, or leave segmentAttributes["${SUBTYPE_KEY}"] out and set channel.`;
  const valueString = entry.valueString;
  if (isAbsent(valueString)) {
    // With none set, or one not known yet, the generic value check has said all there is to say.
    const nothingToAdd = VALUE_MEMBERS.every((m) => isAbsent(entry[m]) || isUnknown(entry[m]));
    return nothingToAdd
      ? []
      : [
          problem(
            entryPath,
            `${entryPath} must set valueString to ${allowed}; received no valueString. Fix: ${fix}`,
          ),
        ];
  }
  if (
    typeof valueString !== "string" ||
    characterCount(valueString) > MAX_VALUE_STRING_LENGTH ||
    SUBTYPES.includes(valueString)
  ) {
    // A wrong type or length is reported by the generic value check.
    return [];
  }
  const match = SUBTYPES.find((s) => s.toLowerCase() === valueString.toLowerCase());
  const hint = match === undefined ? "" : ` Values are case-sensitive: did you mean "${match}"?`;
  return [
    problem(
      property,
      `${property} must be ${allowed} (StartOutboundChatContact starts SMS and WhatsApp contacts only); ` +
        `received ${quote(valueString)}.${hint} Fix: ${fix}`,
    ),
  ];
}

/** segmentAttributes["connect:Subtype"]: when given, `connect:SMS` or `connect:WhatsApp`. */
export function validateSubtype(inputs: Record<string, unknown>): InputProblem[] {
  const value = inputs.segmentAttributes;
  return isRecord(value) ? checkSubtype(value) : [];
}
