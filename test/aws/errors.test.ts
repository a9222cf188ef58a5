import assert from "node:assert/strict";
import { inspect } from "node:util";
import { isContactApiError } from "../../provider/aws/api-error";
import { pacingDeadlineError, type ContactCallContext } from "../../provider/aws/errors";
import { awsError } from "../../harness/doubles";
import { freshProvider } from "../../harness/fresh-provider";

/**
 * The module under test, loaded afresh for each test: its messages are made when it loads, so a
 * copy loaded before the test would not see them change.
 */
function errors(): typeof import("../../provider/aws/errors") {
  return freshProvider()("aws/errors");
}

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

const AT = `instance ${context.instanceId} in eu-west-2`;
const SAFE =
  "it is safe to run `pulumi up` again, because the ClientToken makes the retry idempotent";
const LEFT_OUT =
  "The service's own message is left out, because it may quote the customer's phone number or " +
  "message.";
const CREDENTIALS_HELP =
  "Set AWS_PROFILE (and run `aws sso login` for an SSO profile) or AWS_ACCESS_KEY_ID and " +
  "AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials) for the Pulumi program";
const CHECK_NETWORK =
  "after the SDK's retries. Check the network, and AWS_ENDPOINT_URL_CONNECT / AWS_ENDPOINT_URL " +
  "if set";
const INVALID =
  "Running it again unchanged fails the same way: correct the resource's inputs (`pulumi " +
  `preview\` checks most of them) and run \`pulumi up\` again. ${LEFT_OUT}`;

/** An error of the network, with its code, before any answer. */
function networkError(code: string, name = "Error"): Error {
  return Object.assign(new Error(`${code} while sending ${CUSTOMER}`), { name, code });
}

/**
 * Each class of error, the whole message it is told with, and whether that message may advise
 * running again: only when that can succeed (a server error, the network, a conflict still being
 * processed); otherwise the message says what to fix, and never advises a retry.
 */
interface Row {
  readonly label: string;
  readonly error: unknown;
  readonly awsErrorName: string;
  readonly message: string;
  readonly runAgain: boolean;
  readonly context?: ContactCallContext;
}

