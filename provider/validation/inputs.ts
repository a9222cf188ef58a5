/**
 * Pure validation of the provider's inputs, as `check` reports them: no Pulumi, no AWS clients.
 * Which rules each argument has is the table in `../arguments.ts`.
 */
import { ARGUMENT_ENTRIES, ARGUMENT_NAMES } from "../arguments";
import { isRecord, nonPlainPart } from "../canonical";
import { InputProblem } from "../types";
import { StoredInputs } from "./fields";
import { describeType, memberPath, unknownMembers } from "./problems";
import { checkValue, secretRule } from "./rules";

/** Keys the resource or the engine adds, not validated here. */
const INTERNAL_PROPERTIES = ["__urn", "__provider"];
const KNOWN_PROPERTIES: readonly string[] = ARGUMENT_NAMES;

/**
 * Checks raw inputs as the engine hands them to a dynamic provider's `check` (plain JSON, any field
 * possibly missing, of a wrong type, or unknown during a preview) and returns every problem found,
 * each with its property path. An empty list means the inputs are valid. Never throws.
 *
 * @param stored the inputs the resource has in state (check's olds), which passed check when they
 * were stored: a costly rule is not run again on a value they already hold (the destination
 * number's validity)
 * @default stored - none, a new resource
 */
export function validateInputs(
  inputs: Record<string, unknown>,
  stored?: Readonly<Record<string, unknown>>,
): InputProblem[] {
  if (!isRecord(inputs)) {
    return [
      {
        property: "",
        reason:
          `The inputs must be an object of properties; received ${describeType(inputs)}. ` +
          "Fix: pass the resource's arguments as an object.",
      },
    ];
  }
  const nonPlain = nonPlainProblems(inputs);
  if (nonPlain.length > 0) {
    return nonPlain;
  }
  const problems = checkFields(inputs, isRecord(stored) ? stored : undefined);
  const others = Object.keys(inputs).filter(
    (key) => !KNOWN_PROPERTIES.includes(key) && !INTERNAL_PROPERTIES.includes(key),
  );
  const given = Object.fromEntries(others.map((key) => [key, inputs[key]]));
  problems.push(...unknownMembers(given, "", ARGUMENT_NAMES, "OutboundChatContact"));
  return problems;
}

/**
 * One problem for each top-level property whose value is not plain data (the engine sends JSON;
 * a program calling the provider directly might not): the rules walk plain data only.
 */
function nonPlainProblems(inputs: Record<string, unknown>): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const key of Object.keys(inputs)) {
    let part: string | undefined;
    try {
      part = nonPlainPart(inputs[key]);
    } catch {
      part = "a property that cannot be read (a getter that throws)";
    }
    if (part !== undefined) {
      const property = memberPath("", key);
      problems.push({
        property,
        reason:
          `${property} must be plain data (strings, numbers, booleans, null, arrays and objects); ` +
          `received ${part}. Fix: pass the value as JSON would write it.`,
      });
    }
  }
  return problems;
}

/**
 * Every problem of the arguments, argument by argument, in the table's order. `stored` are the
 * inputs in state, which passed check when they were stored.
 */
function checkFields(inputs: Record<string, unknown>, stored: StoredInputs): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const [name, { rule, related = [], secret }] of ARGUMENT_ENTRIES) {
    problems.push(...checkValue(inputs[name], name, secret === "always" ? secretRule(rule) : rule));
    for (const relate of related) {
      problems.push(...relate(inputs, stored, name));
    }
  }
  return problems;
}
