import { instanceIdOf } from "../request";
import { ContactInputs, ContactOutputs } from "../types";

type Computed = Pick<ContactOutputs, "contactId" | "clientToken" | "clientTokenSource" | "region"> &
  Partial<Pick<ContactOutputs, "initiationTimestamp" | "disconnectTimestamp">>;

/**
 * The outputs stored for a contact: the inputs as given (without the URN, which is no part of the
 * contact), the normalized instance ID, and what the provider computed. Delete and refresh have
 * only these, so everything they need is here.
 */
export function contactOutputs(inputs: ContactInputs, computed: Computed): ContactOutputs {
  const { __urn: _urn, ...given } = inputs;
  const outputs: Record<string, unknown> = {
    ...given,
    ...computed,
    instanceId: instanceIdOf(inputs.instanceId),
  };
  for (const key of Object.keys(outputs)) {
    if (outputs[key] === undefined) {
      delete outputs[key];
    }
  }
  return outputs as unknown as ContactOutputs;
}

/** What the provider computed, taken from stored outputs to carry over into new ones. */
export function computedOf(olds: ContactOutputs): Computed {
  return {
    contactId: olds.contactId,
    clientToken: olds.clientToken,
    clientTokenSource: olds.clientTokenSource,
    region: olds.region,
    initiationTimestamp: olds.initiationTimestamp,
    disconnectTimestamp: olds.disconnectTimestamp,
  };
}
