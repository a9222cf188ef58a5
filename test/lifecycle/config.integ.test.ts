/**
 * The stack's AWS settings reach the provider in its own process, through `Configure`, with the
 * meaning and precedence @pulumi/aws gives them: `aws:region`, `aws:profile` with
 * `aws:sharedCredentialsFiles` and `aws:sharedConfigFiles` (credentials and the profile's region),
 * `aws:endpoints` and keys, each over what the environment says.
 */
import { strict as assert } from "assert";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { ConnectEmulator, DEMO_CONTACT_FLOW_ID, DEMO_ROLE_ARN } from "../../emulator";
import { awsEnv, HostCallError } from "../../harness";
import { isOutboundChatContactError } from "../../provider";
import { contactIdentity, deriveClientToken } from "../../provider/request";
import { resolveRegion } from "../../provider/region";
import { ContactInputs } from "../../provider/types";
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
      const thrown = captured(() =>
        resolveRegion({ instanceId: INSTANCE_ID }, {}, {}, () => undefined),
      );
      assert.ok(isOutboundChatContactError(thrown, "NoRegion"));
      assert.ok(report.error instanceof HostCallError, String(report.error));
      assert.equal(report.error.details, thrown.message);
      assert.equal(emulator.calls().log.length, 0);
      assert.equal(stack.engine.resources.length, 0);
    } finally {
      await stack.stop();
    }
  });

  describe("a profile from shared files the stack names", () => {
    let dir: string;
    beforeEach(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), "aws-files-"));
      await fs.writeFile(
        path.join(dir, "credentials"),
        `[deploy]\naws_access_key_id = ${emulator.credentials.accessKeyId}\n` +
          `aws_secret_access_key = ${emulator.credentials.secretAccessKey}\n`,
      );
      await fs.writeFile(path.join(dir, "config"), `[profile deploy]\nregion = ${REGION}\n`);
    });
    afterEach(() => fs.rm(dir, { recursive: true, force: true }));

    it("signs with the profile's keys over the environment's, in the profile's region", async () => {
      // The environment's keys are wrong for the emulator and no Region is set anywhere else:
      // the call succeeds only with the profile's keys and region.
      const stack = await Stack.start({
        emulator,
        env: {
          ...awsEnv(emulator, null),
          AWS_ACCESS_KEY_ID: "AKIDWRONGWRONGWRONG1",
          AWS_SECRET_ACCESS_KEY: "wrong-secret",
        },
        config: {
          "aws:profile": "deploy",
          "aws:sharedCredentialsFiles": JSON.stringify([path.join(dir, "credentials")]),
          "aws:sharedConfigFiles": JSON.stringify([path.join(dir, "config")]),
        },
      });
      try {
        assertSucceeded(await stack.up(PROGRAM));
        assert.equal(stack.outputs("welcome").region, REGION);
        assert.equal(emulator.contacts().length, 1);
      } finally {
        await stack.stop();
      }
    });

    it("without aws:profile, signs with the environment's keys (and so fails against the emulator)", async () => {
      const stack = await Stack.start({
        emulator,
        env: {
          ...awsEnv(emulator, null),
          AWS_ACCESS_KEY_ID: "AKIDWRONGWRONGWRONG1",
          AWS_SECRET_ACCESS_KEY: "wrong-secret",
        },
        config: { "aws:region": REGION },
      });
      try {
        const [report] = await stack.up(PROGRAM);
        assert.equal(report.op, "create");
        assert.ok(report.error, "the create must fail with the environment's wrong keys");
        assert.equal(emulator.contacts().length, 0);
      } finally {
        await stack.stop();
      }
    });
  });

  it("sends to the connect entry of aws:endpoints over AWS_ENDPOINT_URL_CONNECT, with aws:accessKey", async () => {
    const stack = await Stack.start({
      emulator,
      env: {
        ...awsEnv(emulator, null),
        // Nothing listens here: only the stack's endpoint reaches the emulator.
        AWS_ENDPOINT_URL_CONNECT: "http://127.0.0.1:9",
        AWS_ACCESS_KEY_ID: "AKIDWRONGWRONGWRONG1",
        AWS_SECRET_ACCESS_KEY: "wrong-secret",
      },
      config: {
        "aws:region": REGION,
        "aws:endpoints": JSON.stringify([{ connect: emulator.endpoint }]),
        "aws:accessKey": emulator.credentials.accessKeyId,
        "aws:secretKey": emulator.credentials.secretAccessKey,
      },
    });
    try {
      assertSucceeded(await stack.up(PROGRAM));
      assert.equal(emulator.contacts().length, 1);
    } finally {
      await stack.stop();
    }
  });

  it("assumes each role of aws:assumeRoles with STS, and the role's credentials sign the Connect call", async () => {
    emulator.seed({
      instances: [
        {
          id: INSTANCE_ID,
          region: REGION,
          contactFlows: [DEMO_CONTACT_FLOW_ID],
          phoneNumbers: [PHONE_NUMBER_ARN],
        },
      ],
      roles: [{ arn: DEMO_ROLE_ARN }],
    });
    const stack = await Stack.start({
      emulator,
      env: awsEnv(emulator, null),
      config: {
        "aws:region": REGION,
        "aws:assumeRoles": JSON.stringify([{ roleArn: DEMO_ROLE_ARN, sessionName: "deploy" }]),
        "aws:endpoints": JSON.stringify([{ connect: emulator.endpoint, sts: emulator.endpoint }]),
      },
    });
    try {
      assertSucceeded(await stack.up(PROGRAM));
      const log = emulator.calls().log;
      const start = log.find((call) => call.operation === "StartOutboundChatContact");
      assert.equal(start?.outcome, "ok");
      assert.equal(start?.assumedRoleArn, DEMO_ROLE_ARN);
      assert.match(String(start?.accessKeyId), /^ASIA/);
      assert.equal(log.filter((call) => call.operation === "AssumeRole").length, 1);
    } finally {
      await stack.stop();
    }
  });

  it("derives the ClientToken with the HMAC key of connect:clientTokenKey, given as a stack secret", async () => {
    const KEY = "the-stacks-own-secret-key";
    const stack = await Stack.start({
      emulator,
      env: awsEnv(emulator, null),
      config: { "aws:region": REGION, "connect:clientTokenKey": KEY },
    });
    try {
      assertSucceeded(await stack.up(PROGRAM));
      const outputs = stack.outputs("welcome");
      const [contact] = emulator.contacts();
      const identity = contactIdentity(
        { ...(outputs as unknown as ContactInputs), instanceId: INSTANCE_ID },
        REGION,
      );
      const urn = String(stack.engine.get("welcome")?.urn);
      assert.equal(outputs.clientToken, deriveClientToken(urn, identity, KEY));
      assert.notEqual(outputs.clientToken, deriveClientToken(urn, identity));
      assert.equal(contact.clientTokenHash, emulator.clientTokenHash(String(outputs.clientToken)));
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
