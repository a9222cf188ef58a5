import { strict as assert } from "assert";
import type * as Limits from "../../provider/limits";
import { loadFresh } from "./helpers";

const limits = () => loadFresh<typeof Limits>("limits");

// The values as the API model and the operation's documentation state them, written here rather
// than read from limits.ts, so that a wrong value there fails.
describe("the API's fixed values", () => {
  it("has the channels and their subtypes", () => {
    const fresh = limits();
    assert.deepEqual(fresh.SUBTYPE_BY_CHANNEL, {
      SMS: "connect:SMS",
      WhatsApp: "connect:WhatsApp",
    });
    assert.deepEqual(fresh.CHANNELS, ["SMS", "WhatsApp"]);
    assert.deepEqual(fresh.SUBTYPES, ["connect:SMS", "connect:WhatsApp"]);
    assert.equal(fresh.SUBTYPE_KEY, "connect:Subtype");
    assert.equal(fresh.SYSTEM_KEY_PREFIX, "connect:");
  });

  it("has the endpoint types", () => {
    const fresh = limits();
    assert.equal(fresh.SOURCE_ENDPOINT_TYPE, "CONNECT_PHONENUMBER_ARN");
    assert.equal(fresh.DESTINATION_ENDPOINT_TYPE, "TELEPHONE_NUMBER");
  });

  it("has the content types of an initial message, each with its most characters", () => {
    const fresh = limits();
    assert.deepEqual(fresh.MAX_CONTENT_LENGTH, {
      "text/plain": 1024,
      "text/markdown": 1024,
      "application/json": 12000,
      "application/vnd.amazonaws.connect.message.interactive.response": 12288,
    });
    assert.deepEqual(fresh.CONTENT_TYPES, [
      "text/plain",
      "text/markdown",
      "application/json",
      "application/vnd.amazonaws.connect.message.interactive.response",
    ]);
  });

  it("has the content types a chat may support, and the one it must", () => {
    const fresh = limits();
    assert.deepEqual(fresh.SUPPORTED_CONTENT_TYPES, [
      "text/plain",
      "text/markdown",
      "application/json",
      "application/vnd.amazonaws.connect.message.interactive",
      "application/vnd.amazonaws.connect.message.interactive.response",
    ]);
    assert.equal(fresh.REQUIRED_CONTENT_TYPE, "text/plain");
    assert.deepEqual(fresh.DEFAULT_CONTENT_TYPES, ["text/plain"]);
  });

  it("has the segment attribute value members and the bounds of a model integer", () => {
    const fresh = limits();
    assert.deepEqual(fresh.SEGMENT_VALUE_MEMBERS, [
      "valueString",
      "valueMap",
      "valueInteger",
      "valueList",
      "valueArn",
    ]);
    assert.equal(fresh.MIN_INTEGER, -2147483648);
    assert.equal(fresh.MAX_INTEGER, 2147483647);
  });

  const keys: ReadonlyArray<[string, boolean]> = [
    ["a", true],
    ["Order_id-2", true],
    ["", false],
    ["a b", false],
    [" a", false],
    ["a ", false],
    ["a.b", false],
    ["connect:a", false],
    ["é", false],
  ];
  for (const [key, allowed] of keys) {
    it(`${allowed ? "allows" : "refuses"} the key ${JSON.stringify(key)}`, () => {
      assert.equal(limits().KEY_CHARACTERS.test(key), allowed);
    });
  }
});
