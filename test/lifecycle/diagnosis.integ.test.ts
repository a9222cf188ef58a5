/**
 * Errors that name the one thing to fix: when StartOutboundChatContact answers
 * ResourceNotFoundException, the provider asks DescribeInstance, DescribeContactFlow and
 * DescribePhoneNumber (only then) which of the instance, the flow and the number is missing; when
 * those are denied it says so. And a dropped connection is told as one, not as a timeout.
 */
import { strict as assert } from "assert";
import { ConnectEmulator, DEMO_CONTACT_FLOW_ID, DEMO_INSTANCE_ID } from "../../emulator";
import { awsEnv } from "../../harness";
import { Stack, startEmulator, welcomeProgram } from "./fixtures";

const REGION = "us-east-1";
const OTHER_INSTANCE_ID = "33333333-2222-3333-4444-555555555555";
const NUMBER_ARN = `arn:aws:connect:${REGION}:123456789012:phone-number/44444444-8888-7777-6666-555555555555`;
const OTHER_NUMBER_ARN = `arn:aws:connect:${REGION}:123456789012:phone-number/55555555-8888-7777-6666-555555555555`;

const program = (args: Record<string, unknown>) => welcomeProgram({ welcome: { args } });

describe("errors that name the one thing to fix", function () {
  this.timeout(60_000);
  let emulator: ConnectEmulator;
  let stack: Stack;

  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.stop());
  beforeEach(async () => {
    emulator.reset();
    emulator.seed({
      instances: [
        {
          id: DEMO_INSTANCE_ID,
          region: REGION,
          contactFlows: [DEMO_CONTACT_FLOW_ID],
          phoneNumbers: [NUMBER_ARN],
        },
        {
          id: OTHER_INSTANCE_ID,
          region: REGION,
          contactFlows: [],
          phoneNumbers: [OTHER_NUMBER_ARN],
        },
      ],
    });
    stack = await Stack.start({ emulator, env: { ...awsEnv(emulator), AWS_MAX_ATTEMPTS: "1" } });
  });
  afterEach(() => stack.stop());

  /** The create's error message, and the operations the emulator answered. */
  async function failedCreate(args: Record<string, unknown>): Promise<[string, string[]]> {
    const [report] = await stack.up(program({ sourceEndpoint: { address: NUMBER_ARN }, ...args }));
    assert.equal(report.op, "create");
    assert.ok(report.error, "the create must fail");
    assert.equal(emulator.contacts().length, 0);
    return [
      String((report.error as { details?: string }).details ?? report.error.message),
      emulator.calls().log.map((call) => `${call.operation} ${call.outcome}`),
    ];
  }

  const cases: [string, Record<string, unknown>, RegExp, string[]][] = [
    [
      "the instance",
      { instanceId: "66666666-2222-3333-4444-555555555555" },
      /the instance 66666666-2222-3333-4444-555555555555 does not exist in us-east-1/,
      ["DescribeInstance ResourceNotFoundException"],
    ],
    [
      "the flow, in that instance",
      { contactFlowId: "bbbbbbbb-bbbb-cccc-dddd-eeeeeeeeeeee" },
      /the contact flow bbbbbbbb-bbbb-cccc-dddd-eeeeeeeeeeee is not a flow of instance 11111111-/,
      ["DescribeInstance ok", "DescribeContactFlow ResourceNotFoundException"],
    ],
    [
      "the number, claimed by another instance",
      { sourceEndpoint: { address: OTHER_NUMBER_ARN } },
      /the source phone number arn:aws:connect:us-east-1:123456789012:phone-number\/55555555-\S+ is claimed by another instance \(arn:aws:connect:us-east-1:123456789012:instance\/33333333-/,
      ["DescribeInstance ok", "DescribeContactFlow ok", "DescribePhoneNumber ok"],
    ],
    [
      "the number, claimed nowhere",
      {
        sourceEndpoint: {
          address: `arn:aws:connect:${REGION}:123456789012:phone-number/77777777-8888-7777-6666-555555555555`,
        },
      },
      /the source phone number \S+77777777-\S+ is not claimed in us-east-1/,
      [
        "DescribeInstance ok",
        "DescribeContactFlow ok",
        "DescribePhoneNumber ResourceNotFoundException",
      ],
    ],
  ];
  for (const [which, args, message, reads] of cases) {
    it(`names ${which} when it is what Amazon Connect did not find, with read-only calls after the failure`, async () => {
      const [error, calls] = await failedCreate(args);
      assert.match(error, message);
      assert.match(error, /Fix: /);
      assert.deepEqual(calls, ["StartOutboundChatContact ResourceNotFoundException", ...reads]);
    });
  }

  it("says the check was denied, and keeps the list of suspects, when DescribeInstance is not allowed", async () => {
    emulator.setFault({
      operation: "DescribeInstance",
      kind: "error",
      status: 403,
      errorType: "AccessDeniedException",
    });
    const [error] = await failedCreate({ contactFlowId: "bbbbbbbb-bbbb-cccc-dddd-eeeeeeeeeeee" });
    assert.match(error, /Check the instance ID 11111111-/);
    assert.match(error, /connect:DescribeInstance was denied/);
    assert.match(
      error,
      /Allow connect:DescribeInstance, connect:DescribeContactFlow and connect:DescribePhoneNumber/,
    );
  });

  it("tells a dropped connection as a dropped connection, not as a timeout", async () => {
    emulator.setFault({ operation: "StartOutboundChatContact", kind: "drop-before" });
    const [report] = await stack.up(program({ sourceEndpoint: { address: NUMBER_ARN } }));
    const error = String((report.error as { details?: string } | undefined)?.details);
    assert.match(
      error,
      /connection to Amazon Connect in us-east-1 was dropped during StartOutboundChatContact \(ECONNRESET\)/,
    );
    assert.doesNotMatch(error, /in time/);
  });
});
