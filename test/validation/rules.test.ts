import { strict as assert } from "assert";
import { UNKNOWN } from "../../harness/doubles";
import { InputProblem } from "../../provider/types";
import type * as Keys from "../../provider/validation/keys";
import type * as Rules from "../../provider/validation/rules";
import { Rule } from "../../provider/validation/rules";
import { loadFresh } from "./helpers";

const rules = () => loadFresh<typeof Rules>("validation/rules");
const keys = () => loadFresh<typeof Keys>("validation/keys");

/** A problem in the one shape of every message. */
const problem = (
  property: string,
  wrong: string,
  received: string,
  fix = "fix it.",
): InputProblem => ({
  property,
  reason: `${property} ${wrong}; received ${received}. Fix: ${fix}`,
});

/** A form that reports one problem, to tell when a rule asks its form. */
const formProblem = (property: string) => problem(property, "fails its form", "the value");
const form = (_value: unknown, property: string) => [formProblem(property)];

const name: Rule = { kind: "string", what: "a name", reveal: "value", fix: "fix it." };
const token: Rule = { kind: "string", max: 3, what: "a token", reveal: "length", fix: "fix it." };
const code: Rule = { kind: "string", min: 2, what: "a code", reveal: "value", fix: "fix it." };
const note: Rule = {
  kind: "string",
  min: 0,
  what: "a note",
  reveal: "value",
  fix: "fix it.",
  form,
};
const short: Rule = {
  kind: "string",
  min: 0,
  max: 2,
  what: "a tag",
  reveal: "value",
  fix: "fix it.",
};
/** A string rule that leaves reveal out: its values are shown by length. */
const text: Rule = { kind: "string", max: 2, what: "a text", fix: "fix it." };
const level: Rule = { kind: "integer", min: -1, max: 3, what: "a level", fix: "fix it." };
const minutes: Rule = { ...level, bounds: "from -1 (none) to 3 (most)" };
const mode: Rule = { kind: "oneOf", values: ["on", "off"], what: "the mode", fix: "fix it." };
const color: Rule = {
  kind: "oneOf",
  values: ["Red", "Green", "Blue"],
  what: "a color",
  reveal: "length",
  fix: "fix it.",
};
const single: Rule = { kind: "oneOf", values: ["only"], what: "the value", fix: "fix it." };
const pair: Rule = {
  kind: "object",
  what: "{ left, right? }",
  fix: "fix it.",
  members: { left: { ...name, required: "the left side" }, right: token },
  form,
};
const list: Rule = { kind: "list", what: "of tokens", fix: "fix it.", element: token, form };
const anything: Rule = { kind: "list", what: "of anything", fix: "fix it." };
const map: Rule = {
  kind: "map",
  what: "a map",
  fix: "fix it.",
  keys: { max: 4 },
  values: token,
  form,
};
const custom: Rule = {
  kind: "custom",
  check: (value, property) => (value === "good" ? [] : [problem(property, "is custom", "it")]),
};
const customMap: Rule = {
  kind: "map",
  what: "a map",
  fix: "fix it.",
  keys: { max: 4 },
  values: custom,
};

