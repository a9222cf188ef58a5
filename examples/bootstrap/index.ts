/**
 * An environment bootstrap that notifies the on-call engineer once the environment's resources
 * exist, and again for each new release (and only then): `triggers` is tied to the release.
 *
 *   pulumi config set aws:region us-east-1
 *   pulumi config set instanceId 11111111-2222-3333-4444-555555555555
 *   pulumi config set contactFlowId aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee
 *   pulumi config set sourcePhoneNumberArn arn:aws:connect:us-east-1:123456789012:phone-number/...
 *   pulumi config set --secret onCallPhone +14155550100
 *   pulumi config set release 2026.11.1
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { OutboundChatContact } from "pulumi-connect-outbound-chat";

const config = new pulumi.Config();
const release = config.require("release");
const environment = pulumi.getStack();

const instance = aws.connect.getInstanceOutput({ instanceId: config.require("instanceId") });

// The environment itself: whatever the stack bootstraps. The notification waits for it.
const artifacts = new aws.s3.Bucket("artifacts", {
  forceDestroy: true,
  tags: { environment, release },
});

export const notification = new OutboundChatContact(
  "on-call-notice",
  {
    instanceId: instance.arn,
    contactFlowId: config.require("contactFlowId"),
    sourceEndpoint: { address: config.require("sourcePhoneNumberArn") },
    destinationEndpoint: { address: config.requireSecret("onCallPhone") },
    channel: config.get("channel") === "WhatsApp" ? "WhatsApp" : "SMS",
    initialSystemMessage: {
      contentType: "text/plain",
      content: pulumi.interpolate`Environment ${environment} is up at release ${release} (artifacts: ${artifacts.bucket}).`,
    },
    chatDurationInMinutes: 60,
    // One message per release: a new release sends a new notice, an unchanged one sends nothing.
    triggers: [release],
    // Leave the conversation open for the on-call engineer when the environment is torn down.
    onDelete: "retain",
  },
  { dependsOn: [artifacts] },
).contactId;
