/**
 * Validator for segmentAttributes: a map of keys (1..128 characters) to values that set exactly
 * one of valueString, valueMap, valueInteger, valueList or valueArn (the `connect:Subtype` entry is
 * judged in subtype.ts).
 *
 * Keys: the API reference says segment attribute keys "can include only alphanumeric, -, and _",
 * while the system-defined keys it names are prefixed `connect:` (`connect:Subtype`). So a key of
 * the top level is either user-defined, of letters, digits, `-` and `_` only, or a system key:
 * `connect:` followed by the same characters. Keys inside a valueMap have only the model's length
 * limit (the reference states no character rule for them).
 *
 * Depth: the API states no limit on how deep valueMap and valueList nest; values nested deeper than
 * 32 levels are refused here, with their path, rather than sent for the service to reject after
 * the preview passed.
 */
import { parseArn } from "../arn";
import { characterCount } from "../mask";
import { SUBTYPE_KEY } from "../types";
import {
  checkMembers,
  checkString,
  describeType,
  formatNumber,
  indexPath,
  InputProblem,
  isAbsent,
  isInt32,
  isRecord,
  isUnknown,
  keyPath,
  memberPath,
  notAnObject,
  problem,
  quote,
} from "./problems";

export const VALUE_MEMBERS = [
  "valueString",
  "valueMap",
  "valueInteger",
  "valueList",
  "valueArn",
] as const;
const MAX_KEY_LENGTH = 128;
export const MAX_VALUE_STRING_LENGTH = 1024;
/** How deep valueMap and valueList may nest (also what bounds the walk over a cyclic value). */
const MAX_DEPTH = 32;
/** A top-level key: user-defined (letters, digits, - and _) or a system key prefixed `connect:`. */
const TOP_LEVEL_KEY = /^(connect:)?[A-Za-z0-9_-]+$/;

function checkKey(key: string, base: string): InputProblem | undefined {
  const count = characterCount(key);
  if (count >= 1 && count <= MAX_KEY_LENGTH) {
    return undefined;
  }
  const property = keyPath(base, key);
  return problem(
    property,
    `${property}: a segment attribute key must be 1 to ${MAX_KEY_LENGTH} characters; received a key of ` +
      `${formatNumber(count)} characters. Fix: shorten or rename the key.`,
  );
}

/** A top-level key's characters: see the file comment. */
function checkTopLevelKey(key: string, base: string): InputProblem | undefined {
  if (TOP_LEVEL_KEY.test(key)) {
    return undefined;
  }
  const property = keyPath(base, key);
  return problem(
    property,
    `${property}: a segment attribute key may contain only letters, digits, "-" and "_" (system ` +
      'keys start with "connect:", such as "connect:Subtype"); received a key with ' +
      `${[...new Set(key.replace(/^connect:/, "").replace(/[A-Za-z0-9_-]/g, ""))]
        .slice(0, 5)
        .map((c) => JSON.stringify(c))
        .join(", ")}. Fix: rename the key, for example ` +
      `to ${quote(key.replace(/^(connect:)?/, "").replace(/[^A-Za-z0-9_-]+/g, "_"))}.`,
  );
}

