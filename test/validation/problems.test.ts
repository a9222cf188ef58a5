import { strict as assert } from "assert";
import * as lifecycle from "../../provider/lifecycle";
import type * as Limits from "../../provider/limits";
import { formatNumber } from "../../provider/validation/problems";
import type * as Problems from "../../provider/validation/problems";
import { validateInputs } from "../../provider/validation/inputs";
import { validInputs } from "../fixtures";
import { brokenInputs, INVALID_INPUT_ROWS } from "../invalid-inputs";
import { loadFresh } from "./helpers";

/** A fresh copy of problems.ts, so that its module-level words count too (see loadFresh). */
const problems = () => loadFresh<typeof Problems>("validation/problems");

describe("maskPhoneNumber", () => {
  // Values of 6 to 32 characters that end in 2 digits keep a leading + and those 2 digits.
  const masked: ReadonlyArray<[string, string]> = [
    ["+14155550100", "+*********00"],
    ["14155550142", "*********42"],
    ["+12345", "+***45"],
    ["123456", "****56"],
    ["+1 (415) 555-0100", "+" + "*".repeat(14) + "00"],
    ["+" + "1".repeat(31), "+" + "*".repeat(29) + "11"],
    ["1".repeat(32), "*".repeat(30) + "11"],
    ["ab+cd12", "*****12"],
  ];
  for (const [value, shown] of masked) {
    it(`shows ${JSON.stringify(value)} as ${JSON.stringify(shown)}`, () => {
      assert.equal(problems().maskPhoneNumber(value), shown);
    });
  }

  const hidden: readonly unknown[] = [
    undefined,
    null,
    14155550100,
    ["+14155550100"],
    "",
    "+1234",
    "12345",
    "+" + "1".repeat(32),
    "1".repeat(33),
    "+1415555abc",
    "+141555501a",
    "+1415555010a",
    "+14155550a0",
    "+14155550100 ",
    "+".repeat(40) + "00",
  ];
  for (const value of hidden) {
    it(`hides ${JSON.stringify(value)} entirely, as "(hidden)"`, () => {
      const fresh = problems();
      assert.equal(fresh.HIDDEN, "(hidden)");
      assert.equal(fresh.maskPhoneNumber(value), "(hidden)");
    });
  }
});

describe("describeLength", () => {
  const lengths: ReadonlyArray<[string, string]> = [
    ["", "an empty string"],
    ["x", "a string of 1 character"],
    ["xy", "a string of 2 characters"],
    ["Welcome aboard!", "a string of 15 characters"],
    ["x".repeat(1025), "a string of 1,025 characters"],
    ["👋", "a string of 1 character"],
    ["hi 👋", "a string of 4 characters"],
  ];
  for (const [value, described] of lengths) {
    it(`describes a string of ${value.length} UTF-16 units as ${JSON.stringify(described)}, never its content`, () => {
      assert.equal(problems().describeLength(value), described);
    });
  }
});

describe("lengthOf", () => {
  const counts: ReadonlyArray<[string, string, number]> = [
    ["an empty string", "", 0],
    ["ASCII", "abc", 3],
    ["an emoji, once", "👋", 1],
    ["emoji among letters", "a👋b👋", 4],
    ["a lone high surrogate", "\ud83d", 1],
    ["a lone high surrogate before a letter", "\ud83da", 2],
    ["a lone low surrogate", "\udc4b", 1],
    ["two high surrogates, then a low one", "\ud83d\ud83d\udc4b", 2],
    ["the last code point of the BMP before the surrogates", "\ud7ff\udc00", 2],
    ["a high surrogate before the first code point after the surrogates", "\udbff\ue000", 2],
    ["the last high surrogate before the last low one", "\udbff\udfff", 1],
    ["the first high surrogate before a low one", "\ud800\udc4b", 1],
    ["a high surrogate before the first low one", "\ud83d\udc00", 1],
    ["two low surrogates", "\udc4b\udc4b", 2],
    ["a code point after the surrogates before a low surrogate", "\ue000\udc4b", 2],
    ["a letter after a pair", "👋a", 2],
  ];
  for (const [name, value, count] of counts) {
    it(`counts ${name} as ${count} code points`, () => {
      assert.equal(loadFresh<typeof Limits>("limits").lengthOf(value), count);
    });
  }
});

