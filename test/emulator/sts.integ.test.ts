/**
 * STS AssumeRole on the emulator's port, through the unmodified @aws-sdk/client-sts: the
 * temporary credentials it returns sign Connect calls as the role's account, and the call log
 * names the key (and the role) that signed each call.
 */
import assert from "node:assert/strict";
import {
  DescribeInstanceCommand,
  StartOutboundChatContactCommand,
  type ConnectClient,
} from "@aws-sdk/client-connect";
import { AssumeRoleCommand, STSClient, type Credentials } from "@aws-sdk/client-sts";
import { DEMO_ROLE_ARN, type ConnectEmulator } from "../../emulator";
import { connectClient, rejectionOf, startDemo, startInput, UUID } from "./fixtures";

const ROLE_ACCOUNT = "210987654321";
const ROLE_ARN = `arn:aws:iam::${ROLE_ACCOUNT}:role/connect-deployer`;
const ROLE_INSTANCE = "d0d0d0d0-0000-4000-8000-000000000001";
const ROLE_FLOW = "d0d0d0d0-0000-4000-8000-000000000002";
const ROLE_NUMBER = `arn:aws:connect:us-east-1:${ROLE_ACCOUNT}:phone-number/d0d0d0d0-0000-4000-8000-000000000003`;
const BASE_KEY = { accessKeyId: "AKIDBASE", secretAccessKey: "base-secret" };

