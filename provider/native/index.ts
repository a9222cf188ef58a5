export { OutboundChatContact, OutboundChatContactOutputs, TYPE_TOKEN } from "./resource";
export type { OutboundChatContactArgs } from "../resource";