describe("describeType", () => {
  const types: ReadonlyArray<[unknown, string]> = [
    [null, "null"],
    [[], "an array"],
    [["x"], "an array"],
    ["x", "a string"],
    ["", "a string"],
    [0, "a number"],
    [Number.NaN, "a number"],
    [true, "a boolean"],
    [false, "a boolean"],
    [{}, "an object"],
    [undefined, "a value of type undefined"],
    [() => 1, "a value of type function"],
    [1n, "a value of type bigint"],
    [Symbol("s"), "a value of type symbol"],
  ];
  for (const [value, described] of types) {
    it(`describes ${String(value)} as ${described}`, () => {
      assert.equal(problems().describeType(value), described);
    });
  }
});

describe("quote", () => {
  const quoted: ReadonlyArray<[string, string, string]> = [
    ["an empty string", "", '""'],
    ["a short value", 'say "hi"', '"say \\"hi\\""'],
    ["80 characters in full", "q".repeat(80), `"${"q".repeat(80)}"`],
    ["81 characters cut to 80", "q".repeat(81), `"${"q".repeat(80)}"… (81 characters)`],
    ["80 emoji in full", "👋".repeat(80), `"${"👋".repeat(80)}"`],
    ["81 emoji cut to 80", "👋".repeat(81), `"${"👋".repeat(80)}"… (81 characters)`],
    ["1,000 characters", "ab".repeat(500), `"${"ab".repeat(40)}"… (1,000 characters)`],
  ];
  for (const [name, value, shown] of quoted) {
    it(`quotes ${name}`, () => {
      assert.equal(problems().quote(value), shown);
    });
  }
});

describe("describeReceived", () => {
  const received: ReadonlyArray<[unknown, Problems.Reveal, string]> = [
    ["+14155550100", "value", '"+14155550100"'],
    ["+14155550100", "length", "a string of 12 characters"],
    ["+14155550100", "masked", '"+*********00"'],
    ["12", "masked", '"(hidden)"'],
    ["x".repeat(81), "value", `"${"x".repeat(80)}"… (81 characters)`],
    [14155550100, "value", "a number"],
    [14155550100, "masked", "a number"],
    [null, "length", "null"],
    [["+14155550100"], "masked", "an array"],
  ];
  for (const [value, reveal, shown] of received) {
    it(`shows ${JSON.stringify(value).slice(0, 20)} under "${reveal}" as ${shown.slice(0, 30)}`, () => {
      assert.equal(problems().describeReceived(value, reveal), shown);
    });
  }
});

describe("listValues", () => {
  const lists: ReadonlyArray<[string[], string]> = [
    [[], ""],
    [["stop"], '"stop"'],
    [["stop", "retain"], '"stop" or "retain"'],
    [["a", "b", "c"], '"a", "b" or "c"'],
    [["a", "b", "c", "d"], '"a", "b", "c" or "d"'],
  ];
  for (const [values, written] of lists) {
    it(`writes ${values.length} values as ${written || "nothing"}`, () => {
      assert.equal(problems().listValues(values), written);
    });
  }
});

describe("casingHint", () => {
  const hints: ReadonlyArray<[unknown, string]> = [
    ["sms", ' Values are case-sensitive: did you mean "SMS"?'],
    ["WHATSAPP", ' Values are case-sensitive: did you mean "WhatsApp"?'],
    ["Email", ""],
    ["", ""],
    [1, ""],
    [null, ""],
  ];
  for (const [value, hint] of hints) {
    it(`answers ${JSON.stringify(hint)} for ${JSON.stringify(value)}`, () => {
      assert.equal(problems().casingHint(value, ["SMS", "WhatsApp"]), hint);
    });
  }
});

describe("paths", () => {
  const cut = (s: string) => `${s}…`;
  const names: ReadonlyArray<[string, string, string]> = [
    ["a short name", "orderId", "orderId"],
    ["64 letters", "n".repeat(64), "n".repeat(64)],
    ["65 letters, cut to 64", "n".repeat(65), cut("n".repeat(64))],
    ["100 letters, cut to 64", "n".repeat(100), cut("n".repeat(64))],
    ["128 letters, cut to 64", "n".repeat(128), cut("n".repeat(64))],
    ["129 letters, cut to 64", "n".repeat(129), cut("n".repeat(64))],
    ["50 emoji (100 UTF-16 units)", "👋".repeat(50), "👋".repeat(50)],
    ["64 emoji (128 units)", "👋".repeat(64), "👋".repeat(64)],
    ["65 emoji, cut to 64", "👋".repeat(65), cut("👋".repeat(64))],
    [
      "a letter and 64 emoji (129 units), cut to 64",
      "a" + "👋".repeat(64),
      cut("a" + "👋".repeat(63)),
    ],
    ["10,000 letters, cut to 64", "n".repeat(10_000), cut("n".repeat(64))],
  ];
  for (const [name, key, shown] of names) {
    it(`shows ${name} in a key path and a member path`, () => {
      const fresh = problems();
      assert.equal(fresh.keyPath("attributes", key), `attributes[${JSON.stringify(shown)}]`);
      assert.equal(fresh.memberPath("participantDetails", key), `participantDetails.${shown}`);
      assert.equal(fresh.memberPath("", key), shown);
    });
  }

  it("writes a list element's path with its index", () => {
    assert.equal(
      problems().indexPath("supportedMessagingContentTypes", 12),
      "supportedMessagingContentTypes[12]",
    );
  });
});

