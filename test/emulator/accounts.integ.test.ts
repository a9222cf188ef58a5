/**
 * Accounts as AWS has them: a key of account B reaches none of account A's instances, flows or
 * contacts. Named by ID, A's instance does not exist in B's account (ResourceNotFoundException,
 * 404); named by an ARN of account A, IAM denies the call before Connect looks (AccessDeniedException,
 * 403), since Connect instances have no resource policy that could allow another account.
 */
import assert from "node:assert/strict";
import {
  DescribeContactCommand,
  StartOutboundChatContactCommand,
  StopContactCommand,
  UpdateContactAttributesCommand,
  type ConnectClient,
} from "@aws-sdk/client-connect";
import type { ConnectEmulator } from "../../emulator";
import { connectClient, rejectionOf, startDemo, startInput, UUID } from "./fixtures";

const ACCOUNT_A = "111111111111";
const ACCOUNT_B = "222222222222";
const INSTANCE_A = "aaaaaaaa-0000-0000-0000-00000000000a";
const INSTANCE_B = "bbbbbbbb-0000-0000-0000-00000000000b";
const FLOW_A = "f1000000-0000-0000-0000-00000000000a";
const FLOW_B = "f2000000-0000-0000-0000-00000000000b";
const NUMBER_A = `arn:aws:connect:us-east-1:${ACCOUNT_A}:phone-number/0000000a-0000-0000-0000-000000000000`;
const NUMBER_B = `arn:aws:connect:us-east-1:${ACCOUNT_B}:phone-number/0000000b-0000-0000-0000-000000000000`;
const INSTANCE_A_ARN = `arn:aws:connect:us-east-1:${ACCOUNT_A}:instance/${INSTANCE_A}`;
const KEY_A = { accessKeyId: "AKIDACCOUNTA", secretAccessKey: "a-secret", accountId: ACCOUNT_A };
const KEY_B = { accessKeyId: "AKIDACCOUNTB", secretAccessKey: "b-secret", accountId: ACCOUNT_B };

