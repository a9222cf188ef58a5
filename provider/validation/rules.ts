/**
 * The rules of one input value, as data, and the one function that walks them. A rule says what
 * kind of value is expected (a string of some length, a whole number in a range, one of a few
 * values, an object of known members, a list, a map), whether it must be given, how much of a
 * wrong value a message may show, and the likely fix; `form` adds what a kind cannot say (an ARN's
 * shape, an E.164 number). Rules that relate two inputs are functions of their own
 * (`cross-field.ts`), the rules of a map's keys are in `keys.ts`, and messages are written in
 * `problems.ts`.
 */
import { isAbsent, isRecord, isUnknown } from "../canonical";
import { lengthOf } from "../limits";
import { InputProblem } from "../types";
import { checkKey, type KeyRule } from "./keys";
import {
  casingHint,
  describeLength,
  describeReceived,
  describeType,
  formatNumber,
  indexPath,
  keyPath,
  listValues,
  memberPath,
  quote,
  type Reveal,
  complaint,
  missing,
  unknownMembers,
} from "./problems";

interface BaseRule {
  /** What the value is, for messages: `an instance ID`. */
  readonly what: string;
  /** The likely fix, a sentence. */
  readonly fix: string;
  /**
   * Set when the value must be given: what it is for, in the message when it is missing.
   * @default - the value may be left out
   */
  readonly required?: string;
}

export interface StringRule extends BaseRule {
  readonly kind: "string";
  /** The fewest characters (code points). @default 1 */
  readonly min?: number;
  /** The most characters (code points). @default - no limit of its own */
  readonly max?: number;
  /** How much of a value out of bounds a message may show. @default "length" */
  readonly reveal?: Reveal;
  /** Further problems of a string within bounds. @default - none */
  readonly form?: (text: string, property: string) => InputProblem[];
}

export interface IntegerRule extends BaseRule {
  readonly kind: "integer";
  readonly min: number;
  readonly max: number;
  /** The range in words. @default - `from <min> to <max>` */
  readonly bounds?: string;
}

export interface OneOfRule extends BaseRule {
  readonly kind: "oneOf";
  readonly values: readonly string[];
  /** How much of a value not allowed a message may show. @default "value" */
  readonly reveal?: Reveal;
}

export interface ObjectRule extends BaseRule {
  readonly kind: "object";
  /** The rule of each member; any other member is a problem (a typo, most likely). */
  readonly members: Readonly<Record<string, Rule>>;
  /** Further problems of an object whose members have none. @default - none */
  readonly form?: (value: Record<string, unknown>, property: string) => InputProblem[];
}

export interface ListRule extends BaseRule {
  readonly kind: "list";
  /** The rule of each element. @default - elements may be anything */
  readonly element?: Rule;
  /** Further problems of a list whose elements have none. @default - none */
  readonly form?: (value: unknown[], property: string) => InputProblem[];
}

export interface MapRule extends BaseRule {
  readonly kind: "map";
  readonly keys: KeyRule;
  readonly values: Rule;
  /** Further problems of a map whose keys and values have none. @default - none */
  readonly form?: (value: Record<string, unknown>, property: string) => InputProblem[];
}

/** A value whose rules depend on where it sits (segment attribute values): a function of its own. */
export interface CustomRule {
  readonly kind: "custom";
  /** Returns the value's problems; called for values that are given and known. */
  readonly check: (value: unknown, property: string) => InputProblem[];
}

export type Rule =
  StringRule | IntegerRule | OneOfRule | ObjectRule | ListRule | MapRule | CustomRule;

/**
 * Returns every problem of `value` under `rule`, each with its property path. Values not known
 * yet are passed over, at any depth; a value left out is a problem only when it is required.
 */
export function checkValue(value: unknown, property: string, rule: Rule): InputProblem[] {
  if (isUnknown(value)) {
    return [];
  }
  if (rule.kind === "custom") {
    return isAbsent(value) ? [] : rule.check(value, property);
  }
  if (isAbsent(value)) {
    return rule.required === undefined ? [] : [missing(property, rule.required, rule.fix)];
  }
  switch (rule.kind) {
    case "string":
      return checkString(value, property, rule);
    case "integer":
      return checkInteger(value, property, rule);
    case "oneOf":
      return rule.values.includes(value as string)
        ? []
        : [
            complaint(
              property,
              `must be ${rule.values.length > 2 ? "one of " : ""}${listValues(rule.values)} (${rule.what})`,
              describeReceived(value, rule.reveal ?? "value"),
              rule.fix,
              // Names an allowed value only: safe for a secret argument too.
              casingHint(value, rule.values),
            ),
          ];
    case "object":
      return checkObject(value, property, rule);
    case "list":
      return checkList(value, property, rule);
    case "map":
      return checkMap(value, property, rule);
  }
}