describe("complaint and missing", () => {
  it("write the one shape of every message", () => {
    const fresh = problems();
    assert.deepEqual(fresh.complaint("region", "must be a Region", '"x"', "fix it."), {
      property: "region",
      reason: 'region must be a Region; received "x". Fix: fix it.',
    });
    assert.deepEqual(fresh.complaint("channel", "must be SMS", '"sms"', "fix it.", " A hint."), {
      property: "channel",
      reason: 'channel must be SMS; received "sms". A hint. Fix: fix it.',
    });
    assert.deepEqual(fresh.missing("instanceId", "the instance", "give it."), {
      property: "instanceId",
      reason: "instanceId is required (the instance) but was not given. Fix: give it.",
    });
  });
});

describe("unknownMembers", () => {
  const ENDPOINT = ["type", "address"];
  /** The one problem of a member `key` that `known` lacks, under `base`. */
  const unknownMember = (
    key: string,
    known: readonly string[],
    suggestion: string | undefined,
    listed = ` (it has ${known.map((k) => JSON.stringify(k)).join(", ")})`,
  ) => ({
    property: `sourceEndpoint.${key}`,
    reason:
      `sourceEndpoint.${key} is not a property of sourceEndpoint${listed}; received a value under ` +
      `the name ${JSON.stringify(key)}. Fix: ` +
      `${suggestion === undefined ? "" : `did you mean "${suggestion}"? `}Rename or remove it.`,
  });
  const SEVEN = ["one", "two", "three", "four", "five", "six", "seven"];
  const rows: ReadonlyArray<[string, string, readonly string[], string | undefined, string?]> = [
    ["a typo", "adress", ENDPOINT, "address"],
    ["a typo in another case", "Adress", ENDPOINT, "address"],
    ["a name in capitals", "TYPE", ENDPOINT, "type"],
    ["a name with a letter more", "types", ENDPOINT, "type"],
    ["a name with a letter less", "typ", ENDPOINT, "type"],
    ["a name with a letter changed", "tipe", ENDPOINT, "type"],
    ["a name with two letters swapped", "addrses", ENDPOINT, "address"],
    ["a name that ends like another", "dress", ENDPOINT, "address"],
    ["a name closer to the last known name", "addr", ENDPOINT, "address"],
    ["a name as near to two known names, taking the first", "xy", ["ab", "cd"], "ab"],
    ["a name nearer to the second of two", "cx", ["ab", "cd"], "cd"],
    ["a name of twice the longest known name, as far from each", "x".repeat(14), ENDPOINT, "type"],
    ["a name longer than twice the longest known name", "x".repeat(15), ENDPOINT, undefined],
    ["a member of a structure of 6", "sixx", SEVEN.slice(0, 6), "six"],
    ["a member of a structure of 7, not listed", "sevn", SEVEN, "seven", ""],
  ];
  for (const [name, key, known, suggestion, listed] of rows) {
    it(`reports ${name}${suggestion === undefined ? " without a suggestion" : `, suggesting "${suggestion}"`}`, () => {
      assert.deepEqual(
        problems().unknownMembers({ [key]: 1, [known[0]]: 2 }, "sourceEndpoint", known),
        [unknownMember(key, known, suggestion, listed)],
      );
    });
  }

  it("reports every unknown member, in their order, with the owner's name", () => {
    assert.deepEqual(
      problems().unknownMembers(
        { chanel: 1, region: 2, regoin: 3 },
        "",
        ["channel", "region"],
        "OutboundChatContact",
      ),
      [
        {
          property: "chanel",
          reason:
            'chanel is not a property of OutboundChatContact (it has "channel", "region"); received a value under the name "chanel". Fix: did you mean "channel"? Rename or remove it.',
        },
        {
          property: "regoin",
          reason:
            'regoin is not a property of OutboundChatContact (it has "channel", "region"); received a value under the name "regoin". Fix: did you mean "region"? Rename or remove it.',
        },
      ],
    );
  });

  it("reports nothing when every member is known", () => {
    assert.deepEqual(
      problems().unknownMembers({ type: 1, address: 2 }, "sourceEndpoint", ENDPOINT),
      [],
    );
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
