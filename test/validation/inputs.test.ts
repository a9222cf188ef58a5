import { strict as assert } from "assert";
import { validateInputs } from "../../provider/validation/inputs";
import type * as Inputs from "../../provider/validation/inputs";
import { UNKNOWN } from "../../harness/doubles";
import { InputProblem } from "../../provider/types";
import {
  ARGUMENT_NAMES,
  CONTACT_FLOW_ARN,
  CONTACT_FLOW_ID,
  everyOptionInputs,
  INSTANCE_ARN,
  INSTANCE_ID,
  minimalInputs,
  templatedMessage,
  unknownInputs,
  validInputs,
  WELCOME_MESSAGE,
} from "../fixtures";
import { loadFresh, raw, Raw } from "./helpers";
import {
  brokenInputs,
  INVALID_INPUT_ROWS as rows,
  SECRET_MESSAGE,
  SECRET_NAME,
  SECRET_VALUE,
} from "../invalid-inputs";

/** The fixtures' destination number (DESTINATION_PHONE_NUMBER), in every way it may be written. */
const DESTINATION_SPELLINGS: readonly string[] = [
  "+14155550100",
  "14155550100",
  "4155550100",
  "(415) 555-0100",
  "415-555-0100",
  "415.555.0100",
  "415 555 0100",
  "+1 415 555 0100",
  "1 415 555 0100",
  "+1 (415) 555-0100",
  "+1-415-555-0100",
  "1-415-555-0100",
  "+1.415.555.0100",
];

/** Every problem the table's rows produce, for the checks on what messages reveal. */
function problemsOfEveryRow(): InputProblem[] {
  return rows.flatMap((row) => {
    const inputs = raw(validInputs());
    row.mutate(inputs);
    return validateInputs(inputs);
  });
}

