import { strict as assert } from "assert";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { durationSeconds } from "../../provider/aws/credentials";
import { regionOfProfile, resolveRegion } from "../../provider/region";
import {
  AwsSettings,
  settingsFromProviderConfig,
  settingsFromStackConfig,
  stackConfigFromEnv,
} from "../../provider/settings";

const ID = "11111111-2222-3333-4444-555555555555";
const ARN = `arn:aws:connect:eu-west-2:123456789012:instance/${ID}`;

describe("resolveRegion", () => {
  const cases: [
    string,
    { region?: string; instanceId: string },
    { stackRegion?: string; env: Record<string, string>; profileRegion?: string },
    string,
  ][] = [
    [
      "the region argument first",
      { region: "ap-southeast-2", instanceId: ARN },
      { stackRegion: "us-east-1", env: { AWS_REGION: "us-west-2" } },
      "ap-southeast-2",
    ],
    [
      "then an instance ARN",
      { instanceId: ARN },
      { stackRegion: "us-east-1", env: { AWS_REGION: "us-west-2" } },
      "eu-west-2",
    ],
    [
      "then the stack's aws:region",
      { instanceId: ID },
      { stackRegion: "us-east-1", env: { AWS_REGION: "us-west-2" } },
      "us-east-1",
    ],
    [
      "then AWS_REGION",
      { instanceId: ID },
      { env: { AWS_REGION: "us-west-2", AWS_DEFAULT_REGION: "ca-central-1" } },
      "us-west-2",
    ],
    [
      "then AWS_DEFAULT_REGION",
      { instanceId: ID },
      { env: { AWS_DEFAULT_REGION: "ca-central-1" }, profileRegion: "sa-east-1" },
      "ca-central-1",
    ],
    [
      "then the profile's region in the shared config file",
      { instanceId: ID },
      { env: {}, profileRegion: "sa-east-1" },
      "sa-east-1",
    ],
  ];
  for (const [name, inputs, { stackRegion, env, profileRegion }, region] of cases) {
    it(`takes ${name}`, () => {
      const settings: AwsSettings = stackRegion === undefined ? {} : { region: stackRegion };
      assert.equal(
        resolveRegion(inputs, settings, env, () => profileRegion),
        region,
      );
    });
  }

  it("fails when no Region is set anywhere, naming each way to set one", () => {
    assert.throws(
      () => resolveRegion({ instanceId: ID }, {}, {}, () => undefined),
      (error: Error) => {
        assert.match(error.message, /pulumi config set aws:region/);
        assert.match(error.message, /AWS_REGION/);
        assert.match(error.message, /`region`/);
        return true;
      },
    );
  });
});

describe("stackConfigFromEnv", () => {
  it("reads the stack's settings from PULUMI_CONFIG", () => {
    assert.deepEqual(
      settingsFromStackConfig(
        stackConfigFromEnv({ PULUMI_CONFIG: '{"aws:region":"eu-central-1","x:y":"1"}' }),
      ),
      { region: "eu-central-1" },
    );
  });
  it("passes over a missing or malformed PULUMI_CONFIG", () => {
    assert.deepEqual(stackConfigFromEnv({}), {});
    assert.deepEqual(stackConfigFromEnv({ PULUMI_CONFIG: "{not json" }), {});
    assert.deepEqual(settingsFromStackConfig({ "aws:region": "" }), {});
  });
});

