/**
 * Validators for sourceEndpoint (a phone number claimed in Amazon Connect, by ARN) and
 * destinationEndpoint (the customer's phone number, E.164). The customer's number is never shown
 * in a message, only masked.
 */
import { isValidPhoneNumber } from "libphonenumber-js/min";
import { isPhoneNumberArn } from "../arn";
import { maskPhoneNumber } from "../mask";
import { DESTINATION_ENDPOINT_TYPE, SOURCE_ENDPOINT_TYPE } from "../types";
import {
  casingHint,
  checkMembers,
  checkString,
  describeReceived,
  InputProblem,
  isAbsent,
  isRecord,
  isUnknown,
  notAnObject,
  problem,
  quote,
  required,
} from "./problems";

const ENDPOINT_MEMBERS = ["type", "address"] as const;
/** The most characters of an endpoint address (shape EndpointAddress). */
const MAX_ADDRESS_LENGTH = 256;
const PHONE_NUMBER_ARN_FORM = "arn:aws:connect:<region>:<account>:phone-number/<phoneNumberId>";
const E164_EXAMPLE = "+12065550123";
/** E.164: a "+", a country code that does not start with 0, at most 15 digits in all. */
const E164 = /^\+[1-9]\d{1,14}$/;

/** Whether a value looks like a phone number rather than an ARN (so it must be masked). */
function looksLikePhoneNumber(s: string): boolean {
  return /^[+\d][\d\s().-]*$/.test(s);
}

/** Checks an endpoint's `type`, which may be left out but otherwise must be the one type allowed. */
function checkEndpointType(value: unknown, base: string, allowed: string): InputProblem[] {
  if (isUnknown(value) || isAbsent(value)) {
    return [];
  }
  if (value === allowed) {
    return [];
  }
  const property = `${base}.type`;
  const hint = typeof value === "string" ? casingHint(value, [allowed]) : "";
  return [
    problem(
      property,
      `${property} must be "${allowed}", the only endpoint type StartOutboundChatContact accepts for ` +
        `the ${base === "sourceEndpoint" ? "source" : "destination"}; ` +
        `received ${describeReceived(value, "value")}.${hint} Fix: set it to "${allowed}" or leave it out.`,
    ),
  ];
}

/** Checks the shared shape of an endpoint and answers its address when there is one to check. */
function checkEndpoint(
  inputs: Record<string, unknown>,
  base: "sourceEndpoint" | "destinationEndpoint",
  allowedType: string,
  what: string,
  fix: string,
): { problems: InputProblem[]; address?: unknown } {
  const value = inputs[base];
  if (isUnknown(value)) {
    return { problems: [] };
  }
  if (isAbsent(value)) {
    return { problems: [required(base, what, fix)] };
  }
  if (!isRecord(value)) {
    return { problems: [notAnObject(value, base, `{ type?, address }`, fix)] };
  }
  const problems = [
    ...checkMembers(value, base, ENDPOINT_MEMBERS),
    ...checkEndpointType(value.type, base, allowedType),
  ];
  const address = value.address;
  if (isUnknown(address)) {
    return { problems };
  }
  if (isAbsent(address)) {
    problems.push(required(`${base}.address`, what, fix));
    return { problems };
  }
  return { problems, address };
}

/**
 * sourceEndpoint: required; `{ type?: "CONNECT_PHONENUMBER_ARN", address }` where address is the ARN
 * of a phone number claimed by the instance.
 */
export function validateSourceEndpoint(inputs: Record<string, unknown>): InputProblem[] {
  const fix =
    `set sourceEndpoint.address to the ARN of an SMS- or WhatsApp-enabled phone number claimed by ` +
    `the instance, such as "${PHONE_NUMBER_ARN_FORM}" (in the console: Channels, Phone numbers).`;
  const { problems, address } = checkEndpoint(
    inputs,
    "sourceEndpoint",
    SOURCE_ENDPOINT_TYPE,
    "the ARN of the phone number the message is sent from",
    fix,
  );
  if (address === undefined) {
    return problems;
  }
  const property = "sourceEndpoint.address";
  const lengthProblem = checkString(address, property, {
    max: MAX_ADDRESS_LENGTH,
    what: "a phone number ARN",
    reveal: "length",
    fix,
  });
  if (lengthProblem !== undefined) {
    return [...problems, lengthProblem];
  }
  const text = address as string;
  if (isPhoneNumberArn(text)) {
    return problems;
  }
  const reason = looksLikePhoneNumber(text)
    ? `${property} must be the ARN of a phone number claimed in Amazon Connect (${PHONE_NUMBER_ARN_FORM}), ` +
      `not the phone number itself; received ${JSON.stringify(maskPhoneNumber(text))}. Fix: ${fix}`
    : `${property} must be the ARN of a phone number claimed in Amazon Connect (${PHONE_NUMBER_ARN_FORM}); ` +
      `received ${quote(text)}. Fix: ${fix}`;
  return [...problems, problem(property, reason)];
}

/** Why a string is not an E.164 number, in words, without showing it. */
function describeE164Mistake(s: string): string {
  if (/\s/.test(s)) {
    return "it contains spaces";
  }
  if (!s.startsWith("+")) {
    return `it does not start with "+"`;
  }
  if (/[^\d+]/.test(s.slice(1)) || s.indexOf("+", 1) !== -1) {
    return "it contains characters other than digits after the +";
  }
  if (s.length > 16) {
    return "it has more than 15 digits";
  }
  return "it is not a valid number for its country code";
}

/**
 * destinationEndpoint: required; `{ type?: "TELEPHONE_NUMBER", address }` where address is the
 * customer's phone number in E.164 form, valid per libphonenumber.
 */
export function validateDestinationEndpoint(inputs: Record<string, unknown>): InputProblem[] {
  const fix =
    `write the customer's number as "+", the country code and the number, with no spaces, ` +
    `dashes or leading 0 after the country code (for example "${E164_EXAMPLE}").`;
  const { problems, address } = checkEndpoint(
    inputs,
    "destinationEndpoint",
    DESTINATION_ENDPOINT_TYPE,
    "the customer's phone number in E.164 format",
    fix,
  );
  if (address === undefined) {
    return problems;
  }
  const property = "destinationEndpoint.address";
  const lengthProblem = checkString(address, property, {
    max: MAX_ADDRESS_LENGTH,
    what: "a phone number",
    reveal: "length",
    fix,
  });
  if (lengthProblem !== undefined) {
    return [...problems, lengthProblem];
  }
  const text = address as string;
  if (E164.test(text) && isValidPhoneNumber(text)) {
    return problems;
  }
  return [
    ...problems,
    problem(
      property,
      `${property} must be a phone number in E.164 format (a "+", the country code, then the ` +
        `number, no spaces), such as "${E164_EXAMPLE}"; received ${JSON.stringify(maskPhoneNumber(text))}, ` +
        `and ${describeE164Mistake(text)}. Fix: ${fix}`,
    ),
  ];
}
