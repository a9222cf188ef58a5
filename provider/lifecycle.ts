/**
 * The lifecycle of an outbound chat contact: check, diff, create, read, update and delete, as
 * plain functions of the URN, the inputs and the stored outputs. Nothing here knows Pulumi's
 * dynamic-provider types: `dynamic-provider.ts` is the face that adapts these to them, and another
 * face (a native provider plugin) could call them as they are. AWS calls go through `aws/calls`.
 */
import { instanceIdOf } from "./argument-values";
import {
  describeContact,
  startOutboundChatContact,
  stopContact,
  updateContactAttributes,
} from "./aws/calls";
import { explainNotFound } from "./aws/diagnosis";
import { awsErrorNameOf, isContactGone } from "./aws/errors";
import { sameValue } from "./canonical";
import { outboundChatContactError } from "./contact-error";
import { classifyChanges, reusedClientTokenProblem } from "./diff-rules";
import { resolveRegion } from "./region";
import { RESOURCE_TOKEN } from "./schema";
import { currentSettings } from "./settings";
import { reusedTokenEndedAt, reusedTokenError } from "./reused-token";
import { comparable, deriveClientToken, identityOf, toStartRequest } from "./request";
import { ContactInputs, ContactOutputs, InputProblem } from "./types";
import { validateInputs } from "./validation/inputs";

/** What the provider computes for a contact, kept in its outputs beside the inputs. */
type Computed = Pick<ContactOutputs, "contactId" | "clientToken" | "clientTokenSource" | "region"> &
  Partial<Pick<ContactOutputs, "initiationTimestamp" | "disconnectTimestamp">>;

/** The outputs an update in place never changes, which Diff reports as stable. */
export const STABLE_OUTPUTS = ["contactId", "clientToken", "region", "instanceId"] as const;

/**
 * Validates the inputs against the API's documented limits, with no network call. Values still
 * unknown during a preview are passed over; the rest are reported with their property path. A
 * `clientToken` given as input must change along with the contact. Never throws.
 */
export function check(
  olds: Partial<ContactInputs>,
  news: ContactInputs,
): { inputs: ContactInputs; failures: InputProblem[] } {
  // The engine's inputs are unchecked: validate them as untyped values.
  const problems = validateInputs(news as unknown as Record<string, unknown>, olds);
  const reusedToken = problems.length === 0 ? reusedClientTokenProblem(olds, news) : undefined;
  return { inputs: news, failures: reusedToken ? [...problems, reusedToken] : problems };
}

/**
 * `attributes` and `onDelete` change in place; any other change sends a new contact, created
 * before the old one is stopped. Never throws.
 */
export function diff(
  olds: ContactOutputs,
  news: ContactInputs,
): { changes: boolean; replaces: string[]; deleteBeforeReplace: false; stables: string[] } {
  const { replaces, updates } = classifyChanges(olds, news);
  return {
    changes: replaces.length + updates.length > 0,
    replaces,
    deleteBeforeReplace: false,
    stables: replaces.length === 0 ? [...STABLE_OUTPUTS] : [],
  };
}

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
  urn: string | undefined,
  inputs: ContactInputs,
): Promise<{ id: string; outs: ContactOutputs }> {
  const region = resolveRegion(inputs);
  const request = toStartRequest(inputs);
  const clientToken =
    inputs.clientToken ??
    deriveClientToken(
      requireUrn(urn),
      identityOf(comparable(request), inputs.triggers, region),
      currentSettings().clientTokenKey,
    );
  const startedAt = new Date();
  const contactId = await startOutboundChatContact(region, {
    ...request,
    ClientToken: clientToken,
  }).catch(async (error: unknown) => {
    throw await explainNotFound(error, {
      region,
      instanceId: request.InstanceId!,
      contactFlowId: request.ContactFlowId!,
      sourcePhoneNumberArn: request.SourceEndpoint!.Address!,
    });
  });
  if (inputs.clientToken === undefined) {
    const endedAt = await reusedTokenEndedAt(region, request.InstanceId!, contactId, startedAt);
    if (endedAt !== undefined) {
      throw reusedTokenError(contactId, endedAt);
    }
  }
  const clientTokenSource = inputs.clientToken === undefined ? "derived" : "given";
  return {
    id: contactId,
    outs: contactOutputs(inputs, { contactId, clientToken, clientTokenSource, region }),
  };
}

