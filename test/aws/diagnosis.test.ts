import assert from "node:assert/strict";
import {
  ConnectClient,
  DescribeContactFlowCommand,
  DescribeInstanceCommand,
  DescribePhoneNumberCommand,
} from "@aws-sdk/client-connect";
import { AwsClientStub } from "aws-sdk-client-mock";
import { mockConnect, restoreConnect } from "../../harness/connect-mock";
import { awsError, setEnv } from "../../harness/doubles";
import { freshProvider } from "../../harness/fresh-provider";

type Diagnosis = typeof import("../../provider/aws/diagnosis");
type ApiError = typeof import("../../provider/aws/api-error");

const REGION = "eu-west-2";
const INSTANCE_ID = "a1b2c3d4-e5f6-a7b8-c9d0-e1f2a3b4c5d6";
const FLOW_ID = "f1e2d3c4-b5a6-f7e8-d9c0-b1a2f3e4d5c6";
const SOURCE_ARN = `arn:aws:connect:${REGION}:123456789012:phone-number/b1c2d3e4-f5a6-b7c8-d9e0-f1a2b3c4d5e6`;
const INSTANCE_ARN = `arn:aws:connect:${REGION}:123456789012:instance/${INSTANCE_ID}`;
const OTHER_INSTANCE_ARN = `arn:aws:connect:${REGION}:123456789012:instance/0000aaaa-1111-2222-3333-444455556666`;
const TARGETS = {
  region: REGION,
  instanceId: INSTANCE_ID,
  contactFlowId: FLOW_ID,
  sourcePhoneNumberArn: SOURCE_ARN,
};
const START_MESSAGE = "Amazon Connect did not find a resource of the request.";
const REQUEST_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

/** What a missing resource's error reads, for `what` and `fix`, with the request's ID. */
function missing(what: string, fix: string): string {
  return (
    `Amazon Connect did not find a resource StartOutboundChatContact needs in ${REGION}: ` +
    `${what}. Fix: ${fix}. Request ID: ${REQUEST_ID}.`
  );
}

/** What a denied lookup's error reads. */
function denied(action: string): string {
  return (
    `${START_MESSAGE} Which one is missing could not be found out: ${action} was denied. Allow ` +
    "connect:DescribeInstance, connect:DescribeContactFlow and connect:DescribePhoneNumber " +
    "(README's IAM policy) to have it named."
  );
}

