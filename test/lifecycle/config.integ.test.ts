/**
 * The stack's `aws:region` reaches the provider in its own process: through `Configure`, with no
 * region input and no AWS_REGION in the host's environment.
 */
import { strict as assert } from "assert";
import { ConnectEmulator, DEMO_CONTACT_FLOW_ID } from "../../emulator";
import { awsEnv, HostCallError } from "../../harness";
import { isOutboundChatContactError } from "../../provider";
import { resolveRegion } from "../../provider/region";
import { assertSucceeded, Stack, startEmulator, welcomeProgram } from "./fixtures";

const REGION = "eu-west-2";
const INSTANCE_ID = "77777777-2222-3333-4444-555555555555";
const PHONE_NUMBER_ARN = `arn:aws:connect:${REGION}:123456789012:phone-number/77777777-8888-7777-6666-555555555555`;
const PROGRAM = welcomeProgram({
  welcome: {
    args: {
      instanceId: INSTANCE_ID,
      contactFlowId: DEMO_CONTACT_FLOW_ID,
      sourceEndpoint: { address: PHONE_NUMBER_ARN },
    },
  },
});

describe("stack config", function () {
  this.timeout(60_000);
  let emulator: ConnectEmulator;

  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.stop());
  beforeEach(() => {
    emulator.reset();
    emulator.seed({
      instances: [
        {
          id: INSTANCE_ID,
          region: REGION,
          contactFlows: [DEMO_CONTACT_FLOW_ID],
          phoneNumbers: [PHONE_NUMBER_ARN],
        },
      ],
    });
  });

  it("aws:region given only as stack config is the Region of the contact", async () => {
    const stack = await Stack.start({
      emulator,
      env: awsEnv(emulator, null),
      config: { "aws:region": REGION },
    });
    try {
      const reports = await stack.up(PROGRAM);
      assertSucceeded(reports);
      assert.equal(stack.outputs("welcome").region, REGION);
      const [contact] = emulator.contacts();
      assert.equal(emulator.contacts().length, 1);
      assert.equal(contact.instanceId, INSTANCE_ID);
      assert.equal(stack.engine.get("welcome")?.id, contact.contactId);
    } finally {
      await stack.stop();
    }
  });

  it("fails to create, calling nothing, when no Region is set anywhere", async () => {
    const stack = await Stack.start({ emulator, env: awsEnv(emulator, null), config: {} });
    try {
      const [report] = await stack.up(PROGRAM);
      assert.equal(report.op, "create");
      // The provider's NoRegion error reaches the engine as its message, whole, and nothing
      // more: the dynamic-provider host passes on an error's message alone, not its code.
      const thrown = captured(() => resolveRegion({ instanceId: INSTANCE_ID }, { env: {} }));
      assert.ok(isOutboundChatContactError(thrown, "NoRegion"));
      assert.ok(report.error instanceof HostCallError, String(report.error));
      assert.equal(report.error.details, thrown.message);
      assert.equal(emulator.calls().log.length, 0);
      assert.equal(stack.engine.resources.length, 0);
    } finally {
      await stack.stop();
    }
  });
});

/** The error `run` throws. */
function captured(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  assert.fail("expected an error");
}
