import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as path from "path";
import { contactIdentity, deriveClientToken } from "../../provider/request";
import { ContactInputs } from "../../provider/types";
import { validInputs } from "../fixtures";

const URN =
  "urn:pulumi:dev::connect-welcome::pulumi-nodejs:dynamic/connect:OutboundChatContact::welcome";
const REGION = "us-east-1";
/** The token of `validInputs()` at URN, computed once and kept: see the test that pins it. */
const PINNED_TOKEN = "9acee7e1788ca338c3f26dcab049ded0b0fa642f7ed7d257ff31a1f6711d5aa1";

function tokenOf(inputs: ContactInputs, urn = URN, region = REGION): string {
  return deriveClientToken(urn, contactIdentity(inputs, region));
}

describe("deriveClientToken", () => {
  it("is 64 hex characters, well under the API's 500", () => {
    assert.match(tokenOf(validInputs()), /^[0-9a-f]{64}$/);
  });

  it("is the same for the same URN and inputs, whatever the key order", () => {
    const inputs = validInputs();
    const reordered = Object.fromEntries(
      Object.entries(inputs).reverse(),
    ) as unknown as ContactInputs;
    assert.equal(tokenOf(reordered), tokenOf(inputs));
  });

  it("is the same in another process", () => {
    const script = [
      'const { contactIdentity, deriveClientToken } = require("./provider/request");',
      'const { validInputs } = require("./test/fixtures");',
      `process.stdout.write(deriveClientToken(${JSON.stringify(URN)}, contactIdentity(validInputs(), "${REGION}")));`,
    ].join("\n");
    const other = execFileSync(
      process.execPath,
      ["-r", "ts-node/register/transpile-only", "-e", script],
      { cwd: path.resolve(__dirname, "../.."), encoding: "utf8" },
    );
    assert.equal(other, tokenOf(validInputs()));
  });

  it("is the same when a default is spelled out", () => {
    const inputs = validInputs();
    const explicit: ContactInputs = {
      ...inputs,
      sourceEndpoint: { ...inputs.sourceEndpoint, type: "CONNECT_PHONENUMBER_ARN" },
      destinationEndpoint: { ...inputs.destinationEndpoint, type: "TELEPHONE_NUMBER" },
    };
    assert.equal(tokenOf(explicit), tokenOf(inputs));
  });

  it("is the same when the service's defaults are spelled out, and for reordered content types", () => {
    const inputs = validInputs();
    assert.equal(
      tokenOf({
        ...inputs,
        chatDurationInMinutes: 1500,
        supportedMessagingContentTypes: ["text/plain"],
      }),
      tokenOf(inputs),
    );
    assert.equal(
      tokenOf({ ...inputs, supportedMessagingContentTypes: ["text/markdown", "text/plain"] }),
      tokenOf({ ...inputs, supportedMessagingContentTypes: ["text/plain", "text/markdown"] }),
    );
  });

  it("is pinned: a version that derived it otherwise would send again when retrying a create made before an upgrade", () => {
    assert.equal(tokenOf(validInputs()), PINNED_TOKEN);
  });

  it("does not change when only the attributes or onDelete change", () => {
    const inputs = validInputs();
    assert.equal(
      tokenOf({ ...inputs, attributes: { plan: "gold" }, onDelete: "retain" }),
      tokenOf(inputs),
    );
  });

  const contactChanges: [string, (inputs: ContactInputs) => ContactInputs][] = [
    ["the destination", (i) => ({ ...i, destinationEndpoint: { address: "+14155550199" } })],
    [
      "the message content",
      (i) => ({
        ...i,
        initialSystemMessage: { contentType: "text/plain", content: "Hello again" },
      }),
    ],
    ["the contact flow", (i) => ({ ...i, contactFlowId: "bbbbbbbb-bbbb-cccc-dddd-eeeeeeeeeeee" })],
    ["the channel", (i) => ({ ...i, channel: "WhatsApp" })],
    ["the chat duration", (i) => ({ ...i, chatDurationInMinutes: 120 })],
    ["the display name", (i) => ({ ...i, participantDetails: { displayName: "Support" } })],
    ["the triggers", (i) => ({ ...i, triggers: ["release-2"] })],
  ];
  for (const [what, change] of contactChanges) {
    it(`changes when ${what} changes`, () => {
      assert.notEqual(tokenOf(change(validInputs())), tokenOf(validInputs()));
    });
  }

  it("changes with the URN and with the Region", () => {
    const inputs = validInputs();
    assert.notEqual(
      tokenOf(inputs, URN.replace("urn:pulumi:dev::", "urn:pulumi:prod::")),
      tokenOf(inputs),
    );
    assert.notEqual(tokenOf(inputs, URN, "eu-west-2"), tokenOf(inputs));
  });
});

describe("deriveClientToken with a clientTokenKey (HMAC-SHA-256)", () => {
  const KEY = "a-stack-secret-of-the-users-own";
  /** The 10,000 numbers of the destination's exchange, as a search would try them. */
  const exchange = Array.from(
    { length: 10_000 },
    (_, line) => `+1415555${String(line).padStart(4, "0")}`,
  );
  const withDestination = (address: string): ContactInputs => ({
    ...validInputs(),
    destinationEndpoint: { address },
  });
  const DESTINATION = "+14155550123";

  it("differs from the plain digest and from the same text under another key", () => {
    const identity = contactIdentity(validInputs(), REGION);
    const keyed = deriveClientToken(URN, identity, KEY);
    assert.match(keyed, /^[0-9a-f]{64}$/);
    assert.notEqual(keyed, deriveClientToken(URN, identity));
    assert.notEqual(keyed, deriveClientToken(URN, identity, `${KEY}!`));
    assert.equal(keyed, deriveClientToken(URN, identity, KEY));
    // An empty key is no key: the plain digest, so a blank setting changes no token.
    assert.equal(deriveClientToken(URN, identity, ""), PINNED_TOKEN);
  });

  it("cannot be searched back to the number by whoever knows the URN and the message", () => {
    const search = (token: string) =>
      exchange.filter(
        (number) =>
          deriveClientToken(URN, contactIdentity(withDestination(number), REGION)) === token,
      );
    const started = Date.now();
    const plain = deriveClientToken(URN, contactIdentity(withDestination(DESTINATION), REGION));
    // Without the key the search finds the number (which is why the key exists)...
    assert.deepEqual(search(plain), [DESTINATION]);
    const seconds = (Date.now() - started) / 1000;
    // ...with it, the same search finds nothing.
    const keyed = deriveClientToken(
      URN,
      contactIdentity(withDestination(DESTINATION), REGION),
      KEY,
    );
    assert.deepEqual(search(keyed), []);
    assert.ok(seconds < 30, `the search of 10,000 numbers took ${seconds} s`);
  });
});
