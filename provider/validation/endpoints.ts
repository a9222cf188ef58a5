/**
 * sourceEndpoint (a phone number claimed in Amazon Connect, by ARN) and destinationEndpoint (the
 * customer's phone number, E.164, valid per libphonenumber). No phone number is shown in a
 * message, the customer's or the sender's: only masked, or by its length.
 */
import { isValidPhoneNumber } from "libphonenumber-js/min";
import { isPhoneNumberArn } from "../arn";
import {
  DESTINATION_ENDPOINT_TYPE,
  MAX_ENDPOINT_ADDRESS_LENGTH,
  SOURCE_ENDPOINT_TYPE,
} from "../limits";
import { isRecord } from "../canonical";
import { InputProblem } from "../types";
import { complaint, describeLength, maskPhoneNumber, memberPath, quote } from "./problems";
import { Rule, StringRule } from "./rules";

const PHONE_NUMBER_ARN_FORM = "arn:aws:connect:<region>:<account>:phone-number/<phoneNumberId>";
const E164_EXAMPLE = "+12065550123";
/** E.164: a "+", a country code that does not start with 0, at most 15 digits in all. */
const E164 = /^\+[1-9]\d{1,14}$/;
/** Whether a value looks like a phone number rather than an ARN (so it must be masked). */
function looksLikePhoneNumber(s: string): boolean {
  return /^[+(\d][\d\s().-]*$/.test(s);
}

/**
 * How a source address that is not a phone number ARN is shown: an ARN of another kind is quoted
 * (it names a resource, which helps to find the mistake), a phone number is masked, and anything
 * else is given by its length, since it may hold a number written some other way.
 */
function shownSource(s: string): string {
  if (s.startsWith("arn:")) {
    return quote(s);
  }
  return looksLikePhoneNumber(s) ? JSON.stringify(maskPhoneNumber(s)) : describeLength(s);
}

const SOURCE_FIX =
  "set sourceEndpoint.address to the ARN of an SMS- or WhatsApp-enabled phone number claimed by " +
  `the instance, such as "${PHONE_NUMBER_ARN_FORM}" (in the console: Channels, Phone numbers).`;
const DESTINATION_FIX =
  'write the customer\'s number as "+", the country code and the number, with no spaces, ' +
  `dashes or leading 0 after the country code (for example "${E164_EXAMPLE}").`;

/** Why a string is not an E.164 number, in words, without showing it. */
function e164Mistake(s: string): string {
  if (/\s/.test(s)) {
    return "it contains spaces";
  }
  if (!s.startsWith("+")) {
    return 'it does not start with "+"';
  }
  if (!/^\+\d*$/.test(s)) {
    return "it contains characters other than digits after the +";
  }
  if (s.length > 16) {
    return "it has more than 15 digits";
  }
  return s[1] === "0" ? "its country code starts with 0" : "it has too few digits";
}

/** An endpoint: its one allowed type (which may be left out) and its address. */
function endpoint(side: "source" | "destination", type: string, address: StringRule): Rule {
  return {
    kind: "object",
    what: "{ type?, address }",
    required: address.required,
    fix: address.fix,
    members: {
      type: {
        kind: "oneOf",
        values: [type],
        what: `the only endpoint type StartOutboundChatContact accepts for the ${side}`,
        fix: `set it to "${type}" or leave it out.`,
      },
      address,
    },
  };
}

export const sourceEndpointRule: Rule = endpoint("source", SOURCE_ENDPOINT_TYPE, {
  kind: "string",
  max: MAX_ENDPOINT_ADDRESS_LENGTH,
  what: "a phone number ARN",
  required: "the ARN of the phone number the message is sent from",
  reveal: "length",
  fix: SOURCE_FIX,
  form: (text, property) => {
    if (isPhoneNumberArn(text)) {
      return [];
    }
    const wrong = `must be the ARN of a phone number claimed in Amazon Connect (${PHONE_NUMBER_ARN_FORM})`;
    const itself = looksLikePhoneNumber(text) ? ", not the phone number itself" : "";
    return [complaint(property, wrong + itself, shownSource(text), SOURCE_FIX)];
  },
});

/** The problem of a destination number that is not E.164, saying why in words. */
function notE164(text: string, property: string, why: string): InputProblem {
  return complaint(
    property,
    'must be a phone number in E.164 format (a "+", the country code, then the number, ' +
      `no spaces), such as "${E164_EXAMPLE}"`,
    `${JSON.stringify(maskPhoneNumber(text))}, and ${why}`,
    DESTINATION_FIX,
  );
}

export const destinationEndpointRule: Rule = endpoint("destination", DESTINATION_ENDPOINT_TYPE, {
  kind: "string",
  max: MAX_ENDPOINT_ADDRESS_LENGTH,
  what: "a phone number",
  required: "the customer's phone number in E.164 format",
  reveal: "length",
  fix: DESTINATION_FIX,
  form: (text, property) => (E164.test(text) ? [] : [notE164(text, property, e164Mistake(text))]),
});

/** The address of the endpoint `name`, when it is a string in E.164 form. */
function e164AddressOf(
  inputs: Readonly<Record<string, unknown>> | undefined,
  name: string,
): string | undefined {
  const endpoint = inputs?.[name];
  const address = isRecord(endpoint) ? endpoint.address : undefined;
  return typeof address === "string" && E164.test(address) ? address : undefined;
}

/**
 * The destination endpoint `name` is a valid number for its country code (libphonenumber's
 * metadata). The one costly rule of check, so it runs for a number that is new or changed, not
 * for one unchanged from the inputs in state, which passed check when they were stored: a preview
 * of a stack in state does not pay for it again, and an update of libphonenumber's metadata does
 * not fail the previews of contacts already sent.
 */
export function numberIsValid(
  inputs: Record<string, unknown>,
  stored: Readonly<Record<string, unknown>> | undefined,
  name: string,
): InputProblem[] {
  const address = e164AddressOf(inputs, name);
  if (address === undefined || address === e164AddressOf(stored, name)) {
    return [];
  }
  return isValidPhoneNumber(address)
    ? []
    : [
        notE164(
          address,
          memberPath(name, "address"),
          "it is not a valid number for its country code",
        ),
      ];
}
