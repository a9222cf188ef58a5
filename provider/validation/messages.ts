/**
 * The messages: initialSystemMessage, initialTemplatedSystemMessage (its alternative, from a
 * template of the instance's knowledge base) and supportedMessagingContentTypes. Message content
 * and template attributes are never shown in a message, only their length.
 */
import { isGiven, isUnknown } from "../canonical";
import {
  CONTENT_TYPES,
  lengthOf,
  MAX_ATTRIBUTE_LENGTH,
  MAX_CONTENT_BYTES,
  MAX_CONTENT_LENGTH,
  MAX_TEMPLATE_ID_LENGTH,
  REQUIRED_CONTENT_TYPE,
  SUPPORTED_CONTENT_TYPES,
} from "../limits";
import { InputProblem } from "../types";
import { complaint, formatNumber, indexPath, listValues, memberPath, quote } from "./problems";
import { Rule, StringRule } from "./rules";

const SHORTER = "send a shorter message, or split it into the initial message and later messages.";

/**
 * initialSystemMessage.content fits its content type: at most the characters the type allows
 * (when the type is known), and at most 16,384 UTF-8 bytes whatever the type. A form, so it runs
 * when both members passed their own rules: content is a string of 1 character or more and
 * contentType one of the content types, each unless not known yet.
 */
function contentFitsItsType(message: Record<string, unknown>, base: string): InputProblem[] {
  const { content, contentType } = message as { content: string; contentType: string };
  if (isUnknown(content)) {
    return [];
  }
  const property = memberPath(base, "content");
  const count = lengthOf(content);
  const max = MAX_CONTENT_LENGTH[contentType] ?? Number.POSITIVE_INFINITY;
  if (count > max) {
    return [
      complaint(
        property,
        `must be 1 to ${formatNumber(max)} characters for content type "${contentType}"`,
        `a message of ${formatNumber(count)} characters`,
        SHORTER,
      ),
    ];
  }
  const bytes = Buffer.byteLength(content);
  return bytes <= MAX_CONTENT_BYTES
    ? []
    : [
        complaint(
          property,
          `must take at most ${formatNumber(MAX_CONTENT_BYTES)} bytes (UTF-8) whatever its content type`,
          `a message of ${formatNumber(count)} characters taking ${formatNumber(bytes)} bytes`,
          SHORTER,
        ),
      ];
}

/**
 * supportedMessagingContentTypes names each type once, and text/plain among them (the API
 * requires it; a list with an element not known yet may still hold it).
 */
function contentTypesListed(types: unknown[], base: string): InputProblem[] {
  const problems: InputProblem[] = [];
  types.forEach((type, index) => {
    const first = types.indexOf(type);
    if (first < index && SUPPORTED_CONTENT_TYPES.includes(type as string)) {
      problems.push(
        complaint(
          indexPath(base, index),
          "must not repeat a content type",
          `${quote(type as string)}, already given at ${indexPath(base, first)}`,
          "remove the duplicate.",
        ),
      );
    }
  });
  if (!types.some((type) => isUnknown(type)) && !types.includes(REQUIRED_CONTENT_TYPE)) {
    problems.push(
      complaint(
        base,
        `must contain "${REQUIRED_CONTENT_TYPE}" (the API requires it)`,
        types.length === 0 ? "an empty list" : `a list of ${types.length} without it`,
        `add "${REQUIRED_CONTENT_TYPE}" to the list.`,
      ),
    );
  }
  return problems;
}

const MESSAGE_FIX = "write the message, or leave initialSystemMessage out.";

export const initialSystemMessageRule: Rule = {
  kind: "object",
  what: "{ contentType, content }",
  fix: 'give { contentType: "text/plain", content: "..." }.',
  members: {
    contentType: {
      kind: "oneOf",
      values: CONTENT_TYPES,
      what: "the type of the message",
      required: listValues(CONTENT_TYPES),
      fix: 'use "text/plain" for plain text.',
    },
    content: {
      kind: "string",
      what: "the message text",
      required: "the message text",
      reveal: "length",
      fix: MESSAGE_FIX,
    },
  },
  form: contentFitsItsType,
};

/** A template's knowledge base or template ID. */
function templateId(what: string, fix: string): StringRule {
  return {
    kind: "string",
    max: MAX_TEMPLATE_ID_LENGTH,
    what,
    required: what,
    reveal: "value",
    fix,
  };
}

const PROFILE_FIX = "serialize the attributes with JSON.stringify({ ... }).";

export const initialTemplatedSystemMessageRule: Rule = {
  kind: "object",
  what: "{ knowledgeBaseId, messageTemplateId, templateAttributes }",
  fix: "give an object.",
  members: {
    knowledgeBaseId: templateId(
      "a knowledge base ID or ARN",
      "give the ID or ARN of the Amazon Q in Connect knowledge base that holds the template.",
    ),
    messageTemplateId: templateId("a message template ID", "give the ID of the message template."),
    templateAttributes: {
      kind: "object",
      what: "{ customAttributes?, customerProfileAttributes? }",
      required: "the values of the template's variables",
      fix: "give templateAttributes, at least {} when the template has no variables.",
      members: {
        customAttributes: {
          kind: "map",
          what: "a map of strings to strings",
          fix: "give an object of string values.",
          keys: { max: MAX_ATTRIBUTE_LENGTH },
          values: {
            kind: "string",
            min: 0,
            max: MAX_ATTRIBUTE_LENGTH,
            what: "a value",
            reveal: "length",
            fix: "convert the value to a string (template variables take strings).",
          },
        },
        customerProfileAttributes: {
          kind: "string",
          min: 0,
          what: "a JSON object, serialized",
          fix: PROFILE_FIX,
          form: (text, property) => {
            let parsed: unknown;
            try {
              parsed = JSON.parse(text);
            } catch {
              // Left undefined: the parser's own message quotes the text, so it is not passed on.
            }
            return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
              ? []
              : [
                  complaint(
                    property,
                    "must be a JSON object serialized as a string",
                    `a string of ${formatNumber(lengthOf(text))} characters that does not parse as a JSON object`,
                    PROFILE_FIX,
                  ),
                ];
          },
        },
      },
    },
  },
};

export const supportedMessagingContentTypesRule: Rule = {
  kind: "list",
  what: "of content types",
  fix: 'give a list such as ["text/plain", "text/markdown"].',
  element: {
    kind: "oneOf",
    values: SUPPORTED_CONTENT_TYPES,
    what: "a supported content type",
    fix: "use a supported content type or remove it.",
  },
  form: contentTypesListed,
};

/** StartOutboundChatContact takes one initial message: a templated one or a plain one. */
export function onlyOneInitialMessage(inputs: Record<string, unknown>): InputProblem[] {
  return isGiven(inputs.initialTemplatedSystemMessage) && isGiven(inputs.initialSystemMessage)
    ? [
        complaint(
          "initialTemplatedSystemMessage",
          "cannot be set together with initialSystemMessage: StartOutboundChatContact takes one initial message",
          "both",
          "remove one of them.",
        ),
      ]
    : [];
}
