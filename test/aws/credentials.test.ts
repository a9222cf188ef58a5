/**
 * The credentials of the AWS settings: keys, a profile from the shared files, and roles assumed in
 * turn through STS AssumeRole, here the emulator's, run in this process behind a proxy that keeps
 * each AssumeRole form as it was sent.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { startConnectEmulator, type ConnectEmulator } from "../../emulator";
import { setEnv } from "../../harness/doubles";
import { freshProvider } from "../../harness/fresh-provider";
import type { AwsSettings } from "../../provider/settings";

type CredentialsModule = typeof import("../../provider/aws/credentials");

/**
 * The module under test, loaded afresh for each test: its constants are made when it loads, so a
 * copy loaded before the test would not see them change.
 */
function credentials(): CredentialsModule {
  return freshProvider()("aws/credentials");
}

const REGION = "us-east-1";
const BASE_KEY = { accessKeyId: "AKIDBASE", secretAccessKey: "base-secret" };
const ROLE_A = "arn:aws:iam::210987654321:role/connect-deployer";
const ROLE_B = "arn:aws:iam::310987654321:role/connect-sender";
const MINUTE_MS = 60_000;

/** Every variable the SDK's chain reads, unset, so that only what a test gives applies. */
const NO_AWS_ENV = {
  AWS_ACCESS_KEY_ID: undefined,
  AWS_SECRET_ACCESS_KEY: undefined,
  AWS_SESSION_TOKEN: undefined,
  AWS_CREDENTIAL_EXPIRATION: undefined,
  AWS_PROFILE: undefined,
  AWS_DEFAULT_PROFILE: undefined,
  AWS_CONFIG_FILE: "/nonexistent/aws-config",
  AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/aws-credentials",
  AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
  AWS_ROLE_ARN: undefined,
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
  AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
  AWS_EC2_METADATA_DISABLED: "true",
};

/** The keys of an identity, without what the SDK adds about where it came from. */
function keysOf(identity: AwsCredentialIdentity): Record<string, string | undefined> {
  const { accessKeyId, secretAccessKey, sessionToken } = identity;
  return { accessKeyId, secretAccessKey, ...(sessionToken === undefined ? {} : { sessionToken }) };
}

function providerOf(settings: AwsSettings): AwsCredentialIdentityProvider {
  const { credentials: provider } = credentials().credentialsOption(settings, REGION);
  assert.ok(provider, "no credentials provider for the settings");
  return provider;
}

