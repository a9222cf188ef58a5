/**
 * The three read operations a program may call before it sends: DescribeInstance,
 * DescribeContactFlow and DescribePhoneNumber, answered from the seed with the AWS shapes, and
 * ResourceNotFoundException for what the seed lacks.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  DescribeContactFlowCommand,
  DescribeInstanceCommand,
  DescribePhoneNumberCommand,
  type ConnectClient,
} from "@aws-sdk/client-connect";
import { DEFAULT_RATE_LIMITS, type ConnectEmulator } from "../../emulator";
import { CONNECT_MODEL } from "../../emulator/model/model";
import { validateValue } from "../../emulator/model/shape-validator";
import {
  connectClient,
  DEMO_CONTACT_FLOW_ID,
  DEMO_INSTANCE_ID,
  DEMO_PHONE_NUMBER_ARN,
  rejectionOf,
  signedFetch,
  startDemo,
} from "./fixtures";

const INSTANCE_ID = "c0ffee00-0000-4000-8000-000000000001";
const INSTANCE_ARN = `arn:aws:connect:eu-west-2:210987654321:instance/${INSTANCE_ID}`;
const FLOW_ID = "f10f1000-0000-4000-8000-000000000002";
const NUMBER_ID = "a1b2c3d4-0000-4000-8000-000000000003";
const NUMBER_ARN = `arn:aws:connect:eu-west-2:210987654321:phone-number/${NUMBER_ID}`;
const SYSTEM_NUMBER = "+442071838750";
const KEY = {
  accessKeyId: "AKIDREADER",
  secretAccessKey: "reader-secret",
  accountId: "210987654321",
};

describe("read operations: DescribeInstance, DescribeContactFlow, DescribePhoneNumber", () => {
  let emulator: ConnectEmulator;
  let client: ConnectClient;
  let lines: string[];

  beforeEach(async () => {
    lines = [];
    emulator = await startDemo({
      credentials: [KEY],
      log: (line) => lines.push(line),
      seed: {
        instances: [
          {
            id: INSTANCE_ID,
            region: "eu-west-2",
            accountId: "210987654321",
            alias: "acme-support",
            contactFlows: [
              {
                id: FLOW_ID,
                name: "Outbound SMS",
                type: "CONTACT_FLOW",
                state: "ACTIVE",
                status: "PUBLISHED",
                description: "Sends the welcome",
              },
              "f10f1000-0000-4000-8000-00000000000b",
            ],
            phoneNumbers: [
              {
                arn: NUMBER_ARN,
                phoneNumber: SYSTEM_NUMBER,
                countryCode: "GB",
                type: "DID",
                description: "London",
              },
              `arn:aws:connect:eu-west-2:210987654321:phone-number/bare-0000`,
            ],
          },
        ],
      },
    });
    client = connectClient(emulator, { credentials: KEY, region: "eu-west-2" });
  });

  afterEach(async () => {
    client.destroy();
    await emulator.stop();
  });

  /** The raw JSON answer of a signed GET, checked against the output shape of the model. */
  async function rawAnswer(path: string, outputShape: string): Promise<Record<string, unknown>> {
    const response = await signedFetch(emulator, path, {
      method: "GET",
      accessKeyId: KEY.accessKeyId,
      secretAccessKey: KEY.secretAccessKey,
      region: "eu-west-2",
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(validateValue(CONNECT_MODEL, outputShape, body), [], JSON.stringify(body));
    return body;
  }

  it("describes a seeded instance, by ID and by ARN, in the model's shape", async () => {
    const expected = {
      Id: INSTANCE_ID,
      Arn: INSTANCE_ARN,
      IdentityManagementType: "CONNECT_MANAGED",
      InstanceAlias: "acme-support",
      InstanceStatus: "ACTIVE",
      InboundCallsEnabled: true,
      OutboundCallsEnabled: true,
      InstanceAccessUrl: "https://acme-support.my.connect.aws",
    };
    for (const instanceId of [INSTANCE_ID, INSTANCE_ARN]) {
      const { Instance } = await client.send(
        new DescribeInstanceCommand({ InstanceId: instanceId }),
      );
      assert.deepEqual(Instance, expected);
    }
    const raw = await rawAnswer(`/instance/${INSTANCE_ID}`, "DescribeInstanceResponse");
    assert.deepEqual(raw, { Instance: expected });
  });

  it("describes a seeded flow with its details, and a bare one with the defaults", async () => {
    const { ContactFlow } = await client.send(
      new DescribeContactFlowCommand({ InstanceId: INSTANCE_ID, ContactFlowId: FLOW_ID }),
    );
    assert.deepEqual(ContactFlow, {
      Arn: `${INSTANCE_ARN}/contact-flow/${FLOW_ID}`,
      Id: FLOW_ID,
      Name: "Outbound SMS",
      Type: "CONTACT_FLOW",
      State: "ACTIVE",
      Status: "PUBLISHED",
      Description: "Sends the welcome",
      Tags: {},
    });
    const bare = await rawAnswer(
      `/contact-flows/${INSTANCE_ID}/f10f1000-0000-4000-8000-00000000000b`,
      "DescribeContactFlowResponse",
    );
    assert.deepEqual(bare, {
      ContactFlow: {
        Arn: `${INSTANCE_ARN}/contact-flow/f10f1000-0000-4000-8000-00000000000b`,
        Id: "f10f1000-0000-4000-8000-00000000000b",
        Name: "Flow f10f1000",
        Type: "CONTACT_FLOW",
        State: "ACTIVE",
        Status: "PUBLISHED",
        Tags: {},
      },
    });
  });

  it("describes a claimed number by ID and by ARN, and never writes the number to a log line or the call log", async () => {
    const expected = {
      PhoneNumberId: NUMBER_ID,
      PhoneNumberArn: NUMBER_ARN,
      PhoneNumber: SYSTEM_NUMBER,
      PhoneNumberCountryCode: "GB",
      PhoneNumberType: "DID",
      PhoneNumberDescription: "London",
      TargetArn: INSTANCE_ARN,
      InstanceId: INSTANCE_ID,
      Tags: {},
      PhoneNumberStatus: { Status: "CLAIMED" },
    };
    for (const phoneNumberId of [NUMBER_ID, NUMBER_ARN]) {
      const { ClaimedPhoneNumberSummary } = await client.send(
        new DescribePhoneNumberCommand({ PhoneNumberId: phoneNumberId }),
      );
      assert.deepEqual(ClaimedPhoneNumberSummary, expected);
    }
    await rawAnswer(`/phone-number/${NUMBER_ID}`, "DescribePhoneNumberResponse");
    const everything = [
      ...lines,
      JSON.stringify(emulator.calls()),
      JSON.stringify(emulator.contacts()),
    ];
    for (const text of everything) {
      assert.equal(text.includes("2071838750"), false, text);
    }
    assert.deepEqual(emulator.calls().counts, { DescribePhoneNumber: { ok: 3 } });
  });

  it("answers a number seeded without details with no PhoneNumber and type DID", async () => {
    const { ClaimedPhoneNumberSummary } = await client.send(
      new DescribePhoneNumberCommand({ PhoneNumberId: "bare-0000" }),
    );
    assert.equal(ClaimedPhoneNumberSummary?.PhoneNumber, undefined);
    assert.equal(ClaimedPhoneNumberSummary?.PhoneNumberType, "DID");
  });

  const missing: ReadonlyArray<[string, () => Promise<unknown>, string]> = [
    [
      "DescribeInstance of an instance not seeded",
      () => client.send(new DescribeInstanceCommand({ InstanceId: "no-such-instance" })),
      "Instance not found: no-such-instance",
    ],
    [
      "DescribeContactFlow of a flow not seeded",
      () =>
        client.send(
          new DescribeContactFlowCommand({
            InstanceId: INSTANCE_ID,
            ContactFlowId: "no-such-flow",
          }),
        ),
      "Contact flow not found: no-such-flow",
    ],
    [
      "DescribeContactFlow of a flow of another instance",
      () =>
        client.send(
          new DescribeContactFlowCommand({
            InstanceId: INSTANCE_ID,
            ContactFlowId: DEMO_CONTACT_FLOW_ID,
          }),
        ),
      `Contact flow not found: ${DEMO_CONTACT_FLOW_ID}`,
    ],
    [
      "DescribePhoneNumber of a number not seeded",
      () => client.send(new DescribePhoneNumberCommand({ PhoneNumberId: "no-such-number" })),
      "Phone number not found: no instance of this account and Region has claimed it.",
    ],
    [
      "DescribePhoneNumber given a phone number instead of an ID (not quoted back)",
      () => client.send(new DescribePhoneNumberCommand({ PhoneNumberId: SYSTEM_NUMBER })),
      "Phone number not found: no instance of this account and Region has claimed it.",
    ],
  ];
  for (const [label, call, message] of missing) {
    it(`fails for ${label} (ResourceNotFoundException, 404)`, async () => {
      const error = await rejectionOf(call());
      assert.equal(error.name, "ResourceNotFoundException");
      assert.equal(error.$metadata.httpStatusCode, 404);
      assert.equal(error.message, message);
    });
  }

  it("fails for resources of another account or Region: by ID not found, by ARN denied", async () => {
    // The demo instance and number belong to account 123456789012, in us-east-1.
    const cases: ReadonlyArray<[() => Promise<unknown>, string, number]> = [
      [
        () => client.send(new DescribeInstanceCommand({ InstanceId: DEMO_INSTANCE_ID })),
        "ResourceNotFoundException",
        404,
      ],
      [
        () =>
          client.send(
            new DescribeInstanceCommand({
              InstanceId: `arn:aws:connect:eu-west-2:123456789012:instance/${DEMO_INSTANCE_ID}`,
            }),
          ),
        "AccessDeniedException",
        403,
      ],
      [
        () =>
          client.send(
            new DescribeContactFlowCommand({
              InstanceId: DEMO_INSTANCE_ID,
              ContactFlowId: DEMO_CONTACT_FLOW_ID,
            }),
          ),
        "ResourceNotFoundException",
        404,
      ],
      [
        () =>
          client.send(
            new DescribePhoneNumberCommand({
              PhoneNumberId: "99999999-8888-7777-6666-555555555555",
            }),
          ),
        "ResourceNotFoundException",
        404,
      ],
      [
        () => client.send(new DescribePhoneNumberCommand({ PhoneNumberId: DEMO_PHONE_NUMBER_ARN })),
        "AccessDeniedException",
        403,
      ],
    ];
    for (const [call, name, status] of cases) {
      const error = await rejectionOf(call());
      assert.equal(error.name, name);
      assert.equal(error.$metadata.httpStatusCode, status);
    }
  });

  it("throttles each read operation by its own bucket, 2/s burst 5 by default", async () => {
    for (const operation of [
      "DescribeInstance",
      "DescribeContactFlow",
      "DescribePhoneNumber",
    ] as const) {
      assert.deepEqual(DEFAULT_RATE_LIMITS[operation], { ratePerSecond: 2, burst: 5 });
      emulator.setRateLimit(operation, { ratePerSecond: 0, burst: 2 });
    }
    const calls: ReadonlyArray<[string, () => Promise<unknown>]> = [
      [
        "DescribeInstance",
        () => client.send(new DescribeInstanceCommand({ InstanceId: INSTANCE_ID })),
      ],
      [
        "DescribeContactFlow",
        () =>
          client.send(
            new DescribeContactFlowCommand({ InstanceId: INSTANCE_ID, ContactFlowId: FLOW_ID }),
          ),
      ],
      [
        "DescribePhoneNumber",
        () => client.send(new DescribePhoneNumberCommand({ PhoneNumberId: NUMBER_ID })),
      ],
    ];
    for (const [, call] of calls) {
      await call();
      await call();
      const error = await rejectionOf(call());
      assert.equal(error.name, "ThrottlingException");
      assert.equal(error.$metadata.httpStatusCode, 429);
    }
    assert.deepEqual(emulator.calls().counts, {
      DescribeInstance: { ok: 2, ThrottlingException: 1 },
      DescribeContactFlow: { ok: 2, ThrottlingException: 1 },
      DescribePhoneNumber: { ok: 2, ThrottlingException: 1 },
    });
  });
});

