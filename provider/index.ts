export { OutboundChatContact, OutboundChatContactArgs, TYPE_TOKEN } from "./resource";
export { contactProvider } from "./dynamic-provider";
export { validateInputs } from "./validation";
export { deriveClientToken, contactIdentity } from "./token";
export * from "./types";
