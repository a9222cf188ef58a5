import * as pulumi from "@pulumi/pulumi";
import { contactProvider } from "./dynamic-provider";
import { CONTACT_ARGUMENTS, ContactInputs, ContactOutputs } from "./types";

/** The module and type of the resource: its type token is `pulumi-nodejs:dynamic/connect:OutboundChatContact`. */
export const RESOURCE_MODULE = "connect";
export const RESOURCE_TYPE = "OutboundChatContact";
export const TYPE_TOKEN = `pulumi-nodejs:dynamic/${RESOURCE_MODULE}:${RESOURCE_TYPE}`;

/** Inputs that hold personal data, kept secret in state whether or not they were wrapped. */
export const SECRET_INPUTS = [
  "destinationEndpoint",
  "initialSystemMessage",
  "initialTemplatedSystemMessage",
] as const;

/**
 * Outputs kept secret as well: the derived ClientToken is a digest of the destination and the
 * message, which could be recovered from it by trying every phone number.
 */
export const SECRET_OUTPUTS = [...SECRET_INPUTS, "clientToken"] as const;

/** A plain shape with every member, at any depth, accepting a `pulumi.Input`. */
export type DeepInput<T> = T extends string | number | boolean
  ? T
  : unknown extends T
    ? unknown
    : T extends ReadonlyArray<infer E>
      ? ReadonlyArray<pulumi.Input<DeepInput<E>>>
      : { readonly [K in keyof T]: pulumi.Input<DeepInput<T[K]>> };

type PublicInputs = Omit<ContactInputs, "__urn">;

/** The arguments of {@link OutboundChatContact}: the provider's inputs, each a `pulumi.Input`. */
export type OutboundChatContactArgs = {
  readonly [K in keyof PublicInputs]: pulumi.Input<DeepInput<PublicInputs[K]>>;
};

/**
 * An Amazon Connect outbound chat contact: an SMS or WhatsApp conversation started with
 * StartOutboundChatContact. `pulumi up` sends it once; running again, after a crash, a retry or a
 * timeout, never sends it twice, and `pulumi preview` never sends anything.
 *
 * @example
 * new OutboundChatContact("welcome", {
 *   instanceId: instance.arn,
 *   contactFlowId: flow.contactFlowId,
 *   sourceEndpoint: { address: phoneNumber.arn },
 *   destinationEndpoint: { address: "+14155550100" },
 *   channel: "SMS",
 *   initialSystemMessage: { contentType: "text/plain", content: "Welcome aboard!" },
 * });
 */
export class OutboundChatContact extends pulumi.dynamic.Resource {
  /** The ContactId the service answered with; also the resource's id. */
  declare public readonly contactId: pulumi.Output<string>;
  /** The ClientToken the contact was started with. */
  declare public readonly clientToken: pulumi.Output<string>;
  /** `"derived"` when the token came from the URN and inputs, `"given"` when from `clientToken`. */
  declare public readonly clientTokenSource: pulumi.Output<ContactOutputs["clientTokenSource"]>;
  /** The Region the contact lives in. */
  declare public readonly region: pulumi.Output<string>;
  /** The instance ID (an instance ARN given as input is reduced to its ID). */
  declare public readonly instanceId: pulumi.Output<string>;
  /** When the contact started (ISO 8601); filled in by `pulumi refresh`. */
  declare public readonly initiationTimestamp: pulumi.Output<string | undefined>;
  /** When the contact ended (ISO 8601); filled in by `pulumi refresh` once it has ended. */
  declare public readonly disconnectTimestamp: pulumi.Output<string | undefined>;
  /** The flow that runs the contact, as given. */
  declare public readonly contactFlowId: pulumi.Output<string>;
  /** The number the message came from, as given. */
  declare public readonly sourceEndpoint: pulumi.Output<ContactOutputs["sourceEndpoint"]>;
  /** The customer's number, as given. Secret. */
  declare public readonly destinationEndpoint: pulumi.Output<ContactOutputs["destinationEndpoint"]>;
  /** `"SMS"` or `"WhatsApp"`, as given. */
  declare public readonly channel: pulumi.Output<ContactOutputs["channel"]>;
  /** The segment attributes, as given. */
  declare public readonly segmentAttributes: pulumi.Output<ContactOutputs["segmentAttributes"]>;
  /** The contact attributes, as given (and as last pushed to the contact). */
  declare public readonly attributes: pulumi.Output<ContactOutputs["attributes"]>;
  /** The chat duration in minutes, as given. */
  declare public readonly chatDurationInMinutes: pulumi.Output<number | undefined>;
  /** The participant's details, as given. */
  declare public readonly participantDetails: pulumi.Output<ContactOutputs["participantDetails"]>;
  /** The first system message, as given. Secret. */
  declare public readonly initialSystemMessage: pulumi.Output<
    ContactOutputs["initialSystemMessage"]
  >;
  /** The templated first message, as given. Secret. */
  declare public readonly initialTemplatedSystemMessage: pulumi.Output<
    ContactOutputs["initialTemplatedSystemMessage"]
  >;
  /** The related contact, as given. */
  declare public readonly relatedContactId: pulumi.Output<string | undefined>;
  /** The supported content types, as given. */
  declare public readonly supportedMessagingContentTypes: pulumi.Output<string[] | undefined>;
  /** The triggers, as given. */
  declare public readonly triggers: pulumi.Output<unknown[] | undefined>;
  /** What a delete does, as given. */
  declare public readonly onDelete: pulumi.Output<ContactOutputs["onDelete"]>;

  constructor(name: string, args: OutboundChatContactArgs, opts?: pulumi.CustomResourceOptions) {
    // Every argument is named, given or not, so that each becomes an output of the resource.
    const props: Record<string, pulumi.Input<unknown>> = {};
    for (const key of CONTACT_ARGUMENTS) {
      props[key] = args[key];
    }
    for (const key of SECRET_INPUTS) {
      if (props[key] !== undefined) {
        props[key] = pulumi.secret(props[key]);
      }
    }
    super(
      contactProvider,
      name,
      {
        ...props,
        __urn: pulumi.createUrn(name, TYPE_TOKEN, opts?.parent),
        contactId: undefined,
        clientTokenSource: undefined,
        initiationTimestamp: undefined,
        disconnectTimestamp: undefined,
      },
      {
        ...opts,
        additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...SECRET_OUTPUTS],
      },
      RESOURCE_MODULE,
      RESOURCE_TYPE,
    );
  }
}
