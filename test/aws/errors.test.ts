import assert from "node:assert/strict";
import { inspect } from "node:util";
import {
  isContactApiError,
  awsErrorNameOf,
  describeAwsError,
  isContactGone,
  maskPhoneNumbers,
  redactQuotedValues,
  type ContactCallContext,
} from "../../provider/aws/errors";
import { pacingDeadlineError } from "../../provider/aws/pacing";
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
    fragments: ["rejected StartOutboundChatContact", "<masked>", "Correct the resource's inputs"],
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
    assert.match(
      error.message,
      /Value <redacted> at 'initialSystemMessage\.content' failed to satisfy constraint: Member must have length less than or equal to 1024/,
    );
    assert.match(error.message, /Value <redacted> at 'destinationEndpoint\.address'/);
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

describe("maskPhoneNumbers", () => {
  const rows: Array<[string, string]> = [
    ["call +14155550100 now", "call <masked> now"],
    ["call 415-555-0100 now", "call <masked> now"],
    ["call +44 20 7946 0958", "call <masked>"],
    ["InstanceId must be 1..100 characters", "InstanceId must be 1..100 characters"],
  ];
  for (const [text, masked] of rows) {
    it(`masks "${text}" as "${masked}"`, () => {
      assert.equal(maskPhoneNumbers(text), masked);
    });
  }
});

describe("redactQuotedValues", () => {
  const rows: Array<[string, string]> = [
    [
      "1 validation error detected: Value 'Hello Ada, it's ready' at 'initialSystemMessage.content' failed to satisfy constraint: Member must not be blank",
      "1 validation error detected: Value <redacted> at 'initialSystemMessage.content' failed to satisfy constraint: Member must not be blank",
    ],
    [
      `Value "Hello" at 'initialSystemMessage.content' failed to satisfy constraint: Member must have length less than or equal to 1024`,
      "Value <redacted> at 'initialSystemMessage.content' failed to satisfy constraint: Member must have length less than or equal to 1024",
    ],
    [
      "Value null at 'contactFlowId' failed to satisfy constraint: Member must not be null",
      "Value null at 'contactFlowId' failed to satisfy constraint: Member must not be null",
    ],
    ["Invalid value 'Hello Ada' for the message", "Invalid value <redacted> for the message"],
    [
      "Value 'see you at 'noon' ok' at 'initialSystemMessage.content' is too long",
      // Not AWS's form ("failed to satisfy"): to the last quote, the member path with it.
      "Value <redacted> is too long",
    ],
    [`rejected for message "Hello Ada"`, "rejected for message <redacted>"],
    ["InstanceId must be 1..100 characters", "InstanceId must be 1..100 characters"],
  ];
  for (const [text, redacted] of rows) {
    it(`${text === redacted ? "keeps" : "redacts"} "${text}"${text === redacted ? "" : ` as "${redacted}"`}`, () => {
      assert.equal(redactQuotedValues(text), redacted);
    });
  }
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
