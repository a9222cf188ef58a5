import assert from "node:assert/strict";
import { maskPhoneNumber } from "../../emulator/mask";
import { CONNECT_MODEL } from "../../emulator/model/model";
import { matchRoute } from "../../emulator/model/routes";
import {
  codePointLength,
  formatValidationMessage,
  validateValue,
} from "../../emulator/model/shape-validator";
import { checkOutboundChatRules } from "../../emulator/rules";
import { parseSeed } from "../../emulator/seed";
import { parseAuthorization } from "../../emulator/sigv4";
import { TokenBucket } from "../../emulator/throttle";

describe("validateValue (model-driven)", () => {
  const cases: readonly [string, string, unknown, string[]][] = [
    ["a valid Endpoint", "Endpoint", { Type: "VOIP", Address: "x" }, []],
    [
      "an empty InstanceId",
      "InstanceId",
      "",
      ["'' Member must have length greater than or equal to 1"],
    ],
    [
      "a too-long AttributeValue",
      "AttributeValue",
      "v".repeat(32768),
      ["'' Member must have length less than or equal to 32767"],
    ],
    [
      "a ChatDurationInMinutes of 60.5",
      "ChatDurationInMinutes",
      60.5,
      ["'' Member must be an integer"],
    ],
    [
      "a map key that is empty",
      "Attributes",
      { "": "v" },
      ["'' Map keys must satisfy constraint: [Member must have length greater than or equal to 1]"],
    ],
    [
      "a nested segment value too long",
      "SegmentAttributes",
      { k: { ValueMap: { n: { ValueString: "s".repeat(1025) } } } },
      ["'k.valueMap.n.valueString' Member must have length less than or equal to 1024"],
    ],
    [
      "a DisplayName of 256 emoji (512 UTF-16 code units)",
      "DisplayName",
      "\u{1F600}".repeat(256),
      [],
    ],
    [
      "a DisplayName of 257 emoji",
      "DisplayName",
      "\u{1F600}".repeat(257),
      ["'' Member must have length less than or equal to 256"],
    ],
    [
      "a list member of the wrong type",
      "SupportedMessagingContentTypes",
      ["text/plain", 3],
      ["'2.member' Member must be a string"],
    ],
    [
      "a ChatMessage missing both members",
      "ChatMessage",
      {},
      ["'contentType' Member must not be null", "'content' Member must not be null"],
    ],
  ];
  for (const [name, shape, value, expected] of cases) {
    it(`reports ${expected.length === 0 ? "nothing" : "the constraint"} for ${name}`, () => {
      const issues = validateValue(CONNECT_MODEL, shape, value);
      assert.deepEqual(
        issues.map((issue) => `'${issue.path}' ${issue.constraint}`),
        expected,
      );
    });
  }

  it("formats several issues in AWS's style", () => {
    assert.equal(
      formatValidationMessage([
        { path: "a", constraint: "Member must not be null" },
        { path: "b", constraint: "Member must be a string" },
      ]),
      "2 validation errors detected: Value null at 'a' failed to satisfy constraint: Member must not be null; Value at 'b' failed to satisfy constraint: Member must be a string",
    );
  });
});

describe("codePointLength", () => {
  const rows: ReadonlyArray<[string, string, number]> = [
    ["an empty string", "", 0],
    ["ASCII", "Hello", 5],
    ["an emoji (two UTF-16 code units)", "\u{1F600}", 1],
    ["accented letters", "Zoë café", 8],
    ["a lone surrogate", "\uD83D", 1],
  ];
  for (const [name, text, length] of rows) {
    it(`counts ${length} for ${name}`, () => {
      assert.equal(codePointLength(text), length);
    });
  }
});

describe("checkOutboundChatRules", () => {
  const valid = {
    SourceEndpoint: { Type: "CONNECT_PHONENUMBER_ARN", Address: "arn" },
    DestinationEndpoint: { Type: "TELEPHONE_NUMBER", Address: "+14155550100" },
  };
  const cases: readonly [string, Record<string, unknown>, string[]][] = [
    ["a valid request", {}, []],
    [
      "a markdown message of 1024",
      { InitialSystemMessage: { ContentType: "text/markdown", Content: "m".repeat(1024) } },
      [],
    ],
    [
      "a markdown message of 1025",
      { InitialSystemMessage: { ContentType: "text/markdown", Content: "m".repeat(1025) } },
      ["initialSystemMessage.content"],
    ],
    [
      "a text/plain message of 1024 emoji",
      { InitialSystemMessage: { ContentType: "text/plain", Content: "\u{1F600}".repeat(1024) } },
      [],
    ],
    [
      "a text/plain message of 1025 emoji",
      { InitialSystemMessage: { ContentType: "text/plain", Content: "\u{1F600}".repeat(1025) } },
      ["initialSystemMessage.content"],
    ],
    [
      "an interactive response of 12289",
      {
        InitialSystemMessage: {
          ContentType: "application/vnd.amazonaws.connect.message.interactive.response",
          Content: "m".repeat(12289),
        },
      },
      ["initialSystemMessage.content"],
    ],
    [
      "an unknown message content type",
      { InitialSystemMessage: { ContentType: "image/png", Content: "m" } },
      ["initialSystemMessage.contentType"],
    ],
    [
      "an unknown supported content type",
      { SupportedMessagingContentTypes: ["text/plain", "text/html"] },
      ["supportedMessagingContentTypes.2.member"],
    ],
    [
      "a destination without +",
      { DestinationEndpoint: { Type: "TELEPHONE_NUMBER", Address: "14155550100" } },
      ["destinationEndpoint.address"],
    ],
    [
      "a source without address",
      { SourceEndpoint: { Type: "CONNECT_PHONENUMBER_ARN" } },
      ["sourceEndpoint.address"],
    ],
  ];
  for (const [name, overrides, paths] of cases) {
    it(`reports ${paths.length === 0 ? "nothing" : paths.join(", ")} for ${name}`, () => {
      const issues = checkOutboundChatRules({ ...valid, ...overrides });
      assert.deepEqual(
        issues.map((issue) => issue.path),
        paths,
      );
    });
  }
});