describe("checkValue", () => {
  const rows: ReadonlyArray<[string, unknown, Rule, InputProblem[]]> = [
    // Values not known yet and values left out.
    ["an unknown value, even of a required rule", UNKNOWN, { ...name, required: "it" }, []],
    ["a value left out of a rule not required", undefined, name, []],
    ["null under a rule not required", null, name, []],
    ["a value left out of a custom rule", undefined, custom, []],
    [
      "a required value left out",
      undefined,
      { ...name, required: "the name" },
      [{ property: "p", reason: "p is required (the name) but was not given. Fix: fix it." }],
    ],
    [
      "null for a required value",
      null,
      { ...name, required: "the name" },
      [{ property: "p", reason: "p is required (the name) but was not given. Fix: fix it." }],
    ],
    // Strings.
    ["a string of 1 character, the default least", "a", name, []],
    [
      "an empty string",
      "",
      name,
      [problem("p", "must be a name of at least 1 character", "an empty string")],
    ],
    [
      "a number for a string",
      7,
      name,
      [problem("p", "must be a string (a name, at least 1 character)", "a number")],
    ],
    ["a string at its most", "abc", token, []],
    [
      "a string over its most, by length only",
      "abcd",
      token,
      [problem("p", "must be a token of 1 to 3 characters", "a string of 4 characters")],
    ],
    [
      "an empty string where 1 is the least, with no value shown",
      "",
      token,
      [problem("p", "must be a token of 1 to 3 characters", "an empty string")],
    ],
    ["a string at its least of 2", "ab", code, []],
    [
      "a string under its least of 2, shown",
      "a",
      code,
      [problem("p", "must be a code of at least 2 characters", 'a string of 1 character, "a"')],
    ],
    [
      "a number for a code",
      7,
      code,
      [problem("p", "must be a string (a code, at least 2 characters)", "a number")],
    ],
    ["an empty string with no least, through its form", "", note, [formProblem("p")]],
    ["a number with no bounds", 7, note, [problem("p", "must be a string (a note)", "a number")]],
    ["a string of at most 2 at its most", "ab", short, []],
    [
      "a string of at most 2 over it",
      "abc",
      short,
      [problem("p", "must be a tag of at most 2 characters", 'a string of 3 characters, "abc"')],
    ],
    [
      "a number for a string of at most 2",
      7,
      short,
      [problem("p", "must be a string (a tag, at most 2 characters)", "a number")],
    ],
    [
      "a string over its most, by length when reveal is left out",
      "abc",
      text,
      [problem("p", "must be a text of 1 to 2 characters", "a string of 3 characters")],
    ],
    // Integers.
    ["the least integer", -1, level, []],
    ["the most integer", 3, level, []],
    ["an integer under the least", -2, level, [problem("p", "must be a level from -1 to 3", "-2")]],
    ["an integer over the most", 4, level, [problem("p", "must be a level from -1 to 3", "4")]],
    ["a number not whole", 1.5, level, [problem("p", "must be a level from -1 to 3", "1.5")]],
    [
      "a number not finite",
      Infinity,
      level,
      [problem("p", "must be a level from -1 to 3", "Infinity")],
    ],
    [
      "a string for an integer",
      "1",
      level,
      [problem("p", "must be a level from -1 to 3", "a string")],
    ],
    [
      "an integer out of bounds in words",
      9,
      minutes,
      [problem("p", "must be a level from -1 (none) to 3 (most)", "9")],
    ],
    // One of a few values.
    ["an allowed value", "off", mode, []],
    [
      "a value not allowed, shown",
      "of",
      mode,
      [problem("p", 'must be "on" or "off" (the mode)', '"of"')],
    ],
    [
      "a value in the wrong case, with the hint",
      "ON",
      mode,
      [
        {
          property: "p",
          reason:
            'p must be "on" or "off" (the mode); received "ON". Values are case-sensitive: did you mean "on"? Fix: fix it.',
        },
      ],
    ],
    [
      "a number for one of a few values",
      1,
      mode,
      [problem("p", 'must be "on" or "off" (the mode)', "a number")],
    ],
    [
      "one of 3 values, shown by length",
      "Pink",
      color,
      [
        problem(
          "p",
          'must be one of "Red", "Green" or "Blue" (a color)',
          "a string of 4 characters",
        ),
      ],
    ],
    ["the one value allowed", "only", single, []],
    [
      "another than the one value allowed",
      "other",
      single,
      [problem("p", 'must be "only" (the value)', '"other"')],
    ],
    // Objects.
    [
      "an object whose members have no problem, through its form",
      { left: "a", right: "abc" },
      pair,
      [formProblem("p")],
    ],
    [
      "an array for an object",
      [],
      pair,
      [problem("p", "must be an object ({ left, right? })", "an array")],
    ],
    [
      "null inside a list for an object",
      "x",
      pair,
      [problem("p", "must be an object ({ left, right? })", "a string")],
    ],
    [
      "an object with a member missing and one too long, without its form",
      { right: "abcd" },
      pair,
      [
        {
          property: "p.left",
          reason: "p.left is required (the left side) but was not given. Fix: fix it.",
        },
        problem("p.right", "must be a token of 1 to 3 characters", "a string of 4 characters"),
      ],
    ],
    [
      "an object with a member it does not have, without its form",
      { left: "a", rigth: "b" },
      pair,
      [
        {
          property: "p.rigth",
          reason:
            'p.rigth is not a property of p (it has "left", "right"); received a value under the name "rigth". Fix: did you mean "right"? Rename or remove it.',
        },
      ],
    ],
    // Lists.
    [
      "a list whose elements have no problem, through its form",
      ["a", UNKNOWN, "abc"],
      list,
      [formProblem("p")],
    ],
    ["an object for a list", {}, list, [problem("p", "must be a list (of tokens)", "an object")]],
    [
      "a list with elements too long, without its form",
      ["abcd", "a", "abcde"],
      list,
      [
        problem("p[0]", "must be a token of 1 to 3 characters", "a string of 4 characters"),
        problem("p[2]", "must be a token of 1 to 3 characters", "a string of 5 characters"),
      ],
    ],
    ["a list of anything", [1, "x", null, { a: [] }], anything, []],
    [
      "a string for a list of anything",
      "x",
      anything,
      [problem("p", "must be a list (of anything)", "a string")],
    ],
    // Maps.
    [
      "a map whose entries have no problem, through its form",
      { a: "x", bb: UNKNOWN },
      map,
      [formProblem("p")],
    ],
    ["an array for a map", ["x"], map, [problem("p", "must be an object (a map)", "an array")]],
    [
      "a map with a key too long, a null and a value too long, without its form",
      { abcde: "x", b: null, c: "abcd", d: "ok" },
      map,
      [
        problem(
          'p["abcde"]',
          "has a key that is not allowed: keys must be 1 to 4 characters",
          "a key of 5 characters",
          "shorten or rename the key.",
        ),
        problem('p["b"]', "must not be null", "null"),
        problem('p["c"]', "must be a token of 1 to 3 characters", "a string of 4 characters"),
      ],
    ],
    ["a map of custom values, null passed over", { a: "good", b: null }, customMap, []],
    [
      "a map of custom values, each checked",
      { a: "bad" },
      customMap,
      [problem('p["a"]', "is custom", "it")],
    ],
    // Custom rules.
    ["a value a custom rule accepts", "good", custom, []],
    ["a value a custom rule refuses", "bad", custom, [problem("p", "is custom", "it")]],
  ];
  for (const [rowName, value, rule, expected] of rows) {
    it(`${expected.length === 0 ? "accepts" : "reports"} ${rowName}`, () => {
      assert.deepEqual(rules().checkValue(value, "p", rule), expected);
    });
  }
});

