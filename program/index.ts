/**
 * The root program: one welcome SMS, everything it needs read from stack config.
 *
 *   pulumi config set welcome:instanceId <instance ID or ARN>
 *   pulumi config set welcome:contactFlowId <flow ID>
 *   pulumi config set welcome:sourcePhoneNumberArn <arn:aws:connect:...:phone-number/...>
 *   pulumi config set --secret welcome:destination +14155550100
 *   pulumi config set welcome:message "Welcome aboard!"          # optional
 */
import * as pulumi from "@pulumi/pulumi";
import { OutboundChatContact } from "../provider";

const config = new pulumi.Config("welcome");

const welcome = new OutboundChatContact("welcome", {
  instanceId: config.require("instanceId"),
  contactFlowId: config.require("contactFlowId"),
  sourceEndpoint: { address: config.require("sourcePhoneNumberArn") },
  destinationEndpoint: { address: config.requireSecret("destination") },
  channel: "SMS",
  initialSystemMessage: {
    contentType: "text/plain",
    content: config.get("message") ?? "Welcome aboard! Reply to this message if you need a hand.",
  },
  attributes: { campaign: config.get("campaign") ?? "onboarding" },
});

export const contactId = welcome.contactId;