describe("credentialsOption", () => {
  let restoreEnv: () => void;
  let dir: string;

  // Loads the module and the SDK's chain, so the tests after measure only their own work.
  before(async () => {
    const restore = setEnv(NO_AWS_ENV);
    try {
      await assert.rejects(providerOf({ profile: "none" })());
    } finally {
      restore();
    }
  });

  beforeEach(() => {
    restoreEnv = setEnv(NO_AWS_ENV);
    dir = mkdtempSync(path.join(tmpdir(), "credentials-test-"));
  });

  afterEach(() => {
    restoreEnv();
    rmSync(dir, { recursive: true, force: true });
  });

  function file(name: string, text: string): string {
    const written = path.join(dir, name);
    writeFileSync(written, text);
    return written;
  }

  it("gives no credentials when the settings name none, so the SDK's own chain applies", () => {
    assert.deepEqual(credentials().credentialsOption({}, REGION), {});
    assert.deepEqual(credentials().credentialsOption({ region: "eu-west-2" }, REGION), {});
  });

  it("gives no credentials for an access key without its secret", () => {
    assert.deepEqual(credentials().credentialsOption({ accessKey: "AKIDONLY" }, REGION), {});
    assert.deepEqual(credentials().credentialsOption({ secretKey: "secret-only" }, REGION), {});
  });

  it("gives the keys of the settings as they are", async () => {
    const identity = await providerOf({ accessKey: "AKIDSETTING", secretKey: "setting-secret" })();
    assert.deepEqual(identity, {
      accessKeyId: "AKIDSETTING",
      secretAccessKey: "setting-secret",
    });
  });

  it("gives the keys of the settings with their session token", async () => {
    const identity = await providerOf({
      accessKey: "ASIASETTING",
      secretKey: "setting-secret",
      token: "setting-token",
    })();
    assert.deepEqual(identity, {
      accessKeyId: "ASIASETTING",
      secretAccessKey: "setting-secret",
      sessionToken: "setting-token",
    });
  });

  it("takes the keys of the settings over a profile", async () => {
    const identity = await providerOf({
      accessKey: "AKIDSETTING",
      secretKey: "setting-secret",
      profile: "other",
    })();
    assert.equal(identity.accessKeyId, "AKIDSETTING");
  });

  const CREDENTIALS_FILE =
    "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = default-secret\n" +
    "[ops]\naws_access_key_id = AKIDOPS\naws_secret_access_key = ops-secret\n" +
    "aws_session_token = ops-token\n";

  it("reads the profile of the settings from the shared credentials file given", async () => {
    const identity = await providerOf({
      profile: "ops",
      sharedCredentialsFiles: [file("credentials", CREDENTIALS_FILE)],
    })();
    assert.deepEqual(keysOf(identity), {
      accessKeyId: "AKIDOPS",
      secretAccessKey: "ops-secret",
      sessionToken: "ops-token",
    });
  });

  it("reads the default profile from the shared credentials file given, without a profile", async () => {
    const identity = await providerOf({
      sharedCredentialsFiles: [file("credentials", CREDENTIALS_FILE)],
    })();
    assert.deepEqual(keysOf(identity), {
      accessKeyId: "AKIDDEFAULT",
      secretAccessKey: "default-secret",
    });
  });

  it("reads the profile of the settings from the shared config file given", async () => {
    const config = file(
      "config",
      "[profile ops]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = config-secret\n",
    );
    const identity = await providerOf({ profile: "ops", sharedConfigFiles: [config] })();
    assert.deepEqual(keysOf(identity), {
      accessKeyId: "AKIDCONFIG",
      secretAccessKey: "config-secret",
    });
  });

  it("reads the default profile from the shared config file given, without a profile", async () => {
    const config = file(
      "config",
      "[default]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = config-secret\n",
    );
    const identity = await providerOf({ sharedConfigFiles: [config] })();
    assert.deepEqual(keysOf(identity), {
      accessKeyId: "AKIDCONFIG",
      secretAccessKey: "config-secret",
    });
  });

  it("reads the profile of the settings from the files the environment names", async () => {
    const restore = setEnv({
      AWS_SHARED_CREDENTIALS_FILE: file("credentials", CREDENTIALS_FILE),
      AWS_ACCESS_KEY_ID: "AKIDENV",
      AWS_SECRET_ACCESS_KEY: "env-secret",
    });
    try {
      // The environment's keys are passed over for the profile the settings name.
      const identity = await providerOf({ profile: "ops" })();
      assert.equal(identity.accessKeyId, "AKIDOPS");
    } finally {
      restore();
    }
  });

  it("fails when the profile of the settings is in none of the files", async () => {
    const provider = providerOf({
      profile: "missing",
      sharedCredentialsFiles: [file("credentials", CREDENTIALS_FILE)],
    });
    await assert.rejects(provider(), { name: "CredentialsProviderError" });
  });
});