describe("validateInputs", () => {
  describe("accepts", () => {
    const valid: Array<[string, () => unknown]> = [
      ["the usual inputs", validInputs],
      ["the minimal inputs", minimalInputs],
      ["every option, with ARNs and defaults spelled out", everyOptionInputs],
      [
        "a templated message instead of a plain one",
        () => ({
          ...validInputs(),
          initialSystemMessage: undefined,
          initialTemplatedSystemMessage: templatedMessage(),
        }),
      ],
      [
        "the subtype in segmentAttributes instead of channel",
        () => ({
          ...validInputs(),
          channel: undefined,
          segmentAttributes: { "connect:Subtype": { valueString: "connect:WhatsApp" } },
        }),
      ],
      [
        "WhatsApp given both as channel and as subtype",
        () => ({
          ...validInputs(),
          channel: "WhatsApp",
          segmentAttributes: { "connect:Subtype": { valueString: "connect:WhatsApp" } },
        }),
      ],
      [
        "the __urn and __provider the engine adds",
        () => ({ ...validInputs(), __urn: "urn:pulumi:dev::p::t::n", __provider: "x" }),
      ],
      [
        "null for options left out",
        () => ({ ...validInputs(), attributes: null, region: null, triggers: null }),
      ],
      [
        "a phone number ARN under its instance",
        () => ({
          ...validInputs(),
          sourceEndpoint: {
            address: `${INSTANCE_ARN}/phone-number/99999999-8888-7777-6666-555555555555`,
          },
        }),
      ],
      [
        "a flow ARN with a bare instance ID in the same Region",
        () => ({ ...validInputs(), contactFlowId: CONTACT_FLOW_ARN, region: "us-east-1" }),
      ],
      [
        "a valueList and a valueArn on system keys",
        () => ({
          ...validInputs(),
          segmentAttributes: {
            "connect:List": { valueList: [{ valueString: "a" }] },
            "connect:Link": { valueArn: INSTANCE_ARN },
          },
        }),
      ],
      [
        "an empty templateAttributes",
        () => ({
          ...validInputs(),
          initialSystemMessage: undefined,
          initialTemplatedSystemMessage: { ...templatedMessage(), templateAttributes: {} },
        }),
      ],
    ];
    for (const [name, inputs] of valid) {
      it(`accepts ${name}`, () => {
        const fresh = loadFresh<typeof Inputs>("validation/inputs");
        assert.deepEqual(fresh.validateInputs(inputs() as Raw), []);
      });
    }
  });

  describe("rejects, with one problem each, in so many words", () => {
    // The first copy is compiled here, not in the first row's time.
    before(() => loadFresh<typeof Inputs>("validation/inputs"));

    for (const row of rows) {
      it(`fails when ${row.name}`, () => {
        const fresh = loadFresh<typeof Inputs>("validation/inputs");
        assert.deepEqual(fresh.validateInputs(brokenInputs(row)), [
          { property: row.property, reason: row.reason },
        ]);
      });
    }

    it("has a row for every argument that check validates", () => {
      assert.deepEqual(
        ARGUMENT_NAMES.filter(
          (name) => !rows.some((row) => row.property.split(/[.[]/)[0] === name),
        ),
        [],
      );
    });
  });

  describe("messages", () => {
    let allProblems: InputProblem[] = [];
    before(() => {
      allProblems = problemsOfEveryRow();
    });

    it("never contain the destination number, in any spelling", () => {
      // The table's problems, and those of the number given in each spelling where it goes, as
      // the whole destination, and with a destination type that is wrong.
      const problems = [
        ...allProblems,
        ...DESTINATION_SPELLINGS.flatMap((spelling) =>
          [
            (i: Raw) => (i.destinationEndpoint.address = spelling),
            (i: Raw) => (i.destinationEndpoint = spelling),
            (i: Raw) => (i.destinationEndpoint = { type: "telephone_number", address: spelling }),
          ].flatMap((mutate) => {
            const inputs = raw(validInputs());
            mutate(inputs);
            return validateInputs(inputs);
          }),
        ),
      ];
      assert.ok(problems.length > allProblems.length);
      for (const { reason } of problems) {
        for (const spelling of DESTINATION_SPELLINGS) {
          assert.ok(!reason.includes(spelling), `${JSON.stringify(spelling)} in ${reason}`);
        }
        // Any other spelling: the 10 national digits in their groups, with any separators.
        assert.doesNotMatch(reason, /415\D{0,3}555\D{0,3}0100/);
      }
    });

    it("never contain message content, attribute values, display names or profile data", () => {
      for (const { reason } of allProblems) {
        for (const secret of [
          SECRET_MESSAGE.trim(),
          SECRET_VALUE,
          SECRET_NAME.trim(),
          WELCOME_MESSAGE,
          "éé",
          "FirstName",
        ]) {
          assert.ok(!reason.includes(secret), `${JSON.stringify(secret)} in ${reason}`);
        }
      }
    });

    it("show a masked destination number", () => {
      const inputs = raw(validInputs());
      inputs.destinationEndpoint.address = "+1415555010";
      const [found] = validateInputs(inputs);
      assert.match(found.reason, /received "\+\*{8}10"/);
    });

    it("say what was wrong, the value received, what is allowed and the fix", () => {
      for (const { property, reason } of allProblems) {
        assert.ok(reason.startsWith(property), reason);
        assert.match(reason, /received|not given/, reason);
        assert.match(reason, /Fix: /, reason);
      }
    });
  });

  describe("reports every problem, not just the first", () => {
    it("lists each broken property once, in order", () => {
      const inputs = raw(validInputs());
      delete inputs.instanceId;
      inputs.destinationEndpoint.address = "+1 415";
      inputs.channel = "sms";
      inputs.chatDurationInMinutes = 5;
      inputs.attributes = { "bad key": "x", "also bad": "y" };
      inputs.onDelete = "never";
      assert.deepEqual(
        validateInputs(inputs).map((p) => p.property),
        [
          "instanceId",
          "destinationEndpoint.address",
          "channel",
          'attributes["bad key"]',
          'attributes["also bad"]',
          "chatDurationInMinutes",
          "onDelete",
        ],
      );
    });

    it("reports a misspelt required property both as unknown and as missing", () => {
      const inputs = raw(validInputs());
      inputs.destinationEndpont = inputs.destinationEndpoint;
      delete inputs.destinationEndpoint;
      const problems = validateInputs(inputs);
      assert.deepEqual(
        problems.map((p) => p.property),
        ["destinationEndpoint", "destinationEndpont"],
      );
      assert.ok(problems[1].reason.includes('did you mean "destinationEndpoint"'));
    });

    it("reports everything wrong in an empty object", () => {
      assert.deepEqual(
        validateInputs({}).map((p) => p.property),
        ["instanceId", "contactFlowId", "sourceEndpoint", "destinationEndpoint", "channel"],
      );
    });

    const notObjects: ReadonlyArray<[unknown, string]> = [
      [null, "null"],
      ["x", "a string"],
      [3, "a number"],
      [[1], "an array"],
    ];
    for (const [value, received] of notObjects) {
      it(`fails, without throwing, when the inputs are ${received}`, () => {
        const fresh = loadFresh<typeof Inputs>("validation/inputs");
        assert.deepEqual(fresh.validateInputs(value as Raw), [
          {
            property: "",
            reason: `The inputs must be an object of properties; received ${received}. Fix: pass the resource's arguments as an object.`,
          },
        ]);
      });
    }

    /** The problem of a top-level property whose value is not plain data. */
    const notPlain = (property: string, part: string) => ({
      property,
      reason: `${property} must be plain data (strings, numbers, booleans, null, arrays and objects); received ${part}. Fix: pass the value as JSON would write it.`,
    });

    it("fails when a property holds data that is not plain, and says nothing else", () => {
      const fresh = loadFresh<typeof Inputs>("validation/inputs");
      assert.deepEqual(
        fresh.validateInputs({ ...raw(validInputs()), triggers: [1n], chanel: () => 1, region: 7 }),
        [notPlain("triggers", "a BigInt"), notPlain("chanel", "a function")],
      );
    });

    it("fails when reading a property throws", () => {
      const inputs = Object.defineProperty(raw(validInputs()), "attributes", {
        enumerable: true,
        get: () => {
          throw new Error("no");
        },
      });
      const fresh = loadFresh<typeof Inputs>("validation/inputs");
      assert.deepEqual(fresh.validateInputs(inputs), [
        notPlain("attributes", "a property that cannot be read (a getter that throws)"),
      ]);
    });
  });

  describe("values not known yet", () => {
    /** Replaces every leaf (string, number, boolean) of a value with UNKNOWN. */
    function unknownLeaves(value: unknown): unknown {
      if (Array.isArray(value)) {
        return value.map(unknownLeaves);
      }
      if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unknownLeaves(v)]));
      }
      return UNKNOWN;
    }

    it("passes over inputs made only of unknowns", () => {
      assert.deepEqual(validateInputs(unknownInputs()), []);
    });

    it("passes over inputs whose every leaf is unknown", () => {
      assert.deepEqual(validateInputs(unknownLeaves(everyOptionInputs()) as Raw), []);
      assert.deepEqual(
        validateInputs(
          unknownLeaves({
            ...everyOptionInputs(),
            initialSystemMessage: undefined,
            initialTemplatedSystemMessage: templatedMessage(),
          }) as Raw,
        ),
        [],
      );
    });

    it("reports only the known problems among unknowns", () => {
      const inputs = raw(everyOptionInputs());
      inputs.instanceId = UNKNOWN;
      inputs.destinationEndpoint.address = UNKNOWN;
      inputs.attributes.orderId = UNKNOWN;
      inputs.segmentAttributes["connect:CustomerAuthentication"] = UNKNOWN;
      inputs.initialSystemMessage.content = UNKNOWN;
      inputs.chatDurationInMinutes = 5;
      inputs.onDelete = "never";
      inputs.supportedMessagingContentTypes = [UNKNOWN, "text/html"];
      assert.deepEqual(
        validateInputs(inputs).map((p) => p.property),
        ["chatDurationInMinutes", "supportedMessagingContentTypes[1]", "onDelete"],
      );
    });

    const skipped: Array<[string, (i: Raw) => void]> = [
      [
        "the required ones, not reporting them missing",
        (i) => {
          i.instanceId = UNKNOWN;
          i.contactFlowId = UNKNOWN;
          i.sourceEndpoint = { address: UNKNOWN };
          i.destinationEndpoint = UNKNOWN;
          i.channel = UNKNOWN;
        },
      ],
      [
        "the subtype, so channel may be left out",
        (i) => {
          delete i.channel;
          i.segmentAttributes = { "connect:Subtype": { valueString: UNKNOWN } };
        },
      ],
      [
        "segmentAttributes as a whole, so channel may be left out",
        (i) => {
          delete i.channel;
          i.segmentAttributes = UNKNOWN;
        },
      ],
      [
        "a list element that may be text/plain",
        (i) => (i.supportedMessagingContentTypes = ["text/markdown", UNKNOWN]),
      ],
      [
        "an initialSystemMessage that may resolve to nothing, beside a templated one",
        (i) => {
          i.initialSystemMessage = UNKNOWN;
          i.initialTemplatedSystemMessage = templatedMessage();
        },
      ],
      [
        "a contentType, so a long content is not judged by type",
        (i) =>
          (i.initialSystemMessage = { contentType: UNKNOWN, content: SECRET_MESSAGE.repeat(100) }),
      ],
      [
        "an attribute value, so the total size is not judged",
        (i) => (i.attributes = { a: SECRET_VALUE.repeat(1400), b: UNKNOWN }),
      ],
      [
        "an instanceId, so the flow ARN and region are not compared with it",
        (i) => {
          i.instanceId = UNKNOWN;
          i.contactFlowId = CONTACT_FLOW_ARN.replace(INSTANCE_ID, "x");
          i.region = "us-east-1";
        },
      ],
      [
        "the nested values of a segment attribute",
        (i) =>
          (i.segmentAttributes = {
            "connect:Custom": { valueMap: { a: UNKNOWN, b: { valueInteger: UNKNOWN } } },
          }),
      ],
      [
        "a template's attributes",
        (i) => {
          delete i.initialSystemMessage;
          i.initialTemplatedSystemMessage = {
            knowledgeBaseId: UNKNOWN,
            messageTemplateId: "t",
            templateAttributes: UNKNOWN,
          };
        },
      ],
    ];
    for (const [name, mutate] of skipped) {
      it(`passes over an unknown value in ${name}`, () => {
        const inputs = raw(validInputs());
        mutate(inputs);
        assert.deepEqual(validateInputs(inputs), []);
      });
    }
  });

  describe("inputs in state", () => {
    /** E.164 in form, but not a valid number for its country code (a digit short). */
    const INVALID_FOR_ITS_COUNTRY = "+1415555010";
    const withNumber = (address: string): Raw => {
      const inputs = raw(validInputs());
      inputs.destinationEndpoint.address = address;
      return inputs;
    };

    it("fails when a number that is new or changed is not valid for its country code", () => {
      const problems = validateInputs(
        withNumber(INVALID_FOR_ITS_COUNTRY),
        withNumber("+14155550100"),
      );
      assert.deepEqual(
        problems.map((p) => p.property),
        ["destinationEndpoint.address"],
      );
      assert.ok(problems[0].reason.includes("not a valid number for its country code"));
    });

    it("does not judge again the validity of a number unchanged from the inputs in state", () => {
      assert.deepEqual(
        validateInputs(withNumber(INVALID_FOR_ITS_COUNTRY), withNumber(INVALID_FOR_ITS_COUNTRY)),
        [],
      );
    });

    it("still judges the form of a number unchanged from the inputs in state", () => {
      const problems = validateInputs(withNumber("+1 415 555 0100"), withNumber("+1 415 555 0100"));
      assert.deepEqual(
        problems.map((p) => p.property),
        ["destinationEndpoint.address"],
      );
      assert.ok(problems[0].reason.includes("it contains spaces"));
    });
  });

  it("takes a bare flow ID with an instance ARN", () => {
    assert.deepEqual(
      validateInputs({
        ...raw(validInputs()),
        instanceId: INSTANCE_ARN,
        contactFlowId: CONTACT_FLOW_ID,
      }),
      [],
    );
  });
});
