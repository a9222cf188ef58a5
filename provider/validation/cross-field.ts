/**
 * The rules that relate two inputs (the instance, the flow, the Region, the channel and the
 * subtype), each a function of the inputs that returns its problems. A rule says nothing while a
 * value it needs is not known yet, or is wrong in a way its own rule reports. The messages' and
 * the destination number's rules of this kind are in `messages.ts` and `endpoints.ts`.
 */
import { isRegion, parseContactFlowRef, parseInstanceRef, phoneNumberPlace } from "../arn";
import { isAbsent, isRecord, isUnknown } from "../canonical";
import { Channel, CHANNELS, SUBTYPE_BY_CHANNEL, SUBTYPE_KEY } from "../limits";
import { InputProblem } from "../types";
import { complaint, keyPath, listValues, memberPath, missing, quote } from "./problems";
import { readSubtype } from "./segment-attributes";

const SUBTYPE_PATH = memberPath(keyPath("segmentAttributes", SUBTYPE_KEY), "valueString");

/** The instance an input names by ARN, when it is known and an ARN. */
function instanceArnOf(inputs: Record<string, unknown>) {
  const instance = isUnknown(inputs.instanceId) ? undefined : parseInstanceRef(inputs.instanceId);
  return instance?.region === undefined ? undefined : instance;
}

/**
 * contactFlowId, when an ARN, names the instance instanceId names: the same instance, Region and
 * account when both are ARNs; the same instance ID when instanceId is a bare ID.
 */
export function flowOfTheInstance(inputs: Record<string, unknown>): InputProblem[] {
  const flow = isUnknown(inputs.contactFlowId)
    ? undefined
    : parseContactFlowRef(inputs.contactFlowId);
  if (flow?.instanceId === undefined || isUnknown(inputs.instanceId)) {
    return [];
  }
  const instance = instanceArnOf(inputs);
  if (instance === undefined) {
    const bare = parseInstanceRef(inputs.instanceId)?.instanceId;
    return bare === undefined || bare === flow.instanceId
      ? []
      : [
          complaint(
            "contactFlowId",
            `must be a flow of the instance that instanceId names ("${bare}")`,
            `a flow ARN of instance "${flow.instanceId}"`,
            "use a flow ARN of that instance, or give only the flow ID.",
          ),
        ];
  }
  const differences = [
    flow.instanceId !== instance.instanceId &&
      `instance "${flow.instanceId}" instead of "${instance.instanceId}"`,
    flow.region !== instance.region && `Region "${flow.region}" instead of "${instance.region}"`,
    flow.accountId !== instance.accountId &&
      `account "${flow.accountId}" instead of "${instance.accountId}"`,
  ].filter((difference): difference is string => difference !== false);
  return differences.length === 0
    ? []
    : [
        complaint(
          "contactFlowId",
          `must be a flow of the instance that instanceId names (instance "${instance.instanceId}", ` +
            `Region "${instance.region}", account "${instance.accountId}")`,
          `a flow ARN with ${differences.join(", ")}`,
          "use a flow ARN of that instance, or give only the flow ID.",
        ),
      ];
}

/**
 * The number the message comes from is claimed by the instance: a phone number ARN lives in one
 * Region and account, which must be the instance's (from an instance ARN, else a flow ARN, else
 * the `region` input), and names the instance when it has an `instance/` part.
 */
