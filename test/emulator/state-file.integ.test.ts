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

  it("fails to start when the state file is not JSON, naming the file and the fix", async () => {
    writeFileSync(stateFile, "not json");
    await assert.rejects(startDemo({ stateFile }), {
      message: `The emulator state file ${stateFile} is not valid JSON. Delete it to start with an empty state.`,
    });
  });
});
