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

/** A value nested `levels` deep in `member`, around `leaf`. */
function nest(levels: number, leaf: Raw, member: "valueMap" | "valueList"): Raw {
  let value = leaf;
  for (let level = 0; level < levels; level++) {
    value = member === "valueMap" ? { valueMap: { n: value } } : { valueList: [value] };
  }
  return value;
}

describe("segmentAttributes", () => {
  const rows: ReadonlyArray<[string, unknown, InputProblem[]]> = [
    [
      "a subtype in the wrong case",
      { "connect:Subtype": { valueString: "connect:sms" } },
      [
        {
          property: 'segmentAttributes["connect:Subtype"].valueString',
          reason:
            'segmentAttributes["connect:Subtype"].valueString must be "connect:SMS" or "connect:WhatsApp" (StartOutboundChatContact starts SMS and WhatsApp contacts only); received "connect:sms". Values are case-sensitive: did you mean "connect:SMS"? Fix: set segmentAttributes["connect:Subtype"].valueString to "connect:SMS" or "connect:WhatsApp", or leave segmentAttributes["connect:Subtype"] out and set channel.',
        },
      ],
    ],
    [
      "a subtype of a number",
      { "connect:Subtype": { valueString: 1 } },
      [
        {
          property: 'segmentAttributes["connect:Subtype"].valueString',
          reason:
            'segmentAttributes["connect:Subtype"].valueString must be a string (a string, at most 1,024 characters); received a number. Fix: give a string of at most 1,024 characters.',
        },
      ],
    ],
    [
      "a subtype too long",
      { "connect:Subtype": { valueString: "s".repeat(1025) } },
      [
        {
          property: 'segmentAttributes["connect:Subtype"].valueString',
          reason:
            'segmentAttributes["connect:Subtype"].valueString must be a string of at most 1,024 characters; received a string of 1,025 characters. Fix: give a string of at most 1,024 characters.',
        },
      ],
    ],
    [
      "a subtype of 1,024 characters not started",
      { "connect:Subtype": { valueString: "s".repeat(1024) } },
      [
        {
          property: 'segmentAttributes["connect:Subtype"].valueString',
          reason:
            'segmentAttributes["connect:Subtype"].valueString must be "connect:SMS" or "connect:WhatsApp" (StartOutboundChatContact starts SMS and WhatsApp contacts only); received "ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"… (1,024 characters). Fix: set segmentAttributes["connect:Subtype"].valueString to "connect:SMS" or "connect:WhatsApp", or leave segmentAttributes["connect:Subtype"] out and set channel.',
        },
      ],
    ],
    [
      "a subtype with valueString null and valueMap set",
      { "connect:Subtype": { valueString: null, valueMap: {} } },
      [
        {
          property: 'segmentAttributes["connect:Subtype"]',
          reason:
            'segmentAttributes["connect:Subtype"] must set valueString to "connect:SMS" or "connect:WhatsApp"; received no valueString. Fix: set segmentAttributes["connect:Subtype"].valueString to "connect:SMS" or "connect:WhatsApp", or leave segmentAttributes["connect:Subtype"] out and set channel.',
        },
      ],
    ],
    [
      "a subtype with only a member not known yet",
      { "connect:Subtype": { valueInteger: UNKNOWN } },
      [],
    ],
    [
      "a subtype set to nothing",
      { "connect:Subtype": {} },
      [
        {
          property: 'segmentAttributes["connect:Subtype"]',
          reason:
            'segmentAttributes["connect:Subtype"] must set exactly one of valueString, valueMap, valueInteger, valueList, valueArn; received an object with none of them. Fix: set one, for example { valueString: "..." }.',
        },
      ],
    ],
    [
      "a segment value that sets one member and one not known yet",
      { "connect:A": { valueString: "a", valueInteger: UNKNOWN } },
      [],
    ],
    [
      "a segment value that sets three members",
      { "connect:A": { valueString: "a", valueInteger: 1, valueArn: "arn:aws:s3:::b" } },
      [
        {
          property: 'segmentAttributes["connect:A"]',
          reason:
            'segmentAttributes["connect:A"] must set exactly one of valueString, valueMap, valueInteger, valueList, valueArn; received valueString and valueInteger and valueArn. Fix: keep one of them.',
        },
      ],
    ],
    [
      "a segment value with a member it does not have",
      { "connect:A": { valueStrin: "a" } },
      [
        {
          property: 'segmentAttributes["connect:A"].valueStrin',
          reason:
            'segmentAttributes["connect:A"].valueStrin is not a property of segmentAttributes["connect:A"] (it has "valueString", "valueMap", "valueInteger", "valueList", "valueArn"); received a value under the name "valueStrin". Fix: did you mean "valueString"? Rename or remove it.',
        },
        {
          property: 'segmentAttributes["connect:A"]',
          reason:
            'segmentAttributes["connect:A"] must set exactly one of valueString, valueMap, valueInteger, valueList, valueArn; received an object with none of them. Fix: set one, for example { valueString: "..." }.',
        },
      ],
    ],
    [
      "a segment value that is null",
      { a: null },
      [
        {
          property: 'segmentAttributes["a"]',
          reason:
            'segmentAttributes["a"] must be an object (a segment attribute value such as { valueString: "..." }); received null. Fix: wrap the value in an object that sets exactly one of valueString, valueMap, valueInteger, valueList, valueArn.',
        },
      ],
    ],
    [
      "a segment value that is a list",
      { a: [] },
      [
        {
          property: 'segmentAttributes["a"]',
          reason:
            'segmentAttributes["a"] must be an object (a segment attribute value such as { valueString: "..." }); received an array. Fix: wrap the value in an object that sets exactly one of valueString, valueMap, valueInteger, valueList, valueArn.',
        },
      ],
    ],
    [
      "segmentAttributes that is a list",
      [],
      [
        {
          property: "segmentAttributes",
          reason:
            'segmentAttributes must be an object (a map of keys to segment attribute values); received an array. Fix: give an object such as { "connect:Subtype": { valueString: "connect:SMS" } }.',
        },
      ],
    ],
    [
      "a valueMap that is not an object",
      { a: { valueMap: "x" } },
      [
        {
          property: 'segmentAttributes["a"].valueMap',
          reason:
            'segmentAttributes["a"].valueMap must be an object (a map of keys to segment attribute values); received a string. Fix: give an object such as { "connect:Subtype": { valueString: "connect:SMS" } }.',
        },
      ],
    ],
    [
      "a valueMap with a key of 129 characters",
      { a: { valueMap: { ["k".repeat(129)]: { valueString: "x" } } } },
      [
        {
          property:
            'segmentAttributes["a"].valueMap["kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk…"]',
          reason:
            'segmentAttributes["a"].valueMap["kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk…"] has a key that is not allowed: keys must be 1 to 128 characters; received a key of 129 characters. Fix: shorten or rename the key.',
        },
      ],
    ],
    [
      "a valueMap with a key of any characters",
      { a: { valueMap: { "a b.c": { valueString: "x" } } } },
      [],
    ],
    [
      "a valueList that is not a list",
      { "connect:L": { valueList: "x" } },
      [
        {
          property: 'segmentAttributes["connect:L"].valueList',
          reason:
            'segmentAttributes["connect:L"].valueList must be a list of segment attribute values; received a string. Fix: give an array such as [{ valueString: "..." }].',
        },
      ],
    ],
    [
      "a valueList with an element not known yet",
      { "connect:L": { valueList: [UNKNOWN, { valueInteger: 2 ** 31 }] } },
      [
        {
          property: 'segmentAttributes["connect:L"].valueList[1].valueInteger',
          reason:
            'segmentAttributes["connect:L"].valueList[1].valueInteger must be a whole number from -2,147,483,648 to 2,147,483,647; received 2147483648. Fix: give a whole number, or use valueString for other values.',
        },
      ],
    ],
    [
      "a valueArn under a user key",
      { a: { valueArn: "arn:aws:s3:::b" } },
      [
        {
          property: 'segmentAttributes["a"].valueArn',
          reason:
            'segmentAttributes["a"].valueArn is only supported on system-defined attributes (keys starting with "connect:"); received it under a user-defined key. Fix: use valueString, valueMap or valueInteger instead.',
        },
      ],
    ],
    [
      "a valueList in a valueMap under a user key",
      { a: { valueMap: { b: { valueList: [] } } } },
      [
        {
          property: 'segmentAttributes["a"].valueMap["b"].valueList',
          reason:
            'segmentAttributes["a"].valueMap["b"].valueList is only supported on system-defined attributes (keys starting with "connect:"); received it under a user-defined key. Fix: use valueString, valueMap or valueInteger instead.',
        },
      ],
    ],
    [
      "a valueList in a valueMap under a system key",
      { "connect:A": { valueMap: { b: { valueList: [{ valueArn: "x" }] } } } },
      [
        {
          property: 'segmentAttributes["connect:A"].valueMap["b"].valueList[0].valueArn',
          reason:
            'segmentAttributes["connect:A"].valueMap["b"].valueList[0].valueArn must be a valid ARN (arn:<partition>:<service>:<region>:<account>:<resource>); received "x". Fix: give the full ARN.',
        },
      ],
    ],
    ["a valueInteger at the least", { a: { valueInteger: -(2 ** 31) } }, []],
    [
      "a valueInteger under the least",
      { a: { valueInteger: -(2 ** 31) - 1 } },
      [
        {
          property: 'segmentAttributes["a"].valueInteger',
          reason:
            'segmentAttributes["a"].valueInteger must be a whole number from -2,147,483,648 to 2,147,483,647; received -2147483649. Fix: give a whole number, or use valueString for other values.',
        },
      ],
    ],
    ["a valueString of 1,024 characters", { a: { valueString: "s".repeat(1024) } }, []],
    ["an empty valueString", { a: { valueString: "" } }, []],
    [
      "an empty valueArn",
      { "connect:A": { valueArn: "" } },
      [
        {
          property: 'segmentAttributes["connect:A"].valueArn',
          reason:
            'segmentAttributes["connect:A"].valueArn must be an ARN of 1 to 1,024 characters; received an empty string. Fix: give a full ARN (arn:<partition>:<service>:<region>:<account>:<resource>).',
        },
      ],
    ],
    [
      "a valueArn of 1,025 characters",
      { "connect:A": { valueArn: "arn:aws:s3:::" + "b".repeat(1012) } },
      [
        {
          property: 'segmentAttributes["connect:A"].valueArn',
          reason:
            'segmentAttributes["connect:A"].valueArn must be an ARN of 1 to 1,024 characters; received a string of 1,025 characters, "arn:aws:s3:::bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"… (1,025 characters). Fix: give a full ARN (arn:<partition>:<service>:<region>:<account>:<resource>).',
        },
      ],
    ],
    [
      "values nested 32 levels deep",
      { "connect:A": nest(32, { valueString: "x" }, "valueMap") },
      [],
    ],
    [
      "a valueString of the wrong type 32 levels deep",
      { "connect:A": nest(32, { valueString: 5 }, "valueMap") },
      [
        {
          property: `segmentAttributes["connect:A"]${'.valueMap["n"]'.repeat(32)}.valueString`,
          reason: `segmentAttributes["connect:A"]${'.valueMap["n"]'.repeat(32)}.valueString must be a string (a string, at most 1,024 characters); received a number. Fix: give a string of at most 1,024 characters.`,
        },
      ],
    ],
    ["a valueMap not known yet", { "connect:A": { valueMap: UNKNOWN } }, []],
    [
      "a value 32 levels deep that sets valueString and valueMap",
      { "connect:A": nest(32, { valueString: "x", valueMap: {} }, "valueMap") },
      [
        {
          property: `segmentAttributes["connect:A"]${'.valueMap["n"]'.repeat(32)}`,
          reason: `segmentAttributes["connect:A"]${'.valueMap["n"]'.repeat(32)} must set exactly one of valueString, valueMap, valueInteger, valueList, valueArn; received valueString and valueMap. Fix: keep one of them.`,
        },
        {
          property: `segmentAttributes["connect:A"]${'.valueMap["n"]'.repeat(32)}`,
          reason: `segmentAttributes["connect:A"]${'.valueMap["n"]'.repeat(32)} nests valueMap and valueList more than 32 levels deep, more than this provider sends; received a value that goes on deeper at this path. Fix: flatten the value to at most 32 levels.`,
        },
      ],
    ],
    [
      "a valueList nested 33 levels deep",
      { "connect:A": nest(33, { valueString: "x" }, "valueList") },
      [
        {
          property: `segmentAttributes["connect:A"]${".valueList[0]".repeat(32)}`,
          reason: `segmentAttributes["connect:A"]${".valueList[0]".repeat(32)} nests valueMap and valueList more than 32 levels deep, more than this provider sends; received a value that goes on deeper at this path. Fix: flatten the value to at most 32 levels.`,
        },
      ],
    ],
  ];
  for (const [name, segmentAttributes, expected] of rows) {
    it(`${expected.length === 0 ? "accepts" : "fails when given"} ${name}`, () => {
      assert.deepEqual(problemsWith({ channel: "SMS", segmentAttributes }), expected);
    });
  }
});
