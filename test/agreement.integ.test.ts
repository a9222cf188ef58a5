/**
 * Issue 9.12: the provider's check and the emulator agree on every rule both encode. For inputs
 * generated around each rule (lengths, enums, E.164, content types, key characters, ranges), check
 * accepts them exactly when the emulator accepts the request the provider would send, except where
 * the provider is deliberately stricter: each such rule is named below, and a disagreement that no
 * named rule explains fails the test. The emulator imports nothing from the provider; this test
 * is where the two meet.
 */
import { strict as assert } from "assert";
import fc from "fast-check";
import { ConnectClient, StartOutboundChatContactCommand } from "@aws-sdk/client-connect";
import type { ConnectEmulator } from "../emulator";
import { toStartRequest } from "../provider/request";
import { ContactInputs } from "../provider/types";
import { validateInputs } from "../provider/validation/inputs";
import { connectClient, startDemo } from "./emulator/fixtures";
import { validInputs } from "./fixtures";

type Raw = Record<string, unknown>;
type Mutation = (inputs: Raw) => void;

const E164 = /^\+[1-9][0-9]{1,14}$/;

/**
 * Where the provider refuses what the emulator (and the API reference) accepts, on purpose. Each
 * returns true when it explains a problem the provider reported at `property` for `inputs`.
 */
const STRICTER: Readonly<Record<string, (property: string, inputs: Raw) => boolean>> = {
  // libphonenumber: the number must be a valid number of its country, not only E.164-shaped.
  "destination is a valid number of its country": (property, inputs) =>
    property === "destinationEndpoint.address" &&
    E164.test(String((inputs.destinationEndpoint as Raw).address)),
  // StartOutboundChatContact's Attributes document no key rule; UpdateContactAttributes' does,
  // and the provider sends the same keys there later.
  "attribute keys are alphanumeric, - and _ (as UpdateContactAttributes requires)": (property) =>
    property.startsWith("attributes["),
};

const CONTENT_LIMITS: Readonly<Record<string, number>> = {
  "text/plain": 1024,
  "text/markdown": 1024,
  "application/json": 12000,
  "application/vnd.amazonaws.connect.message.interactive.response": 12288,
};

const text = (lengths: number[]): fc.Arbitrary<string> =>
  fc.constantFrom(...lengths).map((length) => "a".repeat(length));

/** One mutation of valid inputs per rule family; each family varies around its rule's edges. */
const MUTATIONS: fc.Arbitrary<[string, Mutation]> = fc.oneof(
  fc
    .oneof(
      fc.constantFrom("+14155550100", "+442079460958", "+4915112345678", "+10000000000", "+1415"),
      fc.constantFrom("14155550100", "+1 415 555 0100", "+1.415.555.0100", "+014155550100"),
      fc.stringMatching(/^\+?[0-9]{1,17}$/),
    )
    .map((address): [string, Mutation] => [
      `destination ${address}`,
      (i) => ((i.destinationEndpoint as Raw).address = address),
    ]),
  fc
    .tuple(
      fc.constantFrom(...Object.keys(CONTENT_LIMITS), "text/html", "text/PLAIN"),
      fc.constantFrom(0, 1, 1024, 1025, 12000, 12001, 12288, 12289),
    )
    .map(([contentType, length]): [string, Mutation] => [
      `message ${contentType} of ${length}`,
      (i) => (i.initialSystemMessage = { contentType, content: "m".repeat(length) }),
    ]),
  fc
    .oneof(fc.constantFrom(0, 59, 60, 61, 10079, 10080, 10081), fc.integer({ min: -5, max: 20000 }))
    .map((minutes): [string, Mutation] => [
      `chatDurationInMinutes ${minutes}`,
      (i) => (i.chatDurationInMinutes = minutes),
    ]),
  text([0, 1, 255, 256, 257]).map((name): [string, Mutation] => [
    `displayName of ${name.length}`,
    (i) => (i.participantDetails = { displayName: name }),
  ]),
  text([0, 1, 256, 257]).map((id): [string, Mutation] => [
    `relatedContactId of ${id.length}`,
    (i) => (i.relatedContactId = id),
  ]),
  text([1, 499, 500, 501]).map((token): [string, Mutation] => [
    `clientToken of ${token.length}`,
    (i) => (i.clientToken = token),
  ]),
  fc
    .oneof(
      fc.stringMatching(/^(connect:)?[A-Za-z0-9_. !:ü-]{1,12}$/),
      fc.constantFrom("k".repeat(128), "k".repeat(129), "connect:Custom", "tier"),
    )
    .map((key): [string, Mutation] => [
      `segment key ${JSON.stringify(key)}`,
      (i) => (i.segmentAttributes = { [key]: { valueString: "v" } }),
    ]),
  fc
    .oneof(
      fc.constantFrom(2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 0),
      fc.integer({ min: -(2 ** 33), max: 2 ** 33 }),
    )
    .map((value): [string, Mutation] => [
      `valueInteger ${value}`,
      (i) => (i.segmentAttributes = { tier: { valueInteger: value } }),
    ]),
  fc
    .tuple(fc.constantFrom("tier", "connect:Custom"), fc.constantFrom("valueList", "valueArn"))
    .map(([key, member]): [string, Mutation] => [
      `${member} under ${key}`,
      (i) =>
        (i.segmentAttributes = {
          [key]:
            member === "valueList"
              ? { valueList: [{ valueString: "a" }] }
              : { valueArn: "arn:aws:connect:us-east-1:123456789012:instance/x" },
        }),
    ]),
  fc
    .constantFrom("connect:SMS", "connect:WhatsApp", "connect:Email", "connect:sms", "SMS")
    .map((subtype): [string, Mutation] => [
      `connect:Subtype ${subtype}`,
      (i) => {
        delete i.channel;
        i.segmentAttributes = { "connect:Subtype": { valueString: subtype } };
      },
    ]),
  fc
    .subarray([
      "text/plain",
      "text/markdown",
      "application/json",
      "application/vnd.amazonaws.connect.message.interactive",
      "application/vnd.amazonaws.connect.message.interactive.response",
      "text/html",
    ])
    .map((types): [string, Mutation] => [
      `supportedMessagingContentTypes ${types.join(",")}`,
      (i) => (i.supportedMessagingContentTypes = types),
    ]),
  fc
    .stringMatching(/^[A-Za-z0-9_. !-]{1,10}$/)
    .map((key): [string, Mutation] => [
      `attribute key ${JSON.stringify(key)}`,
      (i) => (i.attributes = { [key]: "v" }),
    ]),
);

