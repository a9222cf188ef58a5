/**
 * Issue 9.4: check and diff answer every input with problems or a classification, never an
 * exception, and hostile input stays cheap: inputs the engine would never send (it speaks JSON)
 * but a program calling the provider directly, or a broken one, might.
 */
import { strict as assert } from "assert";
import * as lifecycle from "../../provider/lifecycle";
import { ContactInputs, ContactOutputs } from "../../provider/types";
import { validInputs } from "../fixtures";

function cyclicObject(): Record<string, unknown> {
  const value: Record<string, unknown> = { valueString: "a" };
  value.self = value;
  return value;
}

function cyclicArray(): unknown[] {
  const value: unknown[] = [];
  value.push(value);
  return value;
}

function deep(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = { valueString: "leaf" };
  for (let level = 0; level < levels; level++) {
    value = { valueMap: { next: value } };
  }
  return value;
}

function throwingGetter(): Record<string, unknown> {
  return Object.defineProperty({}, "address", {
    enumerable: true,
    get() {
      throw new Error("boom");
    },
  });
}

/** Hostile values, each put under several properties below. */
const HOSTILE: ReadonlyArray<[string, () => unknown]> = [
  ["a BigInt", () => BigInt(10) ** BigInt(30)],
  ["a cyclic object", cyclicObject],
  ["a cyclic array", cyclicArray],
  ["a value nested 100,000 deep", () => deep(100_000)],
  ["a symbol", () => Symbol("s")],
  ["a function", () => () => 1],
  ["an object with a getter that throws", throwingGetter],
];

const PROPERTIES = [
  "destinationEndpoint",
  "segmentAttributes",
  "attributes",
  "triggers",
  "initialSystemMessage",
] as const;

function withValue(property: string, value: unknown): ContactInputs {
  return { ...validInputs(), [property]: value };
}

function stored(inputs: ContactInputs): ContactOutputs {
  return {
    ...inputs,
    contactId: "c-1",
    clientToken: "t",
    clientTokenSource: "derived",
    region: "us-east-1",
    instanceId: "11111111-2222-3333-4444-555555555555",
  };
}

describe("hostile input to check and diff (9.4)", () => {
  for (const [label, make] of HOSTILE) {
    for (const property of PROPERTIES) {
      it(`check reports ${label} under ${property} as a problem at ${property}, without throwing`, async () => {
        const result = lifecycle.check(validInputs(), withValue(property, make()));
        const failures = result.failures ?? [];
        assert.ok(failures.length >= 1, `no problem reported for ${label}`);
        assert.ok(
          failures.every((f) => f.property.startsWith(property)),
          JSON.stringify(failures.map((f) => f.property)),
        );
      });

      it(`diff classifies ${label} under ${property}, as new or old value, without throwing`, async () => {
        const hostile = withValue(property, make());
        const asNew = lifecycle.diff(stored(validInputs()), hostile);
        assert.equal(asNew.changes, true);
        const asOld = lifecycle.diff(stored(hostile), validInputs());
        assert.equal(asOld.changes, true);
      });
    }
  }

  for (const [label, make] of HOSTILE) {
    it(`diff counts ${label} in the subtype entry as a change of channel and segmentAttributes, without throwing`, async () => {
      // The view of channel reads segmentAttributes: a value is plain only if both are.
      const hostile: ContactInputs = {
        ...validInputs(),
        channel: undefined,
        segmentAttributes: { "connect:Subtype": { valueString: make() as string } },
      };
      assert.deepEqual(lifecycle.diff(stored(validInputs()), hostile).replaces, [
        "channel",
        "segmentAttributes",
      ]);
    });
  }

  it("check answers a 10 MB unknown property name with a short message and no suggestion work", async () => {
    const name = "x".repeat(10 * 1024 * 1024);
    const result = lifecycle.check(validInputs(), {
      ...validInputs(),
      [name]: 1,
    });
    const failures = result.failures ?? [];
    assert.equal(failures.length, 1);
    assert.equal(failures[0].property, `${"x".repeat(64)}…`);
    assert.ok(JSON.stringify(failures).length < 1024, `${JSON.stringify(failures).length} bytes`);
    assert.match(failures[0].reason, /Rename or remove it/);
    assert.doesNotMatch(failures[0].reason, /did you mean/);
  });

  it("check still suggests the closest name for a short typo", async () => {
    const result = lifecycle.check(validInputs(), {
      ...validInputs(),
      chanel: "SMS",
    } as unknown as ContactInputs);
    assert.ok(
      (result.failures ?? []).some(
        (f) => f.property === "chanel" && f.reason.includes('did you mean "channel"?'),
      ),
      JSON.stringify(result.failures),
    );
  });
});

describe("the last hostile inputs (issue 18.4)", () => {
  const stored = (overrides: Record<string, unknown>): ContactOutputs =>
    ({
      ...validInputs(),
      contactId: "c-1",
      clientToken: "t",
      clientTokenSource: "derived",
      region: "us-east-1",
      ...overrides,
    }) as unknown as ContactOutputs;

  it("reports an attribute whose value is null, instead of throwing", () => {
    const { failures } = lifecycle.check({}, {
      ...validInputs(),
      attributes: { tier: null },
    } as unknown as ContactInputs);
    assert.deepEqual(
      failures.map((failure) => failure.property),
      ['attributes["tier"]'],
    );
    assert.match(failures[0].reason, /must not be null/);
  });

  const secretsInWrongMembers: [string, Record<string, unknown>, string][] = [
    [
      "a destination number in destinationEndpoint.type",
      { destinationEndpoint: { type: "+14155550123", address: "+14155550123" } },
      "4155550123",
    ],
    [
      "a message in initialSystemMessage.contentType",
      { initialSystemMessage: { contentType: "Your code is 918273", content: "x" } },
      "918273",
    ],
    [
      "a template attribute in initialTemplatedSystemMessage.knowledgeBaseId",
      {
        initialSystemMessage: undefined,
        initialTemplatedSystemMessage: {
          knowledgeBaseId: "x".repeat(501) + "918273",
          messageTemplateId: "t",
          templateAttributes: {},
        },
      },
      "918273",
    ],
  ];
  for (const [name, overrides, secret] of secretsInWrongMembers) {
    it(`never quotes a secret argument's value, even ${name}`, () => {
      const { failures } = lifecycle.check(
        {},
        {
          ...validInputs(),
          ...overrides,
        },
      );
      assert.equal(failures.length, 1, JSON.stringify(failures.map((f) => f.property)));
      assert.doesNotMatch(failures[0].reason, new RegExp(secret));
      assert.match(failures[0].reason, /received a string of \d+ characters/);
    });
  }

  const brokenState: [string, Record<string, unknown>, Partial<ContactInputs>][] = [
    ["supportedMessagingContentTypes is 1", { supportedMessagingContentTypes: 1 }, {}],
    [
      "a segment attribute value is null",
      { segmentAttributes: { "connect:X": null } },
      { segmentAttributes: { "connect:X": { valueString: "a" } } },
    ],
    ["valueMap is null", { segmentAttributes: { "connect:X": { valueMap: null } } }, {}],
    ["valueList is 0", { segmentAttributes: { "connect:X": { valueList: 0 } } }, {}],
  ];
  for (const [name, olds, news] of brokenState) {
    it(`diffs stored state that never passed check (${name}) as a replacement, without throwing`, () => {
      const result = lifecycle.diff(stored(olds), { ...validInputs(), ...news });
      assert.equal(result.changes, true);
      assert.deepEqual(result.replaces, [Object.keys(olds)[0]]);
    });
  }
});