/** Checks one value, recursively. `system` is whether it sits under a `connect:` key. */
function checkValue(
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
      notAnObject(
        value,
        property,
        'a segment attribute value such as { valueString: "..." }',
        "wrap the value in an object that sets exactly one of valueString, valueMap, valueInteger, valueList or valueArn.",
      ),
    ];
  }
  const problems = checkMembers(value, property, VALUE_MEMBERS);
  const set = VALUE_MEMBERS.filter((m) => !isAbsent(value[m]));
  const anyUnknown = set.some((m) => isUnknown(value[m]));
  if (set.length > 1 && set.filter((m) => !isUnknown(value[m])).length > 1) {
    problems.push(
      problem(
        property,
        `${property} must set exactly one of ${VALUE_MEMBERS.join(", ")}; received ${set.join(" and ")}. ` +
          `Fix: keep one of them.`,
      ),
    );
  } else if (set.length === 0 && !anyUnknown) {
    problems.push(
      problem(
        property,
        `${property} must set exactly one of ${VALUE_MEMBERS.join(", ")}; received an object with none of them. ` +
          `Fix: set one, for example { valueString: "..." }.`,
      ),
    );
  }
  if (depth >= MAX_DEPTH) {
    const nested = set.filter((m) => m === "valueMap" || m === "valueList");
    if (nested.length > 0) {
      problems.push(
        problem(
          property,
          `${property} nests valueMap and valueList more than ${MAX_DEPTH} levels deep, more than ` +
            `this provider sends; received a value that goes on deeper at this path. Fix: flatten ` +
            `the value to at most ${MAX_DEPTH} levels.`,
        ),
      );
    }
    return problems;
  }
  for (const member of set) {
    const memberValue = value[member];
    if (isUnknown(memberValue)) {
      continue;
    }
    const path = memberPath(property, member);
    if ((member === "valueList" || member === "valueArn") && !system) {
      problems.push(
        problem(
          path,
          `${path} is only supported on system-defined attributes (keys starting with "connect:"); ` +
            `received it under a user-defined key. Fix: use valueString, valueMap or valueInteger instead.`,
        ),
      );
      continue;
    }
    switch (member) {
      case "valueString": {
        const found = checkString(memberValue, path, {
          min: 0,
          max: MAX_VALUE_STRING_LENGTH,
          what: "a string",
          reveal: "length",
          fix: `shorten the value to at most ${formatNumber(MAX_VALUE_STRING_LENGTH)} characters.`,
        });
        if (found !== undefined) {
          problems.push(found);
        }
        break;
      }
      case "valueArn": {
        const found = checkString(memberValue, path, {
          max: MAX_VALUE_STRING_LENGTH,
          what: "an ARN",
          reveal: "value",
          fix: "give a full ARN (arn:<partition>:<service>:<region>:<account>:<resource>).",
        });
        if (found !== undefined) {
          problems.push(found);
        } else if (parseArn(memberValue) === undefined) {
          problems.push(
            problem(
              path,
              `${path} must be a valid ARN (arn:<partition>:<service>:<region>:<account>:<resource>); ` +
                `received ${quote(memberValue as string)}. Fix: give the full ARN.`,
            ),
          );
        }
        break;
      }
      case "valueInteger":
        if (!isInt32(memberValue)) {
          const received =
            typeof memberValue === "number" ? String(memberValue) : describeType(memberValue);
          problems.push(
            problem(
              path,
              `${path} must be a whole number from -2,147,483,648 to 2,147,483,647; received ${received}. ` +
                `Fix: give a whole number, or use valueString for other values.`,
            ),
          );
        }
        break;
      case "valueMap":
        problems.push(...checkMap(memberValue, path, system, depth + 1));
        break;
      case "valueList":
        if (!Array.isArray(memberValue)) {
          problems.push(
            problem(
              path,
              `${path} must be a list of segment attribute values; received ${describeType(memberValue)}. ` +
                `Fix: give an array such as [{ valueString: "..." }].`,
            ),
          );
        } else {
          memberValue.forEach((element, index) =>
            problems.push(...checkValue(element, indexPath(path, index), system, depth + 1)),
          );
        }
        break;
    }
  }
  return problems;
}

/** Checks a map of segment attribute values (the top level, or a valueMap). */
function checkMap(
  value: unknown,
  property: string,
  system: boolean | undefined,
  depth: number,
): InputProblem[] {
  if (isUnknown(value)) {
    return [];
  }
  if (!isRecord(value)) {
    return [
      notAnObject(
        value,
        property,
        "a map of keys to segment attribute values",
        `give an object such as { "${SUBTYPE_KEY}": { valueString: "connect:SMS" } }.`,
      ),
    ];
  }
  const problems: InputProblem[] = [];
  for (const [key, entry] of Object.entries(value)) {
    const keyProblem =
      checkKey(key, property) ??
      (system === undefined ? checkTopLevelKey(key, property) : undefined);
    if (keyProblem !== undefined) {
      problems.push(keyProblem);
      continue;
    }
    problems.push(
      ...checkValue(entry, keyPath(property, key), system ?? key.startsWith("connect:"), depth),
    );
  }
  return problems;
}

/** segmentAttributes: optional; see the file comment. */
export function validateSegmentAttributes(inputs: Record<string, unknown>): InputProblem[] {
  const value = inputs.segmentAttributes;
  if (isUnknown(value) || isAbsent(value)) {
    return [];
  }
  return checkMap(value, "segmentAttributes", undefined, 0);
}
