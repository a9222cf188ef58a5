/**
 * Validator for initialTemplatedSystemMessage: a message from an approved template of the
 * instance's knowledge base, the alternative to initialSystemMessage (only one of the two). Its
 * template attributes are never shown in a message, only their length.
 */
import { characterCount } from "../mask";
import { checkStringMap } from "./attributes";
import {
  checkMembers,
  checkString,
  formatNumber,
  InputProblem,
  isAbsent,
  isRecord,
  isUnknown,
  notAnObject,
  problem,
  required,
  wrongType,
} from "./problems";

const TEMPLATED_MEMBERS = ["knowledgeBaseId", "messageTemplateId", "templateAttributes"] as const;
const TEMPLATE_ATTRIBUTE_MEMBERS = ["customAttributes", "customerProfileAttributes"] as const;

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
