import { strict as assert } from "assert";
import {
  isPhoneNumberArn,
  isRegion,
  parseArn,
  parseContactFlowRef,
  parseInstanceRef,
} from "../../provider/arn";
import {
  CONTACT_FLOW_ARN,
  CONTACT_FLOW_ID,
  INSTANCE_ARN,
  INSTANCE_ID,
  SOURCE_PHONE_NUMBER_ARN,
} from "../fixtures";

describe("parseArn", () => {
  it("splits an ARN, keeping colons inside the resource", () => {
    assert.deepEqual(parseArn("arn:aws:logs:us-east-1:123456789012:log-group:/a/b:*"), {
      partition: "aws",
      service: "logs",
      region: "us-east-1",
      accountId: "123456789012",
      resource: "log-group:/a/b:*",
    });
  });

  it("accepts empty Region and account, as S3 has", () => {
    assert.equal(parseArn("arn:aws:s3:::bucket")?.resource, "bucket");
  });

  for (const s of ["", "arn:aws:s3", "arn:aws:s3:::", "urn:aws:s3:::b", "arn:gcp:s3:::b", 42]) {
    it(`answers undefined for ${JSON.stringify(s)}`, () => {
      assert.equal(parseArn(s), undefined);
    });
  }
});

describe("parseInstanceRef", () => {
  it("reads a bare instance ID", () => {
    assert.deepEqual(parseInstanceRef(INSTANCE_ID), { instanceId: INSTANCE_ID });
  });

  it("reads an instance ARN in any partition", () => {
    assert.deepEqual(parseInstanceRef(INSTANCE_ARN), {
      instanceId: INSTANCE_ID,
      region: "us-east-1",
      accountId: "123456789012",
    });
    assert.equal(
      parseInstanceRef(
        INSTANCE_ARN.replace("aws:connect:us-east-1", "aws-us-gov:connect:us-gov-west-1"),
      )?.region,
      "us-gov-west-1",
    );
  });

  const invalid = [
    "",
    "a".repeat(101),
    "instance/x",
    "a:b",
    "has space",
    CONTACT_FLOW_ARN,
    INSTANCE_ARN.replace(":connect:", ":s3:"),
    INSTANCE_ARN.replace("123456789012", "1234"),
    INSTANCE_ARN.replace("us-east-1", "useast1"),
    `${INSTANCE_ARN}/`,
  ];
  for (const s of invalid) {
    it(`rejects ${JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s)}`, () => {
      assert.equal(parseInstanceRef(s), undefined);
    });
  }
});

describe("parseContactFlowRef", () => {
  it("reads a bare flow ID of up to 500 characters", () => {
    assert.deepEqual(parseContactFlowRef(CONTACT_FLOW_ID), { contactFlowId: CONTACT_FLOW_ID });
    assert.ok(parseContactFlowRef("f".repeat(500)));
    assert.equal(parseContactFlowRef("f".repeat(501)), undefined);
  });

  it("reads a flow ARN with its instance and Region", () => {
    assert.deepEqual(parseContactFlowRef(CONTACT_FLOW_ARN), {
      contactFlowId: CONTACT_FLOW_ID,
      instanceId: INSTANCE_ID,
      region: "us-east-1",
      accountId: "123456789012",
    });
  });

  it("rejects an instance ARN and a flow-module ARN", () => {
    assert.equal(parseContactFlowRef(INSTANCE_ARN), undefined);
    assert.equal(
      parseContactFlowRef(CONTACT_FLOW_ARN.replace("contact-flow", "flow-module")),
      undefined,
    );
  });
});

describe("isPhoneNumberArn", () => {
  it("accepts a phone number ARN, alone or under its instance", () => {
    assert.ok(isPhoneNumberArn(SOURCE_PHONE_NUMBER_ARN));
    assert.ok(isPhoneNumberArn(`${INSTANCE_ARN}/phone-number/99999999`));
  });

  it("rejects other ARNs and phone numbers", () => {
    for (const s of [
      INSTANCE_ARN,
      CONTACT_FLOW_ARN,
      "+14155550100",
      `${SOURCE_PHONE_NUMBER_ARN}/x`,
      7,
    ]) {
      assert.equal(isPhoneNumberArn(s), false, String(s));
    }
  });
});

describe("isRegion", () => {
  for (const region of [
    "us-east-1",
    "eu-central-1",
    "us-gov-west-1",
    "cn-north-1",
    "ap-southeast-5",
    "us-isob-east-1",
  ]) {
    it(`accepts ${region}`, () => assert.ok(isRegion(region)));
  }
  for (const region of ["us-east", "US-EAST-1", "useast1", "us-east-100", "", "us-foo-east-1"]) {
    it(`rejects ${JSON.stringify(region)}`, () => assert.equal(isRegion(region), false));
  }
});
