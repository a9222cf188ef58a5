/**
 * Validators for the messages: initialSystemMessage, initialTemplatedSystemMessage (only one of the
 * two) and supportedMessagingContentTypes. Message content and template attributes are never shown
 * in a message, only their length.
 */
import { characterCount } from "../mask";
import { checkStringMap } from "./attributes";
import {
  casingHint,
  checkMembers,
  checkString,
  describeType,
  formatNumber,
  indexPath,
  InputProblem,
  isAbsent,
  isRecord,
  isUnknown,
  listValues,
  notAnObject,
  problem,
  quote,
  required,
  wrongType,
} from "./problems";

/**
 * The content types of an initial system message, each with the most characters its content may
 * have (the operation's documentation; the model allows 1..16,384 for all).
 */
export const MAX_CONTENT_LENGTH: Readonly<Record<string, number>> = {
  "text/plain": 1024,
  "text/markdown": 1024,
  "application/json": 12_000,
  "application/vnd.amazonaws.connect.message.interactive.response": 12_288,
};
/** The most UTF-8 bytes of a message's content, whatever its type (shape ChatContent). */
export const MAX_CONTENT_BYTES = 16_384;
const CONTENT_TYPES = Object.keys(MAX_CONTENT_LENGTH);

/** The content types a chat may support (SupportedMessagingContentTypes); text/plain is required. */
export const SUPPORTED_CONTENT_TYPES = [
  "text/plain",
  "text/markdown",
  "application/json",
  "application/vnd.amazonaws.connect.message.interactive",
  "application/vnd.amazonaws.connect.message.interactive.response",
] as const;

const MESSAGE_MEMBERS = ["contentType", "content"] as const;
const TEMPLATED_MEMBERS = ["knowledgeBaseId", "messageTemplateId", "templateAttributes"] as const;
const TEMPLATE_ATTRIBUTE_MEMBERS = ["customAttributes", "customerProfileAttributes"] as const;

function checkContent(content: unknown, contentType: unknown): InputProblem[] {
  const property = "initialSystemMessage.content";
  const fix = "send a shorter message, or split it into the initial message and later messages.";
  if (typeof content !== "string") {
    return [
      wrongType(property, "a string (the message)", content, "give the message text as a string."),
    ];
  }
  const count = characterCount(content);
  const max =
    typeof contentType === "string" && !isUnknown(contentType)
      ? MAX_CONTENT_LENGTH[contentType]
      : undefined;
  if (count === 0) {
    return [
      problem(
        property,
        `${property} must not be empty; received an empty string. Fix: write the message, or leave initialSystemMessage out.`,
      ),
    ];
  }
  if (max !== undefined && count > max) {
    return [
      problem(
        property,
        `${property} must be 1 to ${formatNumber(max)} characters for content type "${String(contentType)}"; ` +
          `received a message of ${formatNumber(count)} characters. Fix: ${fix}`,
      ),
    ];
  }
  const bytes = Buffer.byteLength(content, "utf8");
  if (bytes > MAX_CONTENT_BYTES) {
    return [
      problem(
        property,
        `${property} must take at most ${formatNumber(MAX_CONTENT_BYTES)} bytes (UTF-8) whatever its content type; ` +
          `received a message of ${formatNumber(count)} characters taking ${formatNumber(bytes)} bytes. Fix: ${fix}`,
      ),
    ];
  }
  return [];
}

/** initialSystemMessage: optional; `{ contentType, content }` with a per-type content length. */
export function validateInitialSystemMessage(inputs: Record<string, unknown>): InputProblem[] {
  const value = inputs.initialSystemMessage;
  const base = "initialSystemMessage";
  if (isUnknown(value) || isAbsent(value)) {
    return [];
  }
  if (!isRecord(value)) {
    return [
      notAnObject(
        value,
        base,
        "{ contentType, content }",
        `give { contentType: "text/plain", content: "..." }.`,
      ),
    ];
  }
  const problems = checkMembers(value, base, MESSAGE_MEMBERS);
  const { contentType, content } = value;
  if (isAbsent(contentType)) {
    problems.push(
      required(
        `${base}.contentType`,
        listValues(CONTENT_TYPES),
        `set contentType, usually to "text/plain".`,
      ),
    );
  } else if (!isUnknown(contentType) && !CONTENT_TYPES.includes(contentType as string)) {
    const received =
      typeof contentType === "string" ? quote(contentType) : describeType(contentType);
    const hint = typeof contentType === "string" ? casingHint(contentType, CONTENT_TYPES) : "";
    problems.push(
      problem(
        `${base}.contentType`,
        `${base}.contentType must be ${listValues(CONTENT_TYPES)}; received ${received}.${hint} ` +
          `Fix: use "text/plain" for plain text.`,
      ),
    );
  }
  if (isAbsent(content)) {
    problems.push(
      required(
        `${base}.content`,
        "the message text",
        "write the message, or leave initialSystemMessage out.",
      ),
    );
  } else if (!isUnknown(content)) {
    problems.push(...checkContent(content, contentType));
  }
  return problems;
}

