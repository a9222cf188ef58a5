/**
 * Validator for channel: "SMS" or "WhatsApp", required unless segmentAttributes carries the
 * subtype, and in agreement with it when both are given.
 */
import { Channel } from "../types";
import {
  casingHint,
  describeReceived,
  InputProblem,
  isAbsent,
  isUnknown,
  listValues,
  problem,
  required,
} from "./problems";
import { readSubtype, SUBTYPE_KEY } from "./segment-attributes";

/** The channels, each with the segment subtype it stands for. */
export const CHANNEL_SUBTYPES: Readonly<Record<Channel, string>> = {
  SMS: "connect:SMS",
  WhatsApp: "connect:WhatsApp",
};
const CHANNELS = Object.keys(CHANNEL_SUBTYPES) as Channel[];
const SUBTYPE_PATH = `segmentAttributes["${SUBTYPE_KEY}"].valueString`;

function isChannel(value: unknown): value is Channel {
  return typeof value === "string" && (CHANNELS as string[]).includes(value);
}

/** channel: see the file comment. */
export function validateChannel(inputs: Record<string, unknown>): InputProblem[] {
  const value = inputs.channel;
  if (isUnknown(value)) {
    return [];
  }
  const subtype = readSubtype(inputs);
  if (isAbsent(value)) {
    return subtype.kind === "absent"
      ? [
          required(
            "channel",
            `${listValues(CHANNELS)}, unless ${SUBTYPE_PATH} is given`,
            `set channel to "SMS" or "WhatsApp".`,
          ),
        ]
      : [];
  }
  if (!isChannel(value)) {
    const hint = typeof value === "string" ? casingHint(value, CHANNELS) : "";
    return [
      problem(
        "channel",
        `channel must be ${listValues(CHANNELS)}; received ${describeReceived(value, "value")}.${hint} ` +
          `Fix: set channel to "SMS" or "WhatsApp".`,
      ),
    ];
  }
  if (subtype.kind !== "given" || typeof subtype.value !== "string") {
    return [];
  }
  const expected = CHANNEL_SUBTYPES[value];
  const matching = CHANNELS.find((c) => CHANNEL_SUBTYPES[c] === subtype.value);
  if (matching === undefined || subtype.value === expected) {
    // An unsupported subtype is reported on segmentAttributes.
    return [];
  }
  return [
    problem(
      "channel",
      `channel must agree with ${SUBTYPE_PATH} ("${String(subtype.value)}" means channel "${matching}"); ` +
        `received "${value}", which means "${expected}". ` +
        `Fix: set channel to "${matching}", or remove one of the two (either is enough).`,
    ),
  ];
}