const rows: Row[] = [
  {
    label: "InvalidRequestException (400)",
    error: awsError("InvalidRequestException", 400, echo),
    awsErrorName: "InvalidRequestException",
    message: `Amazon Connect rejected StartOutboundChatContact for ${AT} as invalid. ${INVALID}`,
    runAgain: false,
  },
  {
    label: "InvalidRequestException (400) naming one member",
    error: awsError(
      "InvalidRequestException",
      400,
      `Value '${CUSTOMER}' at 'destinationEndpoint.address'`,
    ),
    awsErrorName: "InvalidRequestException",
    message:
      `Amazon Connect rejected StartOutboundChatContact for ${AT} as invalid, naming ` +
      `destinationEndpoint.address. ${INVALID}`,
    runAgain: false,
  },
  {
    label: "InvalidRequestException (400) naming three members",
    error: awsError(
      "InvalidRequestException",
      400,
      "3 validation errors: 'chatDurationInMinutes', 'relatedContactId' and 'instanceId'",
    ),
    awsErrorName: "InvalidRequestException",
    message:
      `Amazon Connect rejected StartOutboundChatContact for ${AT} as invalid, naming ` +
      `chatDurationInMinutes, relatedContactId, and instanceId. ${INVALID}`,
    runAgain: false,
  },
  {
    label: "ConflictException (409)",
    error: awsError("ConflictException", 409, echo),
    awsErrorName: "ConflictException",
    message:
      `Amazon Connect answered StartOutboundChatContact for ${AT} with a conflict: a request ` +
      "with the same ClientToken was made with different inputs, or is still being processed. " +
      "Wait a minute and run `pulumi up` again; if the inputs changed, replace the resource so " +
      "it gets a new ClientToken.",
    runAgain: true,
  },
  {
    label: "InternalServiceException (500)",
    error: awsError("InternalServiceException", 500, echo),
    awsErrorName: "InternalServiceException",
    message:
      `Amazon Connect failed internally on StartOutboundChatContact for ${AT}, after the SDK's ` +
      `retries. It may succeed later: ${SAFE} (no second contact is made).`,
    runAgain: true,
  },
  {
    label: "an unknown server error (503)",
    error: awsError("ServiceUnavailableException", 503, echo),
    awsErrorName: "ServiceUnavailableException",
    message:
      `StartOutboundChatContact failed for ${AT} with ServiceUnavailableException (HTTP 503), ` +
      `a server error, after the SDK's retries. It may succeed later: ${SAFE}. ${LEFT_OUT}`,
    runAgain: true,
  },
  {
    label: "an unknown server error (500, the lowest)",
    error: awsError("InternalFailure", 500, echo),
    awsErrorName: "InternalFailure",
    message:
      `StartOutboundChatContact failed for ${AT} with InternalFailure (HTTP 500), a server ` +
      `error, after the SDK's retries. It may succeed later: ${SAFE}. ${LEFT_OUT}`,
    runAgain: true,
  },
  {
    label: "an unknown client error (400, a request the service could not read)",
    error: awsError("SerializationException", 400, echo),
    awsErrorName: "SerializationException",
    message:
      `StartOutboundChatContact failed for ${AT} with SerializationException (HTTP 400): the ` +
      "service refused the request. Running it again unchanged fails the same way: check the " +
      `resource's inputs and the identity's permissions. ${LEFT_OUT}`,
    runAgain: false,
  },
  {
    label: "an unknown client error (499, the highest)",
    error: awsError("ClientClosedRequest", 499, echo),
    awsErrorName: "ClientClosedRequest",
    message:
      `StartOutboundChatContact failed for ${AT} with ClientClosedRequest (HTTP 499): the ` +
      "service refused the request. Running it again unchanged fails the same way: check the " +
      `resource's inputs and the identity's permissions. ${LEFT_OUT}`,
    runAgain: false,
  },
  {
    label: "an error named like a property every object has (toString)",
    error: awsError("toString", 400, echo),
    awsErrorName: "toString",
    message:
      `StartOutboundChatContact failed for ${AT} with toString (HTTP 400): the service refused ` +
      "the request. Running it again unchanged fails the same way: check the resource's inputs " +
      `and the identity's permissions. ${LEFT_OUT}`,
    runAgain: false,
  },
  {
    label: "an error before any answer (a request too deep to serialize)",
    error: new RangeError(`Maximum call stack size exceeded at ${CUSTOMER}`),
    awsErrorName: "RangeError",
    message:
      `StartOutboundChatContact failed for ${AT} with RangeError, before Amazon Connect ` +
      "answered and not for a network reason. Running it again unchanged fails the same way: " +
      "check the resource's inputs (a value nested too deeply cannot be sent, for example) and " +
      `the AWS settings of the Pulumi program. ${LEFT_OUT}`,
    runAgain: false,
  },
  {
    label: "ResourceNotFoundException (404)",
    error: awsError("ResourceNotFoundException", 404, echo),
    awsErrorName: "ResourceNotFoundException",
    message:
      "Amazon Connect did not find a resource StartOutboundChatContact needs in eu-west-2. " +
      `Check the instance ID ${context.instanceId}, the contact flow ID ` +
      `${context.contactFlowId} (a flow of that instance), and that the source phone number ARN ` +
      `${context.sourcePhoneNumberArn} is claimed by the instance and in eu-west-2.`,
    runAgain: false,
  },
  {
    label: "ResourceNotFoundException (404) of StopContact",
    error: awsError("ResourceNotFoundException", 404, echo),
    awsErrorName: "ResourceNotFoundException",
    context: stopContext,
    message:
      "Amazon Connect did not find a resource StopContact needs in us-east-1. Check the " +
      "instance ID i-1, and the contact ID c-1.",
    runAgain: false,
  },
  {
    label: "ResourceNotFoundException (404) of a call naming only the instance",
    error: awsError("ResourceNotFoundException", 404, echo),
    awsErrorName: "ResourceNotFoundException",
    context: { operation: "DescribeInstance", region: "us-east-1", instanceId: "i-1" },
    message:
      "Amazon Connect did not find a resource DescribeInstance needs in us-east-1. Check the " +
      "instance ID i-1.",
    runAgain: false,
  },
  {
    label: "LimitExceededException (429, a quota)",
    error: awsError("LimitExceededException", 429, echo),
    awsErrorName: "LimitExceededException",
    message:
      `Amazon Connect refused StartOutboundChatContact for ${AT}: the instance is at its quota ` +
      'of "Concurrent active chats per instance". Stop contacts that are finished (destroy ' +
      'their resources, or set `onDelete` to "stop"), or request a quota increase in Service ' +
      "Quotas.",
    runAgain: false,
  },
  {
    label: "AccessDeniedException (403)",
    error: awsError("AccessDeniedException", 403, echo),
    awsErrorName: "AccessDeniedException",
    message:
      `Access denied to StartOutboundChatContact for ${AT}. Allow the IAM action ` +
      "connect:StartOutboundChatContact on the resource " +
      `arn:aws:connect:eu-west-2:*:instance/${context.instanceId}/* for the identity the ` +
      "Pulumi program runs as.",
    runAgain: false,
  },
  {
    label: "AccessDeniedException (403) of StopContact",
    error: awsError("AccessDeniedException", 403, echo),
    awsErrorName: "AccessDeniedException",
    context: stopContext,
    message:
      "Access denied to StopContact for instance i-1 in us-east-1. Allow the IAM action " +
      "connect:StopContact on the resource arn:aws:connect:us-east-1:*:instance/i-1/* for the " +
      "identity the Pulumi program runs as.",
    runAgain: false,
  },
  {
    label: "ContactNotFoundException (410)",
    error: awsError("ContactNotFoundException", 410, echo),
    awsErrorName: "ContactNotFoundException",
    context: stopContext,
    message:
      "Amazon Connect did not find contact c-1 in instance i-1 in us-east-1: it ended, expired, or " +
      "never existed.",
    runAgain: false,
  },
  {
    label: "ContactNotFoundException (410) of a call naming no contact",
    error: awsError("ContactNotFoundException", 410, echo),
    awsErrorName: "ContactNotFoundException",
    message: `Amazon Connect did not find the contact in ${AT}: it ended, expired, or never existed.`,
    runAgain: false,
  },
  {
    label: "InvalidParameterException (400)",
    error: awsError("InvalidParameterException", 400, echo),
    awsErrorName: "InvalidParameterException",
    context: { ...stopContext, operation: "DescribeContact" },
    message:
      "Amazon Connect rejected a parameter of DescribeContact for contact c-1 in instance i-1 " +
      "in us-east-1. Check that the instance ID and contact ID are IDs (not ARNs) of that " +
      "instance.",
    runAgain: false,
  },
  {
    label: "InvalidActiveRegionException (400)",
    error: awsError("InvalidActiveRegionException", 400, echo),
    awsErrorName: "InvalidActiveRegionException",
    message:
      `Amazon Connect refused StartOutboundChatContact for ${AT}: eu-west-2 is not the ` +
      "instance's active Region (with Amazon Connect Global Resiliency). Call the Region where " +
      "the instance's traffic is active, set by the `region` input.",
    runAgain: false,
  },
  {
    label: "CredentialsProviderError (no answer)",
    error: Object.assign(new Error(`Could not load credentials for ${CUSTOMER}`), {
      name: "CredentialsProviderError",
    }),
    awsErrorName: "CredentialsProviderError",
    message:
      "No AWS credentials found for StartOutboundChatContact in eu-west-2. " +
      `${CREDENTIALS_HELP}.`,
    runAgain: false,
  },
  {
    label: "UnrecognizedClientException (403)",
    error: awsError("UnrecognizedClientException", 403, echo),
    awsErrorName: "UnrecognizedClientException",
    message:
      "AWS did not recognise the credentials used for StartOutboundChatContact in eu-west-2: " +
      "the access key does not exist, or the session token expired. " +
      `${CREDENTIALS_HELP}, with current values.`,
    runAgain: false,
  },
  {
    label: "InvalidSignatureException (403)",
    error: awsError("InvalidSignatureException", 403, echo),
    awsErrorName: "InvalidSignatureException",
    message:
      "AWS rejected the signature of StartOutboundChatContact in eu-west-2: the secret access " +
      "key does not match the access key ID, or the clock of this machine is wrong. Check " +
      "AWS_SECRET_ACCESS_KEY (or the profile's credentials) and the system clock.",
    runAgain: false,
  },
  {
    label: "a connection refused",
    error: networkError("ECONNREFUSED"),
    awsErrorName: "Error",
    message:
      "Could not reach Amazon Connect in eu-west-2 for StartOutboundChatContact " +
      `(ECONNREFUSED), ${CHECK_NETWORK}; ${SAFE}.`,
    runAgain: true,
  },
  {
    label: "a timeout",
    error: networkError("ETIMEDOUT", "TimeoutError"),
    awsErrorName: "TimeoutError",
    message:
      "Amazon Connect in eu-west-2 did not answer StartOutboundChatContact in time " +
      `(TimeoutError), ${CHECK_NETWORK}; raise PULUMI_CONNECT_REQUEST_TIMEOUT_SECONDS (default ` +
      `60) if the service is only slow; ${SAFE}.`,
    runAgain: true,
  },
  {
    label: "the SDK's TimeoutError without a network code",
    error: Object.assign(new Error("a request has exceeded the configured 60000 ms"), {
      name: "TimeoutError",
    }),
    awsErrorName: "TimeoutError",
    message:
      "Amazon Connect in eu-west-2 did not answer StartOutboundChatContact in time " +
      `(TimeoutError), ${CHECK_NETWORK}; raise PULUMI_CONNECT_REQUEST_TIMEOUT_SECONDS (default ` +
      `60) if the service is only slow; ${SAFE}.`,
    runAgain: true,
  },
  {
    label: "a socket timeout (ETIMEDOUT)",
    error: networkError("ETIMEDOUT"),
    awsErrorName: "Error",
    message:
      "Amazon Connect in eu-west-2 did not answer StartOutboundChatContact in time " +
      `(ETIMEDOUT), ${CHECK_NETWORK}; raise PULUMI_CONNECT_REQUEST_TIMEOUT_SECONDS (default ` +
      `60) if the service is only slow; ${SAFE}.`,
    runAgain: true,
  },
  {
    label: "a dropped connection (ECONNRESET)",
    error: networkError("ECONNRESET"),
    awsErrorName: "Error",
    message:
      "The connection to Amazon Connect in eu-west-2 was dropped during " +
      `StartOutboundChatContact (ECONNRESET), ${CHECK_NETWORK} (a proxy or load balancer ` +
      `closing connections); ${SAFE}.`,
    runAgain: true,
  },
  {
    label: "a dropped connection the SDK calls a TimeoutError (socket hang up)",
    error: networkError("ECONNRESET", "TimeoutError"),
    awsErrorName: "TimeoutError",
    message:
      "The connection to Amazon Connect in eu-west-2 was dropped during " +
      `StartOutboundChatContact (ECONNRESET), ${CHECK_NETWORK} (a proxy or load balancer ` +
      `closing connections); ${SAFE}.`,
    runAgain: true,
  },
  {
    label: "a connection closed while writing (EPIPE) the SDK calls a TimeoutError",
    error: networkError("EPIPE", "TimeoutError"),
    awsErrorName: "TimeoutError",
    message:
      "The connection to Amazon Connect in eu-west-2 was dropped during " +
      `StartOutboundChatContact (EPIPE), ${CHECK_NETWORK} (a proxy or load balancer closing ` +
      `connections); ${SAFE}.`,
    runAgain: true,
  },
  {
    label: "an answer named TimeoutError (HTTP 504)",
    error: awsError("TimeoutError", 504, echo),
    awsErrorName: "TimeoutError",
    message:
      `StartOutboundChatContact failed for ${AT} with TimeoutError (HTTP 504), a server error, ` +
      `after the SDK's retries. It may succeed later: ${SAFE}. ${LEFT_OUT}`,
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
    message:
      "Amazon Connect kept throttling StartOutboundChatContact for 15 minutes (42 attempts) " +
      `for ${AT}, so the call was given up. Lower the program's parallelism (\`pulumi up ` +
      "--parallel 8`), ask for a higher quota (the API's rate in Service Quotas), or raise " +
      "PULUMI_CONNECT_DEADLINE_SECONDS.",
    runAgain: false,
  },
];