describe("checkKey", () => {
  const plain: Keys.KeyRule = { max: 6 };
  const letters: Keys.KeyRule = {
    max: 20,
    characters: { pattern: /^[a-z]+$/, words: "small letters" },
  };
  const prefixed: Keys.KeyRule = {
    max: 12,
    characters: { pattern: /^[a-z]+$/, words: "small letters", prefix: "sys:" },
  };
  const notAllowed = (received: string, suggestion: string) =>
    problem(
      "k",
      "has a key that is not allowed: keys may contain only small letters",
      received,
      `rename the key, for example to ${JSON.stringify(suggestion)}.`,
    );
  const tooLong = (count: string, max: string) =>
    problem(
      "k",
      `has a key that is not allowed: keys must be 1 to ${max} characters`,
      `a key of ${count} characters`,
      "shorten or rename the key.",
    );
  const rows: ReadonlyArray<[string, string, Keys.KeyRule, InputProblem | undefined]> = [
    ["a key of any characters at its most", "a b:c!", plain, undefined],
    ["an empty key", "", plain, tooLong("0", "6")],
    ["a key over its most", "abcdefg", plain, tooLong("7", "6")],
    ["a key of emoji counted by code points", "👋👋👋👋👋👋", plain, undefined],
    ["a key of 1,000 characters", "k".repeat(1000), { max: 999 }, tooLong("1,000", "999")],
    ["a key of allowed characters", "abc", letters, undefined],
    ["a key with a character refused", "ab-c", letters, notAllowed('a key with "-"', "ab_c")],
    [
      "a key with 6 different characters refused, naming the first 5 once each",
      "a b.c!d b.e?f#g$",
      letters,
      notAllowed('a key with " ", ".", "!", "?", "#"', "a_b_c_d_b_e_f_g_"),
    ],
    ["a key of its prefix and allowed characters", "sys:abc", prefixed, undefined],
    ["a key of the prefix alone", "sys:", prefixed, notAllowed('the key "sys:"', "sys:_")],
    [
      "a key with the prefix and a character refused",
      "sys:a-b",
      prefixed,
      notAllowed('a key with "-"', "sys:a_b"),
    ],
    [
      "a key with the prefix twice",
      "sys:sys:a",
      prefixed,
      notAllowed('a key with ":"', "sys:sys_a"),
    ],
    [
      "a key that starts with undefined, where no prefix is allowed",
      "undefined-x",
      letters,
      notAllowed('a key with "-"', "undefined_x"),
    ],
    [
      "the prefix where no prefix is allowed",
      "sys:ab",
      letters,
      notAllowed('a key with ":"', "sys_ab"),
    ],
  ];
  for (const [rowName, key, rule, expected] of rows) {
    it(`${expected === undefined ? "accepts" : "reports"} ${rowName}`, () => {
      assert.deepEqual(keys().checkKey(key, "k", rule), expected);
    });
  }
});

