/**
 * The AWS settings as the stack config and the native provider's configuration give them: every
 * form each setting takes, every refusal with its exact message, which settings are in force, and
 * the Region each place gives.
 */
import { strict as assert } from "assert";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { freshProvider } from "../../harness/fresh-provider";
import { setEnv } from "../../harness/doubles";
import { regionOfProfile, resolveRegion } from "../../provider/region";
import {
  AwsSettings,
  settingsFromProviderConfig,
  settingsFromStackConfig,
  stackConfigFromEnv,
} from "../../provider/settings";

type Settings = typeof import("../../provider/settings");

const ROLE = "arn:aws:iam::210987654321:role/deploy";
const INSTANCE_ID = "11111111-2222-3333-4444-555555555555";

/** The error a call throws, for its message, code and setting. */
function thrown(call: () => unknown): { message: string; code?: string; setting?: string } {
  try {
    call();
  } catch (error) {
    const { message, code, setting } = error as Error & { code?: string; setting?: string };
    return { message, code, setting };
  }
  return assert.fail("expected an error");
}

describe("the settings' values", () => {
  const accepted: [string, Record<string, unknown>, AwsSettings][] = [
    [
      "one shared file given as a path, the token and the token key",
      {
        sharedConfigFiles: "~/aws/config",
        sharedCredentialsFiles: ["~/aws/credentials"],
        accessKey: "AKIDEXAMPLE",
        secretKey: "secret",
        token: "session-token",
        clientTokenKey: "token-key",
      },
      {
        sharedConfigFiles: ["~/aws/config"],
        sharedCredentialsFiles: ["~/aws/credentials"],
        accessKey: "AKIDEXAMPLE",
        secretKey: "secret",
        token: "session-token",
        clientTokenKey: "token-key",
      },
    ],
    [
      "one role with every option, and options of other types left out",
      {
        assumeRole: {
          roleArn: ROLE,
          sessionName: "ci",
          externalId: "ext",
          duration: "1h",
          policy: "{}",
          tags: { a: "b" },
        },
        assumeRoles: [{ roleArn: ROLE, sessionName: 1, externalId: 2, duration: 3, policy: 4 }],
      },
      {
        assumeRoles: [
          { roleArn: ROLE },
          {
            roleArn: ROLE,
            sessionName: "ci",
            externalId: "ext",
            duration: "1h",
            policy: "{}",
          },
        ],
      },
    ],
    [
      "endpoints as one object, an empty or non-text URL left out",
      { endpoints: { connect: "http://127.0.0.1:4599", sts: "", iam: 7 } },
      { endpoints: { connect: "http://127.0.0.1:4599" } },
    ],
    [
      "a null or empty value as not given",
      { region: null, profile: "", endpoints: [] },
      { endpoints: {} },
    ],
    [
      "lists and objects given as JSON text, and text that only looks like JSON",
      {
        sharedConfigFiles: ' ["/etc/aws/config"]',
        endpoints: '{"connect": "http://127.0.0.1:4599"}',
        profile: "[ci",
        region: "{eu-west-1",
      },
      {
        sharedConfigFiles: ["/etc/aws/config"],
        endpoints: { connect: "http://127.0.0.1:4599" },
        profile: "[ci",
        region: "{eu-west-1",
      },
    ],
    [
      "text that JSON would read as a number, null or a boolean, as text",
      { profile: "123", token: "null", clientTokenKey: "true" },
      { profile: "123", token: "null", clientTokenKey: "true" },
    ],
  ];
  for (const [name, config, settings] of accepted) {
    it(`reads ${name}`, () => {
      assert.deepEqual(settingsFromProviderConfig(config), settings);
    });
  }

  it("reads the stack's values as JSON text, and a value config holds as another type as it is", () => {
    assert.deepEqual(
      settingsFromStackConfig({
        "aws:sharedConfigFiles": '["/etc/aws/config"]',
        "aws:endpoints": { connect: "http://127.0.0.1:4599" },
        "aws:profile": "",
        "connect:clientTokenKey": "token-key",
        clientTokenKey: "not the stack's key",
      }),
      {
        sharedConfigFiles: ["/etc/aws/config"],
        endpoints: { connect: "http://127.0.0.1:4599" },
        clientTokenKey: "token-key",
      },
    );
  });

  const refused: [string, Record<string, unknown>, string, string][] = [
    [
      "a Region given as a list",
      { region: ["a"] },
      "region",
      "region must be a string; received a list.",
    ],
    [
      "a token given as a number",
      { token: 5 },
      "token",
      "token must be a string; received number.",
    ],
    [
      "a token key given as an object",
      { clientTokenKey: { a: 1 } },
      "clientTokenKey",
      "clientTokenKey must be a string; received object.",
    ],
    [
      "shared config files given as a number",
      { sharedConfigFiles: 3 },
      "sharedConfigFiles",
      'sharedConfigFiles must be a list of file paths, such as ["~/.aws/config"].',
    ],
    [
      "shared credentials files holding a number",
      { sharedCredentialsFiles: ["a", 1] },
      "sharedCredentialsFiles",
      'sharedCredentialsFiles must be a list of file paths, such as ["~/.aws/config"].',
    ],
    [
      "two shared credentials files",
      { sharedCredentialsFiles: ["a", "b"] },
      "sharedCredentialsFiles",
      "sharedCredentialsFiles lists 2 files, but the AWS SDK for JavaScript reads one: give one " +
        "file (merge the others into it).",
    ],
    [
      "one role that is not an object",
      { assumeRole: "arn" },
      "assumeRole",
      'assumeRole must be an object with a roleArn, such as {"roleArn": "arn:aws:iam::123456789012:role/deploy"}.',
    ],
    [
      "a null role in a list",
      { assumeRoles: [{ roleArn: ROLE }, null] },
      "assumeRoles",
      'assumeRoles[1] must be an object with a roleArn, such as {"roleArn": "arn:aws:iam::123456789012:role/deploy"}.',
    ],
    [
      "a role whose roleArn is not text",
      { assumeRoles: [{ roleArn: 1 }] },
      "assumeRoles",
      'assumeRoles[0] must be an object with a roleArn, such as {"roleArn": "arn:aws:iam::123456789012:role/deploy"}.',
    ],
    [
      "a null endpoint",
      { endpoints: [null] },
      "endpoints",
      'endpoints must be a list of objects of service to URL, such as [{"connect": "http://127.0.0.1:4599"}].',
    ],
    [
      "a secret key without its access key",
      { secretKey: "secret" },
      "accessKey",
      "accessKey and secretKey go together: set both, or neither.",
    ],
  ];
  for (const [name, config, setting, message] of refused) {
    it(`refuses ${name}, naming the setting`, () => {
      assert.deepEqual(
        thrown(() => settingsFromProviderConfig(config)),
        {
          message,
          code: "InvalidAwsSetting",
          setting,
        },
      );
    });
  }

  it("names a stack setting with its aws: prefix", () => {
    assert.deepEqual(
      thrown(() => settingsFromStackConfig({ "aws:region": '["us-east-1"]' })),
      {
        message: "aws:region must be a string; received a list.",
        code: "InvalidAwsSetting",
        setting: "aws:region",
      },
    );
    assert.equal(
      thrown(() => settingsFromStackConfig({ "aws:assumeRole": "{}" })).setting,
      "aws:assumeRole",
    );
    assert.equal(
      thrown(() => settingsFromStackConfig({ "aws:sharedConfigFiles": '["a","b"]' })).setting,
      "aws:sharedConfigFiles",
    );
    assert.equal(
      thrown(() => settingsFromStackConfig({ "aws:accessKey": "AKIDEXAMPLE" })).setting,
      "aws:accessKey",
    );
  });
});

