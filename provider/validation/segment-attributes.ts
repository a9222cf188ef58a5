/**
 * segmentAttributes: a map of keys to values that each set exactly one of valueString, valueMap,
 * valueInteger, valueList or valueArn, and its `connect:Subtype` entry.
 *
 * Keys: the API reference says segment attribute keys "can include only alphanumeric, -, and _",
 * while the system-defined keys it names are prefixed `connect:` (`connect:Subtype`). So a key of
 * the top level is either user-defined, of letters, digits, `-` and `_` only, or a system key:
 * `connect:` followed by the same characters. Keys inside a valueMap have only the model's length
 * limit (the reference states no character rule for them).
 *
 * Where a value sits decides its rules: valueList and valueArn only under a `connect:` key, and
 * nesting at most 32 levels deep (`limits.ts`); so the walk is a function, with the leaves' rules
 * as data.
 */
import { parseArn } from "../arn";
import { isAbsent, isGiven, isRecord, isUnknown } from "../canonical";
import {
  KEY_CHARACTERS,
  lengthOf,
  MAX_INTEGER,
  MAX_SEGMENT_DEPTH,
  MAX_SEGMENT_KEY_LENGTH,
  MAX_SEGMENT_STRING_LENGTH,
  MIN_INTEGER,
  SEGMENT_VALUE_MEMBERS,
  SUBTYPE_KEY,
  SUBTYPES,
  SYSTEM_KEY_PREFIX,
} from "../limits";
import { InputProblem } from "../types";
import {
  casingHint,
  describeType,
  formatNumber,
  indexPath,
  keyPath,
  listValues,
  memberPath,
  quote,
  complaint,
  unknownMembers,
} from "./problems";
import { checkKey, KeyRule } from "./keys";
import { checkValue, Rule } from "./rules";

const TOP_LEVEL_KEYS: KeyRule = {
  max: MAX_SEGMENT_KEY_LENGTH,
  characters: {
    pattern: KEY_CHARACTERS,
    prefix: SYSTEM_KEY_PREFIX,
    words: `letters, digits, "-" and "_" (system keys start with "${SYSTEM_KEY_PREFIX}", such as "${SUBTYPE_KEY}")`,
  },
};
const NESTED_KEYS: KeyRule = { max: MAX_SEGMENT_KEY_LENGTH };
const ARN_FORM = "arn:<partition>:<service>:<region>:<account>:<resource>";

/** The rules of the members that hold a single value. */
const LEAVES: Readonly<Record<"valueString" | "valueInteger" | "valueArn", Rule>> = {
  valueString: {
    kind: "string",
    min: 0,
    max: MAX_SEGMENT_STRING_LENGTH,
    what: "a string",
    reveal: "length",
    fix: `give a string of at most ${formatNumber(MAX_SEGMENT_STRING_LENGTH)} characters.`,
  },
  valueInteger: {
    kind: "integer",
    min: MIN_INTEGER,
    max: MAX_INTEGER,
    what: "a whole number",
    fix: "give a whole number, or use valueString for other values.",
  },
  valueArn: {
    kind: "string",
    max: MAX_SEGMENT_STRING_LENGTH,
    what: "an ARN",
    reveal: "value",
    fix: `give a full ARN (${ARN_FORM}).`,
    form: (text, property) =>
      parseArn(text) === undefined
        ? [
            complaint(
              property,
              `must be a valid ARN (${ARN_FORM})`,
              quote(text),
              "give the full ARN.",
            ),
          ]
        : [],
  },
};