/**
 * Refreshes the contact with DescribeContact: fills in when it started and, once it has ended,
 * when it ended. A contact the service no longer knows reads as gone (an empty id).
 */
export async function read(
  id: string,
  props: ContactOutputs | undefined,
): Promise<{ id: string; props?: ContactOutputs }> {
  if (!props?.region || !props.instanceId) {
    throw outboundChatContactError(
      "MissingState",
      `OutboundChatContact cannot read contact ${id} without the outputs it stored when it was ` +
        "created (its Region and instance). The dynamic resource cannot import an existing " +
        `contact: import it with the native provider (\`pulumi import ${RESOURCE_TOKEN} ` +
        "<name> <instanceId>/<contactId>`), or " +
        "give `clientToken` to adopt a contact started with that token in the last 7 days.",
    );
  }
  try {
    const contact = await describeContact(props.region, props.instanceId, id);
    const { initiationTimestamp: _i, disconnectTimestamp: _d, ...rest } = props;
    const initiationTimestamp = contact.InitiationTimestamp?.toISOString();
    const disconnectTimestamp = contact.DisconnectTimestamp?.toISOString();
    return {
      id,
      props: {
        ...rest,
        ...(initiationTimestamp ? { initiationTimestamp } : {}),
        ...(disconnectTimestamp ? { disconnectTimestamp } : {}),
      },
    };
  } catch (error) {
    if (isContactGone(error)) {
      return { id: "" };
    }
    throw error;
  }
}

/**
 * Updates the live contact's attributes (UpdateContactAttributes) when they changed, and returns
 * the full outputs: a dynamic provider that returned none here would lose them.
 */
export async function update(
  olds: ContactOutputs,
  news: ContactInputs,
): Promise<{ outs: ContactOutputs }> {
  if (!sameValue(olds.attributes ?? {}, news.attributes ?? {})) {
    await updateContactAttributes(
      olds.region,
      olds.instanceId,
      olds.contactId,
      attributesUpdate(olds.attributes, news.attributes),
    );
  }
  return { outs: contactOutputs(news, computedOf(olds)) };
}

/**
 * With `onDelete: "stop"` (the default) ends the chat with StopContact; a contact that has already
 * ended, or that the service no longer knows, counts as deleted. With `"retain"` makes no call.
 */
export async function deleteContact(id: string, props: ContactOutputs): Promise<void> {
  if (props.onDelete === "retain") {
    return;
  }
  try {
    await stopContact(props.region, props.instanceId, id);
  } catch (error) {
    if (!(await endedAlready(error, props, id))) {
      throw error;
    }
  }
}

/**
 * The attributes to send so that the live contact ends with `next`: the new and changed ones,
 * and an empty value for each one removed (UpdateContactAttributes merges, it never deletes).
 */
export function attributesUpdate(
  previous: Record<string, string> | undefined,
  next: Record<string, string> | undefined,
): Record<string, string> {
  const update: Record<string, string> = {};
  for (const key of Object.keys(previous ?? {})) {
    if (!next || !(key in next)) {
      update[key] = "";
    }
  }
  return { ...update, ...next };
}

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
function computedOf(olds: ContactOutputs): Computed {
  return {
    contactId: olds.contactId,
    clientToken: olds.clientToken,
    clientTokenSource: olds.clientTokenSource,
    region: olds.region,
    initiationTimestamp: olds.initiationTimestamp,
    disconnectTimestamp: olds.disconnectTimestamp,
  };
}

function requireUrn(urn: string | undefined): string {
  if (!urn) {
    throw outboundChatContactError(
      "MissingUrn",
      "OutboundChatContact received no URN to derive its ClientToken from, so it cannot make " +
        "the send idempotent. Create the resource with `new OutboundChatContact(...)` from " +
        "pulumi-connect-outbound-chat (which passes it), or give `clientToken` explicitly.",
    );
  }
  return urn;
}

/**
 * Whether a StopContact failure means the contact had already ended: the service answers an
 * InvalidRequestException for such a contact, which DescribeContact confirms with a disconnect
 * time.
 */
async function endedAlready(error: unknown, props: ContactOutputs, id: string): Promise<boolean> {
  if (isContactGone(error)) {
    return true;
  }
  if (awsErrorNameOf(error) !== "InvalidRequestException") {
    return false;
  }
  try {
    const contact = await describeContact(props.region, props.instanceId, id);
    return contact.DisconnectTimestamp !== undefined;
  } catch (describeError) {
    return isContactGone(describeError);
  }
}
