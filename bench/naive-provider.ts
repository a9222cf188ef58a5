/**
 * The naive configuration the bulk scenario compares against: what a straightforward dynamic
 * provider for StartOutboundChatContact does. In `create`, a `new ConnectClient({ region })` per
 * call with the SDK's defaults (standard retry mode, 3 attempts), no ClientToken of its own (the
 * SDK fills in a random one), no pacing, no validation in `check`.
 *
 * `AdaptiveOutboundChatContact` is the same with the SDK's adaptive retry mode (below).
 *
 * Both live under bench/ only and are never shipped. They are serialized by value; the SDK is
 * required by package name inside the methods, which resolves from the host's working directory.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ConnectModule } from "../provider/aws/client";

/** The inputs the naive provider reads: the same program shape as `OutboundChatContact`. */
export interface NaiveInputs {
  readonly instanceId: string;
  readonly contactFlowId: string;
  readonly sourceEndpoint: { readonly address: string };
  readonly destinationEndpoint: { readonly address: string };
  readonly channel: "SMS" | "WhatsApp";
  readonly initialSystemMessage?: { readonly contentType: string; readonly content: string };
  readonly attributes?: Record<string, string>;
  readonly region?: string;
}

/** Makes the StartOutboundChatContact request of the naive providers. */
function startRequest(sdk: ConnectModule, inputs: NaiveInputs) {
  return new sdk.StartOutboundChatContactCommand({
    InstanceId: inputs.instanceId,
    ContactFlowId: inputs.contactFlowId,
    SourceEndpoint: { Type: "CONNECT_PHONENUMBER_ARN", Address: inputs.sourceEndpoint.address },
    DestinationEndpoint: {
      Type: "TELEPHONE_NUMBER",
      Address: inputs.destinationEndpoint.address,
    },
    SegmentAttributes: {
      "connect:Subtype": { ValueString: `connect:${inputs.channel}` },
    },
    InitialSystemMessage: inputs.initialSystemMessage
      ? {
          ContentType: inputs.initialSystemMessage.contentType,
          Content: inputs.initialSystemMessage.content,
        }
      : undefined,
    Attributes: inputs.attributes,
  });
}

const naiveProvider: pulumi.dynamic.ResourceProvider<NaiveInputs> = {
  async create(inputs: NaiveInputs) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdk = require("@aws-sdk/client-connect") as ConnectModule;
    const client = new sdk.ConnectClient({ region: inputs.region ?? process.env.AWS_REGION });
    const answer = await client.send(startRequest(sdk, inputs));
    const contactId = answer.ContactId ?? "";
    return { id: contactId, outs: { ...inputs, contactId } };
  },
  async delete(id: string, props: NaiveInputs) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdk = require("@aws-sdk/client-connect") as ConnectModule;
    const client = new sdk.ConnectClient({ region: props.region ?? process.env.AWS_REGION });
    await client.send(new sdk.StopContactCommand({ InstanceId: props.instanceId, ContactId: id }));
  },
};

/**
 * The SDK's own answer to throttling, as a user would configure it: the naive provider with
 * `retryMode: "adaptive"` (the SDK's client-side rate limiter, which slows the client's sends on
 * throttling errors) and the SDK's default `maxAttempts` (3; the environment variable
 * `AWS_MAX_ATTEMPTS` of the host changes it, as it would for a user). Unlike the naive provider it
 * keeps one client per Region for the process: the adaptive rate limiter belongs to a client, so a
 * client per create would never learn anything.
 */
const adaptiveClients: Record<string, InstanceType<ConnectModule["ConnectClient"]>> = {};

function adaptiveClient(sdk: ConnectModule, region: string) {
  adaptiveClients[region] ??= new sdk.ConnectClient({ region, retryMode: "adaptive" });
  return adaptiveClients[region];
}

const adaptiveProvider: pulumi.dynamic.ResourceProvider<NaiveInputs> = {
  async create(inputs: NaiveInputs) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdk = require("@aws-sdk/client-connect") as ConnectModule;
    const client = adaptiveClient(sdk, inputs.region ?? process.env.AWS_REGION ?? "");
    const answer = await client.send(startRequest(sdk, inputs));
    const contactId = answer.ContactId ?? "";
    return { id: contactId, outs: { ...inputs, contactId } };
  },
  async delete(id: string, props: NaiveInputs) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdk = require("@aws-sdk/client-connect") as ConnectModule;
    const client = adaptiveClient(sdk, props.region ?? process.env.AWS_REGION ?? "");
    await client.send(new sdk.StopContactCommand({ InstanceId: props.instanceId, ContactId: id }));
  },
};

type NaiveArgs = { readonly [K in keyof NaiveInputs]: pulumi.Input<NaiveInputs[K]> };

/** The naive resource; type token `pulumi-nodejs:dynamic/bench:NaiveOutboundChatContact`. */
export class NaiveOutboundChatContact extends pulumi.dynamic.Resource {
  declare public readonly contactId: pulumi.Output<string>;

  constructor(name: string, args: NaiveArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      naiveProvider,
      name,
      { ...args, contactId: undefined },
      opts,
      "bench",
      "NaiveOutboundChatContact",
    );
  }
}

/** The SDK-adaptive resource; type token `pulumi-nodejs:dynamic/bench:AdaptiveOutboundChatContact`. */
export class AdaptiveOutboundChatContact extends pulumi.dynamic.Resource {
  declare public readonly contactId: pulumi.Output<string>;

  constructor(name: string, args: NaiveArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      adaptiveProvider,
      name,
      { ...args, contactId: undefined },
      opts,
      "bench",
      "AdaptiveOutboundChatContact",
    );
  }
}