export function numberOfTheInstance(inputs: Record<string, unknown>): InputProblem[] {
  const source = inputs.sourceEndpoint;
  const address = isRecord(source) ? source.address : undefined;
  const number = isUnknown(address) ? undefined : phoneNumberPlace(address);
  if (number === undefined || isUnknown(inputs.instanceId)) {
    return [];
  }
  const instance = instanceArnOf(inputs);
  const flow = isUnknown(inputs.contactFlowId)
    ? undefined
    : parseContactFlowRef(inputs.contactFlowId);
  const instanceId = parseInstanceRef(inputs.instanceId)?.instanceId;
  const region =
    instance?.region ?? flow?.region ?? (isRegion(inputs.region) ? inputs.region : undefined);
  const accountId = instance?.accountId ?? flow?.accountId;
  const differences = [
    region !== undefined &&
      number.region !== region &&
      `Region "${number.region}" instead of "${region}"`,
    accountId !== undefined &&
      number.accountId !== accountId &&
      `account "${number.accountId}" instead of "${accountId}"`,
    instanceId !== undefined &&
      number.instanceId !== undefined &&
      number.instanceId !== instanceId &&
      `instance "${number.instanceId}" instead of "${instanceId}"`,
  ].filter((difference): difference is string => difference !== false);
  return differences.length === 0
    ? []
    : [
        complaint(
          "sourceEndpoint.address",
          "must be a phone number claimed by the instance, in its Region and account" +
            (region === undefined
              ? ""
              : ` (Region "${region}"${accountId === undefined ? "" : `, account "${accountId}"`})`),
          `a phone number ARN with ${differences.join(", ")}`,
          "use the ARN of a number claimed by this instance (Channels > Phone numbers in the console, or aws connect list-phone-numbers-v2).",
        ),
      ];
}

/**
 * The contact lives in the instance's Region: when instanceId (or else contactFlowId) is an ARN,
 * region must be the Region in it.
 */
export function regionOfTheArns(inputs: Record<string, unknown>): InputProblem[] {
  const region = inputs.region;
  if (!isRegion(region)) {
    // Not known yet, left out, or not a Region name, which its own rule reports.
    return [];
  }
  const instance = instanceArnOf(inputs);
  // The flow's Region counts only when instanceId names none (a bare ID), below. A flow not known
  // yet reads as a bare ID, which names no Region.
  const flow = parseContactFlowRef(inputs.contactFlowId);
  const [named, what, where] =
    instance !== undefined
      ? [
          instance.region,
          "the instance ARN given as instanceId",
          "the contact lives in the instance's Region",
        ]
      : [
          flow?.region,
          "the contact flow ARN given as contactFlowId",
          "the flow lives in the instance's Region",
        ];
  if (named === undefined || named === region) {
    return [];
  }
  return [
    complaint(
      "region",
      `must match the Region of ${what} ("${named}"), because ${where}`,
      quote(region),
      `set region to "${named}" or leave it out.`,
    ),
  ];
}

/** channel may be left out only when segmentAttributes carries the subtype. */
export function channelOrSubtypeGiven(inputs: Record<string, unknown>): InputProblem[] {
  return isAbsent(inputs.channel) && isAbsent(readSubtype(inputs))
    ? [
        missing(
          "channel",
          `${listValues(CHANNELS)}, unless ${SUBTYPE_PATH} is given`,
          'set channel to "SMS" or "WhatsApp".',
        ),
      ]
    : [];
}

/** When both are given, channel and the subtype in segmentAttributes mean the same channel. */
export function channelAgreesWithSubtype(inputs: Record<string, unknown>): InputProblem[] {
  const channel = inputs.channel as Channel;
  if (!CHANNELS.includes(channel)) {
    return [];
  }
  // A subtype left out or not known yet is none of the channels' subtypes.
  const subtype = readSubtype(inputs);
  const matching = CHANNELS.find((c) => SUBTYPE_BY_CHANNEL[c] === subtype);
  const expected = SUBTYPE_BY_CHANNEL[channel];
  if (matching === undefined || matching === channel) {
    // An unsupported subtype is reported on segmentAttributes.
    return [];
  }
  return [
    complaint(
      "channel",
      `must agree with ${SUBTYPE_PATH} ("${String(subtype)}" means channel "${matching}")`,
      `"${channel}", which means "${expected}"`,
      `set channel to "${matching}", or remove one of the two (either is enough).`,
    ),
  ];
}
