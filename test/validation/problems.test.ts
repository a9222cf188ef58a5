import { strict as assert } from "assert";
import { lengthOf } from "../../provider/limits";
import * as lifecycle from "../../provider/lifecycle";
import {
  describeLength,
  formatNumber,
  HIDDEN,
  maskPhoneNumber,
} from "../../provider/validation/problems";
import { validateInputs } from "../../provider/validation/inputs";
import { validInputs } from "../fixtures";
import { brokenInputs, INVALID_INPUT_ROWS } from "../invalid-inputs";

describe("maskPhoneNumber", () => {
  it("keeps the + and the last 2 digits", () => {
    assert.equal(maskPhoneNumber("+14155550100"), "+*********00");
  });

  it("masks a number without a +", () => {
    assert.equal(maskPhoneNumber("14155550142"), "*********42");
  });

  for (const value of [
    undefined,
    null,
    14155550100,
    "",
    "+1234",
    "+1415555abc",
    "+".repeat(40) + "00",
  ]) {
    it(`hides ${JSON.stringify(value)} entirely`, () => {
      assert.equal(maskPhoneNumber(value), HIDDEN);
    });
  }
});

describe("describeLength", () => {
  it("gives the length, never the content", () => {
    assert.equal(describeLength("Welcome aboard!"), "a string of 15 characters");
    assert.equal(describeLength("x".repeat(1025)), "a string of 1,025 characters");
    assert.equal(describeLength("x"), "a string of 1 character");
    assert.equal(describeLength(""), "an empty string");
  });

  it("counts an emoji as one character, as the API does", () => {
    assert.equal(lengthOf("hi 👋"), 4);
  });
});

/**
 * Every function that formats or compares through ICU's locale data: `toLocaleString` and its kin,
 * and everything of `Intl`. No message may use one: each loads the locale data into the provider's
 * process (5 MB).
 */
const LOCALE_FUNCTIONS: ReadonlyArray<readonly [object, string]> = [
  [Number.prototype, "toLocaleString"],
  [BigInt.prototype, "toLocaleString"],
  [Array.prototype, "toLocaleString"],
  [Date.prototype, "toLocaleString"],
  [Date.prototype, "toLocaleDateString"],
  [Date.prototype, "toLocaleTimeString"],
  [String.prototype, "localeCompare"],
  [String.prototype, "toLocaleLowerCase"],
  [String.prototype, "toLocaleUpperCase"],
  ...Object.getOwnPropertyNames(Intl)
    .filter((name) => typeof (Intl as unknown as Record<string, unknown>)[name] === "function")
    .map((name) => [Intl, name] as const),
];

/**
 * Runs `write` with every one of {@link LOCALE_FUNCTIONS} replaced by one that records the call
 * and throws, and returns what `write` returned and the names of the functions called. The calls
 * are recorded because code under test may catch the throw.
 */
function withoutLocaleData<T>(write: () => T): { result: T; called: string[] } {
  const called: string[] = [];
  const saved = LOCALE_FUNCTIONS.map(
    ([owner, name]) => [owner, name, Object.getOwnPropertyDescriptor(owner, name)!] as const,
  );
  for (const [owner, name, descriptor] of saved) {
    Object.defineProperty(owner, name, {
      ...descriptor,
      value: function trapped(): never {
        called.push(name);
        throw new Error(`${name} was called: it loads ICU's locale data`);
      },
    });
  }
  try {
    return { result: write(), called };
  } finally {
    for (const [owner, name, descriptor] of saved) {
      Object.defineProperty(owner, name, descriptor);
    }
  }
}

/** Plain data nested `levels` deep. */
function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let level = 0; level < levels; level++) {
    value = { next: value };
  }
  return value;
}

describe("messages written without ICU's locale data", () => {
  it("notices a call of toLocaleString or Intl, even one that is caught", () => {
    const { called } = withoutLocaleData(() => {
      for (const format of [
        () => (32_768).toLocaleString("en-US"),
        () => new Intl.NumberFormat("en-US").format(32_768),
        () => "a".localeCompare("b"),
      ]) {
        try {
          format();
        } catch {
          // recorded
        }
      }
    });
    assert.deepEqual(called, ["toLocaleString", "NumberFormat", "localeCompare"]);
  });

  const numbers: ReadonlyArray<[number, string]> = [
    [0, "0"],
    [7, "7"],
    [999, "999"],
    [1000, "1,000"],
    [10_080, "10,080"],
    [16_384, "16,384"],
    [32_768, "32,768"],
    [1_000_000, "1,000,000"],
    [2 ** 31 - 1, "2,147,483,647"],
    [-(2 ** 31), "-2,147,483,648"],
  ];
  for (const [n, written] of numbers) {
    it(`formatNumber writes ${n} as ${written}`, () => {
      const { result, called } = withoutLocaleData(() => formatNumber(n));
      assert.deepEqual(called, []);
      assert.equal(result, written);
    });
  }

  it("check writes every problem of the invalid-input table", () => {
    const { result, called } = withoutLocaleData(() =>
      INVALID_INPUT_ROWS.flatMap((row) => validateInputs(brokenInputs(row))),
    );
    assert.deepEqual(called, []);
    assert.ok(result.length >= INVALID_INPUT_ROWS.length);
    assert.ok(
      result.some((problem) => /\d,\d{3}/.test(problem.reason)),
      "no message with a number of 4 digits or more",
    );
  });

  it("check writes the problem of data nested too deeply", () => {
    const { result, called } = withoutLocaleData(() =>
      lifecycle.check(validInputs(), { ...validInputs(), triggers: [nested(10_001)] }),
    );
    assert.deepEqual(called, []);
    assert.deepEqual(
      result.failures.map((failure) => failure.property),
      ["triggers"],
    );
    assert.match(result.failures[0].reason, /data nested more than 10,000 levels deep/);
  });
});
