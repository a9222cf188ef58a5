import { strict as assert } from "assert";
import { UNKNOWN } from "../../harness/doubles";
import type * as Canonical from "../../provider/canonical";
import { loadFresh } from "./helpers";

const canonical = () => loadFresh<typeof Canonical>("canonical");

/** Objects nested `levels` deep under `next`: the innermost `{}` sits at depth `levels`. */
function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let level = 0; level < levels; level++) {
    value = { next: value };
  }
  return value;
}

/** Objects nested `depth` deep, the innermost of which holds itself. */
function selfCycleAt(depth: number): Record<string, unknown> {
  const inner: Record<string, unknown> = {};
  inner.self = inner;
  let value = inner;
  for (let level = 0; level < depth; level++) {
    value = { next: value };
  }
  return value;
}

describe("the kinds of a value", () => {
  const rows: ReadonlyArray<[string, unknown, boolean, boolean, boolean, boolean]> = [
    // name, value, isUnknown, isAbsent, isRecord, isGiven
    ["undefined", undefined, false, true, false, false],
    ["null", null, false, true, false, false],
    ["unknown", UNKNOWN, true, false, false, false],
    ["a string", "x", false, false, false, true],
    ["0", 0, false, false, false, true],
    ["an object", {}, false, false, true, true],
    ["an array", [], false, false, false, true],
  ];
  for (const [name, value, unknown, absent, record, given] of rows) {
    it(`tells ${name}`, () => {
      const fresh = canonical();
      assert.deepEqual(
        [
          fresh.isUnknown(value),
          fresh.isAbsent(value),
          fresh.isRecord(value),
          fresh.isGiven(value),
        ],
        [unknown, absent, record, given],
      );
    });
  }
});

describe("nonPlainPart", () => {
  const throwing = Object.defineProperty({}, "x", {
    enumerable: true,
    get: () => {
      throw new Error("no");
    },
  });
  const root: Record<string, unknown> = { a: [1] };
  (root.a as unknown[]).push(root);
  const deepToRoot: Record<string, unknown> = {};
  let tail = deepToRoot;
  for (let level = 0; level < 70; level++) {
    tail.next = {};
    tail = tail.next as Record<string, unknown>;
  }
  tail.back = deepToRoot;
  const shared = { s: 1 };

  const rows: ReadonlyArray<[string, unknown, string | undefined]> = [
    ["a string", "x", undefined],
    ["a finite number", -1.5, undefined],
    ["a boolean", true, undefined],
    ["null", null, undefined],
    ["undefined", undefined, undefined],
    ["plain data", { a: [1, "x", null, { b: false }] }, undefined],
    ["the same object twice, not a cycle", { a: shared, b: [shared, shared] }, undefined],
    ["a BigInt", { a: [1n] }, "a BigInt"],
    ["a symbol", [Symbol("s")], "a symbol"],
    ["a function", { f: () => 1 }, "a function"],
    ["NaN", [Number.NaN], "a number that is not finite"],
    ["Infinity", { n: -Infinity }, "a number that is not finite"],
    ["a cycle through an array", root, "a cycle (an object that contains itself)"],
    [
      "a cycle back to the root from 70 levels down",
      deepToRoot,
      "a cycle (an object that contains itself)",
    ],
    [
      "an object that holds itself, 63 levels down",
      selfCycleAt(63),
      "a cycle (an object that contains itself)",
    ],
    // Ancestors are kept 64 deep: a cycle below them ends at the depth limit instead.
    [
      "an object that holds itself, 64 levels down",
      selfCycleAt(64),
      "data nested more than 10,000 levels deep",
    ],
    [
      "a getter that throws",
      { a: throwing },
      "a property that cannot be read (a getter that throws)",
    ],
    ["data nested 9,999 levels deep", nested(9_999), undefined],
    ["data nested 10,000 levels deep", nested(10_000), "data nested more than 10,000 levels deep"],
  ];
  for (const [name, value, part] of rows) {
    it(`answers ${part === undefined ? "undefined" : JSON.stringify(part)} for ${name}`, () => {
      assert.equal(canonical().nonPlainPart(value), part);
    });
  }
});

describe("canonicalJson", () => {
  const rows: ReadonlyArray<[string, unknown, string]> = [
    ["undefined", undefined, "null"],
    ["null", null, "null"],
    ["a string", "ab", '"ab"'],
    [
      "keys sorted at every depth",
      { b: 1, a: { d: [{ z: 1, y: 2 }], c: 2 } },
      '{"a":{"c":2,"d":[{"y":2,"z":1}]},"b":1}',
    ],
    ["undefined members left out", { b: undefined, a: 1 }, '{"a":1}'],
    ["undefined elements written as null", [undefined, 1, undefined], "[null,1,null]"],
    ["an array of arrays", [[2, 1], []], "[[2,1],[]]"],
  ];
  for (const [name, value, text] of rows) {
    it(`writes ${name}`, () => {
      assert.equal(canonical().canonicalJson(value), text);
    });
  }
});

describe("sameValue", () => {
  const f = () => 1;
  const rows: ReadonlyArray<[string, unknown, unknown, boolean]> = [
    [
      "objects in another key order",
      { a: 1, b: [1, { c: 2, d: 3 }] },
      { b: [1, { d: 3, c: 2 }], a: 1 },
      true,
    ],
    ["arrays in another order", [1, 2], [2, 1], false],
    ["a member left out and one undefined", { a: 1 }, { a: 1, b: undefined }, true],
    ["different values", { a: 1 }, { a: 2 }, false],
    ["a function and null", f, null, false],
    ["null and a function", null, f, false],
    ["NaN and null", Number.NaN, null, false],
    ["null and Infinity", null, Infinity, false],
    ["a BigInt and a number", 1n, 1, false],
    ["a number and a BigInt", 1, 1n, false],
    ["a value and itself", "x", "x", true],
  ];
  for (const [name, a, b, same] of rows) {
    it(`${same ? "takes" : "does not take"} ${name} as the same`, () => {
      assert.equal(canonical().sameValue(a, b), same);
    });
  }
});
