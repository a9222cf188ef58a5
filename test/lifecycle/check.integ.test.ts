/**
 * Bad input through the host: Check reports each problem with its property path, and nothing
 * reaches the service.
 */
import { strict as assert } from "assert";
import { ConnectEmulator, DEMO_PHONE_NUMBER_ARN } from "../../emulator";
import { brokenInputs, INVALID_INPUT_ROWS } from "../invalid-inputs";
import { ContactSpec, Stack, startEmulator, totalCalls, welcomeProgram } from "./fixtures";

interface Row {
  /** Completes "fails when …". */
  readonly name: string;
  readonly args: ContactSpec["args"];
  /** The property paths of the problems, sorted. */
  readonly properties: readonly string[];
}

const rows: readonly Row[] = [
  { name: "instanceId is a number", args: { instanceId: 42 }, properties: ["instanceId"] },
  {
    name: "instanceId has a slash",
    args: { instanceId: "instance/abc" },
    properties: ["instanceId"],
  },
  {
    name: "contactFlowId is too long",
    args: { contactFlowId: "f".repeat(501) },
    properties: ["contactFlowId"],
  },
  {
    name: "sourceEndpoint.address is a phone number",
    args: { sourceEndpoint: { address: "+12065550123" } },
    properties: ["sourceEndpoint.address"],
  },
  {
    name: "destinationEndpoint.address is not E.164",
    args: { destinationEndpoint: { address: "4155550100" } },
    properties: ["destinationEndpoint.address"],
  },
  {
    name: "destinationEndpoint.type is the source's type",
    args: { destinationEndpoint: { type: "CONNECT_PHONENUMBER_ARN", address: "+14155550100" } },
    properties: ["destinationEndpoint.type"],
  },
  { name: "channel is Email", args: { channel: "Email" }, properties: ["channel"] },
  {
    name: "initialSystemMessage.content is empty",
    args: { initialSystemMessage: { contentType: "text/plain", content: "" } },
    properties: ["initialSystemMessage.content"],
  },
  {
    name: "initialSystemMessage.contentType is text/html",
    args: { initialSystemMessage: { contentType: "text/html", content: "<p>Hi</p>" } },
    properties: ["initialSystemMessage.contentType"],
  },
  {
    name: "chatDurationInMinutes is 59",
    args: { chatDurationInMinutes: 59 },
    properties: ["chatDurationInMinutes"],
  },
  {
    name: "an attribute key has a space",
    args: { attributes: { "order id": "A-1" } },
    properties: ['attributes["order id"]'],
  },
  { name: "onDelete is keep", args: { onDelete: "keep" }, properties: ["onDelete"] },
  {
    name: "two things are wrong at once",
    args: { channel: "Email", sourceEndpoint: { address: DEMO_PHONE_NUMBER_ARN, type: "PHONE" } },
    properties: ["channel", "sourceEndpoint.type"],
  },
];

describe("bad input through the host", function () {
  this.timeout(60_000);
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

  it("fails each invalid resource at Check with its property paths, and calls nothing", async () => {
    const specs = Object.fromEntries(
      rows.map((row, index) => [`bad-${index}`, { args: row.args }]),
    );
    const reports = await stack.up(welcomeProgram(specs));
    const byName = new Map(reports.map((report) => [report.name, report]));
    const actual = rows.map((row, index) => ({
      name: row.name,
      op: byName.get(`bad-${index}`)?.op,
      error: byName.get(`bad-${index}`)?.error?.message,
      properties: (byName.get(`bad-${index}`)?.failures ?? []).map((f) => f.property).sort(),
    }));
    const expected = rows.map((row) => ({
      name: row.name,
      op: "create",
      error: undefined,
      properties: [...row.properties].sort(),
    }));
    assert.deepEqual(actual, expected);
    assert.ok(
      reports.every((report) =>
        (report.failures ?? []).every((failure) => failure.reason.length > 20),
      ),
      "every failure says what is wrong",
    );
    assert.equal(totalCalls(emulator), 0);
    assert.equal(stack.engine.resources.length, 0);
  });

  it(`fails every row of the validators' table (${INVALID_INPUT_ROWS.length}) at the host's Check with its one property path`, async () => {
    const [valid] = await stack.run(welcomeProgram({ probe: {} }));
    const results = await Promise.all(
      INVALID_INPUT_ROWS.map(async (row) => {
        const news = {
          ...brokenInputs(row),
          __urn: valid.urn,
          __provider: valid.inputs.__provider,
        };
        const { failures } = await stack.host.check(valid.urn, {}, news);
        return { name: row.name, properties: failures.map((failure) => failure.property) };
      }),
    );
    assert.deepEqual(
      results,
      INVALID_INPUT_ROWS.map((row) => ({ name: row.name, properties: [row.property] })),
    );
    assert.equal(totalCalls(emulator), 0);
  });

  it("creates a valid resource of the same program once the invalid one is fixed", async () => {
    const reports = await stack.up(welcomeProgram({ fixed: {} }));
    assert.deepEqual(
      reports.map((report) => [report.name, report.op, report.failures, report.error?.message]),
      [["fixed", "create", undefined, undefined]],
    );
    assert.equal(emulator.contacts().length, 1);
  });
});
