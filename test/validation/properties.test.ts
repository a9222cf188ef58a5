import { strict as assert } from "assert";
import fc from "fast-check";
import { validateInputs } from "../../provider/validation/inputs";
import { validInputs } from "../fixtures";
import { raw } from "./helpers";

/** The inputs of validInputs with one property replaced. */
function withProperty(name: string, value: unknown): Record<string, unknown> {
  return { ...raw(validInputs()), [name]: value };
}

const asciiText = (length: number): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom(...'abc XYZ 0123{}":,.!?'), { minLength: length, maxLength: length })
    .map((chars) => chars.join(""));

describe("validation properties", () => {
  it("accepts any whole chatDurationInMinutes from 60 to 10,080", () => {
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 10_080 }), (minutes) => {
        assert.deepEqual(validateInputs(withProperty("chatDurationInMinutes", minutes)), []);
      }),
    );
  });

  it("rejects any chatDurationInMinutes outside 60 to 10,080 or not whole", () => {
    const outside = fc.oneof(
      fc.integer({ max: 59 }),
      fc.integer({ min: 10_081 }),
      fc.double({ min: 60, max: 10_080, noNaN: true }).filter((n) => !Number.isInteger(n)),
    );
    fc.assert(
      fc.property(outside, (minutes) => {
        const problems = validateInputs(withProperty("chatDurationInMinutes", minutes));
        assert.deepEqual(
          problems.map((p) => p.property),
          ["chatDurationInMinutes"],
        );
      }),
    );
  });

  // The limits as the operation's documentation states them (written here, not read from the
  // implementation, so that a wrong constant fails this test).
  const DOCUMENTED_CONTENT_LENGTH: Readonly<Record<string, number>> = {
    "text/plain": 1024,
    "text/markdown": 1024,
    "application/json": 12000,
    "application/vnd.amazonaws.connect.message.interactive.response": 12288,
  };
  for (const [contentType, max] of Object.entries(DOCUMENTED_CONTENT_LENGTH)) {
    it(`accepts any ${contentType} content of 1 to ${max} characters and rejects one longer`, () => {
      const length = fc.oneof(fc.integer({ min: 1, max }), fc.constantFrom(1, max));
      fc.assert(
        fc.property(length.chain(asciiText), (content) => {
          const inputs = withProperty("initialSystemMessage", { contentType, content });
          assert.deepEqual(validateInputs(inputs), []);
        }),
        { numRuns: 50 },
      );
      fc.assert(
        fc.property(fc.integer({ min: max + 1, max: max + 200 }).chain(asciiText), (content) => {
          const problems = validateInputs(
            withProperty("initialSystemMessage", { contentType, content }),
          );
          assert.deepEqual(
            problems.map((p) => p.property),
            ["initialSystemMessage.content"],
          );
        }),
        { numRuns: 20 },
      );
    });
  }

  it("accepts attribute keys made of letters, digits, - and _", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/), fc.string({ maxLength: 50 })),
        (attributes) => {
          assert.deepEqual(validateInputs(withProperty("attributes", attributes)), []);
        },
      ),
    );
  });

  it("rejects an attribute key with any other character", () => {
    const badKey = fc
      .tuple(
        fc.stringMatching(/^[A-Za-z0-9_-]{0,10}$/),
        fc.constantFrom(" ", ".", ":", "/", "é", "$", "\n"),
        fc.stringMatching(/^[A-Za-z0-9_-]{0,10}$/),
      )
      .map(([a, bad, b]) => a + bad + b);
    fc.assert(
      fc.property(badKey, (key) => {
        const problems = validateInputs(withProperty("attributes", { [key]: "x" }));
        assert.deepEqual(
          problems.map((p) => p.property),
          [`attributes[${JSON.stringify(key)}]`],
        );
      }),
    );
  });
});
