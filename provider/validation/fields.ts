/**
 * The rules of the arguments' values that fit in a few lines (`rules.ts` says what a rule is):
 * the identifiers, the attributes, the scalar settings. Every limit comes from `limits.ts`; what a
 * rule cannot say as data is a `form` beside it. The endpoints', the messages' and the segment
 * attributes' rules are in `endpoints.ts`, `messages.ts` and `segment-attributes.ts`; which
 * argument has which rule is the table in `../arguments.ts`.
 */
import { isRegion, parseContactFlowRef, parseInstanceRef } from "../arn";
import { isUnknown } from "../canonical";
import {
  CHANNELS,
  KEY_CHARACTERS,
  MAX_ATTRIBUTE_LENGTH,
  MAX_ATTRIBUTES_BYTES,
  MAX_CHAT_DURATION_MINUTES,
  MAX_CLIENT_TOKEN_LENGTH,
  MAX_CONTACT_FLOW_ID_LENGTH,
  MAX_CONTACT_ID_LENGTH,
  MAX_DISPLAY_NAME_LENGTH,
  MAX_INSTANCE_ID_LENGTH,
  MIN_CHAT_DURATION_MINUTES,
} from "../limits";
import { complaint, formatNumber, quote } from "./problems";
import { KeyRule } from "./keys";
import { Rule, StringRule } from "./rules";

const INSTANCE_ARN_FORM = "arn:aws:connect:<region>:<account>:instance/<instanceId>";
const FLOW_ARN_FORM = `${INSTANCE_ARN_FORM}/contact-flow/<contactFlowId>`;
const REGION_FIX =
  "give the Region of the Amazon Connect instance, or leave region out to use the provider's Region.";
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
  fix: "give attributes as an object of string keys to string values.",
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
            "remove or shorten attributes, or keep large data elsewhere and pass a reference.",
          ),
        ];
  },
};

/** The inputs the resource has in state (`check`'s olds), or undefined for a new resource. */
export type StoredInputs = Readonly<Record<string, unknown>> | undefined;

export const channelRule: Rule = {
  kind: "oneOf",
  values: CHANNELS,
  what: "the channel",
  fix: 'set channel to "SMS" or "WhatsApp".',
};

export const chatDurationRule: Rule = {
  kind: "integer",
  min: MIN_CHAT_DURATION_MINUTES,
  max: MAX_CHAT_DURATION_MINUTES,
  what: "a whole number of minutes",
  bounds: `from ${MIN_CHAT_DURATION_MINUTES} (1 hour) to ${formatNumber(MAX_CHAT_DURATION_MINUTES)} (7 days)`,
  fix: "give a duration in that range, or leave it out for the default of 25 hours.",
};

export const participantDetailsRule: Rule = {
  kind: "object",
  what: "{ displayName }",
  fix: `give the customer's display name, 1 to ${MAX_DISPLAY_NAME_LENGTH} characters.`,
  members: {
    displayName: {
      kind: "string",
      max: MAX_DISPLAY_NAME_LENGTH,
      what: "a display name",
      required: "the customer's display name",
      reveal: "length",
      fix: `give the customer's display name, 1 to ${MAX_DISPLAY_NAME_LENGTH} characters.`,
    },
  },
};

export const relatedContactIdRule: Rule = {
  kind: "string",
  max: MAX_CONTACT_ID_LENGTH,
  what: "a contact ID",
  reveal: "value",
  fix: "give the ContactId of the contact this one relates to, or leave relatedContactId out.",
};

export const clientTokenRule: Rule = {
  kind: "string",
  max: MAX_CLIENT_TOKEN_LENGTH,
  what: "an idempotency token",
  reveal: "length",
  fix:
    `give a unique token of at most ${MAX_CLIENT_TOKEN_LENGTH} characters, or leave clientToken ` +
    "out to let the provider derive one from the resource.",
};

export const triggersRule: Rule = {
  kind: "list",
  what: "of any values; a change to them sends a new message",
  fix: "wrap the value in a list: triggers: [value].",
};

export const onDeleteRule: Rule = {
  kind: "oneOf",
  values: ["stop", "retain"],
  what: "what a delete does with the contact",
  fix: 'use "stop" to end the contact when the resource is deleted, or "retain" to leave it running.',
};

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
