import * as pulumi from "@pulumi/pulumi";
import { contactProvider } from "./dynamic-provider";
import {
  ARGUMENT_NAMES,
  COMPUTED_OUTPUTS,
  PublicInputs,
  SECRET_INPUTS,
  SECRET_OUTPUTS,
} from "./arguments";
import { ContactOutputs } from "./types";

/** The outputs the provider computes, passed as undefined so that each becomes a property. */
const COMPUTED = Object.fromEntries(Object.keys(COMPUTED_OUTPUTS).map((key) => [key, undefined]));

/** The module and type of the resource: its type token is `pulumi-nodejs:dynamic/connect:OutboundChatContact`. */
export const RESOURCE_MODULE = "connect";
export const RESOURCE_TYPE = "OutboundChatContact";
export const TYPE_TOKEN = `pulumi-nodejs:dynamic/${RESOURCE_MODULE}:${RESOURCE_TYPE}`;

/** A plain shape with every member, at any depth, accepting a `pulumi.Input`. */
export type DeepInput<T> = T extends string | number | boolean
  ? T
  : unknown extends T
    ? unknown
    : T extends ReadonlyArray<infer E>
      ? ReadonlyArray<pulumi.Input<DeepInput<E>>>
      : { readonly [K in keyof T]: pulumi.Input<DeepInput<T[K]>> };

/** The arguments of {@link OutboundChatContact}: the provider's inputs, each a `pulumi.Input`. */
export type OutboundChatContactArgs = {
  readonly [K in keyof PublicInputs]: pulumi.Input<DeepInput<PublicInputs[K]>>;
};

/**
 * The resource's output properties: every output the provider stores (the arguments as given and
 * what it computes, documented on `ContactOutputs`), each a `pulumi.Output`.
 */
export type OutboundChatContactOutputs = {
  readonly [K in keyof Omit<ContactOutputs, "__urn">]-?: pulumi.Output<ContactOutputs[K]>;
};

// The class declares its outputs by merging with this interface, derived from ContactOutputs, so
// that an output added to the provider is a property of the class without a second list.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface OutboundChatContact extends OutboundChatContactOutputs {}

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
// The merged interface's outputs are set at run time: pulumi.CustomResource makes an Output
// property of every key of the props below.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class OutboundChatContact extends pulumi.dynamic.Resource {
  constructor(name: string, args: OutboundChatContactArgs, opts?: pulumi.CustomResourceOptions) {
    // Every argument is named, given or not, so that each becomes an output of the resource.
    const props: Record<string, pulumi.Input<unknown>> = {};
    for (const key of ARGUMENT_NAMES) {
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
        ...COMPUTED,
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