describe("explainNotFound (which resource of StartOutboundChatContact is missing)", () => {
  let connect: AwsClientStub<ConnectClient>;
  let restoreEnv: () => void;
  let explainNotFound: Diagnosis["explainNotFound"];
  let contactApiError: ApiError["contactApiError"];
  /** StartOutboundChatContact's ResourceNotFoundException, as the calls module wraps it. */
  let notFound: ReturnType<ApiError["contactApiError"]>;

  beforeEach(() => {
    connect = mockConnect();
    const load = freshProvider();
    ({ explainNotFound } = load<Diagnosis>("aws/diagnosis"));
    ({ contactApiError } = load<ApiError>("aws/api-error"));
    notFound = contactApiError(START_MESSAGE, "StartOutboundChatContact", {
      awsErrorName: "ResourceNotFoundException",
      httpStatusCode: 404,
      requestId: REQUEST_ID,
    });
    restoreEnv = setEnv({ AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY: "secret" });
  });
  afterEach(() => {
    restoreEnv();
    restoreConnect();
  });

  /** The instance and the flow found; the number as `number` answers. */
  function instanceAndFlowFound(): void {
    connect.on(DescribeInstanceCommand).resolves({ Instance: { Id: INSTANCE_ID } });
    connect.on(DescribeContactFlowCommand).resolves({ ContactFlow: { Id: FLOW_ID } });
  }

  /** The error explainNotFound makes of `notFound`, with its message, operation and facts. */
  async function explained(): Promise<Record<string, unknown>> {
    const error = (await explainNotFound(notFound, TARGETS)) as Error & Record<string, unknown>;
    return {
      name: error.name,
      message: error.message,
      operation: error.operation,
      awsErrorName: error.awsErrorName,
      httpStatusCode: error.httpStatusCode,
      requestId: error.requestId,
    };
  }

  const facts = {
    name: "ContactApiError",
    operation: "StartOutboundChatContact",
    awsErrorName: "ResourceNotFoundException",
    httpStatusCode: 404,
    requestId: REQUEST_ID,
  };

  it("names a missing instance, after one DescribeInstance of it", async () => {
    connect.on(DescribeInstanceCommand).rejects(awsError("ResourceNotFoundException", 404));
    assert.deepEqual(await explained(), {
      ...facts,
      message: missing(
        `the instance ${INSTANCE_ID} does not exist in ${REGION} (for the account of these credentials)`,
        "check instanceId, the Region (aws:region, or the provider's region) and the AWS account the credentials belong to",
      ),
    });
    assert.deepEqual(
      connect.calls().map((call) => call.args[0].input),
      [{ InstanceId: INSTANCE_ID }],
    );
  });

  it("names a flow that is not the instance's, after DescribeContactFlow in that instance", async () => {
    connect.on(DescribeInstanceCommand).resolves({ Instance: { Id: INSTANCE_ID } });
    connect.on(DescribeContactFlowCommand).rejects(awsError("ResourceNotFoundException", 404));
    assert.deepEqual(await explained(), {
      ...facts,
      message: missing(
        `the contact flow ${FLOW_ID} is not a flow of instance ${INSTANCE_ID}`,
        "give the ID of a flow of that instance (Routing > Flows in the console)",
      ),
    });
    assert.deepEqual(
      connect.calls().map((call) => call.args[0].input),
      [{ InstanceId: INSTANCE_ID }, { InstanceId: INSTANCE_ID, ContactFlowId: FLOW_ID }],
    );
  });

  it("names a source number not claimed in the Region, after DescribePhoneNumber of its ARN", async () => {
    instanceAndFlowFound();
    connect.on(DescribePhoneNumberCommand).rejects(awsError("ResourceNotFoundException", 404));
    assert.deepEqual(await explained(), {
      ...facts,
      message: missing(
        `the source phone number ${SOURCE_ARN} is not claimed in ${REGION}`,
        "give the ARN of a number claimed by the instance (Channels > Phone numbers in the console)",
      ),
    });
    assert.deepEqual(
      connect.calls().map((call) => call.args[0].input),
      [
        { InstanceId: INSTANCE_ID },
        { InstanceId: INSTANCE_ID, ContactFlowId: FLOW_ID },
        { PhoneNumberId: SOURCE_ARN },
      ],
    );
  });

  it("names a source number claimed by another instance", async () => {
    instanceAndFlowFound();
    connect
      .on(DescribePhoneNumberCommand)
      .resolves({ ClaimedPhoneNumberSummary: { TargetArn: OTHER_INSTANCE_ARN } });
    assert.deepEqual(await explained(), {
      ...facts,
      message: missing(
        `the source phone number ${SOURCE_ARN} is claimed by another instance (${OTHER_INSTANCE_ARN}), not by ${INSTANCE_ID}`,
        "give the ARN of a number claimed by this instance, or claim the number for it",
      ),
    });
  });

  it("leaves out the request's ID and status when the error had none", async () => {
    notFound = contactApiError(START_MESSAGE, "StartOutboundChatContact", {
      awsErrorName: "ResourceNotFoundException",
    });
    connect.on(DescribeInstanceCommand).rejects(awsError("ResourceNotFoundException", 404));
    const error = (await explainNotFound(notFound, TARGETS)) as Error & Record<string, unknown>;
    assert.equal(
      error.message,
      `Amazon Connect did not find a resource StartOutboundChatContact needs in ${REGION}: ` +
        `the instance ${INSTANCE_ID} does not exist in ${REGION} (for the account of these ` +
        "credentials). Fix: check instanceId, the Region (aws:region, or the provider's region) " +
        "and the AWS account the credentials belong to.",
    );
    assert.deepEqual(Object.keys(error).sort(), ["awsErrorName", "operation"]);
  });

  const deniedRows: ReadonlyArray<[string, string, () => void]> = [
    [
      "DescribeInstance",
      "connect:DescribeInstance",
      () => connect.on(DescribeInstanceCommand).rejects(awsError("AccessDeniedException", 403)),
    ],
    [
      "DescribeInstance (UnauthorizedOperation)",
      "connect:DescribeInstance",
      () => connect.on(DescribeInstanceCommand).rejects(awsError("UnauthorizedOperation", 403)),
    ],
    [
      "DescribeContactFlow",
      "connect:DescribeContactFlow",
      () => {
        connect.on(DescribeInstanceCommand).resolves({ Instance: { Id: INSTANCE_ID } });
        connect.on(DescribeContactFlowCommand).rejects(awsError("AccessDeniedException", 403));
      },
    ],
    [
      "DescribePhoneNumber",
      "connect:DescribePhoneNumber",
      () => {
        instanceAndFlowFound();
        connect.on(DescribePhoneNumberCommand).rejects(awsError("AccessDeniedException", 403));
      },
    ],
  ];
  for (const [name, action, answer] of deniedRows) {
    it(`says which lookup was denied: ${name}`, async () => {
      answer();
      assert.deepEqual(await explained(), { ...facts, message: denied(action) });
    });
  }

  const unknownRows: ReadonlyArray<[string, () => void]> = [
    [
      "DescribeInstance fails otherwise",
      () => connect.on(DescribeInstanceCommand).rejects(awsError("InternalServiceException", 500)),
    ],
    [
      "DescribeContactFlow fails otherwise",
      () => {
        connect.on(DescribeInstanceCommand).resolves({ Instance: { Id: INSTANCE_ID } });
        connect.on(DescribeContactFlowCommand).rejects(awsError("InvalidRequestException", 400));
      },
    ],
    [
      "DescribePhoneNumber fails otherwise",
      () => {
        instanceAndFlowFound();
        connect.on(DescribePhoneNumberCommand).rejects(awsError("InternalServiceException", 500));
      },
    ],
    [
      "the number is claimed by this instance",
      () => {
        instanceAndFlowFound();
        connect
          .on(DescribePhoneNumberCommand)
          .resolves({ ClaimedPhoneNumberSummary: { TargetArn: INSTANCE_ARN } });
      },
    ],
    [
      "the number's answer names no instance",
      () => {
        instanceAndFlowFound();
        connect.on(DescribePhoneNumberCommand).resolves({});
      },
    ],
  ];
  for (const [name, answer] of unknownRows) {
    it(`gives the error back as it was when nothing is found missing: ${name}`, async () => {
      answer();
      assert.equal(await explainNotFound(notFound, TARGETS), notFound);
    });
  }

  it("gives back, with no call, an error that is not a ResourceNotFoundException", async () => {
    const throttled = contactApiError("throttled", "StartOutboundChatContact", {
      awsErrorName: "ThrottlingException",
    });
    assert.equal(await explainNotFound(throttled, TARGETS), throttled);
    assert.equal(connect.calls().length, 0);
  });

  it("gives back, with no call, a ResourceNotFoundException it did not wrap", async () => {
    const raw = awsError("ResourceNotFoundException", 404);
    assert.equal(await explainNotFound(raw, TARGETS), raw);
    assert.equal(connect.calls().length, 0);
  });
});