describe("seeded phone numbers in the state file", () => {
  it("keeps a seeded number masked in the state file, and answers it in full after a restart with the same seed", async () => {
    const directory = mkdtempSync(join(tmpdir(), "connect-emulator-numbers-"));
    const stateFile = join(directory, "state.json");
    const seed = {
      instances: [
        {
          id: INSTANCE_ID,
          region: "us-east-1",
          phoneNumbers: [{ arn: NUMBER_ARN, phoneNumber: SYSTEM_NUMBER }],
        },
      ],
    };
    try {
      const first = await startDemo({ stateFile, seed });
      await first.stop();
      const text = readFileSync(stateFile, "utf8");
      assert.equal(text.includes("2071838750"), false);
      assert.equal(text.includes("+**********50"), true);
      const second = await startDemo({ stateFile, seed });
      const client = connectClient(second);
      try {
        const { ClaimedPhoneNumberSummary } = await client.send(
          new DescribePhoneNumberCommand({ PhoneNumberId: NUMBER_ID }),
        );
        assert.equal(ClaimedPhoneNumberSummary?.PhoneNumber, SYSTEM_NUMBER);
      } finally {
        client.destroy();
        await second.stop();
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe("details seeded after a bare flow or number", () => {
  it("answers the details a later seed gives for a flow and a number first seeded bare", async () => {
    const emulator = await startDemo();
    const client = connectClient(emulator);
    try {
      emulator.seed({
        instances: [
          {
            id: DEMO_INSTANCE_ID,
            contactFlows: [{ id: DEMO_CONTACT_FLOW_ID, name: "Named later" }],
            phoneNumbers: [{ arn: DEMO_PHONE_NUMBER_ARN, type: "TOLL_FREE" }],
          },
        ],
      });
      const { ContactFlow } = await client.send(
        new DescribeContactFlowCommand({
          InstanceId: DEMO_INSTANCE_ID,
          ContactFlowId: DEMO_CONTACT_FLOW_ID,
        }),
      );
      assert.equal(ContactFlow?.Name, "Named later");
      const { ClaimedPhoneNumberSummary } = await client.send(
        new DescribePhoneNumberCommand({ PhoneNumberId: DEMO_PHONE_NUMBER_ARN }),
      );
      assert.equal(ClaimedPhoneNumberSummary?.PhoneNumberType, "TOLL_FREE");
    } finally {
      client.destroy();
      await emulator.stop();
    }
  });
});
