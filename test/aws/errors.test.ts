import assert from "node:assert/strict";
import { inspect } from "node:util";
import {
  isContactApiError,
  awsErrorNameOf,
  describeAwsError,
  isContactGone,
  type ContactCallContext,
} from "../../provider/aws/errors";
import { pacingDeadlineError } from "../../provider/aws/pacing";
import { memberNamesIn } from "../../provider/aws/redact";
import { awsError } from "./fixtures";

const CUSTOMER = "+14155550100";
const CONTENT = "Your appointment is tomorrow at 9";

const context: ContactCallContext = {
  operation: "StartOutboundChatContact",
  region: "eu-west-2",
  instanceId: "a1b2c3d4-e5f6-a7b8-c9d0-e1f2a3b4c5d6",
  contactFlowId: "f1e2d3c4-b5a6-f7e8-d9c0-b1a2f3e4d5c6",
  sourcePhoneNumberArn:
    "arn:aws:connect:eu-west-2:123456789012:phone-number/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
};

/** What the service might say: it may echo the customer's number and the message. */
const echo = `Endpoint ${CUSTOMER} rejected for message "${CONTENT}"`;

const PHONE_NUMBER = /\+?\d[\d\s-]{6,}/;

/** The message without the IDs and ARNs of the context, which are named on purpose. */
function withoutIds(message: string, ids: ContactCallContext): string {
  let rest = message;
  const longestFirst = Object.values(ids).sort((a, b) => b.length - a.length);
  for (const value of longestFirst) {
    rest = rest.split(value).join("<id>");
  }
  return rest;
}

interface Row {
  readonly name: string;
  readonly status: number;
  readonly fragments: Array<string | RegExp>;
  readonly context?: ContactCallContext;
}

const rows: Row[] = [
  {
    name: "InvalidRequestException",
    status: 400,
    fragments: ["rejected StartOutboundChatContact", "Correct the resource's inputs", "`cause`"],
  },
  {
    name: "ConflictException",
    status: 409,
    fragments: ["conflict", "same ClientToken", "replace the resource"],
  },
  {
    name: "InternalServiceException",
    status: 500,
    fragments: [
      "Retry later",
      "safe to run `pulumi up` again",
      "ClientToken makes the retry idempotent",
    ],
  },
  {
    name: "ResourceNotFoundException",
    status: 404,
    fragments: [
      `instance ID ${context.instanceId}`,
      `contact flow ID ${context.contactFlowId}`,
      `source phone number ARN ${context.sourcePhoneNumberArn} is claimed by the instance`,
      "in eu-west-2",
    ],
  },
  {
    name: "LimitExceededException",
    status: 429,
    fragments: ['"Concurrent active chats per instance"', "Stop contacts", "quota increase"],
  },
  {
    name: "ThrottlingException",
    status: 429,
    fragments: ["throttled StartOutboundChatContact", "--parallel 8", "higher quota"],
  },
  {
    name: "AccessDeniedException",
    status: 403,
    fragments: [
      "connect:StartOutboundChatContact",
      `arn:aws:connect:eu-west-2:*:instance/${context.instanceId}/*`,
    ],
  },
  {
    name: "AccessDeniedException",
    status: 403,
    context: { operation: "StopContact", region: "us-east-1", instanceId: "i-1", contactId: "c-1" },
    fragments: ["connect:StopContact", "arn:aws:connect:us-east-1:*:instance/i-1/*"],
  },
  {
    name: "ContactNotFoundException",
    status: 410,
    context: { operation: "StopContact", region: "us-east-1", instanceId: "i-1", contactId: "c-1" },
    fragments: ["no contact c-1", "instance i-1 in us-east-1", "ended"],
  },
  {
    name: "InvalidParameterException",
    status: 400,
    context: {
      operation: "DescribeContact",
      region: "us-east-1",
      instanceId: "i-1",
      contactId: "c-1",
    },
    fragments: ["rejected a parameter of DescribeContact", "contact c-1"],
  },
  {
    name: "InvalidActiveRegionException",
    status: 400,
    fragments: ["not the instance's active Region", "eu-west-2", "`region` input"],
  },
  {
    name: "CredentialsProviderError",
    status: 0,
    fragments: ["No AWS credentials found", "AWS_PROFILE", "AWS_ACCESS_KEY_ID"],
  },
  {
    name: "UnrecognizedClientException",
    status: 403,
    fragments: ["did not recognise the credentials", "AWS_PROFILE"],
  },
  {
    name: "InvalidSignatureException",
    status: 403,
    fragments: ["signature", "AWS_SECRET_ACCESS_KEY", "clock"],
  },
  {
    name: "SomethingNewException",
    status: 400,
    fragments: ["StartOutboundChatContact failed", "SomethingNewException", "HTTP 400", "`cause`"],
  },
];

