/** Validator for top-level properties the resource does not have (typos). */
import { checkMembers, InputProblem } from "./problems";

/** The top-level properties: those of ContactInputs, plus what the engine adds. */
export const KNOWN_PROPERTIES = [
  "instanceId",
  "contactFlowId",
  "sourceEndpoint",
  "destinationEndpoint",
  "channel",
  "segmentAttributes",
  "attributes",
  "chatDurationInMinutes",
  "participantDetails",
  "initialSystemMessage",
  "initialTemplatedSystemMessage",
  "relatedContactId",
  "supportedMessagingContentTypes",
  "clientToken",
  "triggers",
  "onDelete",
  "region",
] as const;

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