describe("the settings in force", () => {
  it("are those configured, else the stack's from PULUMI_CONFIG", () => {
    const settings = freshProvider()<Settings>("settings");
    const env = { PULUMI_CONFIG: '{"aws:region":"eu-west-3"}' };
    assert.deepEqual(settings.currentSettings(env), { region: "eu-west-3" });
    settings.configureSettings({ profile: "deploy" });
    assert.deepEqual(settings.currentSettings(env), { profile: "deploy" });
    settings.configureSettings({});
    assert.deepEqual(settings.currentSettings(env), { region: "eu-west-3" });
  });

  it("take nothing from a PULUMI_CONFIG that is not a JSON object", () => {
    for (const text of ["5", "null", '"text"', ""]) {
      assert.deepEqual(stackConfigFromEnv({ PULUMI_CONFIG: text }), {}, text);
    }
    assert.deepEqual(stackConfigFromEnv({ PULUMI_CONFIG: '{"aws:region":"x"}' }), {
      "aws:region": "x",
    });
  });
});

describe("the Region", () => {
  let dir: string;
  let restoreEnv: () => void;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "region-"));
    restoreEnv = setEnv({ HOME: dir, AWS_CONFIG_FILE: undefined, AWS_PROFILE: undefined });
  });
  afterEach(async () => {
    restoreEnv();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("fails with NoRegion, naming each place a Region can come from and the fix", () => {
    assert.deepEqual(
      thrown(() => resolveRegion({ instanceId: INSTANCE_ID }, {}, {}, () => undefined)),
      {
        message:
          "OutboundChatContact has no AWS Region: none of the `region` argument, an instance ARN " +
          "in `instanceId`, the setting `aws:region` (or the provider's `region`), the " +
          "AWS_REGION / AWS_DEFAULT_REGION environment variables or the profile's `region` in " +
          "the shared config file is set. Fix: run `pulumi config set aws:region us-east-1` " +
          "(with your instance's Region), or pass `region` to the resource.",
        code: "NoRegion",
        setting: "region",
      },
    );
  });

  it("takes the setting for an instance given by its ID", () => {
    assert.equal(
      resolveRegion({ instanceId: INSTANCE_ID }, { region: "eu-west-2" }, {}),
      "eu-west-2",
    );
  });

  it("reads the profile's Region from ~/.aws/config when nothing else names one", async () => {
    await fs.mkdir(path.join(dir, ".aws"));
    await fs.writeFile(path.join(dir, ".aws", "config"), "[default]\nregion = ap-south-1\n");
    assert.equal(resolveRegion({ instanceId: INSTANCE_ID }, {}, {}), "ap-south-1");
    assert.equal(regionOfProfile({}, {}), "ap-south-1");
  });

  it("expands a leading ~ of the shared config file's path, and only that one", async () => {
    await fs.writeFile(path.join(dir, "config"), "[default]\nregion = sa-east-1\n");
    assert.equal(regionOfProfile({ sharedConfigFiles: ["~/config"] }, {}), "sa-east-1");
    const nested = path.join(dir, "x~");
    await fs.mkdir(nested);
    await fs.writeFile(path.join(nested, "config"), "[default]\nregion = eu-south-1\n");
    assert.equal(regionOfProfile({ sharedConfigFiles: [`${nested}/config`] }, {}), "eu-south-1");
  });

  it("is none when the shared config file cannot be read", () => {
    assert.equal(
      regionOfProfile({ sharedConfigFiles: [path.join(dir, "missing")] }, {}),
      undefined,
    );
  });

  const profiles: [string, string, string | undefined][] = [
    ["a [profile default] section for the default profile", "[profile default]\nregion = a\n", "a"],
    ["no region outside a section", "region = a\n[default]\nname = x\n", undefined],
    ["no region of another key, such as sso_region", "[default]\nsso_region = a\n", undefined],
    ["no region with spaces in its value", "[default]\nregion = a b\n", undefined],
    ["no header with text before it", "[default]\nnote [profile ci]\nregion = a\n", undefined],
    ["no header with text after it", "[profile ci] x\nregion = a\n", undefined],
    ["a header and a value with comments", "[ profile ci ] ; ci\nregion=b # there\n", "b"],
  ];
  for (const [name, text, region] of profiles) {
    it(`reads ${name}`, async () => {
      const file = path.join(dir, "config");
      await fs.writeFile(file, text);
      const profile = text.includes("ci") ? "ci" : undefined;
      assert.equal(regionOfProfile({ sharedConfigFiles: [file], profile }, {}), region);
    });
  }
});
