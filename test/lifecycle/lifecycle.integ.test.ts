/**
 * The life of a contact through the real provider host and the Amazon Connect emulator: preview,
 * up, up again, changes, refresh and destroy, counted from the emulator's own record.
 */
import { strict as assert } from "assert";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { ConnectEmulator, DEMO_INSTANCE_ID, DEMO_REGION } from "../../emulator";
import { awsEnv, UNKNOWN } from "../../harness";
import * as pulumi from "@pulumi/pulumi";
import { OutboundChatContact } from "../../provider";
import {
  assertSucceeded,
  countOf,
  DESTINATION,
  opsOf,
  Stack,
  startEmulator,
  TOKEN,
  totalCalls,
  welcomeArgs,
  welcomeProgram,
} from "./fixtures";

const TWO = { first: {}, second: {} };

/** A resource of another provider, which the engine driver does not create: its id stays unknown in a preview. */
class Instance extends pulumi.CustomResource {
  declare public readonly arn: pulumi.Output<string>;

  constructor(name: string) {
    super("aws:connect/instance:Instance", name, { arn: undefined });
  }
}

describe("lifecycle through the provider host and the emulator", function () {
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

  describe("preview", () => {
    let traceFile: string;
    let traced: Stack;

    beforeEach(async () => {
      traceFile = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "trace-")), "loaded.txt");
      traced = await Stack.start({
        emulator,
        env: {
          ...awsEnv(emulator),
          NODE_OPTIONS: `--require ${path.join(__dirname, "..", "..", "harness", "trace-require.js")}`,
          TRACE_REQUIRE_FILE: traceFile,
        },
      });
    });
    afterEach(async () => {
      await traced.stop();
      await fs.rm(path.dirname(traceFile), { recursive: true, force: true });
    });

    it("of a new program calls nothing and never loads the AWS SDK", async () => {
      const reports = await traced.preview(welcomeProgram(TWO));
      assertSucceeded(reports);
      assert.deepEqual(opsOf(reports), [
        ["first", "create"],
        ["second", "create"],
      ]);
      assert.equal(totalCalls(emulator), 0);
      assert.equal(traced.engine.resources.length, 0);
      assert.equal(await fs.readFile(traceFile, "utf8"), "");

      // The tracer does see the SDK once a create loads it.
      assertSucceeded(await traced.up(welcomeProgram(TWO)));
      assert.match(await fs.readFile(traceFile, "utf8"), /@aws-sdk\/client-connect/);
    });

    it("passes over inputs not known yet and makes no call", async () => {
      const program = () => {
        // An instance made in the same program: its ARN is unknown until it exists.
        const instance = new Instance("instance");
        new OutboundChatContact("welcome", {
          ...welcomeArgs(),
          instanceId: instance.id,
          initialSystemMessage: {
            contentType: "text/plain",
            content: instance.id.apply((id) => `Welcome to ${id}`),
          },
        });
      };
      const registrations = await traced.run(program, true);
      const welcome = registrations.find((registration) => registration.name === "welcome");
      assert.equal(welcome?.inputs.instanceId, UNKNOWN);
      // The class wraps the message in a secret: an output not wholly known is unknown as a whole.
      assert.equal(welcome?.inputs.initialSystemMessage, UNKNOWN);
      const reports = await traced.engine.preview(registrations);
      assertSucceeded(reports);
      assert.deepEqual(opsOf(reports), [["welcome", "create"]]);
      assert.equal(totalCalls(emulator), 0);
      assert.equal(await fs.readFile(traceFile, "utf8"), "");
    });

    it("of a change diffs without calling", async () => {
      assertSucceeded(await stack.up(welcomeProgram(TWO)));
      const before = totalCalls(emulator);
      const reports = await stack.preview(
        welcomeProgram({ first: { message: "Changed" }, second: { attributes: { a: "b" } } }),
      );
      assertSucceeded(reports);
      assert.deepEqual(opsOf(reports), [
        ["first", "replace"],
        ["second", "update"],
      ]);
      assert.equal(totalCalls(emulator), before);
    });
  });

  describe("up", () => {
    it("starts exactly one contact per resource, with the derived token, and stores the outputs", async () => {
      const reports = await stack.up(welcomeProgram(TWO));
      assertSucceeded(reports);
      assert.deepEqual(opsOf(reports), [
        ["first", "create"],
        ["second", "create"],
      ]);
      assert.deepEqual(emulator.calls().counts, {
        StartOutboundChatContact: { ok: 2 },
        // one per create, to make sure the answer is not a contact that ended before it
        DescribeContact: { ok: 2 },
      });
      const contacts = emulator.contacts();
      assert.equal(contacts.length, 2);
      for (const name of ["first", "second"]) {
        const resource = stack.engine.get(name);
        const outputs = stack.outputs(name);
        const contact = contacts.find((candidate) => candidate.contactId === resource?.id);
        assert.ok(contact, `no contact ${resource?.id} for ${name}`);
        assert.match(String(outputs.clientToken), TOKEN);
        assert.deepEqual(
          {
            contactId: outputs.contactId,
            clientTokenHash: emulator.clientTokenHash(outputs.clientToken as string),
            clientTokenSource: outputs.clientTokenSource,
            region: outputs.region,
            instanceId: outputs.instanceId,
          },
          {
            contactId: contact.contactId,
            clientTokenHash: contact.clientTokenHash,
            clientTokenSource: "derived",
            region: DEMO_REGION,
            instanceId: DEMO_INSTANCE_ID,
          },
        );
        assert.equal(contact.state, "active");
        assert.deepEqual(resource?.secretOutputs.includes("destinationEndpoint"), true);
      }
      assert.notEqual(stack.outputs("first").clientToken, stack.outputs("second").clientToken);
      assert.ok(!stack.host.stderr.includes(DESTINATION), "the host logged the phone number");
      assert.ok(!stack.host.stdout.includes(DESTINATION), "the host printed the phone number");
    });

    it("again with nothing changed calls nothing", async () => {
      assertSucceeded(await stack.up(welcomeProgram(TWO)));
      const before = totalCalls(emulator);
      const reports = await stack.up(welcomeProgram(TWO));
      assertSucceeded(reports);
      assert.deepEqual(opsOf(reports), [
        ["first", "same"],
        ["second", "same"],
      ]);
      assert.equal(totalCalls(emulator), before);
      assert.equal(emulator.contacts().length, 2);
    });

    it("with a new host (a new `pulumi up`) and nothing changed calls nothing", async () => {
      assertSucceeded(await stack.up(welcomeProgram(TWO)));
      await stack.restartHost();
      assertSucceeded(await stack.up(welcomeProgram(TWO)));
      assert.deepEqual(emulator.calls().counts, {
        StartOutboundChatContact: { ok: 2 },
        // one per create, to make sure the answer is not a contact that ended before it
        DescribeContact: { ok: 2 },
      });
    });
  });

  describe("a change", () => {
    for (const [what, changed] of [
      ["of the message content", { message: "Welcome back!" }],
      ["of the triggers", { triggers: ["release-2"] }],
    ] as const) {
      it(`${what} starts one new contact and stops the old one`, async () => {
        assertSucceeded(await stack.up(welcomeProgram(TWO)));
        const oldId = stack.engine.get("first")?.id;
        const oldToken = stack.outputs("first").clientToken;
        const reports = await stack.up(welcomeProgram({ first: changed, second: {} }));
        assertSucceeded(reports);
        assert.deepEqual(opsOf(reports), [
          ["first", "replace"],
          ["second", "same"],
        ]);
        assert.deepEqual(emulator.calls().counts, {
          StartOutboundChatContact: { ok: 3 },
          DescribeContact: { ok: 3 },
          StopContact: { ok: 1 },
        });
        const newId = stack.engine.get("first")?.id;
        assert.notEqual(newId, oldId);
        assert.notEqual(stack.outputs("first").clientToken, oldToken);
        assert.match(String(stack.outputs("first").clientToken), TOKEN);
        const states = Object.fromEntries(
          emulator.contacts().map((contact) => [contact.contactId, contact.state]),
        );
        assert.equal(states[String(oldId)], "stopped");
        assert.equal(states[String(newId)], "active");
        assert.equal(stack.engine.resources.length, 2);
      });
    }

    it("of the attributes updates the same contact and starts none", async () => {
      assertSucceeded(await stack.up(welcomeProgram({ first: { attributes: { tier: "gold" } } })));
      const id = stack.engine.get("first")?.id;
      const reports = await stack.up(
        welcomeProgram({ first: { attributes: { campaign: "spring" } } }),
      );
      assertSucceeded(reports);
      assert.deepEqual(opsOf(reports), [["first", "update"]]);
      assert.deepEqual(emulator.calls().counts, {
        StartOutboundChatContact: { ok: 1 },
        DescribeContact: { ok: 1 },
        UpdateContactAttributes: { ok: 1 },
      });
      assert.equal(stack.engine.get("first")?.id, id);
      const [contact] = emulator.contacts();
      assert.equal(contact.contactId, id);
      // UpdateContactAttributes merges: the removed key is emptied.
      assert.deepEqual(contact.attributes, { campaign: "spring", tier: "" });
      assert.deepEqual(stack.outputs("first").attributes, { campaign: "spring" });
      assert.equal(stack.outputs("first").contactId, id);
    });
  });

  describe("refresh", () => {
    it("fills in when the contact started, then when it ended once the chat is over", async () => {
      assertSucceeded(await stack.up(welcomeProgram({ first: {} })));
      assertSucceeded(await stack.engine.refresh());
      const [contact] = emulator.contacts();
      assert.equal(
        stack.outputs("first").initiationTimestamp,
        new Date(contact.initiationTimestamp).toISOString(),
      );
      assert.equal(stack.outputs("first").disconnectTimestamp, undefined);

      emulator.advanceClock((contact.chatDurationInMinutes + 1) * 60_000);
      const reports = await stack.engine.refresh();
      assertSucceeded(reports);
      assert.deepEqual(opsOf(reports), [["first", "read"]]);
      const [ended] = emulator.contacts();
      assert.equal(ended.state, "expired");
      assert.ok(ended.disconnectTimestamp !== undefined);
      assert.equal(
        stack.outputs("first").disconnectTimestamp,
        new Date(ended.disconnectTimestamp).toISOString(),
      );
      // one by the create, one by each refresh
      assert.equal(countOf(emulator, "DescribeContact"), 3);
      assert.equal(countOf(emulator, "StartOutboundChatContact"), 1);
    });
  });

  describe("destroy", () => {
    it("stops every active contact and empties the stack", async () => {
      assertSucceeded(await stack.up(welcomeProgram(TWO)));
      const reports = await stack.engine.destroy();
      assertSucceeded(reports);
      assert.deepEqual(opsOf(reports), [
        ["first", "delete"],
        ["second", "delete"],
      ]);
      assert.equal(countOf(emulator, "StopContact"), 2);
      assert.deepEqual(
        emulator.contacts().map((contact) => contact.state),
        ["stopped", "stopped"],
      );
      assert.equal(stack.engine.resources.length, 0);
    });

    it("succeeds again for contacts already stopped", async () => {
      assertSucceeded(await stack.up(welcomeProgram(TWO)));
      const saved = stack.engine.resources.map((resource) => ({ ...resource }));
      assertSucceeded(await stack.engine.destroy());
      stack.engine.resources = saved;
      const reports = await stack.engine.destroy();
      assertSucceeded(reports);
      assert.equal(stack.engine.resources.length, 0);
      assert.equal(emulator.contacts().length, 2);
    });

    it("succeeds for contacts the emulator already ended", async () => {
      assertSucceeded(await stack.up(welcomeProgram(TWO)));
      const [contact] = emulator.contacts();
      emulator.advanceClock((contact.chatDurationInMinutes + 1) * 60_000);
      const reports = await stack.engine.destroy();
      assertSucceeded(reports);
      assert.equal(stack.engine.resources.length, 0);
      assert.deepEqual(
        emulator.contacts().map((ended) => ended.state),
        ["expired", "expired"],
      );
    });
  });
});