describe("accounts: another account's instances and contacts are out of reach", () => {
  let emulator: ConnectEmulator;
  let clientA: ConnectClient;
  let clientB: ConnectClient;
  let contactA: string;

  beforeEach(async () => {
    emulator = await startDemo({
      credentials: [KEY_A, KEY_B],
      seed: {
        instances: [
          {
            id: INSTANCE_A,
            accountId: ACCOUNT_A,
            contactFlows: [FLOW_A],
            phoneNumbers: [NUMBER_A],
          },
          {
            id: INSTANCE_B,
            accountId: ACCOUNT_B,
            contactFlows: [FLOW_B],
            phoneNumbers: [NUMBER_B],
          },
        ],
      },
    });
    clientA = connectClient(emulator, { credentials: KEY_A });
    clientB = connectClient(emulator, { credentials: KEY_B });
    const started = await clientA.send(
      new StartOutboundChatContactCommand(
        startInput({
          InstanceId: INSTANCE_A,
          ContactFlowId: FLOW_A,
          SourceEndpoint: { Type: "CONNECT_PHONENUMBER_ARN", Address: NUMBER_A },
          Attributes: { owner: "a" },
        }),
      ),
    );
    contactA = started.ContactId as string;
    assert.match(contactA, UUID);
  });

  afterEach(async () => {
    clientA.destroy();
    clientB.destroy();
    await emulator.stop();
  });

  type Call = (instanceId: string, contactId: string) => Promise<unknown>;
  const operations: ReadonlyArray<[string, (client: ConnectClient) => Call]> = [
    [
      "StartOutboundChatContact",
      (client) => (instanceId) =>
        client.send(
          new StartOutboundChatContactCommand(
            startInput({
              InstanceId: instanceId,
              ContactFlowId: FLOW_A,
              SourceEndpoint: { Type: "CONNECT_PHONENUMBER_ARN", Address: NUMBER_A },
            }),
          ),
        ),
    ],
    [
      "DescribeContact",
      (client) => (instanceId, contactId) =>
        client.send(new DescribeContactCommand({ InstanceId: instanceId, ContactId: contactId })),
    ],
    [
      "StopContact",
      (client) => (instanceId, contactId) =>
        client.send(new StopContactCommand({ InstanceId: instanceId, ContactId: contactId })),
    ],
    [
      "UpdateContactAttributes",
      (client) => (instanceId, contactId) =>
        client.send(
          new UpdateContactAttributesCommand({
            InstanceId: instanceId,
            InitialContactId: contactId,
            Attributes: { owner: "b" },
          }),
        ),
    ],
  ];

  /** Asserts that account A's state is as B found it: one contact, active, unchanged. */
  function assertUntouched(): void {
    const contacts = emulator.contacts();
    assert.equal(contacts.length, 1);
    assert.equal(contacts[0].state, "active");
    assert.deepEqual(contacts[0].attributes, { owner: "a" });
  }

  for (const [operation, call] of operations) {
    it(`${operation} fails for account B naming account A's instance by ID (ResourceNotFoundException, 404)`, async () => {
      const error = await rejectionOf(call(clientB)(INSTANCE_A, contactA));
      assert.equal(error.name, "ResourceNotFoundException");
      assert.equal(error.$metadata.httpStatusCode, 404);
      assert.equal(error.message, `Instance not found: ${INSTANCE_A}`);
      assertUntouched();
    });

    it(`${operation} fails for account B naming account A's instance by ARN (AccessDeniedException, 403)`, async () => {
      const error = await rejectionOf(call(clientB)(INSTANCE_A_ARN, contactA));
      assert.equal(error.name, "AccessDeniedException");
      assert.equal(error.$metadata.httpStatusCode, 403);
      assert.equal(
        error.message,
        `Account ${ACCOUNT_B} is not authorized to perform: connect:${operation} on an instance of account ${ACCOUNT_A}: Amazon Connect resources are not shared across accounts.`,
      );
      assertUntouched();
    });

    it(`${operation} is denied for an ARN of account A even when no such instance exists (no existence oracle)`, async () => {
      const missing = `arn:aws:connect:us-east-1:${ACCOUNT_A}:instance/00000000-0000-0000-0000-000000000000`;
      const error = await rejectionOf(call(clientB)(missing, contactA));
      assert.equal(error.name, "AccessDeniedException");
      assert.equal(error.$metadata.httpStatusCode, 403);
    });
  }

  const ownInstanceOutcomes: ReadonlyArray<[string, string, number]> = [
    ["DescribeContact", "ResourceNotFoundException", 404],
    ["StopContact", "ContactNotFoundException", 410],
    ["UpdateContactAttributes", "ResourceNotFoundException", 404],
  ];
  for (const [operation, errorName, status] of ownInstanceOutcomes) {
    it(`${operation} fails for account B naming account A's contact under its own instance (${errorName}, ${status})`, async () => {
      const call = operations.find(([name]) => name === operation)![1];
      const error = await rejectionOf(call(clientB)(INSTANCE_B, contactA));
      assert.equal(error.name, errorName);
      assert.equal(error.$metadata.httpStatusCode, status);
      assertUntouched();
    });
  }

  it("StartOutboundChatContact fails for account B naming account A's flow by ARN under its own instance", async () => {
    const error = await rejectionOf(
      clientB.send(
        new StartOutboundChatContactCommand(
          startInput({
            InstanceId: INSTANCE_B,
            ContactFlowId: `${INSTANCE_A_ARN}/contact-flow/${FLOW_A}`,
            SourceEndpoint: { Type: "CONNECT_PHONENUMBER_ARN", Address: NUMBER_B },
          }),
        ),
      ),
    );
    assert.equal(error.name, "AccessDeniedException");
    assert.equal(error.$metadata.httpStatusCode, 403);
    assert.equal(
      error.message,
      `Account ${ACCOUNT_B} is not authorized to perform: connect:StartOutboundChatContact on a contact flow of account ${ACCOUNT_A}: Amazon Connect resources are not shared across accounts.`,
    );
  });

  it("lets account A reach its own instance and contact by ID and by ARN with every operation", async () => {
    for (const instanceId of [INSTANCE_A, INSTANCE_A_ARN]) {
      const { Contact } = await clientA.send(
        new DescribeContactCommand({ InstanceId: instanceId, ContactId: contactA }),
      );
      assert.equal(Contact?.Id, contactA);
      await clientA.send(
        new UpdateContactAttributesCommand({
          InstanceId: instanceId,
          InitialContactId: contactA,
          Attributes: { seen: "yes" },
        }),
      );
    }
    await clientA.send(new StopContactCommand({ InstanceId: INSTANCE_A_ARN, ContactId: contactA }));
    assert.equal(emulator.contacts()[0].state, "stopped");
    assert.deepEqual(emulator.calls().counts, {
      StartOutboundChatContact: { ok: 1 },
      DescribeContact: { ok: 2 },
      UpdateContactAttributes: { ok: 2 },
      StopContact: { ok: 1 },
    });
  });

  it("counts B's refused calls in the call log by their error", async () => {
    for (const [, call] of operations) {
      await rejectionOf(call(clientB)(INSTANCE_A, contactA));
      await rejectionOf(call(clientB)(INSTANCE_A_ARN, contactA));
    }
    const { counts } = emulator.calls();
    for (const [operation] of operations) {
      const expected =
        operation === "StartOutboundChatContact"
          ? { ok: 1, ResourceNotFoundException: 1, AccessDeniedException: 1 }
          : { ResourceNotFoundException: 1, AccessDeniedException: 1 };
      assert.deepEqual(counts[operation], expected, operation);
    }
  });
});
