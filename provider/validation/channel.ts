/**
 * Validator for channel: "SMS" or "WhatsApp", required unless segmentAttributes carries the
 * subtype, and in agreement with it when both are given.
 */
import { Channel, SUBTYPE_BY_CHANNEL, SUBTYPE_KEY } from "../types";
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
import { readSubtype } from "./subtype";

const CHANNELS = Object.keys(SUBTYPE_BY_CHANNEL) as Channel[];
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
  const expected = SUBTYPE_BY_CHANNEL[value];
  const matching = CHANNELS.find((c) => SUBTYPE_BY_CHANNEL[c] === subtype.value);
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
