import assert from "node:assert/strict";
import { inspect } from "node:util";
import { isContactApiError } from "../../provider/aws/api-error";
import {
  awsErrorNameOf,
  describeAwsError,
  describeDuration,
  isContactGone,
  missingMemberError,
  pacingDeadlineError,
  type ContactCallContext,
} from "../../provider/aws/errors";
import { awsError } from "../../harness/doubles";

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
const stopContext: ContactCallContext = {
  operation: "StopContact",
  region: "us-east-1",
  instanceId: "i-1",
  contactId: "c-1",
};

/** What the service might say: it may echo the customer's number and the message. */
const echo = `Endpoint ${CUSTOMER} rejected for message "${CONTENT}"`;

/** Advice that only makes sense when running again can succeed. */
const RUN_AGAIN = /safe to run `pulumi up` again|may succeed|retry later|wait a minute/i;

/**
 * Each class of error, what the message must say, and whether it may advise running again: only
 * when that can succeed (a server error, a conflict still being processed); otherwise the message
 * says what to fix, and never advises a retry.
 */
interface Row {
  readonly label: string;
  readonly error: unknown;
  readonly awsErrorName: string;
  readonly fragments: string[];
  readonly runAgain: boolean;
  readonly context?: ContactCallContext;
}

const rows: Row[] = [
  {
    label: "InvalidRequestException (400)",
    error: awsError("InvalidRequestException", 400, echo),
    awsErrorName: "InvalidRequestException",
    fragments: ["rejected StartOutboundChatContact", "correct the resource's inputs"],
    runAgain: false,
  },
  {
    label: "ConflictException (409)",
    error: awsError("ConflictException", 409, echo),
    awsErrorName: "ConflictException",
    fragments: ["conflict", "same ClientToken", "replace the resource"],
    runAgain: true,
  },
  {
    label: "InternalServiceException (500)",
    error: awsError("InternalServiceException", 500, echo),
    awsErrorName: "InternalServiceException",
    fragments: [
      "failed internally",
      "It may succeed later",
      "ClientToken makes the retry idempotent",
    ],
    runAgain: true,
  },
  {
    label: "an unknown server error (503)",
    error: awsError("ServiceUnavailableException", 503, echo),
    awsErrorName: "ServiceUnavailableException",
    fragments: ["with ServiceUnavailableException (HTTP 503), a server error", "may succeed"],
    runAgain: true,
  },
  {
    label: "an unknown client error (400, a request the service could not read)",
    error: awsError("SerializationException", 400, echo),
    awsErrorName: "SerializationException",
    fragments: [
      "with SerializationException (HTTP 400): the service refused the request",
      "Running it again unchanged fails the same way",
      "check the resource's inputs",
    ],
    runAgain: false,
  },
  {
    label: "an error before any answer (a request too deep to serialize)",
    error: new RangeError(`Maximum call stack size exceeded at ${CUSTOMER}`),
    awsErrorName: "RangeError",
    fragments: [
      "with RangeError, before Amazon Connect answered",
      "Running it again unchanged fails the same way",
      "nested too deeply",
    ],
    runAgain: false,
  },
  {
    label: "ResourceNotFoundException (404)",
    error: awsError("ResourceNotFoundException", 404, echo),
    awsErrorName: "ResourceNotFoundException",
    fragments: [
      `instance ID ${context.instanceId}`,
      `contact flow ID ${context.contactFlowId}`,
      `source phone number ARN ${context.sourcePhoneNumberArn} is claimed by the instance`,
      "in eu-west-2",
    ],
    runAgain: false,
  },
  {
    label: "LimitExceededException (429, a quota)",
    error: awsError("LimitExceededException", 429, echo),
    awsErrorName: "LimitExceededException",
    fragments: ['"Concurrent active chats per instance"', "Stop contacts", "quota increase"],
    runAgain: false,
  },
  {
    label: "AccessDeniedException (403)",
    error: awsError("AccessDeniedException", 403, echo),
    awsErrorName: "AccessDeniedException",
    fragments: [
      "connect:StartOutboundChatContact",
      `arn:aws:connect:eu-west-2:*:instance/${context.instanceId}/*`,
    ],
    runAgain: false,
  },
  {
    label: "AccessDeniedException (403) of StopContact",
    error: awsError("AccessDeniedException", 403, echo),
    awsErrorName: "AccessDeniedException",
    context: stopContext,
    fragments: ["connect:StopContact", "arn:aws:connect:us-east-1:*:instance/i-1/*"],
    runAgain: false,
  },
  {
    label: "ContactNotFoundException (410)",
    error: awsError("ContactNotFoundException", 410, echo),
    awsErrorName: "ContactNotFoundException",
    context: stopContext,
    fragments: ["no contact c-1", "instance i-1 in us-east-1", "ended"],
    runAgain: false,
  },
  {
    label: "InvalidParameterException (400)",
    error: awsError("InvalidParameterException", 400, echo),
    awsErrorName: "InvalidParameterException",
    context: { ...stopContext, operation: "DescribeContact" },
    fragments: ["rejected a parameter of DescribeContact", "contact c-1"],
    runAgain: false,
  },
  {
    label: "InvalidActiveRegionException (400)",
    error: awsError("InvalidActiveRegionException", 400, echo),
    awsErrorName: "InvalidActiveRegionException",
    fragments: ["not the instance's active Region", "eu-west-2", "`region` input"],
    runAgain: false,
  },
  {
    label: "CredentialsProviderError (no answer)",
    error: Object.assign(new Error(`Could not load credentials for ${CUSTOMER}`), {
      name: "CredentialsProviderError",
    }),
    awsErrorName: "CredentialsProviderError",
    fragments: ["No AWS credentials found", "AWS_PROFILE", "AWS_ACCESS_KEY_ID"],
    runAgain: false,
  },
  {
    label: "UnrecognizedClientException (403)",
    error: awsError("UnrecognizedClientException", 403, echo),
    awsErrorName: "UnrecognizedClientException",
    fragments: ["did not recognise the credentials", "AWS_PROFILE"],
    runAgain: false,
  },
  {
    label: "InvalidSignatureException (403)",
    error: awsError("InvalidSignatureException", 403, echo),
    awsErrorName: "InvalidSignatureException",
    fragments: ["signature", "AWS_SECRET_ACCESS_KEY", "clock"],
    runAgain: false,
  },
  {
    label: "a connection refused",
    error: Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:4566 ${CUSTOMER}`), {
      code: "ECONNREFUSED",
    }),
    awsErrorName: "Error",
    fragments: [
      "Could not reach Amazon Connect in eu-west-2 for StartOutboundChatContact (ECONNREFUSED)",
      "AWS_ENDPOINT_URL_CONNECT",
      "safe to run `pulumi up` again",
    ],
    runAgain: true,
  },
  {
    label: "a timeout",
    error: Object.assign(new Error(`a request has exceeded the configured 60000 ms`), {
      name: "TimeoutError",
      code: "ETIMEDOUT",
    }),
    awsErrorName: "TimeoutError",
    fragments: [
      "Amazon Connect in eu-west-2 did not answer StartOutboundChatContact in time (TimeoutError)",
      "raise PULUMI_CONNECT_REQUEST_TIMEOUT_SECONDS (default 60)",
      "safe to run `pulumi up` again",
    ],
    runAgain: true,
  },
  {
    label: "the pacer's deadline (throttled for 15 minutes)",
    error: pacingDeadlineError(
      "StartOutboundChatContact",
      15 * 60 * 1000,
      42,
      awsError("ThrottlingException", 429, `Rate exceeded for ${CUSTOMER}`),
    ),
    awsErrorName: "ThrottlingException",
    fragments: [
      "Amazon Connect kept throttling StartOutboundChatContact for 15 minutes (42 attempts) for " +
        `instance ${context.instanceId} in eu-west-2`,
      "`pulumi up --parallel 8`",
      "PULUMI_CONNECT_DEADLINE_SECONDS",
    ],
    runAgain: false,
  },
];

describe("describeAwsError", () => {
  for (const row of rows) {
    const rowContext = row.context ?? context;
    const advice = row.runAgain ? "says running again may succeed" : "advises no retry";
    it(`tells ${row.label} with what to do, ${advice}, and nothing of the service's message`, () => {
      const error = describeAwsError(row.error, rowContext);
      assert.ok(isContactApiError(error));
      assert.equal(error.name, "ContactApiError");
      assert.equal(error.awsErrorName, row.awsErrorName);
      assert.equal(error.operation, rowContext.operation);
      for (const fragment of row.fragments) {
        assert.ok(error.message.includes(fragment), `"${fragment}" not in: ${error.message}`);
      }
      if (row.runAgain) {
        assert.match(error.message, RUN_AGAIN);
      } else {
        assert.doesNotMatch(error.message, RUN_AGAIN);
      }
      assert.equal("cause" in error, false);
      for (const shown of [
        error.message,
        error.stack ?? "",
        inspect(error),
        JSON.stringify(error),
      ]) {
        assert.ok(!shown.includes(CUSTOMER.slice(2)), shown);
        assert.ok(!shown.includes(CONTENT), shown);
      }
    });
  }

  it("keeps the HTTP status and the request ID of the answer", () => {
    const original = Object.assign(awsError("ConflictException", 409), {
      $metadata: { httpStatusCode: 409, requestId: "6f1c2b3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c" },
    });
    const error = describeAwsError(original, context);
    assert.ok(isContactApiError(error));
    assert.equal(error.httpStatusCode, 409);
    assert.equal(error.requestId, "6f1c2b3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c");
    assert.match(error.message, / Request ID: 6f1c2b3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c\.$/);
  });

  it("names the request members an invalid request's message names, and nothing else of it", () => {
    const original = awsError(
      "InvalidRequestException",
      400,
      `2 validation errors detected: Value '${CONTENT}' at 'initialSystemMessage.content' ` +
        "failed to satisfy constraint: Member must have length less than or equal to 1024; " +
        `Value "${CUSTOMER}" at 'destinationEndpoint.address' failed to satisfy constraint: ` +
        "Member must satisfy regular expression pattern: ^\\+[1-9]\\d{1,14}$",
    );
    const error = describeAwsError(original, context);
    assert.equal(
      error.message,
      "Amazon Connect rejected StartOutboundChatContact for instance " +
        `${context.instanceId} in eu-west-2 as invalid, naming initialSystemMessage.content, and ` +
        "destinationEndpoint.address. Running it again unchanged fails the same way: correct the " +
        "resource's inputs (`pulumi preview` checks most of them) and run `pulumi up` again. The " +
        "service's own message is left out, because it may quote the customer's phone number or " +
        "message.",
    );
  });

  it("returns a ContactApiError as it is", () => {
    const error = describeAwsError(awsError("ConflictException", 409), context);
    assert.equal(describeAwsError(error, context), error);
  });

  it("tells something that is not an Error", () => {
    const error = describeAwsError("boom", context);
    assert.ok(isContactApiError(error));
    assert.equal(error.awsErrorName, "Error");
  });
});

