/**
 * Shared, realistic inputs for tests. Each call answers a fresh object, so a test may change it.
 */
import { UNKNOWN } from "../harness/doubles";
import { ContactInputs } from "../provider/types";

export const INSTANCE_ID = "11111111-2222-3333-4444-555555555555";
export const CONTACT_FLOW_ID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
export const ACCOUNT_ID = "123456789012";
export const REGION = "us-east-1";
export const INSTANCE_ARN = `arn:aws:connect:${REGION}:${ACCOUNT_ID}:instance/${INSTANCE_ID}`;
export const CONTACT_FLOW_ARN = `${INSTANCE_ARN}/contact-flow/${CONTACT_FLOW_ID}`;
export const SOURCE_PHONE_NUMBER_ARN = `arn:aws:connect:${REGION}:${ACCOUNT_ID}:phone-number/99999999-8888-7777-6666-555555555555`;
/** A valid US number per libphonenumber, from the 555-01xx range reserved for fiction. */
export const DESTINATION_PHONE_NUMBER = "+14155550100";
export const WELCOME_MESSAGE = "Welcome aboard!";

/**
 * A complete, valid set of inputs for the usual case: an SMS with an initial message. Endpoint
 * types, region and the other options are left to their defaults.
 */
export function validInputs(): ContactInputs {
  return {
    instanceId: INSTANCE_ID,
    contactFlowId: CONTACT_FLOW_ID,
    sourceEndpoint: { address: SOURCE_PHONE_NUMBER_ARN },
    destinationEndpoint: { address: DESTINATION_PHONE_NUMBER },
    channel: "SMS",
    initialSystemMessage: { contentType: "text/plain", content: WELCOME_MESSAGE },
  };
}

/** The fewest inputs that are valid: the required ones and channel. */
export function minimalInputs(): ContactInputs {
  return {
    instanceId: INSTANCE_ID,
    contactFlowId: CONTACT_FLOW_ID,
    sourceEndpoint: { address: SOURCE_PHONE_NUMBER_ARN },
    destinationEndpoint: { address: DESTINATION_PHONE_NUMBER },
    channel: "SMS",
  };
}

/** A valid initialTemplatedSystemMessage (to use instead of initialSystemMessage). */
export function templatedMessage(): NonNullable<ContactInputs["initialTemplatedSystemMessage"]> {
  return {
    knowledgeBaseId: "kb-0123456789",
    messageTemplateId: "welcome-template",
    templateAttributes: {
      customAttributes: { firstName: "Ana" },
      customerProfileAttributes: JSON.stringify({ Profile: { FirstName: "Ana" } }),
    },
  };
}

/** Valid inputs with every option set, ARNs for the instance and flow, and the defaults spelled out. */
export function everyOptionInputs(): ContactInputs {
  return {
    ...validInputs(),
    instanceId: INSTANCE_ARN,
    contactFlowId: CONTACT_FLOW_ARN,
    sourceEndpoint: { type: "CONNECT_PHONENUMBER_ARN", address: SOURCE_PHONE_NUMBER_ARN },
    destinationEndpoint: { type: "TELEPHONE_NUMBER", address: DESTINATION_PHONE_NUMBER },
    segmentAttributes: {
      "connect:Subtype": { valueString: "connect:SMS" },
      "connect:CustomerAuthentication": { valueMap: { level: { valueInteger: 2 } } },
    },
    attributes: { orderId: "A-1001", "customer-tier": "gold" },
    chatDurationInMinutes: 1440,
    participantDetails: { displayName: "Ana Silva" },
    relatedContactId: "bbbbbbbb-1111-2222-3333-444444444444",
    supportedMessagingContentTypes: ["text/plain", "text/markdown"],
    clientToken: "welcome-ana-2024-06-01",
    triggers: ["2024-06-01"],
    onDelete: "stop",
    region: REGION,
  };
}

/** Every input of {@link everyOptionInputs} not known yet, as in a preview. */
export function unknownInputs(): Record<string, unknown> {
  return Object.fromEntries(Object.keys(everyOptionInputs()).map((key) => [key, UNKNOWN]));
}

/**
 * The resource's arguments, written out here rather than read from the implementation, so that an
 * argument the resource or the validators forget fails the tests that use this list.
 */
export const ARGUMENT_NAMES: readonly string[] = [
  "instanceId",
  "contactFlowId",
  "sourceEndpoint",
  "destinationEndpoint",
  "channel",
  "segmentAttributes",
  "attributes",
  "chatDurationInMinutes",
  "participantDetails",
  "initialSystemMessage",
  "initialTemplatedSystemMessage",
  "relatedContactId",
  "supportedMessagingContentTypes",
  "clientToken",
  "triggers",
  "onDelete",
  "region",
];
