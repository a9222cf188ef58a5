export { OutboundChatContact, TYPE_TOKEN } from "./resource";
export type { OutboundChatContactArgs, OutboundChatContactOutputs } from "../resource";
