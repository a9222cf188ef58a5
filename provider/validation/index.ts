/** Pure validation of the provider's inputs: no Pulumi, no AWS clients. */
export { validateInputs } from "./inputs";
export { validateAttributes, MAX_ATTRIBUTE_LENGTH, MAX_ATTRIBUTES_BYTES } from "./attributes";
export { validateChannel, CHANNEL_SUBTYPES } from "./channel";
export { validateDestinationEndpoint, validateSourceEndpoint } from "./endpoints";
export {
  validateClientToken,
  validateContactFlowId,
  validateInstanceId,
  validateRegion,
  validateRelatedContactId,
} from "./identifiers";
export {
  validateInitialSystemMessage,
  validateInitialTemplatedSystemMessage,
  validateSupportedMessagingContentTypes,
  MAX_CONTENT_BYTES,
  MAX_CONTENT_LENGTH,
  SUPPORTED_CONTENT_TYPES,
} from "./messages";
export {
  validateChatDuration,
  validateOnDelete,
  validateParticipantDetails,
  validateTriggers,
  MAX_CHAT_DURATION_MINUTES,
  MIN_CHAT_DURATION_MINUTES,
} from "./options";
export { validateSegmentAttributes, SUBTYPE_KEY, SUBTYPES } from "./segment-attributes";
export { validateUnknownProperties, KNOWN_PROPERTIES } from "./unknown";
export type { InputProblem } from "../types";
