/**
 * A ClientToken used again within the API's 7 days is answered with the old contact and sends
 * nothing. A create whose answer had already ended says so instead of passing silently.
 */
import { strict as assert } from "assert";
import { ConnectEmulator, DEMO_SEED, startConnectEmulator } from "../../emulator";
import { countOf, DESTINATION, Stack, welcomeProgram } from "./fixtures";

describe("a token used again within 7 days", function () {
  this.timeout(60_000);
  let emulator: ConnectEmulator;
  let stack: Stack;

  before(async () => {
    // The service's clock ten minutes behind this machine's, so a contact stopped in this test
    // ended well before the next create, beyond the clock skew the provider allows for.
    emulator = await startConnectEmulator({ seed: DEMO_SEED, now: () => Date.now() - 10 * 60_000 });
  });
  after(() => emulator.stop());
  beforeEach(async () => {
    emulator.reset();
    stack = await Stack.start({ emulator });
  });
  afterEach(() => stack.stop());

  it("fails loudly when a destroyed resource is declared again unchanged, then sends with new triggers", async () => {
    const program = welcomeProgram({ first: {} });
    await stack.up(program);
    const { clientToken } = stack.outputs("first");
    await stack.engine.destroy();
    const [first] = emulator.contacts();
    assert.equal(first.state, "stopped");

    const [again] = await stack.up(program);
    assert.equal(again.op, "create");
    assert.match(
      again.error?.message ?? "",
      new RegExp(
        `answered with contact ${first.contactId}, which had ended at .*no message was sent now\\. To send it again, change \`triggers\``,
      ),
    );
    assert.equal(again.error?.message.includes(DESTINATION), false);
    // 9.1: the token is a digest of the URN and the inputs; it never appears in the error.
    assert.equal(typeof clientToken, "string");
    assert.equal(again.error?.message.includes(clientToken as string), false);
    assert.equal(stack.engine.get("first"), undefined);
    assert.equal(emulator.contacts().length, 1);

    const resent = await stack.up(welcomeProgram({ first: { triggers: ["again"] } }));
    assert.equal(resent[0].error, undefined);
    assert.equal(emulator.contacts().length, 2);
    assert.equal(countOf(emulator, "StartOutboundChatContact"), 3);
  });

  it("fails loudly when the inputs go back to earlier values", async () => {
    await stack.up(welcomeProgram({ first: { message: "A" } }));
    await stack.up(welcomeProgram({ first: { message: "B" } }));
    const [back] = await stack.up(welcomeProgram({ first: { message: "A" } }));
    assert.equal(back.op, "replace");
    assert.match(back.error?.message ?? "", /no message was sent now/);
    assert.equal(emulator.contacts().length, 2);
    assert.equal(
      emulator.contacts().filter((contact) => contact.state === "active").length,
      1,
      "the contact of B is not stopped when its replacement failed",
    );
  });
});
