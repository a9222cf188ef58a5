/**
 * The emulator keeps only a keyed hash (HMAC-SHA-256, a random key per emulator) of each
 * ClientToken: its state file and its inspection API never hold the raw token, and idempotency
 * (the same token within 7 days answers the same contact) still holds across a restart.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StartOutboundChatContactCommand, StopContactCommand } from "@aws-sdk/client-connect";
import type { ConnectEmulator } from "../../emulator";
import {
  connectClient,
  DEMO_INSTANCE_ID,
  inspect,
  rejectionOf,
  startDemo,
  startInput,
  UUID,
} from "./fixtures";

/** A token like the provider derives: a digest a guesser could recompute from a URN and a number. */
const TOKEN = createHash("sha256")
  .update("urn:pulumi:dev::p::contact::welcome|+14155550100")
  .digest("hex");

async function start(emulator: ConnectEmulator, clientToken = TOKEN): Promise<string> {
  const client = connectClient(emulator);
  try {
    const { ContactId } = await client.send(
      new StartOutboundChatContactCommand(startInput({ ClientToken: clientToken })),
    );
    assert.match(ContactId ?? "", UUID);
    return ContactId as string;
  } finally {
    client.destroy();
  }
}

describe("ClientTokens kept only as keyed hashes", () => {
  let directory: string;
  let stateFile: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "connect-emulator-tokens-"));
    stateFile = join(directory, "state.json");
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it("writes no raw token to the state file, and answers the same contact after a restart", async () => {
    const first = await startDemo({ stateFile });
    const contactId = await start(first);
    const hash = first.clientTokenHash(TOKEN);
    await first.stop();

    const text = readFileSync(stateFile, "utf8");
    assert.equal(text.includes(TOKEN), false);
    assert.equal(text.split(hash).length - 1, 2, "the hash is kept for the token and the contact");
    assert.equal(statSync(stateFile).mode & 0o777, 0o600);

    const second = await startDemo({ stateFile });
    try {
      assert.equal(second.clientTokenHash(TOKEN), hash, "the key survives the restart");
      assert.equal(await start(second), contactId);
      assert.equal(second.contacts().length, 1);
      assert.equal((await start(second, `${TOKEN}-other`)) === contactId, false);
      assert.equal(second.contacts().length, 2);
    } finally {
      await second.stop();
    }
  });

  it("forgets the token after 7 days across a restart too", async () => {
    const first = await startDemo({ stateFile });
    const contactId = await start(first);
    first.advanceClock(7 * 24 * 60 * 60 * 1000 + 1);
    await first.stop();
    const second = await startDemo({ stateFile });
    try {
      assert.notEqual(await start(second), contactId);
    } finally {
      await second.stop();
    }
  });

  it("shows no raw token in any inspection answer, nor in the log lines", async () => {
    const lines: string[] = [];
    const emulator = await startDemo({ stateFile, log: (line) => lines.push(line) });
    try {
      const contactId = await start(emulator);
      await start(emulator);
      emulator.setFault({ operation: "StartOutboundChatContact", kind: "error", status: 500 });
      const client = connectClient(emulator);
      await rejectionOf(
        client.send(new StartOutboundChatContactCommand(startInput({ ClientToken: TOKEN }))),
      );
      await client.send(
        new StopContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId: contactId }),
      );
      client.destroy();

      const hash = emulator.clientTokenHash(TOKEN);
      const answers: string[] = [];
      for (const [method, name] of [
        ["GET", "contacts"],
        ["GET", "calls"],
        ["GET", "faults"],
        ["GET", "rate-limits"],
        ["GET", "clock"],
        ["GET", "health"],
        ["GET", "seed"],
      ] as const) {
        const { status, body } = await inspect(emulator, method, name);
        assert.equal(status, 200, name);
        answers.push(JSON.stringify(body));
      }
      for (const text of [
        ...answers,
        ...lines,
        JSON.stringify(emulator.contacts()),
        JSON.stringify(emulator.calls()),
      ]) {
        assert.equal(text.includes(TOKEN), false, text);
      }
      const { body: calls } = await inspect(emulator, "GET", "calls");
      assert.deepEqual(
        (calls as { log: Array<{ outcome: string; clientTokenHash?: string }> }).log.map((call) => [
          call.outcome,
          call.clientTokenHash,
        ]),
        [
          ["ok", hash],
          ["ok", hash],
          ["InternalServiceException", hash],
          ["ok", undefined],
        ],
      );
      const { body: contacts } = await inspect(emulator, "GET", "contacts");
      assert.equal(
        (contacts as { contacts: Array<{ clientTokenHash: string }> }).contacts[0].clientTokenHash,
        hash,
      );
    } finally {
      await emulator.stop();
    }
  });

  it("hashes with a key of its own: not a plain SHA-256, and another emulator's hash differs", async () => {
    const one = await startDemo();
    const two = await startDemo();
    try {
      const plain = createHash("sha256").update(TOKEN).digest("hex");
      assert.match(one.clientTokenHash(TOKEN), /^[0-9a-f]{64}$/);
      assert.notEqual(one.clientTokenHash(TOKEN), plain);
      assert.notEqual(one.clientTokenHash(TOKEN), two.clientTokenHash(TOKEN));
    } finally {
      await one.stop();
      await two.stop();
    }
  });

  it("reads a state file of 0.1.0 (raw tokens), keeps its idempotency and writes it again without them", async () => {
    const contactId = "0f8fad5b-d9cb-469f-a165-70867728950e";
    const nowMs = Date.now();
    writeFileSync(
      stateFile,
      JSON.stringify({
        format: "connect-emulator-state",
        version: 1,
        clockOffsetMs: 0,
        instances: [],
        contacts: [
          {
            contactId,
            arn: `arn:aws:connect:us-east-1:123456789012:instance/${DEMO_INSTANCE_ID}/contact/${contactId}`,
            instanceId: DEMO_INSTANCE_ID,
            contactFlowId: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
            clientToken: TOKEN,
            initiationMs: nowMs,
            chatDurationInMinutes: 1500,
            sourcePhoneNumberArn: startInput().SourceEndpoint?.Address,
            destinationAddressMasked: "+*********00",
            attributes: {},
            segmentAttributes: {},
          },
        ],
        tokens: [
          { instanceId: DEMO_INSTANCE_ID, clientToken: TOKEN, contactId, firstSeenMs: nowMs },
        ],
      }),
    );
    const emulator = await startDemo({ stateFile });
    try {
      assert.equal(readFileSync(stateFile, "utf8").includes(TOKEN), false);
      assert.equal(emulator.contacts()[0].clientTokenHash, emulator.clientTokenHash(TOKEN));
      assert.equal(await start(emulator), contactId);
      assert.equal(emulator.contacts().length, 1);
    } finally {
      await emulator.stop();
    }
  });

  it("fails to start on a state file of its own whose key is damaged, advising deletion", async () => {
    writeFileSync(
      stateFile,
      JSON.stringify({
        format: "connect-emulator-state",
        version: 2,
        clientTokenKey: "c2hvcnQ=",
        clockOffsetMs: 0,
        instances: [],
        contacts: [],
        tokens: [],
      }),
    );
    await assert.rejects(startDemo({ stateFile }), {
      message: `The emulator state file ${stateFile} was written by connect-emulator but is damaged or of another version. Delete it to start with an empty state.`,
    });
  });
});
