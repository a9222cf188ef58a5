import { strict as assert } from "assert";
import { UNKNOWN } from "../../harness/doubles";
import { InputProblem } from "../../provider/types";
import type * as Inputs from "../../provider/validation/inputs";
import { templatedMessage, validInputs } from "../fixtures";
import { loadFresh, raw, Raw } from "./helpers";

/** The problems of validInputs() with `changes`, from a fresh copy of the validators. */
function problemsWith(changes: Raw): InputProblem[] {
  const { validateInputs } = loadFresh<typeof Inputs>("validation/inputs");
  return validateInputs({ ...raw(validInputs()), ...changes });
}

/** Changes that give a templated message whose templateAttributes hold only `profile`. */
const withProfile = (profile: unknown): Raw => ({
  initialSystemMessage: undefined,
  initialTemplatedSystemMessage: {
    ...templatedMessage(),
    templateAttributes: { customerProfileAttributes: profile },
  },
});

/** Changes that give a templated message whose templateAttributes hold only `custom`. */
const withCustom = (custom: unknown): Raw => ({
  initialSystemMessage: undefined,
  initialTemplatedSystemMessage: {
    ...templatedMessage(),
    templateAttributes: { customAttributes: custom },
  },
});

describe("the messages' rules", () => {
  const rows: ReadonlyArray<[string, Raw, InputProblem[]]> = [
    [
      "a text/plain message of 1,024 characters",
      { initialSystemMessage: { contentType: "text/plain", content: "m".repeat(1024) } },
      [],
    ],
    [
      "a message of 16,384 bytes",
      {
        initialSystemMessage: {
          contentType: "application/json",
          content: "é".repeat(8192),
        },
      },
      [],
    ],
    [
      "a message of 16,385 bytes",
      {
        initialSystemMessage: {
          contentType: "application/json",
          content: "é".repeat(8192) + "m",
        },
      },
      [
        {
          property: "initialSystemMessage.content",
          reason:
            "initialSystemMessage.content must take at most 16,384 bytes (UTF-8) whatever its content type; received a message of 8,193 characters taking 16,385 bytes. Fix: send a shorter message, or split it into the initial message and later messages.",
        },
      ],
    ],
    [
      "a content not known yet",
      { initialSystemMessage: { contentType: "text/plain", content: UNKNOWN } },
      [],
    ],
    [
      "a contentType that is not a string beside a long message",
      { initialSystemMessage: { contentType: 1, content: "m".repeat(2000) } },
      [
        {
          property: "initialSystemMessage.contentType",
          reason:
            'initialSystemMessage.contentType must be one of "text/plain", "text/markdown", "application/json" or "application/vnd.amazonaws.connect.message.interactive.response" (the type of the message); received a number. Fix: use "text/plain" for plain text.',
        },
      ],
    ],
    [
      "a content type listed three times",
      { supportedMessagingContentTypes: ["text/plain", "text/plain", "text/plain"] },
      [
        {
          property: "supportedMessagingContentTypes[1]",
          reason:
            'supportedMessagingContentTypes[1] must not repeat a content type; received "text/plain", already given at supportedMessagingContentTypes[0]. Fix: remove the duplicate.',
        },
        {
          property: "supportedMessagingContentTypes[2]",
          reason:
            'supportedMessagingContentTypes[2] must not repeat a content type; received "text/plain", already given at supportedMessagingContentTypes[0]. Fix: remove the duplicate.',
        },
      ],
    ],
    [
      "an unsupported content type listed twice",
      { supportedMessagingContentTypes: ["text/plain", "text/html", "text/html"] },
      [
        {
          property: "supportedMessagingContentTypes[1]",
          reason:
            'supportedMessagingContentTypes[1] must be one of "text/plain", "text/markdown", "application/json", "application/vnd.amazonaws.connect.message.interactive" or "application/vnd.amazonaws.connect.message.interactive.response" (a supported content type); received "text/html". Fix: use a supported content type or remove it.',
        },
        {
          property: "supportedMessagingContentTypes[2]",
          reason:
            'supportedMessagingContentTypes[2] must be one of "text/plain", "text/markdown", "application/json", "application/vnd.amazonaws.connect.message.interactive" or "application/vnd.amazonaws.connect.message.interactive.response" (a supported content type); received "text/html". Fix: use a supported content type or remove it.',
        },
      ],
    ],
    [
      "content types without text/plain",
      { supportedMessagingContentTypes: ["text/markdown", "application/json"] },
      [
        {
          property: "supportedMessagingContentTypes",
          reason:
            'supportedMessagingContentTypes must contain "text/plain" (the API requires it); received a list of 2 without it. Fix: add "text/plain" to the list.',
        },
      ],
    ],
    [
      "customerProfileAttributes that is empty",
      withProfile(""),
      [
        {
          property: "initialTemplatedSystemMessage.templateAttributes.customerProfileAttributes",
          reason:
            "initialTemplatedSystemMessage.templateAttributes.customerProfileAttributes must be a JSON object serialized as a string; received a string of 0 characters that does not parse as a JSON object. Fix: serialize the attributes with JSON.stringify({ ... }).",
        },
      ],
    ],
    [
      "customerProfileAttributes of JSON null",
      withProfile("null"),
      [
        {
          property: "initialTemplatedSystemMessage.templateAttributes.customerProfileAttributes",
          reason:
            "initialTemplatedSystemMessage.templateAttributes.customerProfileAttributes must be a JSON object serialized as a string; received a string of 4 characters that does not parse as a JSON object. Fix: serialize the attributes with JSON.stringify({ ... }).",
        },
      ],
    ],
    [
      "customerProfileAttributes of a JSON string",
      withProfile('"x"'),
      [
        {
          property: "initialTemplatedSystemMessage.templateAttributes.customerProfileAttributes",
          reason:
            "initialTemplatedSystemMessage.templateAttributes.customerProfileAttributes must be a JSON object serialized as a string; received a string of 3 characters that does not parse as a JSON object. Fix: serialize the attributes with JSON.stringify({ ... }).",
        },
      ],
    ],
    ["customerProfileAttributes of an empty JSON object", withProfile("{}"), []],
    [
      "a templated message beside an initialSystemMessage of null",
      { initialSystemMessage: null, initialTemplatedSystemMessage: templatedMessage() },
      [],
    ],
    [
      "a templated message that is not an object",
      { initialSystemMessage: undefined, initialTemplatedSystemMessage: "welcome" },
      [
        {
          property: "initialTemplatedSystemMessage",
          reason:
            "initialTemplatedSystemMessage must be an object ({ knowledgeBaseId, messageTemplateId, templateAttributes }); received a string. Fix: give an object.",
        },
      ],
    ],
    [
      "template attributes that are not an object",
      {
        initialSystemMessage: undefined,
        initialTemplatedSystemMessage: { ...templatedMessage(), templateAttributes: [] },
      },
      [
        {
          property: "initialTemplatedSystemMessage.templateAttributes",
          reason:
            "initialTemplatedSystemMessage.templateAttributes must be an object ({ customAttributes?, customerProfileAttributes? }); received an array. Fix: give templateAttributes, at least {} when the template has no variables.",
        },
      ],
    ],
    [
      "a custom template attribute with a key of any characters",
      {
        initialSystemMessage: undefined,
        initialTemplatedSystemMessage: {
          ...templatedMessage(),
          templateAttributes: { customAttributes: { "first name": "" } },
        },
      },
      [],
    ],
    [
      "custom template attributes that are not an object",
      withCustom("Ana"),
      [
        {
          property: "initialTemplatedSystemMessage.templateAttributes.customAttributes",
          reason:
            "initialTemplatedSystemMessage.templateAttributes.customAttributes must be an object (a map of strings to strings); received a string. Fix: give an object of string values.",
        },
      ],
    ],
    [
      "a custom template attribute with an empty key and one too long",
      withCustom({ "": "x", name: "v".repeat(32_768) }),
      [
        {
          property: 'initialTemplatedSystemMessage.templateAttributes.customAttributes[""]',
          reason:
            'initialTemplatedSystemMessage.templateAttributes.customAttributes[""] has a key that is not allowed: keys must be 1 to 32,767 characters; received a key of 0 characters. Fix: shorten or rename the key.',
        },
        {
          property: 'initialTemplatedSystemMessage.templateAttributes.customAttributes["name"]',
          reason:
            'initialTemplatedSystemMessage.templateAttributes.customAttributes["name"] must be a value of at most 32,767 characters; received a string of 32,768 characters. Fix: convert the value to a string (template variables take strings).',
        },
      ],
    ],
  ];
  for (const [name, changes, expected] of rows) {
    it(`${expected.length === 0 ? "accepts" : "fails when given"} ${name}`, () => {
      assert.deepEqual(problemsWith(changes), expected);
    });
  }
});