describe("the provider's check and the emulator agree (9.12)", function () {
  this.timeout(120_000);
  let emulator: ConnectEmulator;
  let client: ConnectClient;

  before(async () => {
    emulator = await startDemo({ activeChatLimit: 1_000_000 });
    client = connectClient(emulator);
  });
  after(async () => {
    client.destroy();
    await emulator.stop();
  });

  it("check accepts exactly what the emulator accepts, but for the named stricter rules", async () => {
    const explained: Record<string, number> = {};
    let agreements = 0;
    await fc.assert(
      fc.asyncProperty(MUTATIONS, async ([label, mutate]) => {
        const inputs = JSON.parse(JSON.stringify(validInputs())) as Raw;
        mutate(inputs);
        const problems = validateInputs(inputs);
        const request = toStartRequest(inputs as unknown as ContactInputs);
        const clientToken = inputs.clientToken as string | undefined;
        let emulatorAccepts = true;
        let emulatorSays = "";
        try {
          const { ContactId } = await client.send(
            new StartOutboundChatContactCommand({
              ...request,
              ...(clientToken === undefined ? {} : { ClientToken: clientToken }),
            }),
          );
          // An answer without a contact is no acceptance (a mocked client answers nothing).
          assert.match(ContactId ?? "", /^[0-9a-f-]{36}$/, `${label}: no ContactId`);
        } catch (error) {
          if (error instanceof assert.AssertionError) {
            throw error;
          }
          emulatorSays = `${(error as Error).name}: ${(error as Error).message}`;
          emulatorAccepts = !/InvalidRequestException|SerializationException/.test(emulatorSays);
        }
        const providerAccepts = problems.length === 0;
        assert.ok(
          !providerAccepts || emulatorAccepts,
          `${label}: check accepted what the emulator refused (${emulatorSays})`,
        );
        if (emulatorAccepts && !providerAccepts) {
          for (const { property } of problems) {
            const rule = Object.keys(STRICTER).find((name) => STRICTER[name](property, inputs));
            assert.ok(
              rule !== undefined,
              `${label}: check refused ${property}, which the emulator accepts, and no named ` +
                `stricter rule explains it: ${problems.map((p) => p.reason).join(" | ")}`,
            );
            explained[rule] = (explained[rule] ?? 0) + 1;
          }
        } else {
          agreements++;
        }
      }),
      { numRuns: 400, seed: 9_12 },
    );
    // The run covered agreements, and the property had cases to judge.
    assert.ok(agreements > 300, `${agreements} agreements`);
  });
});
