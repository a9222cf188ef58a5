/**
 * The rules of the arguments whose values need a `form` of their own beside the rule's data
 * (`rules.ts` says what a rule is): the instance and flow identifiers, the attributes' total size,
 * the Region's name. Every limit comes from `limits.ts`. A plain rule is written in its argument's
 * entry of the table (`../arguments.ts`); the endpoints', the messages' and the segment
 * attributes' rules are in `endpoints.ts`, `messages.ts` and `segment-attributes.ts`.
 */
import { isRegion, parseContactFlowRef, parseInstanceRef } from "../arn";
import { isUnknown } from "../canonical";
import {
  KEY_CHARACTERS,
  MAX_ATTRIBUTE_LENGTH,
  MAX_ATTRIBUTES_BYTES,
  MAX_CONTACT_FLOW_ID_LENGTH,
  MAX_INSTANCE_ID_LENGTH,
} from "../limits";
import { complaint, formatNumber, quote } from "./problems";
import { KeyRule } from "./keys";
import { Rule, StringRule } from "./rules";

const INSTANCE_ARN_FORM = "arn:aws:connect:<region>:<account>:instance/<instanceId>";
const FLOW_ARN_FORM = `${INSTANCE_ARN_FORM}/contact-flow/<contactFlowId>`;
const REGION_FIX =
  "give the Region of the Amazon Connect instance, or leave it out to use the provider's Region.";
const NO_SEPARATORS = 'without ":", "/" or spaces';

/** A string rule whose form is one of the identifier forms of `arn.ts`. */
function identifier(
  rule: Omit<StringRule, "kind" | "reveal" | "form">,
  form: string,
  valid: (s: string) => boolean,
): StringRule {
  return {
    kind: "string",
    ...rule,
    min: 0,
    form: (text, property) =>
      valid(text) ? [] : [complaint(property, `must be ${form}`, quote(text), rule.fix)],
  };
}

export const instanceIdRule = identifier(
  {
    what: "an instance ID or ARN",
    required: "the Amazon Connect instance to start the contact in",
    fix:
      'give the instance ID (the last part of the instance ARN), such as "11111111-2222-3333-4444-555555555555", ' +
      "or the whole instance ARN.",
  },
  `an Amazon Connect instance ID (1 to ${MAX_INSTANCE_ID_LENGTH} characters, ${NO_SEPARATORS}) ` +
    `or an instance ARN (${INSTANCE_ARN_FORM})`,
  (s) => parseInstanceRef(s) !== undefined,
);

export const contactFlowIdRule = identifier(
  {
    what: "a contact flow ID or ARN",
    required: "the flow that runs the new contact",
    fix:
      "give the flow ID (the last part of the flow ARN, shown under the flow's name in the console " +
      "as part of Show additional flow information) or the whole flow ARN.",
  },
  `a contact flow ID (1 to ${MAX_CONTACT_FLOW_ID_LENGTH} characters, ${NO_SEPARATORS}) ` +
    `or a contact flow ARN (${FLOW_ARN_FORM})`,
  (s) => parseContactFlowRef(s) !== undefined,
);

const ATTRIBUTE_KEYS: KeyRule = {
  max: MAX_ATTRIBUTE_LENGTH,
  characters: { pattern: KEY_CHARACTERS, words: 'letters, digits, "-" and "_"' },
};

/** An attribute value: a string of at most 32,767 characters, shown by its length only. */
function attributeValue(fix: string): StringRule {
  return {
    kind: "string",
    min: 0,
    max: MAX_ATTRIBUTE_LENGTH,
    what: "a value",
    reveal: "length",
    fix,
  };
}

export const attributesRule: Rule = {
  kind: "map",
  what: "a map of strings to strings",
  fix: "give an object of string keys to string values.",
  keys: ATTRIBUTE_KEYS,
  values: attributeValue(
    "give a string: convert other values with String() or JSON.stringify(), and keep long data elsewhere.",
  ),
  form: (value, property) => {
    const entries = Object.entries(value);
    if (entries.some(([, entry]) => isUnknown(entry))) {
      return [];
    }
    // Every value is a string here: a form runs only when the values have no problem.
    const bytes = entries.reduce(
      (sum, [key, entry]) => sum + Buffer.byteLength(key) + Buffer.byteLength(entry as string),
      0,
    );
    return bytes <= MAX_ATTRIBUTES_BYTES
      ? []
      : [
          complaint(
            property,
            `must take at most ${formatNumber(MAX_ATTRIBUTES_BYTES)} bytes (UTF-8) for all keys and values together`,
            `${entries.length} attributes of ${formatNumber(bytes)} bytes`,
            "remove or shorten some of them, or keep large data elsewhere and pass a reference.",
          ),
        ];
  },
};

/** The inputs the resource has in state (`check`'s olds), or undefined for a new resource. */
export type StoredInputs = Readonly<Record<string, unknown>> | undefined;

export const regionRule: Rule = {
  kind: "string",
  min: 0,
  what: "an AWS Region name",
  fix: REGION_FIX,
  form: (text, property) =>
    isRegion(text)
      ? []
      : [
          complaint(
            property,
            'must be an AWS Region name such as "us-east-1", "eu-central-1" or "us-gov-west-1"',
            quote(text),
            REGION_FIX,
          ),
        ],
};