describe("describeAwsError", () => {
  // The first copy compiles the modules; the copies after reuse that.
  before(() => errors());

  for (const row of rows) {
    const rowContext = row.context ?? context;
    const advice = row.runAgain ? "says running again may succeed" : "advises no retry";
    it(`tells ${row.label} with what to do, ${advice}, and nothing of the service's message`, () => {
      const error = errors().describeAwsError(row.error, rowContext);
      assert.ok(isContactApiError(error));
      assert.equal(error.name, "ContactApiError");
      assert.equal(error.awsErrorName, row.awsErrorName);
      assert.equal(error.operation, rowContext.operation);
      assert.equal(error.message, row.message);
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
    const error = errors().describeAwsError(original, context);
    assert.ok(isContactApiError(error));
    assert.equal(error.httpStatusCode, 409);
    assert.equal(error.requestId, "6f1c2b3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c");
    assert.match(error.message, / Request ID: 6f1c2b3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c\.$/);
  });

  it("names the request ID of the last throttle when the pacer gave up", () => {
    const throttle = Object.assign(awsError("ThrottlingException", 429), {
      $metadata: { httpStatusCode: 429, requestId: "6f1c2b3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c" },
    });
    const error = errors().describeAwsError(
      pacingDeadlineError("StopContact", 60_000, 3, throttle),
      stopContext,
    );
    assert.ok(isContactApiError(error));
    assert.deepEqual(
      { ...error, message: error.message },
      {
        message:
          "Amazon Connect kept throttling StopContact for 1 minute (3 attempts) for instance " +
          "i-1 in us-east-1, so the call was given up. Lower the program's parallelism " +
          "(`pulumi up --parallel 8`), ask for a higher quota (the API's rate in Service " +
          "Quotas), or raise PULUMI_CONNECT_DEADLINE_SECONDS. Request ID: " +
          "6f1c2b3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c.",
        awsErrorName: "ThrottlingException",
        httpStatusCode: 429,
        requestId: "6f1c2b3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c",
        operation: "StopContact",
      },
    );
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
    const error = errors().describeAwsError(original, context);
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
    const error = errors().describeAwsError(awsError("ConflictException", 409), context);
    assert.equal(errors().describeAwsError(error, context), error);
  });

  it("tells something that is not an Error", () => {
    const error = errors().describeAwsError("boom", context);
    assert.ok(isContactApiError(error));
    assert.equal(error.awsErrorName, "Error");
  });
});

describe("pacingDeadlineError", () => {
  it("says how long the call was throttled, and keeps the facts of the last throttle", () => {
    const throttle = Object.assign(awsError("ThrottlingException", 429, `Rate for ${CUSTOMER}`), {
      $metadata: { httpStatusCode: 429, requestId: "6f1c2b3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c" },
    });
    const error = errors().pacingDeadlineError("StopContact", 90_000, 4, throttle);
    assert.equal(error.name, "PacingDeadlineError");
    assert.equal(
      error.message,
      "Amazon Connect kept throttling StopContact for 90 seconds (4 attempts), so the call was " +
        "given up. Lower the program's parallelism (`pulumi up --parallel 8`), ask for a higher " +
        "quota (the API's rate in Service Quotas), or raise PULUMI_CONNECT_DEADLINE_SECONDS.",
    );
    assert.deepEqual(
      { ...error },
      {
        operation: "StopContact",
        deadlineMs: 90_000,
        attempts: 4,
        lastThrottle: {
          awsErrorName: "ThrottlingException",
          httpStatusCode: 429,
          requestId: "6f1c2b3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c",
        },
      },
    );
  });
});

describe("missingMemberError", () => {
  it("fails a start without a ContactId, saying running again returns the same contact", () => {
    const error = errors().missingMemberError(context, "ContactId");
    assert.equal(error.awsErrorName, "MissingContactId");
    assert.equal(
      error.message,
      "Amazon Connect answered StartOutboundChatContact for instance " +
        `${context.instanceId} in eu-west-2 without a ContactId. Run \`pulumi up\` again: the ` +
        "ClientToken makes the retry return the same contact.",
    );
  });

  it("fails a describe without the contact, saying to refresh again", () => {
    const error = errors().missingMemberError(
      { ...stopContext, operation: "DescribeContact" },
      "Contact",
    );
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
    [1500, "1.5 seconds"],
    [61_000, "61 seconds"],
    [120_000, "2 minutes"],
    [0, "0 seconds"],
  ];
  for (const [ms, text] of durations) {
    it(`says ${ms} ms as "${text}"`, () => {
      assert.equal(errors().describeDuration(ms), text);
    });
  }
});

describe("isContactGone", () => {
  const cases: Array<[string, unknown, boolean]> = [
    ["ContactNotFoundException", awsError("ContactNotFoundException", 410), true],
    ["ResourceNotFoundException", awsError("ResourceNotFoundException", 404), true],
    [
      "a wrapped ContactNotFoundException",
      errors().describeAwsError(awsError("ContactNotFoundException", 410), context),
      true,
    ],
    ["InternalServiceException", awsError("InternalServiceException", 500), false],
    ["AccessDeniedException", awsError("AccessDeniedException", 403), false],
    ["undefined", undefined, false],
  ];
  for (const [label, error, gone] of cases) {
    it(`is ${gone} for ${label}`, () => {
      assert.equal(errors().isContactGone(error), gone);
    });
  }
});

describe("awsErrorNameOf", () => {
  it("returns the AWS name behind a wrapped error, and the name of a raw one", () => {
    const raw = awsError("InvalidRequestException", 400);
    assert.equal(
      errors().awsErrorNameOf(errors().describeAwsError(raw, context)),
      "InvalidRequestException",
    );
    assert.equal(errors().awsErrorNameOf(raw), "InvalidRequestException");
    assert.equal(errors().awsErrorNameOf("boom"), "Error");
  });
});
