export { OutboundChatContact, OutboundChatContactArgs, TYPE_TOKEN } from "./resource";
export { contactProvider } from "./dynamic-provider";
export {
  isOutboundChatContactError,
  type OutboundChatContactError,
  type OutboundChatContactErrorCode,
} from "./contact-error";
export * from "./types";
export {
  Channel,
  DESTINATION_ENDPOINT_TYPE,
  SOURCE_ENDPOINT_TYPE,
  SUBTYPE_BY_CHANNEL,
  SUBTYPE_KEY,
  SUBTYPES,
} from "./limits";
