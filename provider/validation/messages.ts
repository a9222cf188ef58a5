/**
 * Validators for the messages: initialSystemMessage and supportedMessagingContentTypes (the
 * templated message, the alternative to initialSystemMessage, is in templated-message.ts). Message content and template attributes are never shown
 * in a message, only their length.
 */
import { characterCount } from "../mask";
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