describe("emulator helpers", () => {
  it("routes DescribeContact from the model's requestUri, decoding labels", () => {
    assert.deepEqual(
      matchRoute("GET", "/contacts/arn%3Aaws%3Aconnect%3Ax%3Ay%3Ainstance%2Fi/c-1"),
      {
        operation: "DescribeContact",
        labels: { InstanceId: "arn:aws:connect:x:y:instance/i", ContactId: "c-1" },
      },
    );
    assert.equal(matchRoute("POST", "/contacts/i/c"), undefined);
  });

  it("masks all but the last two digits of a number", () => {
    assert.equal(maskPhoneNumber("+447700900123"), "+**********23");
  });

  it("parses an Authorization header", () => {
    assert.deepEqual(
      parseAuthorization(
        `AWS4-HMAC-SHA256 Credential=AKID/20250101/eu-west-1/connect/aws4_request, SignedHeaders=host;x-amz-date, Signature=${"a".repeat(64)}`,
      ),
      {
        accessKeyId: "AKID",
        date: "20250101",
        region: "eu-west-1",
        service: "connect",
        signedHeaders: ["host", "x-amz-date"],
        signature: "a".repeat(64),
      },
    );
  });

  it("lets a token bucket give its burst, then refill at its rate", () => {
    const bucket = new TokenBucket({ ratePerSecond: 2, burst: 5 }, 0);
    const taken = Array.from({ length: 6 }, () => bucket.tryTake(0));
    assert.deepEqual(taken, [true, true, true, true, true, false]);
    assert.equal(bucket.tryTake(499), false);
    assert.equal(bucket.tryTake(500), true);
  });
});

describe("parseSeed", () => {
  it("reads a seed of 0.1.0 (IDs and ARNs only) as it was", () => {
    const old = {
      instances: [
        {
          id: "i-1",
          contactFlows: ["f-1"],
          phoneNumbers: ["arn:aws:connect:us-east-1:123456789012:phone-number/n-1"],
        },
      ],
    };
    assert.deepEqual(parseSeed(old), old);
  });

  it("reads flows, numbers with details, an alias and roles", () => {
    const seed = {
      instances: [
        {
          id: "i-1",
          alias: "acme",
          contactFlows: [{ id: "f-1", name: "Welcome", type: "CONTACT_FLOW" }],
          phoneNumbers: [
            { arn: "arn:n", phoneNumber: "+14155550100", countryCode: "US", type: "TOLL_FREE" },
          ],
        },
      ],
      roles: [{ arn: "arn:aws:iam::210987654321:role/deployer", accountId: "210987654321" }],
    };
    assert.deepEqual(parseSeed(seed), seed);
  });

  const invalid: ReadonlyArray<[string, unknown, string]> = [
    [
      "a flow type not in the model",
      { instances: [{ id: "i", contactFlows: [{ id: "f", type: "SMS" }] }] },
      "instances[0].contactFlows[0].type must be one of AGENT_HOLD, AGENT_TRANSFER, AGENT_WHISPER, CAMPAIGN, CONTACT_FLOW, CUSTOMER_HOLD, CUSTOMER_QUEUE, CUSTOMER_WHISPER, OUTBOUND_WHISPER, QUEUE_TRANSFER",
    ],
    [
      "a phone number not in E.164 (not quoted)",
      { instances: [{ id: "i", phoneNumbers: [{ arn: "a", phoneNumber: "0207 183 8750" }] }] },
      "instances[0].phoneNumbers[0].phoneNumber must be a number in E.164 (+ and up to 15 digits)",
    ],
    [
      "a role that is not a role ARN",
      { instances: [], roles: [{ arn: "arn:aws:iam::123:user/me" }] },
      'roles[0] must be an object {"arn": "arn:aws:iam::ACCOUNT:role/NAME", "accountId"?}',
    ],
    [
      "a role whose account differs from its ARN's",
      {
        instances: [],
        roles: [{ arn: "arn:aws:iam::123456789012:role/r", accountId: "210987654321" }],
      },
      "roles[0].accountId must be the account in its ARN",
    ],
    ["roles that are not a list", { instances: [], roles: {} }, "roles must be a list"],
  ];
  for (const [label, input, message] of invalid) {
    it(`fails on ${label}`, () => {
      assert.equal(parseSeed(input), message);
    });
  }
});
