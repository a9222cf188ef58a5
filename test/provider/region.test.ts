import { strict as assert } from "assert";
import { isOutboundChatContactError } from "../../provider/contact-error";
import { resolveRegion, stackRegionFromEnv } from "../../provider/region";

const ID = "11111111-2222-3333-4444-555555555555";
const ARN = `arn:aws:connect:eu-west-2:123456789012:instance/${ID}`;

describe("resolveRegion", () => {
  const cases: [
    string,
    { region?: string; instanceId: string },
    { stackRegion?: string; env: Record<string, string> },
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
      { env: { AWS_DEFAULT_REGION: "ca-central-1" } },
      "ca-central-1",
    ],
  ];
  for (const [name, inputs, settings, region] of cases) {
    it(`takes ${name}`, () => {
      assert.equal(resolveRegion(inputs, settings), region);
    });
  }

  it("fails when no Region is set anywhere, naming each way to set one", () => {
    assert.throws(
      () => resolveRegion({ instanceId: ID }, { env: {} }),
      (error: Error) => {
        assert.ok(isOutboundChatContactError(error, "NoRegion"), String(error));
        assert.match(error.message, /pulumi config set aws:region/);
        assert.match(error.message, /AWS_REGION/);
        assert.match(error.message, /`region`/);
        return true;
      },
    );
  });
});

describe("stackRegionFromEnv", () => {
  it("reads aws:region from PULUMI_CONFIG", () => {
    assert.equal(
      stackRegionFromEnv({ PULUMI_CONFIG: '{"aws:region":"eu-central-1","x:y":"1"}' }),
      "eu-central-1",
    );
  });
  it("passes over a missing or malformed PULUMI_CONFIG", () => {
    assert.equal(stackRegionFromEnv({}), undefined);
    assert.equal(stackRegionFromEnv({ PULUMI_CONFIG: "{not json" }), undefined);
    assert.equal(stackRegionFromEnv({ PULUMI_CONFIG: '{"aws:region":""}' }), undefined);
  });
});
