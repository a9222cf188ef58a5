import assert from "node:assert/strict";
import { inspect } from "node:util";
import { describeAwsError, pacingDeadlineError } from "../../provider/aws/errors";
import { awsError } from "../../harness/doubles";
import { freshProvider } from "../../harness/fresh-provider";

const context = {
  operation: "StartOutboundChatContact",
  region: "us-west-2",
  instanceId: "a1b2c3d4-e5f6-a7b8-c9d0-e1f2a3b4c5d6",
  contactFlowId: "f1e2d3c4-b5a6-f7e8-d9c0-b1a2f3e4d5c6",
  sourcePhoneNumberArn:
    "arn:aws:connect:us-west-2:210987654321:phone-number/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
};

/** The secrets of a request, in every form the service might echo them. */
const SECRETS: Array<[string, string]> = [
  ["the destination in E.164", "+14155550123"],
  ["the destination in national form", "(415) 555-0123"],
  ["the destination in dotted form", "415.555.0123"],
  ["message content words", "Zebediah kumquat parcel"],
  ["a template attribute value (an order number)", "ORD-88213-KQ"],
  ["a template attribute value (a name)", "Marisol"],
];

/** How a service message might embed a value. */
const EMBEDDINGS: Array<[string, (value: string) => string]> = [
  [
    "quoted, in AWS's validation form",
    (v) => `1 validation error detected: Value '${v}' at 'destinationEndpoint.address' failed`,
  ],
  ["double-quoted", (v) => `Invalid value "${v}" for the message`],
  ["unquoted", (v) => `Endpoint ${v} is not reachable`],
  ["unquoted after a colon", (v) => `Template attribute customerName is invalid: ${v}`],
  ["in JSON", (v) => `Bad templateAttributes {"customerName":${JSON.stringify(v)}}`],
];

/** The errors a service message can arrive in, answered or not. */
const CARRIERS: Array<[string, (message: string) => unknown]> = [
  ["InvalidRequestException", (m) => awsError("InvalidRequestException", 400, m)],
  ["an unknown 400", (m) => awsError("ValidationException", 400, m)],
  ["an unknown 500", (m) => awsError("InternalFailure", 500, m)],
  ["ResourceNotFoundException", (m) => awsError("ResourceNotFoundException", 404, m)],
  [
    "a throttle past the deadline",
    (m) => pacingDeadlineError("StartOutboundChatContact", 60_000, 7, awsError("Error", 429, m)),
  ],
  ["an error before any answer", (m) => new Error(m)],
  ["a network error", (m) => Object.assign(new Error(m), { code: "ECONNRESET" })],
];

/** Every text a user or a log could see of an error: message, stack, and each property. */
function everythingShown(error: Error): string[] {
  const record = error as unknown as Record<string | symbol, unknown>;
  const keys: Array<string | symbol> = [
    ...Object.getOwnPropertyNames(error),
    ...Object.getOwnPropertySymbols(error),
  ];
  return [
    error.message,
    String(error),
    inspect(error, { depth: 10, showHidden: true }),
    JSON.stringify(error),
    ...keys.map((key) => inspect(record[key], { depth: 10, showHidden: true })),
  ];
}

/** The secret's words (lower case), and the last 7 digits of a number (in any spelling). */
function traces(secret: string): string[] {
  const digits = secret.replace(/\D/g, "");
  const words = secret.toLowerCase().match(/[a-z]{4,}/g) ?? [];
  return [secret, ...(digits.length >= 7 ? [digits.slice(-7)] : []), ...words];
}

/** The digits of each number written in `text`, whatever separates them: `(415) 555-0123`. */
function numbersIn(text: string): string[] {
  return (text.match(/\d[\d().\s+-]*\d/g) ?? []).map((run) => run.replace(/\D/g, ""));
}

describe("the redaction policy: nothing of a request leaves through an error", () => {
  for (const [secretLabel, secret] of SECRETS) {
    for (const [embeddingLabel, embed] of EMBEDDINGS) {
      it(`leaves out ${secretLabel}, ${embeddingLabel}, from every kind of error`, () => {
        for (const [carrierLabel, carry] of CARRIERS) {
          const error = describeAwsError(carry(embed(secret)), context);
          for (const shown of everythingShown(error)) {
            const lower = shown.toLowerCase();
            const numbers = numbersIn(shown);
            for (const trace of traces(secret)) {
              const found = /^\d+$/.test(trace)
                ? numbers.some((number) => number.includes(trace))
                : lower.includes(trace.toLowerCase());
              assert.ok(!found, `${carrierLabel}: "${trace}" found in ${shown}`);
            }
          }
        }
      });
    }
  }
});

/**
 * The module under test, loaded afresh for each test: its patterns and lists are made when it
 * loads, so a test that uses a copy loaded before it would not see them change.
 */
function redact(): typeof import("../../provider/aws/redact") {
  return freshProvider()("aws/redact");
}

/** The first copy compiles the modules (a few hundred milliseconds); the copies after reuse that. */
function compileFirst(): void {
  before(() => redact());
}

const REQUEST_ID = "0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e";

