import { isUnknown, nonPlainPart, sameValue } from "./canonical";
import { parseInstanceRef } from "./arn";
import {
  DEFAULT_CHAT_DURATION_MINUTES,
  DESTINATION_ENDPOINT_TYPE,
  SOURCE_ENDPOINT_TYPE,
  SUBTYPE_KEY,
} from "./limits";
import {
  contactFlowIdOf,
  contentTypesOf,
  instanceIdOf,
  segmentAttributesOf,
  subtypeOf,
} from "./request";
import { ContactInputs, ContactOutputs } from "./types";

/** How a change of inputs is carried out. */
export interface ContactChanges {
  /** Properties whose change sends a new contact (create the new one, then delete the old). */
  readonly replaces: string[];
  /** Properties changed in place on the live contact. */
  readonly updates: string[];
}

type View = (inputs: ContactInputs) => unknown;

const endpoint =
  (side: "sourceEndpoint" | "destinationEndpoint", defaultType: string): View =>
  (inputs) => {
    const value = inputs[side] as unknown;
    if (value === null || typeof value !== "object") {
      return value;
    }
    const { type, address } = value as { type?: string; address?: string };
    return { type: type ?? defaultType, address };
  };

const segmentAttributesWithoutSubtype: View = (inputs) => {
  // Not a computed key in a destructuring: the closure serializer misses the module it names.
  const rest = { ...segmentAttributesOf(inputs) };
  delete rest[SUBTYPE_KEY];
  return rest;
};

/**
 * The inputs that define the contact, each seen with its defaults filled in and IDs normalized,
 * so that an output the provider computed compares equal to the input it came from.
 */
const REPLACING: Record<string, View> = {
  instanceId: (inputs) => instanceIdOf(inputs.instanceId),
  contactFlowId: (inputs) => contactFlowIdOf(inputs.contactFlowId),
  sourceEndpoint: endpoint("sourceEndpoint", SOURCE_ENDPOINT_TYPE),
  destinationEndpoint: endpoint("destinationEndpoint", DESTINATION_ENDPOINT_TYPE),
  channel: (inputs) => subtypeOf(inputs),
  segmentAttributes: segmentAttributesWithoutSubtype,
  chatDurationInMinutes: (inputs) => inputs.chatDurationInMinutes ?? DEFAULT_CHAT_DURATION_MINUTES,
  participantDetails: (inputs) => inputs.participantDetails,
  initialSystemMessage: (inputs) => inputs.initialSystemMessage,
  initialTemplatedSystemMessage: (inputs) => inputs.initialTemplatedSystemMessage,
  relatedContactId: (inputs) => inputs.relatedContactId,
  supportedMessagingContentTypes: (inputs) => contentTypesOf(inputs.supportedMessagingContentTypes),
  triggers: (inputs) => inputs.triggers ?? [],
};

const UPDATING: Record<string, View> = {
  attributes: (inputs) => inputs.attributes ?? {},
  onDelete: (inputs) => inputs.onDelete ?? "stop",
};

/** Whether a value, at any depth, is one Pulumi does not know yet (during a preview). */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) {
    return true;
  }
  if (value !== null && typeof value === "object") {
    return Object.values(value).some(containsUnknown);
  }
  return false;
}

/**
 * Whether the view of `key` differs. A value that cannot be compared (not plain data: a BigInt, a
 * cycle, a getter that throws) counts as a change, never as an exception; any other exception is
 * a bug and is not hidden.
 */
function differs(view: View, olds: ContactInputs, news: ContactInputs, key: string): boolean {
  const given = (news as unknown as Record<string, unknown>)[key];
  const stored = (olds as unknown as Record<string, unknown>)[key];
  if (nonPlainPart(given) !== undefined || nonPlainPart(stored) !== undefined) {
    return true;
  }
  if (containsUnknown(given)) {
    return true;
  }
  return !sameValue(view(olds), view(news));
}

/** The keys of `views` whose view of the inputs differs between `olds` and `news`. */
function changedKeys(
  views: Record<string, View>,
  olds: ContactInputs,
  news: ContactInputs,
): string[] {
  return Object.entries(views)
    .filter(([key, view]) => differs(view, olds, news, key))
    .map(([key]) => key);
}

/**
 * The Region changes only when the new inputs name one (directly, or through an instance ARN)
 * that differs from the Region the contact lives in. A Region the provider picked from the stack
 * configuration or the environment is not compared with an input the user left out.
 */
function regionChanged(olds: ContactOutputs, news: ContactInputs): boolean {
  const named = news.region ?? parseInstanceRef(news.instanceId)?.region;
  return named !== undefined && named !== olds.region;
}

/**
 * A ClientToken given as input changes when it differs from the token the contact was sent with;
 * leaving it out changes it only if the contact was sent with a token the user gave.
 */
function clientTokenChanged(olds: ContactOutputs, news: ContactInputs): boolean {
  if (news.clientToken !== undefined) {
    return news.clientToken !== olds.clientToken;
  }
  return olds.clientTokenSource === "given";
}

/**
 * Classifies a change from the stored outputs to new checked inputs. The URN is never compared:
 * a renamed stack or a resource moved under a new parent must not send the message again.
 */
export function classifyChanges(olds: ContactOutputs, news: ContactInputs): ContactChanges {
  const replaces = changedKeys(REPLACING, olds, news);
  if (regionChanged(olds, news)) {
    replaces.push("region");
  }
  if (clientTokenChanged(olds, news)) {
    replaces.push("clientToken");
  }
  const updates = changedKeys(UPDATING, olds, news);
  return { replaces, updates };
}

/**
 * A `clientToken` given as input must change when the contact changes: the same token would be
 * answered with the old contact (nothing sent), and the replacement's delete would then stop it.
 * Compares the old and new inputs as `check` receives them; returns the problem, if any.
 */
export function reusedClientTokenProblem(
  olds: Partial<ContactInputs>,
  news: ContactInputs,
): { property: string; reason: string } | undefined {
  if (news.clientToken === undefined || olds.clientToken !== news.clientToken) {
    return undefined;
  }
  if (containsUnknown(news) || olds.instanceId === undefined) {
    return undefined;
  }
  const changed = changedKeys(REPLACING, olds as ContactInputs, news);
  if (changed.length === 0) {
    return undefined;
  }
  return {
    property: "clientToken",
    reason:
      `clientToken is the token the contact was sent with, but ${changed.join(", ")} changed, ` +
      "which sends a new contact: with the same token Amazon Connect would answer with the old " +
      "contact and send nothing, and replacing it would then stop that contact. Fix: give a new " +
      "clientToken with the change, or remove clientToken to let the provider derive one.",
  };
}