describe("credentialsOption with assumeRoles", () => {
  let emulator: ConnectEmulator;
  let proxy: Server;
  let stsEndpoint: string;
  /** The forms of the AssumeRole calls, as sent. */
  let forms: Array<Record<string, string>> = [];
  let restoreEnv: () => void;
  /** How many calls the emulator had recorded when the test began. */
  let callsBefore = 0;

  before(async () => {
    credentials();
    emulator = await startConnectEmulator({
      credentials: [BASE_KEY],
      seed: { instances: [], roles: [{ arn: ROLE_A }, { arn: ROLE_B }] },
    });
    const target = new URL(emulator.endpoint);
    proxy = createServer((incoming, outgoing) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", () => {
        const body = Buffer.concat(chunks);
        forms.push(Object.fromEntries(new URLSearchParams(body.toString("utf8"))));
        const forwarded = request(
          {
            host: target.hostname,
            port: target.port,
            method: incoming.method,
            path: incoming.url,
            headers: incoming.headers,
          },
          (answer) => {
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(outgoing);
          },
        );
        forwarded.end(body);
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    stsEndpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    // The first AssumeRole loads the STS client; the tests after measure only their own calls.
    await providerOf(settingsWith([{ roleArn: ROLE_A }]))();
  });

  after(async () => {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
    await emulator.stop();
  });

  beforeEach(() => {
    forms = [];
    callsBefore = emulator.calls().log.length;
    restoreEnv = setEnv({ ...NO_AWS_ENV, AWS_MAX_ATTEMPTS: "1" });
  });

  afterEach(() => restoreEnv());

  function settingsWith(assumeRoles: AwsSettings["assumeRoles"]): AwsSettings {
    return {
      accessKey: BASE_KEY.accessKeyId,
      secretKey: BASE_KEY.secretAccessKey,
      assumeRoles,
      endpoints: { sts: stsEndpoint },
    };
  }

  /** The AssumeRole calls the emulator recorded since the test began: who signed, for what. */
  function assumeCalls(): Array<{ accessKeyId?: string; assumedRoleArn?: string }> {
    return emulator
      .calls()
      .log.slice(callsBefore)
      .filter((call) => call.operation === "AssumeRole")
      .map(({ accessKeyId, assumedRoleArn }) => ({ accessKeyId, assumedRoleArn }));
  }

  it("assumes the role with the keys of the settings, with the default session name", async () => {
    const identity = await providerOf(settingsWith([{ roleArn: ROLE_A }]))();
    assert.match(identity.accessKeyId, /^ASIA[A-Z2-7]{16}$/);
    assert.ok(identity.sessionToken);
    assert.deepEqual(forms, [
      {
        Action: "AssumeRole",
        Version: "2011-06-15",
        RoleArn: ROLE_A,
        RoleSessionName: "pulumi-connect-outbound-chat",
      },
    ]);
    assert.deepEqual(assumeCalls().slice(-1), [
      { accessKeyId: "AKIDBASE", assumedRoleArn: undefined },
    ]);
  });

  it("sends the session name, external ID, policy and duration a role gives", async () => {
    const policy = JSON.stringify({ Version: "2012-10-17", Statement: [] });
    const identity = await providerOf(
      settingsWith([
        {
          roleArn: ROLE_A,
          sessionName: "deploy-42",
          externalId: "ext-7",
          policy,
          duration: "15m",
        },
      ]),
    )();
    assert.deepEqual(forms, [
      {
        Action: "AssumeRole",
        Version: "2011-06-15",
        RoleArn: ROLE_A,
        RoleSessionName: "deploy-42",
        ExternalId: "ext-7",
        Policy: policy,
        DurationSeconds: "900",
      },
    ]);
    const expiresInMs = (identity.expiration?.getTime() ?? 0) - Date.now();
    assert.ok(expiresInMs > 14 * MINUTE_MS && expiresInMs <= 15 * MINUTE_MS, `${expiresInMs}`);
  });

  it("assumes each role in turn, each with the credentials of the one before", async () => {
    const identity = await providerOf(settingsWith([{ roleArn: ROLE_A }, { roleArn: ROLE_B }]))();
    assert.deepEqual(
      forms.map((form) => form.RoleArn),
      [ROLE_A, ROLE_B],
    );
    const [first, second] = assumeCalls().slice(-2);
    assert.deepEqual(first, { accessKeyId: "AKIDBASE", assumedRoleArn: undefined });
    assert.equal(second?.assumedRoleArn, ROLE_A);
    assert.notEqual(second?.accessKeyId, identity.accessKeyId);
  });

  it("assumes the role with the credentials of the profile the settings name", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "credentials-test-"));
    try {
      const file = path.join(dir, "credentials");
      writeFileSync(
        file,
        `[base]\naws_access_key_id = ${BASE_KEY.accessKeyId}\n` +
          `aws_secret_access_key = ${BASE_KEY.secretAccessKey}\n`,
      );
      await providerOf({
        profile: "base",
        sharedCredentialsFiles: [file],
        assumeRoles: [{ roleArn: ROLE_A }],
        endpoints: { sts: stsEndpoint },
      })();
      assert.deepEqual(assumeCalls().slice(-1), [
        { accessKeyId: "AKIDBASE", assumedRoleArn: undefined },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("assumes the role with the credentials of the SDK's chain when the settings give none", async () => {
    const restore = setEnv({
      AWS_ACCESS_KEY_ID: BASE_KEY.accessKeyId,
      AWS_SECRET_ACCESS_KEY: BASE_KEY.secretAccessKey,
    });
    try {
      await providerOf({ assumeRoles: [{ roleArn: ROLE_A }], endpoints: { sts: stsEndpoint } })();
      assert.deepEqual(assumeCalls().slice(-1), [
        { accessKeyId: "AKIDBASE", assumedRoleArn: undefined },
      ]);
    } finally {
      restore();
    }
  });

  it("assumes roles through STS's own endpoint when the settings name none", () => {
    const { credentials: provider } = credentials().credentialsOption(
      { ...settingsWith([{ roleArn: ROLE_A }]), endpoints: undefined },
      REGION,
    );
    // Not called: it would reach AWS.
    assert.equal(typeof provider, "function");
  });

  it("gives no role when assumeRoles is empty", () => {
    assert.deepEqual(credentials().credentialsOption({ assumeRoles: [] }, REGION), {});
  });

  /** Calls the provider with this process's clock stopped at `at` (epoch milliseconds). */
  async function callAt(provider: AwsCredentialIdentityProvider, at: number) {
    const now = Date.now;
    Date.now = () => at;
    try {
      return await provider();
    } finally {
      Date.now = now;
    }
  }

  const renewals: Array<[string, number, number]> = [
    ["keeps the credentials while they have more than 5 minutes left", -1, 1],
    ["renews the credentials when they have 5 minutes left", 0, 2],
    ["renews the credentials when they have less than 5 minutes left", 1, 2],
  ];
  for (const [name, pastFiveMinutesMs, assumed] of renewals) {
    it(name, async () => {
      const provider = providerOf(settingsWith([{ roleArn: ROLE_A, duration: "15m" }]));
      const first = await provider();
      const expiresAt = first.expiration?.getTime() ?? 0;
      const second = await callAt(provider, expiresAt - 5 * MINUTE_MS + pastFiveMinutesMs);
      assert.equal(forms.length, assumed);
      assert.equal(second.accessKeyId === first.accessKeyId, assumed === 1);
    });
  }
});

describe("durationSeconds", () => {
  const durations: Array<[string, number]> = [
    ["1h", 3600],
    ["15m", 900],
    ["900s", 900],
    ["1h30m", 5400],
    ["2h15m30s", 8130],
  ];
  for (const [duration, seconds] of durations) {
    it(`reads "${duration}" as ${seconds} seconds`, () => {
      assert.equal(credentials().durationSeconds(duration), seconds);
    });
  }

  for (const duration of ["90", "", "1h 30m", "1d", "h", "x1h", "1hx"]) {
    it(`fails when the duration is "${duration}"`, () => {
      assert.throws(() => credentials().durationSeconds(duration), {
        message: `assumeRoles duration must be a duration such as "1h", "15m" or "1h30m"; received "${duration}".`,
      });
    });
  }
});
