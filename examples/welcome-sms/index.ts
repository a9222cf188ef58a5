/**
 * A welcome SMS to each new customer listed in stack config, from a number the Amazon Connect
 * instance has already claimed.
 *
 *   pulumi config set aws:region us-east-1
 *   pulumi config set instanceAlias acme-support
 *   pulumi config set contactFlowName "Outbound SMS"
 *   pulumi config set phoneNumberId 99999999-8888-7777-6666-555555555555
 *   pulumi config set --path 'recipients[0].name' ada
 *   pulumi config set --path --secret 'recipients[0].phone' +14155550100
 *
 * Adding a recipient sends one message to that recipient only; running `pulumi up` again sends
 * nothing. The phone numbers are secret in state even where the config did not encrypt them.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { OutboundChatContact } from "pulumi-connect-outbound-chat";

interface Recipient {
  /** A stable name for the recipient: it names the resource, so keep it when the number changes. */
  readonly name: string;
  /** The recipient's number in E.164. */
  readonly phone: string;
}

const config = new pulumi.Config();
const recipients = config.requireObject<Recipient[]>("recipients");

const instance = aws.connect.getInstanceOutput({ instanceAlias: config.require("instanceAlias") });
const flow = aws.connect.getContactFlowOutput({
  instanceId: instance.id,
  name: config.require("contactFlowName"),
});
const sender = aws.connect.PhoneNumber.get("sender", config.require("phoneNumberId"));

const welcomes = recipients.map(
  (recipient) =>
    new OutboundChatContact(`welcome-${recipient.name}`, {
      instanceId: instance.arn,
      contactFlowId: flow.contactFlowId,
      sourceEndpoint: { address: sender.arn },
      destinationEndpoint: { address: pulumi.secret(recipient.phone) },
      channel: "SMS",
      initialSystemMessage: {
        contentType: "text/plain",
        content: "Welcome to Acme! Reply HELP for help or STOP to opt out.",
      },
      attributes: { campaign: "welcome", recipient: recipient.name },
    }),
);

export const contactIds = welcomes.map((welcome) => welcome.contactId);
