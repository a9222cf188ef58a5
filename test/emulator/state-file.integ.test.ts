import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  DescribeContactCommand,
  StartOutboundChatContactCommand,
  StopContactCommand,
} from "@aws-sdk/client-connect";
import { startConnectEmulator } from "../../emulator";
import { connectClient, DEMO_INSTANCE_ID, DESTINATION, startDemo, startInput } from "./fixtures";

describe("emulator state file", () => {
  let directory: string;
  let stateFile: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "connect-emulator-"));
    stateFile = join(directory, "state.json");
  });

  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it("keeps contacts, tokens and the clock offset across a restart", async () => {
    const first = await startDemo({ stateFile });
    let client = connectClient(first);
    const { ContactId } = await client.send(
      new StartOutboundChatContactCommand(startInput({ ClientToken: "persisted" })),
    );
    first.advanceClock(60_000);
    const clockBefore = first.now();
    client.destroy();
    await first.stop();

    const second = await startDemo({ stateFile });
    client = connectClient(second);
    try {
      const { Contact } = await client.send(
        new DescribeContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId }),
      );
      assert.equal(Contact?.Id, ContactId);
      const replay = await client.send(
        new StartOutboundChatContactCommand(startInput({ ClientToken: "persisted" })),
      );
      assert.equal(replay.ContactId, ContactId);
      assert.ok(second.now() - clockBefore >= 0 && second.now() - clockBefore < 10_000);
      await client.send(new StopContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId }));
    } finally {
      client.destroy();
      await second.stop();
    }
    const third = await startConnectEmulator({ stateFile });
    try {
      assert.equal(third.contacts()[0].state, "stopped");
    } finally {
      await third.stop();
    }
  });

  it("never writes the destination number to the state file", async () => {
    const emulator = await startDemo({ stateFile });
    const client = connectClient(emulator);
    await client.send(new StartOutboundChatContactCommand(startInput()));
    client.destroy();
    await emulator.stop();
    const text = readFileSync(stateFile, "utf8");
    assert.ok(!text.includes(DESTINATION));
    assert.ok(text.includes("+*********00"));
  });

  // 9.10: a file the emulator did not write is never advised for deletion, nor quoted.
  for (const [label, content] of [
    ["not JSON", "not json, +14155550100"],
    ["JSON of something else", JSON.stringify({ customers: ["+14155550100"], apiKey: "s3cr3t" })],
  ] as const) {
    it(`fails to start when the state file is ${label}, without advising to delete it or quoting it (9.10)`, async () => {
      writeFileSync(stateFile, content);
      const error = await startDemo({ stateFile }).then(
        () => assert.fail("started"),
        (e: Error) => e,
      );
      assert.equal(
        error.message,
        `${stateFile} is not an emulator state file (it was not written by connect-emulator), so ` +
          "it is left as it is. Give --state-file a path of its own: a new file is created there.",
      );
      assert.equal(readFileSync(stateFile, "utf8"), content);
    });
  }

  it("advises deleting only a file of its own that is damaged (9.10)", async () => {
    writeFileSync(stateFile, JSON.stringify({ format: "connect-emulator-state", version: 2 }));
    await assert.rejects(startDemo({ stateFile }), {
      message: `The emulator state file ${stateFile} was written by connect-emulator but is damaged or of another version. Delete it to start with an empty state.`,
    });
  });

  it("fails at start-up, not at the first create, when the state file cannot be written (9.10)", async () => {
    const unwritable = join(stateFile, "..", "missing-folder", "state.json");
    await assert.rejects(startDemo({ stateFile: unwritable }), {
      message: `Cannot write the emulator state file ${unwritable} (ENOENT): choose a path in a folder the emulator can write to.`,
    });
  });

  it("marks the files it writes as its own, from the start", async () => {
    const emulator = await startDemo({ stateFile });
    await emulator.stop();
    const written = JSON.parse(readFileSync(stateFile, "utf8")) as {
      format: string;
      version: number;
    };
    assert.equal(written.format, "connect-emulator-state");
    assert.equal(written.version, 2);
  });
});
