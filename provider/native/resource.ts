/**
 * `OutboundChatContact` of the native provider, for TypeScript programs: the same arguments and
 * outputs as the dynamic resource (`../resource.ts`), served by the plugin
 * `pulumi-resource-connect-outbound-chat` under the type `connect-outbound-chat:index:OutboundChatContact`.
 *
 * It carries an alias from the dynamic resource's type, so a stack moves to it by changing the
 * import and nothing else: the engine finds the contact in state under its old type, the plugin
 * sees no change (the ClientToken and ContactId carry over), and nothing is sent again.
 */
import * as pulumi from "@pulumi/pulumi";
import { ARGUMENT_NAMES, COMPUTED_OUTPUTS, SECRET_INPUTS, SECRET_OUTPUTS } from "../arguments";
import {
  OutboundChatContactArgs,
  OutboundChatContactOutputs,
  TYPE_TOKEN as DYNAMIC_TYPE_TOKEN,
} from "../resource";
import { RESOURCE_TOKEN } from "../schema";
import { packageVersion } from "./version";

/** The native resource's type token. */
export const TYPE_TOKEN = RESOURCE_TOKEN;

// The class declares its outputs by merging with this interface, derived from ContactOutputs.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface OutboundChatContact extends OutboundChatContactOutputs {}

/**
 * An Amazon Connect outbound chat contact, through the native provider plugin. `pulumi up` sends
 * it once; `pulumi preview` sends nothing; `pulumi import` adopts a contact started elsewhere.
 */
// The merged interface's outputs are set at run time: pulumi.CustomResource makes an Output
// property of every key of the props below.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class OutboundChatContact extends pulumi.CustomResource {
  constructor(name: string, args: OutboundChatContactArgs, opts?: pulumi.CustomResourceOptions) {
    const props: Record<string, pulumi.Input<unknown>> = {};
    for (const key of ARGUMENT_NAMES) {
      props[key] = args[key];
    }
    for (const key of SECRET_INPUTS) {
      if (props[key] !== undefined) props[key] = pulumi.secret(props[key]);
    }
    for (const key of Object.keys(COMPUTED_OUTPUTS)) {
      props[key] = undefined;
    }
    super(TYPE_TOKEN, name, props, {
      ...opts,
      aliases: [...(opts?.aliases ?? []), { type: DYNAMIC_TYPE_TOKEN }],
      additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...SECRET_OUTPUTS],
      version: opts?.version ?? packageVersion(),
    });
  }
}