/** Checks one value, recursively. `system` is whether it sits under a `connect:` key. */
function checkSegmentValue(
  value: unknown,
  property: string,
  system: boolean,
  depth: number,
): InputProblem[] {
  if (isUnknown(value)) {
    return [];
  }
  if (!isRecord(value)) {
    return [
      complaint(
        property,
        'must be an object (a segment attribute value such as { valueString: "..." })',
        describeType(value),
        `wrap the value in an object that sets exactly one of ${SEGMENT_VALUE_MEMBERS.join(", ")}.`,
      ),
    ];
  }
  const problems = unknownMembers(value, property, SEGMENT_VALUE_MEMBERS);
  const set = SEGMENT_VALUE_MEMBERS.filter((m) => !isAbsent(value[m]));
  const exactlyOne = `must set exactly one of ${SEGMENT_VALUE_MEMBERS.join(", ")}`;
  if (set.filter((m) => !isUnknown(value[m])).length > 1) {
    problems.push(complaint(property, exactlyOne, set.join(" and "), "keep one of them."));
  } else if (set.length === 0) {
    problems.push(
      complaint(
        property,
        exactlyOne,
        "an object with none of them",
        'set one, for example { valueString: "..." }.',
      ),
    );
  }
  for (const member of set) {
    const memberValue = value[member];
    const path = memberPath(property, member);
    if (isUnknown(memberValue)) {
      continue;
    }
    if ((member === "valueList" || member === "valueArn") && !system) {
      problems.push(
        complaint(
          path,
          `is only supported on system-defined attributes (keys starting with "${SYSTEM_KEY_PREFIX}")`,
          "it under a user-defined key",
          "use valueString, valueMap or valueInteger instead.",
        ),
      );
    } else if ((member === "valueMap" || member === "valueList") && depth >= MAX_SEGMENT_DEPTH) {
      problems.push(
        complaint(
          property,
          `nests valueMap and valueList more than ${MAX_SEGMENT_DEPTH} levels deep, more than this provider sends`,
          "a value that goes on deeper at this path",
          `flatten the value to at most ${MAX_SEGMENT_DEPTH} levels.`,
        ),
      );
    } else if (member === "valueMap") {
      problems.push(...checkEntries(memberValue, path, NESTED_KEYS, () => system, depth + 1));
    } else if (member === "valueList") {
      problems.push(
        ...(Array.isArray(memberValue)
          ? memberValue.flatMap((item, index) =>
              checkSegmentValue(item, indexPath(path, index), system, depth + 1),
            )
          : [
              complaint(
                path,
                "must be a list of segment attribute values",
                describeType(memberValue),
                'give an array such as [{ valueString: "..." }].',
              ),
            ]),
      );
    } else {
      problems.push(...checkValue(memberValue, path, LEAVES[member]));
    }
  }
  return problems;
}

/** Checks a map of segment attribute values: the top level, or a valueMap. */
function checkEntries(
  value: unknown,
  property: string,
  keys: KeyRule,
  systemOf: (key: string) => boolean,
  depth: number,
): InputProblem[] {
  if (!isRecord(value)) {
    return [
      complaint(
        property,
        "must be an object (a map of keys to segment attribute values)",
        describeType(value),
        `give an object such as { "${SUBTYPE_KEY}": { valueString: "${SUBTYPES[0]}" } }.`,
      ),
    ];
  }
  return Object.entries(value).flatMap(([key, entry]) => {
    const path = keyPath(property, key);
    const keyProblem = checkKey(key, path, keys);
    return keyProblem ? [keyProblem] : checkSegmentValue(entry, path, systemOf(key), depth);
  });
}

/** segmentAttributes: its keys and values (see the file comment). */
export function checkSegmentAttributes(value: unknown, property: string): InputProblem[] {
  return checkEntries(
    value,
    property,
    TOP_LEVEL_KEYS,
    (key) => key.startsWith(SYSTEM_KEY_PREFIX),
    0,
  );
}

/**
 * Reads `segmentAttributes["connect:Subtype"].valueString` without judging it: undefined or null
 * when it is left out, the value not known yet when it, or what holds it, is not known yet.
 */
export function readSubtype(inputs: Record<string, unknown>): unknown {
  const attributes = inputs.segmentAttributes;
  if (isUnknown(attributes)) {
    return attributes;
  }
  const entry = isRecord(attributes) ? attributes[SUBTYPE_KEY] : undefined;
  if (isUnknown(entry)) {
    return entry;
  }
  return isRecord(entry) ? entry.valueString : undefined;
}

/**
 * The `connect:Subtype` entry, when given, must carry valueString `connect:SMS` or
 * `connect:WhatsApp`: the subtypes StartOutboundChatContact starts. A wrong type or length is the
 * value rules' to report.
 */
export function subtypeIsStarted(inputs: Record<string, unknown>): InputProblem[] {
  const attributes = inputs.segmentAttributes;
  const entry = isRecord(attributes) ? attributes[SUBTYPE_KEY] : undefined;
  if (!isRecord(entry) || isUnknown(entry.valueString)) {
    return [];
  }
  const entryPath = keyPath("segmentAttributes", SUBTYPE_KEY);
  const property = memberPath(entryPath, "valueString");
  const allowed = listValues(SUBTYPES);
  const fix = `set ${property} to ${allowed}, or leave ${entryPath} out and set channel.`;
  const valueString = entry.valueString;
  if (isAbsent(valueString)) {
    // With none set, or one not known yet, the value rules have said all there is to say.
    return SEGMENT_VALUE_MEMBERS.some((m) => isGiven(entry[m]))
      ? [complaint(entryPath, `must set valueString to ${allowed}`, "no valueString", fix)]
      : [];
  }
  if (
    typeof valueString !== "string" ||
    lengthOf(valueString) > MAX_SEGMENT_STRING_LENGTH ||
    SUBTYPES.includes(valueString)
  ) {
    return [];
  }
  return [
    complaint(
      property,
      `must be ${allowed} (StartOutboundChatContact starts SMS and WhatsApp contacts only)`,
      quote(valueString),
      fix,
      casingHint(valueString, SUBTYPES),
    ),
  ];
}