describe("factsOf", () => {
  compileFirst();

  it("keeps the name, the HTTP status and a request ID", () => {
    const error = Object.assign(awsError("ConflictException", 409), {
      $metadata: { httpStatusCode: 409, requestId: REQUEST_ID },
    });
    assert.deepEqual(redact().factsOf(error), {
      awsErrorName: "ConflictException",
      httpStatusCode: 409,
      requestId: REQUEST_ID,
    });
  });

  const names: Array<[string, unknown, string]> = [
    ["a name with a run of digits", "E4155550123", "Error"],
    ["a name with spaces", "Hello Marisol", "Error"],
    ["a name that starts with a non-letter", "_Exception", "Error"],
    ["a name that starts with a digit", "4xxException", "Error"],
    ["a name with a dash at its end", "Exception-", "Error"],
    ["an empty name", "", "Error"],
    ["a name that is not a string", 42, "Error"],
    ["a name of 101 characters", `E${"x".repeat(100)}`, "Error"],
    ["a name of 100 characters", `E${"x".repeat(99)}`, `E${"x".repeat(99)}`],
    ["a name of one letter", "E", "E"],
    ["a name with a digit", "EC2ThrottledException", "EC2ThrottledException"],
  ];
  for (const [label, name, expected] of names) {
    it(`returns ${expected.slice(0, 30)} for ${label}`, () => {
      assert.deepEqual(redact().factsOf({ name }), { awsErrorName: expected });
    });
  }

  const requestIds: Array<[string, string, boolean]> = [
    ["an AWS request ID", REQUEST_ID, true],
    ["one character", "A", true],
    ["100 characters", `A${"-".repeat(99)}`, true],
    ["101 characters", `A${"-".repeat(100)}`, false],
    ["words with spaces", "call +1 415", false],
    ["one that starts with a dash", "-0b1c2d3e", false],
    ["one that ends with a space", "0b1c2d3e ", false],
    ["one with a dot", "0b1c.2d3e", false],
  ];
  for (const [label, requestId, kept] of requestIds) {
    it(`${kept ? "keeps" : "leaves out"} a request ID of ${label}`, () => {
      const error = { name: "X", $metadata: { httpStatusCode: 400, requestId } };
      assert.deepEqual(redact().factsOf(error), {
        awsErrorName: "X",
        httpStatusCode: 400,
        ...(kept ? { requestId } : {}),
      });
    });
  }

  const statuses: Array<[string, unknown]> = [
    ["no status", undefined],
    ["a status that is a string", "409"],
    ["a status that is not whole", 409.5],
  ];
  for (const [label, httpStatusCode] of statuses) {
    it(`leaves the HTTP status out for ${label}`, () => {
      assert.deepEqual(redact().factsOf({ name: "X", $metadata: { httpStatusCode } }), {
        awsErrorName: "X",
      });
    });
  }

  const notObjects: Array<[string, unknown]> = [
    ["null", null],
    ["undefined", undefined],
    ["a string", "ECONNRESET Marisol"],
    ["a number", 503],
  ];
  for (const [label, error] of notObjects) {
    it(`has only the name Error for ${label}`, () => {
      const module = redact();
      assert.deepEqual(module.factsOf(error), { awsErrorName: "Error" });
      assert.equal(module.networkCodeOf(error), undefined);
      assert.deepEqual(module.memberPathsNamed(error), []);
    });
  }
});

describe("networkCodeOf", () => {
  compileFirst();

  const codes = [
    "ECONNRESET",
    "ECONNREFUSED",
    "EPIPE",
    "ETIMEDOUT",
    "EHOSTUNREACH",
    "ENETUNREACH",
    "ENOTFOUND",
    "EAI_AGAIN",
  ];
  for (const code of codes) {
    it(`returns ${code} for an error with that code and no answer`, () => {
      assert.equal(redact().networkCodeOf(Object.assign(new Error("x"), { code })), code);
    });
  }

  const others: Array<[string, unknown]> = [
    [
      "a known code on an error that got an answer",
      { code: "ECONNRESET", $metadata: { httpStatusCode: 500 } },
    ],
    ["a code of no network error", { code: "ERR_INVALID_ARG_TYPE" }],
    ["an empty code", { code: "" }],
    ["a code that is not a string", { code: 104 }],
    ["no code", {}],
  ];
  for (const [label, error] of others) {
    it(`returns undefined for ${label}`, () => {
      assert.equal(redact().networkCodeOf(error), undefined);
    });
  }
});

describe("memberPathsNamed", () => {
  compileFirst();

  const cases: Array<[string, string, string[]]> = [
    [
      "AWS's validation form",
      "Value 'x' at 'initialSystemMessage.content' failed to satisfy constraint",
      ["initialSystemMessage.content"],
    ],
    [
      "members spelt in PascalCase, in order, once each",
      "InitialSystemMessage.Content is too long; DestinationEndpoint.Address and " +
        "InitialSystemMessage.Content again",
      ["initialSystemMessage.content", "destinationEndpoint.address"],
    ],
    [
      "a member inside a map, as its member",
      "Value at 'segmentAttributes.connect:Subtype.valueString' failed",
      ["segmentAttributes"],
    ],
    [
      "a member at the end of a sentence",
      "Check initialSystemMessage.content.",
      ["initialSystemMessage.content"],
    ],
    ["a member after a digit", "1contactId is wrong", ["contactId"]],
    ["StopContact's contactId", "Value at 'contactId' failed", ["contactId"]],
    ["initialContactId", "Value at 'initialContactId' failed", ["initialContactId"]],
    ["disconnectReason.code", "Value at 'disconnectReason.code' failed", ["disconnectReason.code"]],
    ["disconnectReason", "Value at 'disconnectReason' failed", ["disconnectReason"]],
    ["no member", "Something went wrong for Marisol", []],
  ];
  for (const [label, message, expected] of cases) {
    it(`returns ${JSON.stringify(expected)} for ${label}`, () => {
      assert.deepEqual(redact().memberPathsNamed(new Error(message)), expected);
    });
  }

  it("returns no member for a message that is not a string", () => {
    assert.deepEqual(redact().memberPathsNamed({ message: ["contactId"] }), []);
  });
});