describe("describeAwsError", () => {
  for (const row of rows) {
    const rowContext = row.context ?? context;
    it(`tells ${row.name} from ${rowContext.operation} with what to do, and no phone number`, () => {
      const original =
        row.status === 0
          ? Object.assign(new Error(`Could not load credentials for ${CUSTOMER}`), {
              name: row.name,
            })
          : awsError(row.name, row.status, echo);
      const error = describeAwsError(original, rowContext);
      assert.ok(isContactApiError(error));
      assert.equal(error.name, "ContactApiError");
      assert.equal(error.awsErrorName, row.name);
      assert.equal(error.operation, rowContext.operation);
      assert.equal(error.cause, original);
      for (const fragment of row.fragments) {
        if (typeof fragment === "string") {
          assert.ok(error.message.includes(fragment), `"${fragment}" not in: ${error.message}`);
        } else {
          assert.match(error.message, fragment);
        }
      }
      // IDs and ARNs are named on purpose (an account ID looks like a phone number): leave them out.
      assert.doesNotMatch(withoutIds(error.message, rowContext), PHONE_NUMBER);
      for (const shown of [error.message, String(error), error.stack ?? "", inspect(error)]) {
        assert.ok(!shown.includes(CUSTOMER.slice(2)), shown);
        assert.ok(!shown.includes(CONTENT), shown);
      }
      assert.ok(!JSON.stringify(error).includes(CUSTOMER));
    });
  }

  it("tells an AWS validation error by its member path, without the quoted message or number", () => {
    const original = awsError(
      "InvalidRequestException",
      400,
      `2 validation errors detected: Value '${CONTENT}' at 'initialSystemMessage.content' ` +
        "failed to satisfy constraint: Member must have length less than or equal to 1024; " +
        `Value "${CUSTOMER}" at 'destinationEndpoint.address' failed to satisfy constraint: ` +
        "Member must satisfy regular expression pattern: ^\\+[1-9]\\d{1,14}$",
    );
    const error = describeAwsError(original, context);
    for (const shown of [error.message, String(error), error.stack ?? "", inspect(error)]) {
      assert.ok(!shown.includes(CONTENT), shown);
      assert.ok(!shown.includes(CUSTOMER.slice(2)), shown);
    }
    assert.equal(
      error.message,
      "Amazon Connect rejected StartOutboundChatContact for instance " +
        `${context.instanceId} in eu-west-2 as invalid, naming initialSystemMessage.content and ` +
        "destinationEndpoint.address. Correct the resource's inputs; `pulumi preview` checks them " +
        "before anything is sent. The service's own message is left out (it may quote the " +
        "inputs); it is in the error's `cause`.",
    );
  });

  it("keeps the HTTP status of the answer", () => {
    const error = describeAwsError(awsError("ConflictException", 409), context);
    assert.ok(isContactApiError(error));
    assert.equal(error.httpStatusCode, 409);
  });

  it("tells a network failure as one, with the endpoint settings to check", () => {
    const original = Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:4566`), {
      code: "ECONNREFUSED",
    });
    const error = describeAwsError(original, context);
    assert.match(error.message, /Could not reach Amazon Connect in eu-west-2/);
    assert.match(error.message, /ECONNREFUSED/);
    assert.match(error.message, /AWS_ENDPOINT_URL_CONNECT/);
  });

  it("tells a timeout as an answer that did not come in time, with the setting to raise", () => {
    const original = Object.assign(
      new Error("@smithy/node-http-handler - a request has exceeded the configured 60000 ms"),
      { name: "TimeoutError", code: "ETIMEDOUT" },
    );
    const error = describeAwsError(original, context);
    assert.ok(isContactApiError(error));
    assert.equal(error.awsErrorName, "TimeoutError");
    assert.match(
      error.message,
      /^Amazon Connect in eu-west-2 did not answer StartOutboundChatContact in time \(TimeoutError\)/,
    );
    assert.match(error.message, /PULUMI_CONNECT_REQUEST_TIMEOUT_SECONDS/);
    assert.match(error.message, /safe to run `pulumi up` again/);
  });

  it("tells the pacer's deadline with the operation, the time and what to do", () => {
    const throttle = awsError("ThrottlingException", 429, `Rate exceeded for ${CUSTOMER}`);
    const error = describeAwsError(
      pacingDeadlineError("StartOutboundChatContact", 15 * 60 * 1000, 42, throttle),
      context,
    );
    assert.ok(isContactApiError(error));
    assert.equal(error.awsErrorName, "ThrottlingException");
    assert.match(
      error.message,
      /^Amazon Connect kept throttling StartOutboundChatContact for 15 minutes \(42 attempts\)/,
    );
    assert.match(error.message, /`pulumi up --parallel 8`/);
    assert.match(error.message, /PULUMI_CONNECT_DEADLINE_SECONDS/);
    assert.doesNotMatch(withoutIds(error.message, context), PHONE_NUMBER);
    assert.ok(!inspect(error).includes(CUSTOMER.slice(2)));
  });

  it("answers a ContactApiError as it is", () => {
    const error = describeAwsError(awsError("ConflictException", 409), context);
    assert.equal(describeAwsError(error, context), error);
  });

  it("tells something that is not an Error", () => {
    const error = describeAwsError("boom", context);
    assert.ok(isContactApiError(error));
    assert.equal(error.awsErrorName, "Error");
  });
});

// Issue 9.5: a retry is advised only where a retry can succeed.
describe("retry advice (9.5)", () => {
  const RETRY = /retry|run `pulumi up` again/i;
  const retryable = [
    "InternalServiceException",
    "ServiceUnavailableException",
    "ConflictException",
  ];
  const rows: Array<[string, number]> = [
    ["InvalidRequestException", 400],
    ["InvalidParameterException", 400],
    ["SerializationException", 400],
    ["ResourceNotFoundException", 404],
    ["AccessDeniedException", 403],
    ["LimitExceededException", 429],
    ["ContactNotFoundException", 410],
    ["InvalidActiveRegionException", 400],
    ["UnrecognizedClientException", 403],
    ["InvalidSignatureException", 403],
    ["SomethingNewException", 400],
    ["InternalServiceException", 500],
    ["ServiceUnavailableException", 503],
    ["ConflictException", 409],
    ["SomethingNewFault", 502],
  ];
  for (const [name, status] of rows) {
    const advised = retryable.includes(name) || status >= 500;
    it(`${advised ? "advises" : "never advises"} running again for ${name} (HTTP ${status})`, () => {
      const { message } = describeAwsError(awsError(name, status, "x"), context);
      if (advised) {
        assert.match(message, RETRY, message);
      } else {
        assert.doesNotMatch(
          message.replace(/`pulumi up` again; `pulumi preview`/, ""),
          RETRY,
          message,
        );
      }
    });
  }
});

// Issue 9.3: whatever the form of a value the service echoes, quoted or not, none of it is passed on.
describe("service messages passed on (9.3)", () => {
  const secrets = {
    "E.164": "+14155550123",
    national: "(415) 555-0123",
    dotted: "415.555.0123",
    dashed: "415-555-0123",
    "message words": "Ada your parcel arrives Tuesday",
    "template value": "Gold member since spring",
    "a secret word alone": "Rosebud",
  };
  const forms = (value: string): string[] => [
    `Value '${value}' at 'destinationEndpoint.address' failed to satisfy constraint: Member must satisfy regular expression pattern`,
    `Value "${value}" at 'initialSystemMessage.content' failed to satisfy constraint`,
    `Endpoint ${value} is not valid for SMS`,
    `Invalid destination: ${value}`,
    `Template attribute customAttributes.tier has invalid value ${value}`,
    `${value}`,
    `InitialSystemMessage.Content ${value} ContactFlowId`,
  ];
  for (const [label, value] of Object.entries(secrets)) {
    it(`passes on no part of ${label} in any of ${forms(value).length} forms`, () => {
      const pieces = value.split(/[^A-Za-z0-9]+/).filter((piece) => piece.length >= 3);
      for (const text of forms(value)) {
        const error = describeAwsError(awsError("InvalidRequestException", 400, text), context);
        const shown = [
          error.message,
          String(error),
          error.stack ?? "",
          inspect(error),
          JSON.stringify(error),
        ];
        for (const piece of pieces) {
          for (const view of shown) {
            assert.ok(!view.includes(piece), `"${piece}" of ${label} shown in: ${view}`);
          }
        }
        assert.doesNotMatch(withoutIds(error.message, context), /\d{3}/);
      }
    });
  }

  it("keeps the member names and paths a message mentions, and nothing else", () => {
    const rows: Array<[string, string[]]> = [
      [
        "Value 'x' at 'initialSystemMessage.content' failed to satisfy constraint",
        ["initialSystemMessage.content"],
      ],
      ["ContactFlowId is not a flow of the instance", ["ContactFlowId"]],
      ["Value at 'segmentAttributes.connect.valueString' failed", []],
      [
        "Invalid InitialTemplatedSystemMessage.TemplateAttributes.CustomAttributes",
        ["InitialTemplatedSystemMessage.TemplateAttributes.CustomAttributes"],
      ],
      ["content and type are plain words here", []],
      ["Endpoint 415.555.0123 rejected", []],
      ["a.b.c.d", []],
    ];
    for (const [text, names] of rows) {
      assert.deepEqual(memberNamesIn(text), names, text);
    }
    assert.deepEqual(memberNamesIn(undefined), []);
  });

  it("passes on at most 5 member names", () => {
    const text = "instanceId contactFlowId clientToken attributes relatedContactId sourceEndpoint";
    assert.deepEqual(memberNamesIn(text), [
      "instanceId",
      "contactFlowId",
      "clientToken",
      "attributes",
      "relatedContactId",
    ]);
  });
});

describe("isContactGone", () => {
  const rows: Array<[string, unknown, boolean]> = [
    ["ContactNotFoundException", awsError("ContactNotFoundException", 410), true],
    ["ResourceNotFoundException", awsError("ResourceNotFoundException", 404), true],
    [
      "a wrapped ContactNotFoundException",
      describeAwsError(awsError("ContactNotFoundException", 410), context),
      true,
    ],
    ["InternalServiceException", awsError("InternalServiceException", 500), false],
    ["AccessDeniedException", awsError("AccessDeniedException", 403), false],
    ["undefined", undefined, false],
  ];
  for (const [label, error, gone] of rows) {
    it(`is ${gone} for ${label}`, () => {
      assert.equal(isContactGone(error), gone);
    });
  }
});

describe("awsErrorNameOf", () => {
  it("answers the AWS name behind a wrapped error, and the name of a raw one", () => {
    const raw = awsError("InvalidRequestException", 400);
    assert.equal(awsErrorNameOf(describeAwsError(raw, context)), "InvalidRequestException");
    assert.equal(awsErrorNameOf(raw), "InvalidRequestException");
    assert.equal(awsErrorNameOf("boom"), "Error");
  });
});
