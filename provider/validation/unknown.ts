/** Validator for top-level properties the resource does not have (typos). */
import { CONTACT_ARGUMENTS } from "../types";
import { checkMembers, InputProblem } from "./problems";

/** The top-level properties: the resource's arguments. */
export const KNOWN_PROPERTIES = CONTACT_ARGUMENTS;

/** Keys the resource or the engine adds, not validated here. */
const INTERNAL_PROPERTIES = ["__urn", "__provider"];

/** Reports each unknown top-level property with the closest known name. */
export function validateUnknownProperties(inputs: Record<string, unknown>): InputProblem[] {
  const given: Record<string, unknown> = {};
  for (const key of Object.keys(inputs)) {
    if (!INTERNAL_PROPERTIES.includes(key)) {
      given[key] = inputs[key];
    }
  }
  return checkMembers(given, "", KNOWN_PROPERTIES, "OutboundChatContact");
}
