/**
 * Crash safety: whatever happens between the service starting a contact and the engine recording
 * it, the next `up` ends with exactly one contact.
 */
import { strict as assert } from "assert";
import { ConnectEmulator } from "../../emulator";
import { HostCallError } from "../../harness";
import { assertSucceeded, countOf, opsOf, Stack, startEmulator, welcomeProgram } from "./fixtures";

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting until ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("crash safety", function () {
  this.timeout(60_000);
  let emulator: ConnectEmulator;
  let stack: Stack;

  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.stop());

  beforeEach(async () => {
    emulator.reset();
    stack = await Stack.start({ emulator });
  });
  afterEach(() => stack.stop());

  it("a connection dropped after the contact started ends, after a fresh up, with exactly one contact", async () => {
    emulator.setFault({ operation: "StartOutboundChatContact", kind: "drop-after" });
    const [first] = await stack.up(welcomeProgram({ welcome: {} }));
    assert.equal(countOf(emulator, "StartOutboundChatContact", "dropped-after"), 1);
    // The SDK retries the hang-up (a retryable network error) with the same token, and the
    // service answers with the contact it had started: the create succeeds on its own, once.
    assert.equal(first.error, undefined, String(first.error));
    assert.equal(first.op, "create");
    assert.equal(countOf(emulator, "StartOutboundChatContact"), 1);
    assert.equal(emulator.contacts().length, 1);
    assert.equal(stack.engine.get("welcome")?.id, emulator.contacts()[0].contactId);

    await stack.restartHost();
    assertSucceeded(await stack.up(welcomeProgram({ welcome: {} })));
    const contacts = emulator.contacts();
    assert.equal(contacts.length, 1);
    assert.equal(stack.engine.get("welcome")?.id, contacts[0].contactId);
    assert.equal(
      emulator.clientTokenHash(stack.outputs("welcome").clientToken as string),
      contacts[0].clientTokenHash,
    );
  });

  it("a host killed after the contact started but before the answer ends, after a fresh up, with exactly one contact", async () => {
    emulator.setFault({ operation: "StartOutboundChatContact", kind: "delay", delayMs: 1_500 });
    const up = stack.up(welcomeProgram({ welcome: {} }));
    // The request has reached the emulator (its fault is taken) and waits there: kill the host.
    await until(() => emulator.faults().length === 0, "the emulator holds the request");
    await stack.host.kill();
    const [report] = await up;
    assert.ok(report.error instanceof HostCallError, "the create must fail with the host gone");
    assert.equal(stack.engine.resources.length, 0);
    // The emulator goes on with the call and starts the contact; the answer goes nowhere.
    await until(() => emulator.contacts().length === 1, "the emulator started the contact");
    assert.equal(countOf(emulator, "StartOutboundChatContact"), 1);

    await stack.restartHost();
    const reports = await stack.up(welcomeProgram({ welcome: {} }));
    assertSucceeded(reports);
    assert.deepEqual(opsOf(reports), [["welcome", "create"]]);
    const contacts = emulator.contacts();
    assert.equal(contacts.length, 1);
    assert.equal(stack.engine.get("welcome")?.id, contacts[0].contactId);
    // The second StartOutboundChatContact was answered with the contact already started.
    assert.equal(countOf(emulator, "StartOutboundChatContact"), 2);
  });
});