describe("missingMemberError", () => {
  it("fails a start without a ContactId, saying running again returns the same contact", () => {
    const error = missingMemberError(context, "ContactId");
    assert.equal(error.awsErrorName, "MissingContactId");
    assert.equal(
      error.message,
      "Amazon Connect answered StartOutboundChatContact for instance " +
        `${context.instanceId} in eu-west-2 without a ContactId. Run \`pulumi up\` again: the ` +
        "ClientToken makes the retry return the same contact.",
    );
  });

  it("fails a describe without the contact, saying to refresh again", () => {
    const error = missingMemberError({ ...stopContext, operation: "DescribeContact" }, "Contact");
    assert.equal(error.awsErrorName, "MissingContact");
    assert.match(error.message, /without a Contact\. Run `pulumi refresh` again\.$/);
  });
});

describe("describeDuration", () => {
  const durations: Array<[number, string]> = [
    [15 * 60 * 1000, "15 minutes"],
    [60 * 1000, "1 minute"],
    [90 * 1000, "90 seconds"],
    [1000, "1 second"],
  ];
  for (const [ms, text] of durations) {
    it(`says ${ms} ms as "${text}"`, () => {
      assert.equal(describeDuration(ms), text);
    });
  }
});

describe("isContactGone", () => {
  const cases: Array<[string, unknown, boolean]> = [
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
  for (const [label, error, gone] of cases) {
    it(`is ${gone} for ${label}`, () => {
      assert.equal(isContactGone(error), gone);
    });
  }
});

describe("awsErrorNameOf", () => {
  it("returns the AWS name behind a wrapped error, and the name of a raw one", () => {
    const raw = awsError("InvalidRequestException", 400);
    assert.equal(awsErrorNameOf(describeAwsError(raw, context)), "InvalidRequestException");
    assert.equal(awsErrorNameOf(raw), "InvalidRequestException");
    assert.equal(awsErrorNameOf("boom"), "Error");
  });
});