function boundsOf(min: number, max: number | undefined): string {
  if (max === undefined) {
    return `at least ${formatNumber(min)} character${min === 1 ? "" : "s"}`;
  }
  return min === 0
    ? `at most ${formatNumber(max)} characters`
    : `${formatNumber(min)} to ${formatNumber(max)} characters`;
}

function checkString(value: unknown, property: string, rule: StringRule): InputProblem[] {
  const min = rule.min ?? 1;
  const bounded = min > 0 || rule.max !== undefined;
  if (typeof value !== "string") {
    const expected = bounded ? `${rule.what}, ${boundsOf(min, rule.max)}` : rule.what;
    return [complaint(property, `must be a string (${expected})`, describeType(value), rule.fix)];
  }
  const count = lengthOf(value);
  if (count < min || count > (rule.max ?? Number.POSITIVE_INFINITY)) {
    const reveal = rule.reveal ?? "length";
    // A value is shown with its length, and an empty one as such.
    const received =
      reveal !== "value"
        ? describeReceived(value, reveal)
        : count === 0
          ? describeLength(value)
          : `${describeLength(value)}, ${quote(value)}`;
    const wrong = `must be ${rule.what} of ${boundsOf(min, rule.max)}`;
    return [complaint(property, wrong, received, rule.fix)];
  }
  return rule.form === undefined ? [] : rule.form(value, property);
}

function checkInteger(value: unknown, property: string, rule: IntegerRule): InputProblem[] {
  if (Number.isInteger(value) && (value as number) >= rule.min && (value as number) <= rule.max) {
    return [];
  }
  const bounds = rule.bounds ?? `from ${formatNumber(rule.min)} to ${formatNumber(rule.max)}`;
  const received = typeof value === "number" ? String(value) : describeType(value);
  return [complaint(property, `must be ${rule.what} ${bounds}`, received, rule.fix)];
}

function checkObject(value: unknown, property: string, rule: ObjectRule): InputProblem[] {
  if (!isRecord(value)) {
    return [complaint(property, `must be an object (${rule.what})`, describeType(value), rule.fix)];
  }
  const names = Object.keys(rule.members);
  const problems = unknownMembers(value, property, names);
  for (const name of names) {
    problems.push(...checkValue(value[name], memberPath(property, name), rule.members[name]));
  }
  return withForm(problems, rule.form, value, property);
}

/** The problems found so far, or, when there are none, those of the rule's `form`. */
function withForm<T>(
  problems: InputProblem[],
  form: ((value: T, property: string) => InputProblem[]) | undefined,
  value: T,
  property: string,
): InputProblem[] {
  return problems.length > 0 || form === undefined ? problems : form(value, property);
}

function checkList(value: unknown, property: string, rule: ListRule): InputProblem[] {
  if (!Array.isArray(value)) {
    return [complaint(property, `must be a list (${rule.what})`, describeType(value), rule.fix)];
  }
  const element = rule.element;
  const problems =
    element === undefined
      ? []
      : value.flatMap((item: unknown, index) =>
          checkValue(item, indexPath(property, index), element),
        );
  return withForm(problems, rule.form, value, property);
}

function checkMap(value: unknown, property: string, rule: MapRule): InputProblem[] {
  if (!isRecord(value)) {
    return [complaint(property, `must be an object (${rule.what})`, describeType(value), rule.fix)];
  }
  const problems: InputProblem[] = [];
  for (const [key, entry] of Object.entries(value)) {
    const path = keyPath(property, key);
    const keyProblem = checkKey(key, path, rule.keys);
    if (keyProblem) {
      problems.push(keyProblem);
    } else if (entry === null && rule.values.kind !== "custom") {
      // A map's entry is a value or is not there: null is neither.
      problems.push(complaint(path, "must not be null", "null", rule.fix));
    } else {
      problems.push(...checkValue(entry, path, rule.values));
    }
  }
  return withForm(problems, rule.form, value, property);
}

/**
 * The rule of a secret argument's value: the same checks, but no message quotes a value it was
 * given, whatever member it sits in (a number put in `destinationEndpoint.type` is shown by its
 * length only). Forms keep their own wording, which masks numbers and shows messages by length.
 */
export function secretRule(rule: Rule): Rule {
  switch (rule.kind) {
    case "string":
      return rule.reveal === "value" ? { ...rule, reveal: "length" } : rule;
    case "oneOf":
      return { ...rule, reveal: "length" };
    case "object":
      return {
        ...rule,
        members: Object.fromEntries(
          Object.entries(rule.members).map(([name, member]) => [name, secretRule(member)]),
        ),
      };
    case "list":
      return rule.element === undefined ? rule : { ...rule, element: secretRule(rule.element) };
    case "map":
      return { ...rule, values: secretRule(rule.values) };
    default:
      return rule;
  }
}
