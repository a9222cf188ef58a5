/**
 * The engine with an unbounded `--parallel` against the service's rate limit: 60 creates arrive at once
 * at an emulator admitting 2 StartOutboundChatContact calls a second (burst 5).
 */
import { strict as assert } from "assert";
import { ConnectEmulator } from "../../emulator";
import { assertSucceeded, countOf, Stack, startEmulator, TOKEN, welcomeProgram } from "./fixtures";

const COUNT = 60;

describe("throttling", function () {
  this.timeout(120_000);
  let emulator: ConnectEmulator;
  let stack: Stack;

  before(async () => {
    emulator = await startEmulator();
    stack = await Stack.start({ emulator });
  });
  after(async () => {
    await stack.stop();
    await emulator.stop();
  });

  it(`creates ${COUNT} contacts at once at the default rate, each exactly once`, async () => {
    const specs = Object.fromEntries(
      Array.from({ length: COUNT }, (_, index) => [`welcome-${index}`, {}]),
    );
    const reports = await stack.up(welcomeProgram(specs));
    assertSucceeded(reports);
    assert.equal(reports.filter((report) => report.op === "create").length, COUNT);

    const contacts = emulator.contacts();
    assert.equal(contacts.length, COUNT);
    assert.equal(countOf(emulator, "StartOutboundChatContact"), COUNT);
    const tokens = new Set(
      stack.engine.resources.map((resource) => stack.outputs(resource.name).clientToken),
    );
    assert.equal(tokens.size, COUNT);
    assert.ok([...tokens].every((token) => TOKEN.test(String(token))));
    assert.deepEqual(
      new Set(contacts.map((contact) => contact.clientTokenHash)),
      new Set([...tokens].map((token) => emulator.clientTokenHash(String(token)))),
    );
    const ids = new Set(stack.engine.resources.map((resource) => resource.id));
    assert.deepEqual([...ids].sort(), contacts.map((contact) => contact.contactId).sort());
  });
});
