import type * as pulumi from "@pulumi/pulumi";
import { startOutboundChatContact } from "../aws/calls";
import { resolveRegion } from "../region";
import { toStartRequest } from "../request";
import { contactIdentity, deriveClientToken } from "../token";
import { ContactInputs, ContactOutputs } from "../types";
import { contactOutputs } from "./outputs";
import { endedBefore, replayedContactError } from "./replay";
import { regionSettings } from "./settings";

/**
 * Starts the contact with one StartOutboundChatContact call. The ClientToken is derived from the
 * URN and the inputs (or given), never left to the SDK, so a create that is retried after a
 * crash, a timeout or a lost answer gets the contact already started instead of a second one.
 *
 * With a derived token, a DescribeContact then makes sure the answer is not a contact that had
 * already ended before this create (a token reused within 7 days): that create sent nothing, and
 * it fails instead of passing silently. A token given as input adopts whatever it answers.
 */
export async function create(
  inputs: ContactInputs,
): Promise<pulumi.dynamic.CreateResult<ContactOutputs>> {
  const { region } = resolveRegion(inputs, regionSettings());
  const request = toStartRequest(inputs);
  const clientToken =
    inputs.clientToken ?? deriveClientToken(urnOf(inputs), contactIdentity(inputs, region));
  const startedAt = new Date();
  const contactId = await startOutboundChatContact(region, {
    ...request,
    ClientToken: clientToken,
  });
  if (inputs.clientToken === undefined) {
    const endedAt = await endedBefore(region, request.InstanceId!, contactId, startedAt);
    if (endedAt !== undefined) {
      throw replayedContactError(contactId, endedAt);
    }
  }
  return {
    id: contactId,
    outs: contactOutputs(inputs, {
      contactId,
      clientToken,
      clientTokenSource: inputs.clientToken === undefined ? "derived" : "given",
      region,
    }),
  };
}

function urnOf(inputs: ContactInputs): string {
  if (!inputs.__urn) {
    throw new Error(
      "OutboundChatContact received no URN to derive its ClientToken from, so it cannot make " +
        "the send idempotent. Create the resource with `new OutboundChatContact(...)` from " +
        "pulumi-connect-outbound-chat (which passes it), or give `clientToken` explicitly.",
    );
  }
  return inputs.__urn;
}
