import { strict as assert } from "assert";
import { InputProblem } from "../../provider/types";
import type * as Inputs from "../../provider/validation/inputs";
import { SOURCE_PHONE_NUMBER_ARN, validInputs } from "../fixtures";
import { loadFresh, raw, Raw } from "./helpers";

/** The problems of validInputs() changed by `change`, from a fresh copy of the validators. */
function problemsWith(change: (inputs: Raw) => void, stored?: Raw): InputProblem[] {
  const { validateInputs } = loadFresh<typeof Inputs>("validation/inputs");
  const inputs = raw(validInputs());
  change(inputs);
  return validateInputs(inputs, stored);
}

const DESTINATION_FIX =
  'write the customer\'s number as "+", the country code and the number, with no spaces, dashes or leading 0 after the country code (for example "+12065550123").';
const SOURCE_FIX =
  'set sourceEndpoint.address to the ARN of an SMS- or WhatsApp-enabled phone number claimed by the instance, such as "arn:aws:connect:<region>:<account>:phone-number/<phoneNumberId>" (in the console: Channels, Phone numbers).';

/** The problem of a destination that is not E.164: `shown` as the message shows it, and why. */
const notE164 = (shown: string, why: string): InputProblem => ({
  property: "destinationEndpoint.address",
  reason:
    'destinationEndpoint.address must be a phone number in E.164 format (a "+", the country code, then the number, no spaces), such as "+12065550123"; ' +
    `received ${JSON.stringify(shown)}, and ${why}. Fix: ${DESTINATION_FIX}`,
});

describe("destinationEndpoint.address", () => {
  const rows: ReadonlyArray<[string, string, InputProblem[]]> = [
    ["a valid number", "+14155550100", []],
    [
      "a number of 15 digits in E.164 form",
      "+123456789012345",
      [notE164("+*************45", "it is not a valid number for its country code")],
    ],
    [
      "a number of 16 digits",
      "+1234567890123456",
      [notE164("+**************56", "it has more than 15 digits")],
    ],
    [
      "a number of 15 digits after a 0",
      "+012345678901234",
      [notE164("+*************34", "its country code starts with 0")],
    ],
    ["a country code of 0", "+0123", [notE164("(hidden)", "its country code starts with 0")]],
    ["a + and one digit", "+1", [notE164("(hidden)", "it has too few digits")]],
    ["a + alone", "+", [notE164("(hidden)", "it has too few digits")]],
    [
      "a second +",
      "+1415+5550100",
      [notE164("+**********00", "it contains characters other than digits after the +")],
    ],
    [
      "a letter",
      "+1415555010O",
      [notE164("(hidden)", "it contains characters other than digits after the +")],
    ],
    ["a tab", "+1415\t5550100", [notE164("+**********00", "it contains spaces")]],
    ["no +, and a space", "1415 5550100", [notE164("**********00", "it contains spaces")]],
  ];
  for (const [name, address, expected] of rows) {
    it(`${expected.length === 0 ? "accepts" : "fails when given"} ${name}`, () => {
      assert.deepEqual(
        problemsWith((i) => (i.destinationEndpoint.address = address)),
        expected,
      );
    });
  }

  it("fails when the address is a list, for its type only", () => {
    assert.deepEqual(
      problemsWith((i) => (i.destinationEndpoint.address = ["+1415555010"])),
      [
        {
          property: "destinationEndpoint.address",
          reason: `destinationEndpoint.address must be a string (a phone number, 1 to 256 characters); received an array. Fix: ${DESTINATION_FIX}`,
        },
      ],
    );
  });

  it("judges only the form of a number that the stored inputs hold in E.164 form and this one does not", () => {
    const stored = raw(validInputs());
    assert.deepEqual(
      problemsWith((i) => (i.destinationEndpoint.address = "+1 415"), stored),
      [notE164("+***15", "it contains spaces")],
    );
  });

  it("judges the validity of a number the stored inputs do not hold", () => {
    const stored = raw(validInputs());
    stored.destinationEndpoint = "+1415555010";
    assert.deepEqual(
      problemsWith((i) => (i.destinationEndpoint.address = "+1415555010"), stored),
      [notE164("+********10", "it is not a valid number for its country code")],
    );
    stored.destinationEndpoint = { address: 14155550100 };
    assert.deepEqual(
      problemsWith((i) => (i.destinationEndpoint.address = "+1415555010"), stored),
      [notE164("+********10", "it is not a valid number for its country code")],
    );
  });
});

describe("sourceEndpoint.address", () => {
  const notAnArn = (received: string, itself: boolean): InputProblem => ({
    property: "sourceEndpoint.address",
    reason:
      "sourceEndpoint.address must be the ARN of a phone number claimed in Amazon Connect (arn:aws:connect:<region>:<account>:phone-number/<phoneNumberId>)" +
      `${itself ? ", not the phone number itself" : ""}; received ${received}. Fix: ${SOURCE_FIX}`,
  });
  const rows: ReadonlyArray<[string, string, InputProblem[]]> = [
    ["a phone number ARN", SOURCE_PHONE_NUMBER_ARN, []],
    ["a number without +", "12065550123", [notAnArn('"*********23"', true)]],
    ["a number with separators", "+1 (206) 555-0123", [notAnArn('"+**************23"', true)]],
    ["a number that starts with a bracket", "(206) 555-0123", [notAnArn('"************23"', true)]],
    // Neither an ARN nor a phone number: it may still hold one, so only its length is shown.
    ["digits and a letter", "2065550123x", [notAnArn("a string of 11 characters", false)]],
    ["a name", "support", [notAnArn("a string of 7 characters", false)]],
    // An ARN of another kind names a resource, not a person: it is quoted, to help find it.
    [
      "a queue's ARN",
      "arn:aws:connect:us-east-1:123456789012:instance/i-1/queue/q-1",
      [notAnArn('"arn:aws:connect:us-east-1:123456789012:instance/i-1/queue/q-1"', false)],
    ],
    [
      "an empty address",
      "",
      [
        {
          property: "sourceEndpoint.address",
          reason: `sourceEndpoint.address must be a phone number ARN of 1 to 256 characters; received an empty string. Fix: ${SOURCE_FIX}`,
        },
      ],
    ],
  ];
  for (const [name, address, expected] of rows) {
    it(`${expected.length === 0 ? "accepts" : "fails when given"} ${name}`, () => {
      assert.deepEqual(
        problemsWith((i) => (i.sourceEndpoint.address = address)),
        expected,
      );
    });
  }
});
