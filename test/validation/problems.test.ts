import { strict as assert } from "assert";
import { lengthOf } from "../../provider/limits";
import {
  describeLength,
  formatNumber,
  HIDDEN,
  maskPhoneNumber,
} from "../../provider/validation/problems";

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

describe("formatNumber", () => {
  for (const n of [0, 7, 999, 1000, 10_080, 16_384, 32_768, 1_000_000, 2 ** 31 - 1, -(2 ** 31)]) {
    it(`writes ${n} as en-US does, without loading ICU`, () => {
      assert.equal(formatNumber(n), n.toLocaleString("en-US"));
    });
  }
});
