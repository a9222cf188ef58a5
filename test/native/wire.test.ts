import assert from "node:assert/strict";
import { freshProvider } from "../../harness/fresh-provider";

/**
 * The module under test, loaded afresh for each test: the secret signature is a constant made when
 * it loads, so a copy loaded before the test would not see it change.
 */
function wire(): typeof import("../../provider/native/wire") {
  return freshProvider()("native/wire");
}

/** A secret as the engine wraps it, spelt out as the protocol documents it. */
function wrapped(value: unknown): Record<string, unknown> {
  return { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value };
}

const ADDRESS = "+14155550100";

describe("isSecret", () => {
  // The first copy compiles the module; the copies after reuse that.
  before(() => wire());

  const rows: Array<[string, unknown, boolean]> = [
    ["the engine's wrapper", wrapped(ADDRESS), true],
    ["a wrapper of nothing", wrapped(undefined), true],
    ["the signature key with another value", { "4dabf18193072939515e22adb298388d": "x" }, false],
    ["the signature value under another key", { sig: "1b47061264138c4ac30d75fd1eb44270" }, false],
    ["a plain object", { value: ADDRESS }, false],
    ["null", null, false],
    ["undefined", undefined, false],
    ["the signature value as a string", "1b47061264138c4ac30d75fd1eb44270", false],
  ];
  for (const [name, value, expected] of rows) {
    it(`is ${expected} for ${name}`, () => {
      assert.equal(wire().isSecret(value), expected);
    });
  }
});

describe("secret", () => {
  it("wraps a value as the engine does", () => {
    assert.deepEqual(wire().secret(ADDRESS), wrapped(ADDRESS));
  });

  it("wraps a secret only once", () => {
    const once = wrapped(ADDRESS);
    assert.equal(wire().secret(once), once);
  });
});

describe("reveal", () => {
  const rows: Array<[string, unknown, unknown]> = [
    ["a secret", wrapped(ADDRESS), ADDRESS],
    ["a secret in a secret", wrapped(wrapped(ADDRESS)), ADDRESS],
    ["secrets in an array", ["a", wrapped("b")], ["a", "b"]],
    [
      "secrets in objects, at any depth",
      { endpoint: { address: wrapped(ADDRESS), type: "TELEPHONE_NUMBER" } },
      { endpoint: { address: ADDRESS, type: "TELEPHONE_NUMBER" } },
    ],
    ["a secret holding an object with a secret", wrapped({ a: wrapped(1) }), { a: 1 }],
    ["null", null, null],
    ["a string", "SMS", "SMS"],
    ["a number", 60, 60],
  ];
  for (const [name, value, expected] of rows) {
    it(`takes the wrappers off ${name}`, () => {
      assert.deepEqual(wire().reveal(value), expected);
    });
  }

  it("answers a new array and new objects, leaving what it was given as it was", () => {
    const given = { list: [wrapped("x")] };
    const revealed = wire().reveal(given) as { list: unknown[] };
    assert.notEqual(revealed, given);
    assert.notEqual(revealed.list, given.list);
    assert.deepEqual(given, { list: [wrapped("x")] });
  });
});

describe("holdsSecret", () => {
  const rows: Array<[string, unknown, boolean]> = [
    ["a secret", wrapped(ADDRESS), true],
    ["an object with a secret member", { address: wrapped(ADDRESS) }, true],
    ["an object whose last member only is secret", { a: 1, b: "x", c: wrapped(2) }, true],
    ["an array with a secret", [1, wrapped(2)], true],
    ["a secret nested deep", { a: [{ b: { c: wrapped(3) } }] }, true],
    ["an object without a secret", { a: 1, b: ["x"] }, false],
    ["an empty object", {}, false],
    ["a string", "1b47061264138c4ac30d75fd1eb44270", false],
    ["null", null, false],
    ["undefined", undefined, false],
  ];
  for (const [name, value, expected] of rows) {
    it(`is ${expected} for ${name}`, () => {
      assert.equal(wire().holdsSecret(value), expected);
    });
  }
});

describe("fromWire", () => {
  it("takes the wrappers off and names the properties that held a secret at any depth", () => {
    const { values, secretNames } = wire().fromWire({
      destinationEndpoint: { address: wrapped(ADDRESS) },
      initialSystemMessage: wrapped({ contentType: "text/plain", content: "Welcome aboard!" }),
      channel: "SMS",
      chatDurationInMinutes: 60,
    });
    assert.deepEqual(values, {
      destinationEndpoint: { address: ADDRESS },
      initialSystemMessage: { contentType: "text/plain", content: "Welcome aboard!" },
      channel: "SMS",
      chatDurationInMinutes: 60,
    });
    assert.deepEqual([...secretNames], ["destinationEndpoint", "initialSystemMessage"]);
  });

  it("names no property when none held a secret", () => {
    const { values, secretNames } = wire().fromWire({ channel: "SMS" });
    assert.deepEqual(values, { channel: "SMS" });
    assert.equal(secretNames.size, 0);
  });
});

describe("toWire", () => {
  it("wraps the properties named secret, and leaves out those without a value", () => {
    const onTheWire = wire().toWire(
      {
        destinationEndpoint: { address: ADDRESS },
        channel: "SMS",
        relatedContactId: undefined,
        attributes: null,
        clientToken: wrapped("t"),
      },
      ["destinationEndpoint", "clientToken", "missing"],
    );
    assert.deepEqual(onTheWire, {
      destinationEndpoint: wrapped({ address: ADDRESS }),
      channel: "SMS",
      attributes: null,
      clientToken: wrapped("t"),
    });
  });

  it("takes the secret names from any iterable, once", () => {
    const names = new Set(["channel"]);
    assert.deepEqual(wire().toWire({ channel: "SMS", region: "us-east-1" }, names.values()), {
      channel: wrapped("SMS"),
      region: "us-east-1",
    });
  });
});
