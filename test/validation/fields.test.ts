import { strict as assert } from "assert";
import { UNKNOWN } from "../../harness/doubles";
import { InputProblem } from "../../provider/types";
import type * as Inputs from "../../provider/validation/inputs";
import { validInputs } from "../fixtures";
import { loadFresh, raw, Raw } from "./helpers";

/** The problems of validInputs() with `changes`, from a fresh copy of the validators. */
function problemsWith(changes: Raw): InputProblem[] {
  const { validateInputs } = loadFresh<typeof Inputs>("validation/inputs");
  return validateInputs({ ...raw(validInputs()), ...changes });
}

const TOO_MANY_BYTES = (count: number, bytes: string): InputProblem => ({
  property: "attributes",
  reason:
    `attributes must take at most 32,768 bytes (UTF-8) for all keys and values together; received ${count} attributes of ${bytes} bytes. ` +
    "Fix: remove or shorten some of them, or keep large data elsewhere and pass a reference.",
});

describe("the rules of the scalar arguments, at their bounds", () => {
  const rows: ReadonlyArray<[string, Raw, InputProblem[]]> = [
    ["attributes of exactly 32,768 bytes", { attributes: { a: "v".repeat(32_767) } }, []],
    [
      "attributes of 32,769 bytes",
      { attributes: { a: "v".repeat(32_767), b: "" } },
      [TOO_MANY_BYTES(2, "32,769")],
    ],
    [
      "attributes of 32,768 bytes in UTF-8, keys counted",
      { attributes: { a: "é".repeat(16_000), bb: "v".repeat(765) } },
      [],
    ],
    [
      "attributes of 32,769 bytes in UTF-8, keys counted",
      { attributes: { a: "é".repeat(16_000), bb: "v".repeat(766) } },
      [TOO_MANY_BYTES(2, "32,769")],
    ],
    [
      "attributes over 32,768 bytes beside one not known yet, not judged yet",
      { attributes: { a: "v".repeat(30_000), b: "v".repeat(3_000), c: UNKNOWN } },
      [],
    ],
    ["a chatDurationInMinutes of 60", { chatDurationInMinutes: 60 }, []],
    ["a chatDurationInMinutes of 10,080", { chatDurationInMinutes: 10_080 }, []],
    ["a relatedContactId of 256 characters", { relatedContactId: "c".repeat(256) }, []],
    ["a clientToken of 500 characters", { clientToken: "t".repeat(500) }, []],
    [
      "a displayName of 256 characters",
      { participantDetails: { displayName: "n".repeat(256) } },
      [],
    ],
    ["an instance ID of 100 characters", { instanceId: "i".repeat(100) }, []],
    ["a contact flow ID of 500 characters", { contactFlowId: "f".repeat(500) }, []],
    ["triggers of any values", { triggers: [1, "x", null, { a: [true] }] }, []],
    ["onDelete retain", { onDelete: "retain" }, []],
    [
      "a region that is not a string",
      { region: 7 },
      [
        {
          property: "region",
          reason:
            "region must be a string (an AWS Region name); received a number. Fix: give the Region of the Amazon Connect instance, or leave it out to use the provider's Region.",
        },
      ],
    ],
    [
      "an empty region",
      { region: "" },
      [
        {
          property: "region",
          reason:
            'region must be an AWS Region name such as "us-east-1", "eu-central-1" or "us-gov-west-1"; received "". Fix: give the Region of the Amazon Connect instance, or leave it out to use the provider\'s Region.',
        },
      ],
    ],
    [
      "an empty instanceId",
      { instanceId: "" },
      [
        {
          property: "instanceId",
          reason:
            'instanceId must be an Amazon Connect instance ID (1 to 100 characters, without ":", "/" or spaces) or an instance ARN (arn:aws:connect:<region>:<account>:instance/<instanceId>); received "". Fix: give the instance ID (the last part of the instance ARN), such as "11111111-2222-3333-4444-555555555555", or the whole instance ARN.',
        },
      ],
    ],
    [
      "an empty contactFlowId",
      { contactFlowId: "" },
      [
        {
          property: "contactFlowId",
          reason:
            'contactFlowId must be a contact flow ID (1 to 500 characters, without ":", "/" or spaces) or a contact flow ARN (arn:aws:connect:<region>:<account>:instance/<instanceId>/contact-flow/<contactFlowId>); received "". Fix: give the flow ID (the last part of the flow ARN, shown under the flow\'s name in the console as part of Show additional flow information) or the whole flow ARN.',
        },
      ],
    ],
    [
      "a contactFlowId that is not a string",
      { contactFlowId: 7 },
      [
        {
          property: "contactFlowId",
          reason:
            "contactFlowId must be a string (a contact flow ID or ARN); received a number. Fix: give the flow ID (the last part of the flow ARN, shown under the flow's name in the console as part of Show additional flow information) or the whole flow ARN.",
        },
      ],
    ],
    [
      "participantDetails that is not an object",
      { participantDetails: "Ana" },
      [
        {
          property: "participantDetails",
          reason:
            "participantDetails must be an object ({ displayName }); received a string. Fix: give the customer's display name, 1 to 256 characters.",
        },
      ],
    ],
    [
      "an attribute value that is null",
      { attributes: { a: null } },
      [
        {
          property: 'attributes["a"]',
          reason:
            'attributes["a"] must not be null; received null. Fix: give an object of string keys to string values.',
        },
      ],
    ],
  ];
  for (const [name, changes, expected] of rows) {
    it(`${expected.length === 0 ? "accepts" : "fails when given"} ${name}`, () => {
      assert.deepEqual(problemsWith(changes), expected);
    });
  }
});