describe("secretRule", () => {
  const masked: Rule = { kind: "string", what: "a number", reveal: "masked", fix: "fix it." };
  const cases: ReadonlyArray<[string, Rule, Rule]> = [
    ["shows a string rule's values by length", name, { ...name, reveal: "length" }],
    ["keeps a string rule that shows lengths", token, token],
    ["keeps a string rule that masks", masked, masked],
    ["keeps a string rule that leaves reveal out", text, text],
    ["shows one of a few values by length", mode, { ...mode, reveal: "length" }],
    ["keeps an integer rule", level, level],
    ["keeps a custom rule", custom, custom],
    ["keeps a list of anything", anything, anything],
    [
      "hides a list's elements",
      { ...list, element: name },
      { ...list, element: { ...name, reveal: "length" } },
    ],
    [
      "hides a map's values",
      { ...map, values: mode },
      { ...map, values: { ...mode, reveal: "length" } },
    ],
    [
      "hides an object's members, at any depth",
      { ...pair, members: { left: name, inner: { ...pair, members: { mode } } } },
      {
        ...pair,
        members: {
          left: { ...name, reveal: "length" },
          inner: { ...pair, members: { mode: { ...mode, reveal: "length" } } },
        },
      },
    ],
  ];
  for (const [rowName, rule, secret] of cases) {
    it(rowName, () => {
      assert.deepEqual(rules().secretRule(rule), secret);
    });
  }

  it("shows no value a secret rule is given", () => {
    const fresh = rules();
    assert.deepEqual(fresh.checkValue("ab", "p", fresh.secretRule(code)), []);
    assert.deepEqual(fresh.checkValue("a", "p", fresh.secretRule(code)), [
      problem("p", "must be a code of at least 2 characters", "a string of 1 character"),
    ]);
    assert.deepEqual(fresh.checkValue("ON", "p", fresh.secretRule(mode)), [
      {
        property: "p",
        reason:
          'p must be "on" or "off" (the mode); received a string of 2 characters. Values are case-sensitive: did you mean "on"? Fix: fix it.',
      },
    ]);
  });
});