function checkTemplateAttributes(value: unknown, base: string): InputProblem[] {
  if (isUnknown(value)) {
    return [];
  }
  if (isAbsent(value)) {
    return [
      required(
        base,
        "the values of the template's variables",
        `give templateAttributes, at least {} when the template has no variables.`,
      ),
    ];
  }
  if (!isRecord(value)) {
    return [
      notAnObject(
        value,
        base,
        "{ customAttributes?, customerProfileAttributes? }",
        "give an object.",
      ),
    ];
  }
  const problems = checkMembers(value, base, TEMPLATE_ATTRIBUTE_MEMBERS);
  const custom = value.customAttributes;
  const customPath = `${base}.customAttributes`;
  if (!isUnknown(custom) && !isAbsent(custom)) {
    if (!isRecord(custom)) {
      problems.push(
        notAnObject(
          custom,
          customPath,
          "a map of strings to strings",
          "give an object of string values.",
        ),
      );
    } else {
      problems.push(
        ...checkStringMap(custom, customPath, {
          keyCharacters: false,
          fix: "convert the value to a string (template variables take strings).",
        }),
      );
    }
  }
  const profile = value.customerProfileAttributes;
  const profilePath = `${base}.customerProfileAttributes`;
  const profileFix = "serialize the attributes with JSON.stringify({ ... }).";
  if (!isUnknown(profile) && !isAbsent(profile)) {
    if (typeof profile !== "string") {
      problems.push(
        wrongType(profilePath, "a string (a JSON object, serialized)", profile, profileFix),
      );
    } else {
      let parsed: unknown;
      try {
        parsed = JSON.parse(profile);
      } catch {
        parsed = undefined;
      }
      if (!isRecord(parsed)) {
        // The parser's own message quotes the text, so it is not passed on.
        problems.push(
          problem(
            profilePath,
            `${profilePath} must be a JSON object serialized as a string; received a string of ` +
              `${formatNumber(characterCount(profile))} characters that does not parse as a JSON object. Fix: ${profileFix}`,
          ),
        );
      }
    }
  }
  return problems;
}

/**
 * initialTemplatedSystemMessage: optional; `{ knowledgeBaseId, messageTemplateId,
 * templateAttributes }`. The API takes one initial message, so not together with
 * initialSystemMessage.
 */
export function validateInitialTemplatedSystemMessage(
  inputs: Record<string, unknown>,
): InputProblem[] {
  const value = inputs.initialTemplatedSystemMessage;
  const base = "initialTemplatedSystemMessage";
  if (isUnknown(value) || isAbsent(value)) {
    return [];
  }
  const problems: InputProblem[] = [];
  const other = inputs.initialSystemMessage;
  if (!isUnknown(other) && !isAbsent(other)) {
    problems.push(
      problem(
        base,
        `${base} cannot be set together with initialSystemMessage: StartOutboundChatContact takes one ` +
          `initial message; received both. Fix: remove one of them.`,
      ),
    );
  }
  if (!isRecord(value)) {
    problems.push(
      notAnObject(
        value,
        base,
        "{ knowledgeBaseId, messageTemplateId, templateAttributes }",
        "give an object.",
      ),
    );
    return problems;
  }
  problems.push(...checkMembers(value, base, TEMPLATED_MEMBERS));
  const ids: Array<[string, string, string]> = [
    [
      "knowledgeBaseId",
      "a knowledge base ID or ARN",
      "the ID or ARN of the Amazon Q in Connect knowledge base that holds the template",
    ],
    ["messageTemplateId", "a message template ID", "the ID of the message template"],
  ];
  for (const [member, what, fix] of ids) {
    const id = value[member];
    const property = `${base}.${member}`;
    if (isUnknown(id)) {
      continue;
    }
    if (isAbsent(id)) {
      problems.push(required(property, what, `give ${fix}.`));
      continue;
    }
    const found = checkString(id, property, {
      max: 500,
      what,
      reveal: "value",
      fix: `give ${fix}.`,
    });
    if (found !== undefined) {
      problems.push(found);
    }
  }
  problems.push(...checkTemplateAttributes(value.templateAttributes, `${base}.templateAttributes`));
  return problems;
}

/**
 * supportedMessagingContentTypes: optional; a list of documented content types (each 1..100
 * characters) that contains text/plain, without duplicates.
 */
export function validateSupportedMessagingContentTypes(
  inputs: Record<string, unknown>,
): InputProblem[] {
  const base = "supportedMessagingContentTypes";
  const value = inputs[base];
  if (isUnknown(value) || isAbsent(value)) {
    return [];
  }
  const allowed = SUPPORTED_CONTENT_TYPES as readonly string[];
  if (!Array.isArray(value)) {
    return [
      wrongType(
        base,
        "a list of content types",
        value,
        `give a list such as ["text/plain", "text/markdown"].`,
      ),
    ];
  }
  const problems: InputProblem[] = [];
  const seen = new Map<string, number>();
  value.forEach((element: unknown, index) => {
    const property = indexPath(base, index);
    if (isUnknown(element)) {
      return;
    }
    const found = checkString(element, property, {
      max: 100,
      what: "a content type",
      reveal: "value",
      fix: `use one of ${listValues(allowed)}.`,
    });
    if (found !== undefined) {
      problems.push(found);
      return;
    }
    const text = element as string;
    if (!allowed.includes(text)) {
      problems.push(
        problem(
          property,
          `${property} must be one of ${listValues(allowed)}; received ${quote(text)}.${casingHint(text, allowed)} ` +
            `Fix: use a supported content type or remove it.`,
        ),
      );
      return;
    }
    const first = seen.get(text);
    if (first !== undefined) {
      problems.push(
        problem(
          property,
          `${property} must not repeat a content type; received ${quote(text)}, already given at ${indexPath(base, first)}. ` +
            `Fix: remove the duplicate.`,
        ),
      );
      return;
    }
    seen.set(text, index);
  });
  const anyUnknown = value.some((element) => isUnknown(element));
  if (!anyUnknown && !value.includes("text/plain")) {
    problems.push(
      problem(
        base,
        `${base} must contain "text/plain" (the API requires it); received ${value.length === 0 ? "an empty list" : `a list of ${value.length} without it`}. ` +
          `Fix: add "text/plain" to the list.`,
      ),
    );
  }
  return problems;
}