describe("the AWS settings, as @pulumi/aws names them", () => {
  it("reads every setting from the stack, lists and objects as the JSON text config holds", () => {
    assert.deepEqual(
      settingsFromStackConfig({
        "aws:region": "eu-west-1",
        "aws:profile": "deploy",
        "aws:sharedConfigFiles": '["/etc/aws/config"]',
        "aws:sharedCredentialsFiles": '["/etc/aws/credentials"]',
        "aws:assumeRoles": '[{"roleArn":"arn:aws:iam::210987654321:role/a","sessionName":"s"}]',
        "aws:assumeRole": '{"roleArn":"arn:aws:iam::210987654321:role/b","externalId":"x"}',
        "aws:endpoints": '[{"connect":"http://127.0.0.1:4599"},{"sts":"http://127.0.0.1:4599"}]',
        "other:setting": "ignored",
      }),
      {
        region: "eu-west-1",
        profile: "deploy",
        sharedConfigFiles: ["/etc/aws/config"],
        sharedCredentialsFiles: ["/etc/aws/credentials"],
        assumeRoles: [
          { roleArn: "arn:aws:iam::210987654321:role/a", sessionName: "s" },
          { roleArn: "arn:aws:iam::210987654321:role/b", externalId: "x" },
        ],
        endpoints: { connect: "http://127.0.0.1:4599", sts: "http://127.0.0.1:4599" },
      },
    );
  });

  it("reads the native provider's configuration under the same names, without the aws: prefix", () => {
    assert.deepEqual(
      settingsFromProviderConfig({
        region: "eu-west-1",
        endpoints: [{ connect: "http://127.0.0.1:4599" }],
        accessKey: "AKIDEXAMPLE",
        secretKey: "secret",
      }),
      {
        region: "eu-west-1",
        endpoints: { connect: "http://127.0.0.1:4599" },
        accessKey: "AKIDEXAMPLE",
        secretKey: "secret",
      },
    );
  });

  const refusals: [string, Record<string, unknown>, RegExp][] = [
    [
      "a profile that is not a string",
      { profile: 3 },
      /^profile must be a string; received number\.$/,
    ],
    [
      "two shared config files",
      { sharedConfigFiles: ["a", "b"] },
      /sharedConfigFiles lists 2 files, but the AWS SDK for JavaScript reads one/,
    ],
    [
      "a role without roleArn",
      { assumeRoles: [{ sessionName: "x" }] },
      /^assumeRoles\[0\] must be an object with a roleArn/,
    ],
    [
      "an access key without its secret",
      { accessKey: "AKIDEXAMPLE" },
      /^accessKey and secretKey go together/,
    ],
    [
      "endpoints that are not objects",
      { endpoints: ["http://x"] },
      /^endpoints must be a list of objects of service to URL/,
    ],
  ];
  for (const [name, config, message] of refusals) {
    it(`fails, naming the setting and the fix, for ${name}`, () => {
      assert.throws(
        () => settingsFromProviderConfig(config),
        (error: Error & { code?: string }) => {
          assert.match(error.message, message);
          assert.equal(error.code, "InvalidAwsSetting");
          return true;
        },
      );
    });
  }

  it("reads the profile's region from the shared config file the settings name", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "settings-"));
    const file = path.join(dir, "config");
    await fs.writeFile(
      file,
      "[default]\nregion = us-west-1\n\n[profile deploy] # the CI role\nregion=eu-north-1\n",
    );
    try {
      assert.equal(
        regionOfProfile({ sharedConfigFiles: [file], profile: "deploy" }, {}),
        "eu-north-1",
      );
      assert.equal(regionOfProfile({ sharedConfigFiles: [file] }, {}), "us-west-1");
      assert.equal(
        regionOfProfile({ sharedConfigFiles: [file] }, { AWS_PROFILE: "deploy" }),
        "eu-north-1",
      );
      assert.equal(regionOfProfile({ sharedConfigFiles: [file], profile: "other" }, {}), undefined);
      assert.equal(regionOfProfile({}, { AWS_CONFIG_FILE: file }), "us-west-1");
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it("reads an assumed role's duration as @pulumi/aws writes it", () => {
    assert.equal(durationSeconds("1h"), 3600);
    assert.equal(durationSeconds("15m"), 900);
    assert.equal(durationSeconds("1h30m"), 5400);
    assert.throws(() => durationSeconds("90"), /such as "1h", "15m" or "1h30m"; received "90"/);
  });
});