describe("STS AssumeRole and its temporary credentials", () => {
  let emulator: ConnectEmulator;
  let sts: STSClient;
  let lines: string[];

  beforeEach(async () => {
    lines = [];
    emulator = await startDemo({
      credentials: [BASE_KEY],
      log: (line) => lines.push(line),
      seed: {
        instances: [
          {
            id: ROLE_INSTANCE,
            accountId: ROLE_ACCOUNT,
            contactFlows: [ROLE_FLOW],
            phoneNumbers: [ROLE_NUMBER],
          },
          { id: "base-instance" },
        ],
        roles: [{ arn: ROLE_ARN }],
      },
    });
    sts = new STSClient({
      endpoint: emulator.endpoint,
      region: "us-east-1",
      credentials: BASE_KEY,
      maxAttempts: 1,
    });
  });

  afterEach(async () => {
    sts.destroy();
    await emulator.stop();
  });

  async function assume(roleArn = ROLE_ARN): Promise<Credentials> {
    const answer = await sts.send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "settings-test" }),
    );
    assert.ok(answer.Credentials);
    return answer.Credentials;
  }

  function clientWith(credentials: Credentials, withToken = true): ConnectClient {
    return connectClient(emulator, {
      credentials: {
        accessKeyId: credentials.AccessKeyId as string,
        secretAccessKey: credentials.SecretAccessKey as string,
        ...(withToken ? { sessionToken: credentials.SessionToken as string } : {}),
      },
    });
  }

  it("answers AssumeRole with temporary credentials for one hour and the assumed-role user", async () => {
    const before = emulator.now();
    const answer = await sts.send(
      new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: "settings-test" }),
    );
    const { Credentials, AssumedRoleUser } = answer;
    assert.match(Credentials?.AccessKeyId ?? "", /^ASIA[A-Z2-7]{16}$/);
    assert.ok((Credentials?.SecretAccessKey ?? "").length >= 40);
    assert.ok((Credentials?.SessionToken ?? "").length >= 100);
    const expiresMs = Credentials?.Expiration?.getTime() ?? 0;
    assert.ok(Math.abs(expiresMs - (before + 3_600_000)) < 2000, `expires at ${expiresMs}`);
    assert.equal(
      AssumedRoleUser?.Arn,
      `arn:aws:sts::${ROLE_ACCOUNT}:assumed-role/connect-deployer/settings-test`,
    );
    assert.match(AssumedRoleUser?.AssumedRoleId ?? "", /^AROA[A-Z2-7]{17}:settings-test$/);
  });

  it("accepts the temporary credentials for Connect calls, as the role's account, and logs who signed", async () => {
    const credentials = await assume();
    const client = clientWith(credentials);
    try {
      const { ContactId } = await client.send(
        new StartOutboundChatContactCommand(
          startInput({
            InstanceId: ROLE_INSTANCE,
            ContactFlowId: ROLE_FLOW,
            SourceEndpoint: { Type: "CONNECT_PHONENUMBER_ARN", Address: ROLE_NUMBER },
          }),
        ),
      );
      assert.match(ContactId ?? "", UUID);
      const { Instance } = await client.send(
        new DescribeInstanceCommand({ InstanceId: ROLE_INSTANCE }),
      );
      assert.equal(
        Instance?.Arn,
        `arn:aws:connect:us-east-1:${ROLE_ACCOUNT}:instance/${ROLE_INSTANCE}`,
      );
      // The role's account is not the base key's: the base account's instance is out of reach.
      const error = await rejectionOf(
        client.send(new DescribeInstanceCommand({ InstanceId: "base-instance" })),
      );
      assert.equal(error.name, "ResourceNotFoundException");
    } finally {
      client.destroy();
    }
    const log = emulator.calls().log.map(({ operation, outcome, accessKeyId, assumedRoleArn }) => ({
      operation,
      outcome,
      accessKeyId,
      assumedRoleArn,
    }));
    assert.deepEqual(log, [
      {
        operation: "AssumeRole",
        outcome: "ok",
        accessKeyId: "AKIDBASE",
        assumedRoleArn: undefined,
      },
      {
        operation: "StartOutboundChatContact",
        outcome: "ok",
        accessKeyId: credentials.AccessKeyId,
        assumedRoleArn: ROLE_ARN,
      },
      {
        operation: "DescribeInstance",
        outcome: "ok",
        accessKeyId: credentials.AccessKeyId,
        assumedRoleArn: ROLE_ARN,
      },
      {
        operation: "DescribeInstance",
        outcome: "ResourceNotFoundException",
        accessKeyId: credentials.AccessKeyId,
        assumedRoleArn: ROLE_ARN,
      },
    ]);
    for (const text of [JSON.stringify(emulator.calls()), ...lines]) {
      assert.equal(text.includes(credentials.SecretAccessKey as string), false);
      assert.equal(text.includes(credentials.SessionToken as string), false);
    }
  });

  it("lets the demo seed's role be assumed with the default key", async () => {
    const demo = await startDemo();
    const client = new STSClient({
      endpoint: demo.endpoint,
      region: "us-east-1",
      credentials: demo.credentials,
      maxAttempts: 1,
    });
    try {
      const { AssumedRoleUser } = await client.send(
        new AssumeRoleCommand({ RoleArn: DEMO_ROLE_ARN, RoleSessionName: "demo" }),
      );
      assert.equal(
        AssumedRoleUser?.Arn,
        "arn:aws:sts::123456789012:assumed-role/connect-emulator-deployer/demo",
      );
    } finally {
      client.destroy();
      await demo.stop();
    }
  });

  const refusals: ReadonlyArray<[string, () => Promise<unknown>, string, number]> = [
    [
      "the role is not seeded (AccessDenied, 403)",
      () =>
        sts.send(
          new AssumeRoleCommand({
            RoleArn: `arn:aws:iam::${ROLE_ACCOUNT}:role/other`,
            RoleSessionName: "s1",
          }),
        ),
      "AccessDenied",
      403,
    ],
    [
      "the session name breaks its pattern (ValidationError, 400)",
      () => sts.send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: "has space" })),
      "ValidationError",
      400,
    ],
    [
      "the duration is longer than the role's one hour (ValidationError, 400)",
      () =>
        sts.send(
          new AssumeRoleCommand({
            RoleArn: ROLE_ARN,
            RoleSessionName: "s1",
            DurationSeconds: 7200,
          }),
        ),
      "ValidationError",
      400,
    ],
    [
      "the signing key is unknown (InvalidClientTokenId, 403)",
      () => {
        const stranger = new STSClient({
          endpoint: emulator.endpoint,
          region: "us-east-1",
          credentials: { accessKeyId: "AKIDSTRANGER", secretAccessKey: "x" },
          maxAttempts: 1,
        });
        return stranger
          .send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: "s1" }))
          .finally(() => stranger.destroy());
      },
      "InvalidClientTokenId",
      403,
    ],
    [
      "the secret is wrong (SignatureDoesNotMatch, 403)",
      () => {
        const wrong = new STSClient({
          endpoint: emulator.endpoint,
          region: "us-east-1",
          credentials: { accessKeyId: "AKIDBASE", secretAccessKey: "wrong" },
          maxAttempts: 1,
        });
        return wrong
          .send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: "s1" }))
          .finally(() => wrong.destroy());
      },
      "SignatureDoesNotMatch",
      403,
    ],
  ];
  for (const [label, call, name, status] of refusals) {
    it(`fails AssumeRole when ${label}`, async () => {
      const error = await rejectionOf(call());
      assert.equal(error.name, name);
      assert.equal(error.$metadata.httpStatusCode, status);
      assert.deepEqual(emulator.calls().counts, { AssumeRole: { [name]: 1 } });
    });
  }

  it("fails a Connect call signed with the temporary key but without its session token (UnrecognizedClientException, 403)", async () => {
    const client = clientWith(await assume(), false);
    try {
      const error = await rejectionOf(
        client.send(new DescribeInstanceCommand({ InstanceId: ROLE_INSTANCE })),
      );
      assert.equal(error.name, "UnrecognizedClientException");
      assert.equal(error.$metadata.httpStatusCode, 403);
    } finally {
      client.destroy();
    }
  });

  it("fails a Connect call once the credentials have expired on the emulator clock (ExpiredTokenException, 403)", async () => {
    const client = clientWith(await assume());
    try {
      await client.send(new DescribeInstanceCommand({ InstanceId: ROLE_INSTANCE }));
      emulator.advanceClock(3_600_000);
      const error = await rejectionOf(
        client.send(new DescribeInstanceCommand({ InstanceId: ROLE_INSTANCE })),
      );
      assert.equal(error.name, "ExpiredTokenException");
      assert.equal(error.$metadata.httpStatusCode, 403);
    } finally {
      client.destroy();
    }
  });

  it("forgets the temporary credentials on reset", async () => {
    const client = clientWith(await assume());
    try {
      emulator.reset();
      const error = await rejectionOf(
        client.send(new DescribeInstanceCommand({ InstanceId: ROLE_INSTANCE })),
      );
      assert.equal(error.name, "UnrecognizedClientException");
    } finally {
      client.destroy();
    }
  });
});
