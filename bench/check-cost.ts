/**
 * `npm run bench:check`: what the provider's own Check and Diff cost for hostile inputs of 10 MB
 * (a string or a key in each place one can go), in-process, without the host's decoding. The goal
 * (issue 18.4) is under 100 ms each. Nothing here asserts: it prints a table.
 */
import * as lifecycle from "../provider/lifecycle";
import { ContactInputs, ContactOutputs } from "../provider/types";
import { DEMO_PHONE_NUMBER_ARN as SOURCE_PHONE_NUMBER_ARN } from "../emulator";

const BIG = "x".repeat(10 * 1024 * 1024);
const base: Record<string, unknown> = {
  instanceId: "11111111-2222-3333-4444-555555555555",
  contactFlowId: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
  sourceEndpoint: { address: SOURCE_PHONE_NUMBER_ARN },
  destinationEndpoint: { address: "+14155550100" },
  channel: "SMS",
  initialSystemMessage: { contentType: "text/plain", content: "Welcome aboard!" },
};
const stored = {
  ...base,
  contactId: "c-1",
  clientToken: "t",
  clientTokenSource: "derived",
  region: "us-east-1",
} as unknown as ContactOutputs;

const CASES: [string, Record<string, unknown>][] = [
  ["an attribute value", { attributes: { a: BIG } }],
  ["an attribute key", { attributes: { [BIG]: "v" } }],
  ["the message", { initialSystemMessage: { contentType: "text/plain", content: BIG } }],
  ["instanceId", { instanceId: BIG }],
  ["the destination", { destinationEndpoint: { address: BIG } }],
  ["a segment attribute key", { segmentAttributes: { [BIG]: { valueString: "a" } } }],
  ["a segment attribute value", { segmentAttributes: { "connect:X": { valueString: BIG } } }],
  ["a trigger", { triggers: [BIG] }],
  ["clientToken", { clientToken: BIG }],
];

function millis(run: () => unknown): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

console.log("| 10 MB in | Check (ms) | Diff (ms) |\n| --- | --- | --- |");
for (const [where, overrides] of CASES) {
  const inputs = { ...base, ...overrides } as unknown as ContactInputs;
  // The best of 3, after one run to warm up.
  lifecycle.check({}, inputs);
  const check = Math.min(...[1, 2, 3].map(() => millis(() => lifecycle.check({}, inputs))));
  const diff = Math.min(...[1, 2, 3].map(() => millis(() => lifecycle.diff(stored, inputs))));
  console.log(`| ${where} | ${check.toFixed(1)} | ${diff.toFixed(1)} |`);
}
