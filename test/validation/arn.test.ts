import { strict as assert } from "assert";
import {
  isPhoneNumberArn,
  isRegion,
  parseArn,
  parseContactFlowRef,
  parseInstanceRef,
} from "../../provider/arn";
import type * as Arn from "../../provider/arn";
import {
  CONTACT_FLOW_ARN,
  CONTACT_FLOW_ID,
  INSTANCE_ARN,
  INSTANCE_ID,
  SOURCE_PHONE_NUMBER_ARN,
} from "../fixtures";
import { loadFresh } from "./helpers";

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

describe("ARN forms, each read by a fresh copy of arn.ts", () => {
  const arn = () => loadFresh<typeof Arn>("arn");
  const PHONE = "arn:aws:connect:us-east-1:123456789012:phone-number/p1";
  const INSTANCE = "arn:aws:connect:us-east-1:123456789012:instance/i1";
  const FLOW = `${INSTANCE}/contact-flow/f1`;
  const CONTACT = `${INSTANCE}/contact/c1`;
  const at = { region: "us-east-1", accountId: "123456789012" };

  const rows: ReadonlyArray<[string, unknown, Partial<Record<keyof typeof Arn, unknown>>]> = [
    [
      "an instance ARN",
      INSTANCE,
      {
        parseArn: { partition: "aws", service: "connect", ...at, resource: "instance/i1" },
        parseInstanceRef: { instanceId: "i1", ...at },
        parseContactFlowRef: undefined,
        isPhoneNumberArn: false,
        parseContactRef: undefined,
        phoneNumberPlace: undefined,
      },
    ],
    [
      "a flow ARN",
      FLOW,
      {
        parseInstanceRef: undefined,
        parseContactFlowRef: { contactFlowId: "f1", instanceId: "i1", ...at },
        isPhoneNumberArn: false,
        parseContactRef: undefined,
      },
    ],
    [
      "a phone number ARN",
      PHONE,
      {
        isPhoneNumberArn: true,
        phoneNumberPlace: at,
        parseInstanceRef: undefined,
        parseContactRef: undefined,
      },
    ],
    [
      "a phone number ARN under its instance",
      `${INSTANCE}/phone-number/p1`,
      { isPhoneNumberArn: true, phoneNumberPlace: { ...at, instanceId: "i1" } },
    ],
    [
      "a contact ARN",
      CONTACT,
      {
        parseContactRef: { instanceId: "i1", contactId: "c1", region: "us-east-1" },
        isPhoneNumberArn: false,
      },
    ],
    [
      "a contact ID pair",
      "i1/c1",
      { parseContactRef: { instanceId: "i1", contactId: "c1" }, parseArn: undefined },
    ],
    [
      "a bare ID",
      "i1",
      {
        parseInstanceRef: { instanceId: "i1" },
        parseContactFlowRef: { contactFlowId: "i1" },
        parseContactRef: undefined,
      },
    ],
    [
      "an ARN in GovCloud",
      INSTANCE.replace("aws:connect:us-east-1", "aws-us-gov:connect:us-gov-west-1"),
      {
        parseInstanceRef: { instanceId: "i1", region: "us-gov-west-1", accountId: "123456789012" },
      },
    ],
    [
      "an ARN in a partition of two parts",
      INSTANCE.replace("arn:aws:", "arn:aws-iso-b:"),
      { parseArn: { partition: "aws-iso-b", service: "connect", ...at, resource: "instance/i1" } },
    ],
    [
      "an ARN in a partition with a digit",
      INSTANCE.replace("arn:aws:", "arn:aws-1:"),
      { parseArn: undefined },
    ],
    [
      "an ARN in a partition with capitals",
      INSTANCE.replace("arn:aws:", "arn:AWS:"),
      { parseArn: undefined },
    ],
    [
      "an ARN whose partition only starts with aws",
      INSTANCE.replace("arn:aws:", "arn:awsx:"),
      { parseArn: undefined },
    ],
    [
      "an ARN whose partition ends in aws",
      INSTANCE.replace("arn:aws:", "arn:x-aws:"),
      { parseArn: undefined },
    ],
    ["an ARN with an empty service", "arn:aws::us-east-1:123456789012:x", { parseArn: undefined }],
    [
      "an ARN whose service has a capital",
      "arn:aws:Connect:us-east-1:123456789012:x",
      { parseArn: undefined },
    ],
    [
      "an ARN whose service has a digit and a dash",
      "arn:aws:s3-x1:::x",
      {
        parseArn: { partition: "aws", service: "s3-x1", region: "", accountId: "", resource: "x" },
      },
    ],
    ["an ARN with an empty resource", "arn:aws:s3:::", { parseArn: undefined }],
    [
      "an ARN whose resource holds colons",
      "arn:aws:logs:::a:b",
      {
        parseArn: { partition: "aws", service: "logs", region: "", accountId: "", resource: "a:b" },
      },
    ],
    ["an ARN of 5 parts", "arn:aws:s3::x", { parseArn: undefined }],
    [
      "an ARN starting with ARN",
      INSTANCE.replace("arn:", "ARN:"),
      { parseArn: undefined, parseInstanceRef: undefined },
    ],
    ["text before arn:", `x${INSTANCE}`, { parseArn: undefined }],
    [
      "a number",
      7,
      {
        parseArn: undefined,
        parseInstanceRef: undefined,
        parseContactFlowRef: undefined,
        isPhoneNumberArn: false,
        parseContactRef: undefined,
        phoneNumberPlace: undefined,
        isRegion: false,
      },
    ],
    [
      "an instance ARN of another service",
      INSTANCE.replace(":connect:", ":connectx:"),
      { parseInstanceRef: undefined },
    ],
    [
      "an instance ARN with an account of 11 digits",
      INSTANCE.replace("123456789012", "12345678901"),
      { parseInstanceRef: undefined },
    ],
    [
      "an instance ARN with an account of 13 digits",
      INSTANCE.replace("123456789012", "1234567890123"),
      { parseInstanceRef: undefined },
    ],
    [
      "an instance ARN with an account of letters",
      INSTANCE.replace("123456789012", "12345678901a"),
      { parseInstanceRef: undefined },
    ],
    [
      "an instance ARN with a Region in capitals",
      INSTANCE.replace("us-east-1", "US-east-1"),
      { parseInstanceRef: undefined },
    ],
    [
      "an instance ARN with no Region",
      INSTANCE.replace("us-east-1", ""),
      { parseInstanceRef: undefined },
    ],
    ["an instance ARN with a space in its ID", `${INSTANCE} x`, { parseInstanceRef: undefined }],
    [
      "an instance ARN with an empty segment",
      INSTANCE.replace("instance/", "instance//"),
      { parseInstanceRef: undefined, isPhoneNumberArn: false },
    ],
    [
      "an instance ARN of another kind",
      INSTANCE.replace("instance/", "agent/"),
      { parseInstanceRef: undefined },
    ],
    [
      "an instance ARN with an ID of 100 characters",
      INSTANCE.replace("i1", "i".repeat(100)),
      { parseInstanceRef: { instanceId: "i".repeat(100), ...at } },
    ],
    [
      "an instance ARN with an ID of 101 characters",
      INSTANCE.replace("i1", "i".repeat(101)),
      { parseInstanceRef: undefined, parseContactFlowRef: undefined },
    ],
    [
      "a flow ARN with an instance ID of 101 characters",
      FLOW.replace("i1", "i".repeat(101)),
      { parseContactFlowRef: undefined },
    ],
    [
      "a flow ARN with a flow ID of 500 characters",
      FLOW.replace("f1", "f".repeat(500)),
      { parseContactFlowRef: { contactFlowId: "f".repeat(500), instanceId: "i1", ...at } },
    ],
    [
      "a flow ARN with a flow ID of 501 characters",
      FLOW.replace("f1", "f".repeat(501)),
      { parseContactFlowRef: undefined },
    ],
    ["a flow ARN of 5 segments", `${FLOW}/x`, { parseContactFlowRef: undefined }],
    [
      "a flow ARN whose first segment is not instance",
      FLOW.replace("instance/", "x/"),
      { parseContactFlowRef: undefined },
    ],
    [
      "a bare ID of 100 characters",
      "i".repeat(100),
      { parseInstanceRef: { instanceId: "i".repeat(100) } },
    ],
    [
      "a bare ID of 101 characters",
      "i".repeat(101),
      { parseInstanceRef: undefined, parseContactFlowRef: { contactFlowId: "i".repeat(101) } },
    ],
    [
      "a bare ID with a space",
      "i 1",
      { parseInstanceRef: undefined, parseContactFlowRef: undefined },
    ],
    ["a bare ID with a tab", "i\t1", { parseInstanceRef: undefined }],
    ["a bare ID with a colon", "i:1", { parseInstanceRef: undefined }],
    [
      "an empty string",
      "",
      {
        parseInstanceRef: undefined,
        parseContactFlowRef: undefined,
        parseContactRef: undefined,
        isRegion: false,
      },
    ],
    [
      "a phone number ARN of 3 segments",
      `${PHONE}/x`,
      { isPhoneNumberArn: false, phoneNumberPlace: undefined },
    ],
    [
      "a phone number ARN of another kind",
      PHONE.replace("phone-number/", "queue/"),
      { isPhoneNumberArn: false },
    ],
    [
      "a phone number under an instance, of another kind",
      `${INSTANCE}/queue/p1`,
      { isPhoneNumberArn: false },
    ],
    [
      "a phone number under something else",
      INSTANCE.replace("instance/", "x/") + "/phone-number/p1",
      { isPhoneNumberArn: false },
    ],
    [
      "a contact ARN of another kind",
      CONTACT.replace("/contact/", "/task/"),
      { parseContactRef: undefined },
    ],
    ["a contact ARN of 5 segments", `${CONTACT}/x`, { parseContactRef: undefined }],
    [
      "a contact ARN whose first segment is not instance",
      CONTACT.replace("instance/", "x/"),
      { parseContactRef: undefined },
    ],
    ["a contact ID pair with a third part", "i1/c1/x", { parseContactRef: undefined }],
    ["a contact ID alone", "c1", { parseContactRef: undefined }],
    ["a contact ID pair with an empty instance", "/c1", { parseContactRef: undefined }],
    [
      "a contact ID pair with an instance of 101 characters",
      `${"i".repeat(101)}/c1`,
      { parseContactRef: undefined },
    ],
    [
      "a contact ID pair with a contact of 256 characters",
      `i1/${"c".repeat(256)}`,
      { parseContactRef: { instanceId: "i1", contactId: "c".repeat(256) } },
    ],
    [
      "a contact ID pair with a contact of 257 characters",
      `i1/${"c".repeat(257)}`,
      { parseContactRef: undefined },
    ],
    ["an ARN whose service ends in a capital", "arn:aws:s3X:::b", { parseArn: undefined }],
    [
      "an ARN of 5 parts with a partition",
      "arn:aws:s3:us-east-1:123456789012",
      { parseArn: undefined },
    ],
    [
      "a flow ARN with an instance ID of 100 characters",
      FLOW.replace("i1", "i".repeat(100)),
      { parseContactFlowRef: { contactFlowId: "f1", instanceId: "i".repeat(100), ...at } },
    ],
    [
      "an ARN of 3 segments ending in phone-number",
      INSTANCE.replace("instance/i1", "x/y/phone-number"),
      { isPhoneNumberArn: false },
    ],
    [
      "a phone number ARN of 5 segments under its instance",
      `${INSTANCE}/phone-number/p1/x`,
      { isPhoneNumberArn: false },
    ],
    [
      "a phone number ARN of 4 segments under something else",
      INSTANCE.replace("instance/", "queue/") + "/phone-number/p1",
      { isPhoneNumberArn: false },
    ],
    ["a Region in a list", ["us-east-1"], { isRegion: false }],
    ["a Region", "eu-central-1", { isRegion: true }],
    ["a Region with 2 digits", "ap-southeast-10", { isRegion: true }],
    ["a Region of each isolated partition", "us-isof-south-1", { isRegion: true }],
    ["a Region of an unknown partition kind", "us-isoz-east-1", { isRegion: false }],
    ["a Region with a prefix", "xus-east-1", { isRegion: false }],
    ["a Region with a suffix", "us-east-1x", { isRegion: false }],
    ["a Region with a 3-letter code", "usa-east-1", { isRegion: false }],
    ["a Region with no name", "us--1", { isRegion: false }],
  ];
  for (const [name, value, answers] of rows) {
    it(`reads ${name}`, () => {
      const fresh = arn() as unknown as Record<string, (s: unknown) => unknown>;
      for (const [fn, expected] of Object.entries(answers)) {
        assert.deepEqual(fresh[fn](value), expected, fn);
      }
    });
  }
});
