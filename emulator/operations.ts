/**
 * The four operations: validate the input from the model (plus the documented extra rules), then
 * apply the operation to the store. Each returns the response body or throws an EmulatorError.
 */
import { randomUUID } from "node:crypto";
import { EmulatorError, invalidRequest, resourceNotFound } from "./errors";
import { accountOfArn, contactFlowIdOf, instanceIdOf, phoneNumberIdOf } from "./ids";
import { maskPhoneNumber } from "./mask";
import { CONNECT_MODEL, type OperationName } from "./model/model";
import {
  formatValidationMessage,
  validateValue,
  type ValidationIssue,
} from "./model/shape-validator";
import { checkAttributeKeys, checkOutboundChatRules } from "./rules";
import {
  contactState,
  disconnectMs,
  type ContactRecord,
  type InstanceRecord,
  type Store,
} from "./store";

/** The default chat duration: 25 hours. */
export const DEFAULT_CHAT_DURATION_MINUTES = 1500;
/** How long a ClientToken is remembered. */
export const CLIENT_TOKEN_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
/** The most UTF-8 bytes all attributes of a contact may take. */
export const MAX_ATTRIBUTES_BYTES = 32_768;

export interface OperationContext {
  readonly store: Store;
  readonly nowMs: number;
  readonly activeChatLimit: number;
  /**
   * The Region the request was signed for: an instance of another Region is not found, as AWS's
   * regional endpoints answer. @default - any Region (calls made in-process, without a signature)
   */
  readonly region?: string;
  /**
   * The account of the key that signed the request: instances of other accounts are not found by
   * ID, and an ARN naming another account is denied. @default - any account (calls made
   * in-process, without a signature)
   */
  readonly accountId?: string;
  /** The operation being run, for the IAM action named in an AccessDeniedException. @default "Unknown" */
  readonly operation?: string;
}

export interface OperationResult {
  readonly output: Record<string, unknown>;
  /** Whether the store changed (and the state file must be written). */
  readonly changed: boolean;
  readonly contactId?: string;
}

type Input = Readonly<Record<string, unknown>>;

/** All validation issues of `input` for `operation`; empty when valid. */
export function validateInput(operation: OperationName, input: Input): ValidationIssue[] {
  const shapeName = CONNECT_MODEL.operations[operation].input.shape;
  const issues = validateValue(CONNECT_MODEL, shapeName, input);
  const rules =
    operation === "StartOutboundChatContact"
      ? checkOutboundChatRules(input)
      : operation === "UpdateContactAttributes"
        ? checkAttributeKeys(input)
        : [];
  const seen = new Set(issues.map((issue) => issue.path));
  return [...issues, ...rules.filter((issue) => !seen.has(issue.path))];
}

function attributesBytes(attributes: Readonly<Record<string, string>>): number {
  let total = 0;
  for (const [key, value] of Object.entries(attributes)) {
    total += Buffer.byteLength(key) + Buffer.byteLength(value);
  }
  return total;
}

function checkAttributesSize(attributes: Readonly<Record<string, string>>): void {
  const bytes = attributesBytes(attributes);
  if (bytes > MAX_ATTRIBUTES_BYTES) {
    throw invalidRequest(
      `1 validation error detected: Value at 'attributes' failed to satisfy constraint: The attributes of a contact may take up to ${MAX_ATTRIBUTES_BYTES} UTF-8 bytes, got ${bytes}`,
    );
  }
}

/**
 * Refuses an ARN that names an account other than the caller's, as IAM does before Connect looks
 * anything up. Amazon Connect instances (and the flows and contacts under them) have no
 * resource-based policy, so nothing allows another account to reach them: the request is denied
 * with AccessDeniedException, whether or not the resource exists there (so the answer does not
 * tell). Its status, 403, is the model's; the model lists the error for StartOutboundChatContact,
 * and the API reference's Common Errors list it for every action, which is how IAM denies the
 * other operations. An ID, unlike an ARN, names no account: Connect resolves it in the caller's own
 * account, where another account's instance does not exist (ResourceNotFoundException, in
 * `requireInstance`).
 */
function requireOwnAccount(context: OperationContext, value: string, what: string): void {
  const named = accountOfArn(value);
  if (context.accountId === undefined || named === undefined || named === context.accountId) {
    return;
  }
  throw new EmulatorError(
    "AccessDeniedException",
    `Account ${context.accountId.slice(0, 12)} is not authorized to perform: connect:${context.operation ?? "Unknown"} on ${what} of account ${named.slice(0, 12)}: Amazon Connect resources are not shared across accounts.`,
  );
}

function requireInstance(context: OperationContext, instanceId: string): InstanceRecord {
  requireOwnAccount(context, instanceId, "an instance");
  const instance = context.store.instance(instanceId);
  if (
    instance === undefined ||
    (context.region !== undefined && instance.region !== context.region) ||
    (context.accountId !== undefined && instance.accountId !== context.accountId)
  ) {
    throw resourceNotFound(`Instance not found: ${instanceIdOf(instanceId)}`);
  }
  return instance;
}

function epochSeconds(ms: number): number {
  return ms / 1000;
}

function startOutboundChatContact(input: Input, context: OperationContext): OperationResult {
  const { store, nowMs } = context;
  requireOwnAccount(context, input.ContactFlowId as string, "a contact flow");
  const instance = requireInstance(context, input.InstanceId as string);
  const flowId = contactFlowIdOf(input.ContactFlowId as string);
  if (!instance.contactFlows.includes(flowId)) {
    throw resourceNotFound(`Contact flow not found: ${flowId}`);
  }
  const source = input.SourceEndpoint as Record<string, string>;
  if (!instance.phoneNumbers.includes(source.Address)) {
    throw resourceNotFound(`Phone number not found in instance ${instance.id}: ${source.Address}`);
  }
  const clientToken = input.ClientToken as string | undefined;
  const clientTokenHash =
    clientToken === undefined ? undefined : store.hashClientToken(clientToken);
  if (clientTokenHash !== undefined) {
    const token = store.token(instance.id, clientTokenHash);
    if (token !== undefined && nowMs - token.firstSeenMs < CLIENT_TOKEN_WINDOW_MS) {
      return { output: { ContactId: token.contactId }, changed: false, contactId: token.contactId };
    }
  }
  const attributes = { ...((input.Attributes ?? {}) as Record<string, string>) };
  checkAttributesSize(attributes);
  if (store.activeContactCount(instance.id, nowMs) >= context.activeChatLimit) {
    throw new EmulatorError(
      "LimitExceededException",
      `The quota of ${context.activeChatLimit} concurrent active chats for instance ${instance.id} has been reached.`,
    );
  }
  const contactId = randomUUID();
  const destination = input.DestinationEndpoint as Record<string, string>;
  const contact: ContactRecord = {
    contactId,
    arn: `arn:aws:connect:${instance.region}:${instance.accountId}:instance/${instance.id}/contact/${contactId}`,
    instanceId: instance.id,
    contactFlowId: flowId,
    ...(clientTokenHash === undefined ? {} : { clientTokenHash }),
    initiationMs: nowMs,
    chatDurationInMinutes:
      (input.ChatDurationInMinutes as number | undefined) ?? DEFAULT_CHAT_DURATION_MINUTES,
    sourcePhoneNumberArn: source.Address,
    destinationAddressMasked: maskPhoneNumber(destination.Address),
    attributes,
    segmentAttributes: structuredClone(input.SegmentAttributes as Record<string, unknown>),
    ...(typeof input.RelatedContactId === "string"
      ? { relatedContactId: input.RelatedContactId }
      : {}),
    lastUpdateMs: nowMs,
  };
  store.addContact(contact);
  if (clientTokenHash !== undefined) {
    store.addToken({ instanceId: instance.id, clientTokenHash, contactId, firstSeenMs: nowMs });
  }
  return { output: { ContactId: contactId }, changed: true, contactId };
}

function findContact(
  store: Store,
  instance: InstanceRecord,
  contactId: string,
): ContactRecord | undefined {
  const contact = store.contact(contactId);
  return contact?.instanceId === instance.id ? contact : undefined;
}

function describeContact(input: Input, context: OperationContext): OperationResult {
  const { store, nowMs } = context;
  const instance = requireInstance(context, input.InstanceId as string);
  const contactId = input.ContactId as string;
  const contact = findContact(store, instance, contactId);
  if (contact === undefined) {
    throw resourceNotFound(`Contact not found: ${contactId}`);
  }
  return { output: { Contact: describedContact(contact, nowMs) }, changed: false, contactId };
}

/**
 * A contact as DescribeContact returns it: every member of the model's `Contact` that a chat
 * started by StartOutboundChatContact has. Left out: CustomerEndpoint (the emulator never keeps
 * the customer's number), and what a chat of the emulator never gets (an agent, a queue,
 * recordings, evaluations, chat metrics, tags); see the README's leniencies.
 */
function describedContact(contact: ContactRecord, nowMs: number): Record<string, unknown> {
  const ended = disconnectMs(contact, nowMs);
  const lastUpdate = Math.max(contact.lastUpdateMs ?? contact.initiationMs, ended ?? 0);
  return {
    Arn: contact.arn,
    Id: contact.contactId,
    InitialContactId: contact.contactId,
    ContactAssociationId: contact.contactId,
    Channel: "CHAT",
    InitiationMethod: "API",
    InitiationTimestamp: epochSeconds(contact.initiationMs),
    LastUpdateTimestamp: epochSeconds(Math.min(lastUpdate, nowMs)),
    ...(ended === undefined
      ? {}
      : {
          DisconnectTimestamp: epochSeconds(ended),
          DisconnectReason: contact.stoppedMs !== undefined ? "API" : "EXPIRED",
        }),
    ...(contact.relatedContactId === undefined
      ? {}
      : { RelatedContactId: contact.relatedContactId }),
    SystemEndpoint: { Type: "CONNECT_PHONENUMBER_ARN", Address: contact.sourcePhoneNumberArn },
    Attributes: { ...contact.attributes },
    SegmentAttributes: structuredClone(contact.segmentAttributes),
  };
}

function stopContact(input: Input, context: OperationContext): OperationResult {
  const { store, nowMs } = context;
  const instance = requireInstance(context, input.InstanceId as string);
  const contactId = input.ContactId as string;
  const contact = findContact(store, instance, contactId);
  if (contact === undefined) {
    throw new EmulatorError("ContactNotFoundException", `Contact not found: ${contactId}`);
  }
  if (contactState(contact, nowMs) !== "active") {
    return { output: {}, changed: false, contactId };
  }
  contact.stoppedMs = nowMs;
  contact.lastUpdateMs = nowMs;
  return { output: {}, changed: true, contactId };
}

function updateContactAttributes(input: Input, context: OperationContext): OperationResult {
  const { store } = context;
  const instance = requireInstance(context, input.InstanceId as string);
  const contactId = input.InitialContactId as string;
  const contact = findContact(store, instance, contactId);
  if (contact === undefined) {
    throw resourceNotFound(`Contact not found: ${contactId}`);
  }
  const merged = { ...contact.attributes, ...(input.Attributes as Record<string, string>) };
  checkAttributesSize(merged);
  contact.attributes = merged;
  contact.lastUpdateMs = context.nowMs;
  return { output: {}, changed: true, contactId };
}

/** The ARN of an instance, as DescribeInstance and the flow and number ARNs build on it. */
function instanceArn(instance: InstanceRecord): string {
  return `arn:aws:connect:${instance.region}:${instance.accountId}:instance/${instance.id}`;
}

/**
 * DescribeInstance: the seeded instance as an ACTIVE, Connect-managed instance with calls
 * enabled. Left out: CreatedTime, ServiceRole, Tags and ReplicationConfiguration, which the seed
 * does not give (see the README's leniencies).
 */
function describeInstance(input: Input, context: OperationContext): OperationResult {
  const instance = requireInstance(context, input.InstanceId as string);
  const alias = instance.alias ?? `emulator-${instance.id.slice(0, 8)}`;
  return {
    output: {
      Instance: {
        Id: instance.id,
        Arn: instanceArn(instance),
        IdentityManagementType: "CONNECT_MANAGED",
        InstanceAlias: alias,
        InstanceStatus: "ACTIVE",
        InboundCallsEnabled: true,
        OutboundCallsEnabled: true,
        InstanceAccessUrl: `https://${alias}.my.connect.aws`,
      },
    },
    changed: false,
  };
}

/** DescribeContactFlow: a seeded flow, with the details its seed gave or the defaults. */
function describeContactFlow(input: Input, context: OperationContext): OperationResult {
  requireOwnAccount(context, input.ContactFlowId as string, "a contact flow");
  const instance = requireInstance(context, input.InstanceId as string);
  const flowId = contactFlowIdOf(input.ContactFlowId as string);
  if (!instance.contactFlows.includes(flowId)) {
    throw resourceNotFound(`Contact flow not found: ${flowId}`);
  }
  const details = instance.flowDetails?.[flowId] ?? {};
  return {
    output: {
      ContactFlow: {
        Arn: `${instanceArn(instance)}/contact-flow/${flowId}`,
        Id: flowId,
        Name: details.name ?? `Flow ${flowId.slice(0, 8)}`,
        Type: details.type ?? "CONTACT_FLOW",
        State: details.state ?? "ACTIVE",
        Status: details.status ?? "PUBLISHED",
        ...(details.description === undefined ? {} : { Description: details.description }),
        Tags: {},
      },
    },
    changed: false,
  };
}

/**
 * DescribePhoneNumber: a number claimed by a seeded instance, found by ID or ARN in the caller's
 * account and Region. The answer carries the seeded number in E.164, as AWS's does; nothing
 * else the emulator writes (logs, call log, errors, state file) carries it unmasked.
 */
function describePhoneNumber(input: Input, context: OperationContext): OperationResult {
  const given = input.PhoneNumberId as string;
  requireOwnAccount(context, given, "a phone number");
  const wanted = phoneNumberIdOf(given);
  for (const instance of context.store.allInstances()) {
    if (
      (context.region !== undefined && instance.region !== context.region) ||
      (context.accountId !== undefined && instance.accountId !== context.accountId)
    ) {
      continue;
    }
    const arn = instance.phoneNumbers.find((candidate) => phoneNumberIdOf(candidate) === wanted);
    if (arn === undefined) {
      continue;
    }
    const details = instance.numberDetails?.[arn] ?? {};
    return {
      output: {
        ClaimedPhoneNumberSummary: {
          PhoneNumberId: wanted,
          PhoneNumberArn: arn,
          ...(details.phoneNumber === undefined ? {} : { PhoneNumber: details.phoneNumber }),
          ...(details.countryCode === undefined
            ? {}
            : { PhoneNumberCountryCode: details.countryCode }),
          PhoneNumberType: details.type ?? "DID",
          ...(details.description === undefined
            ? {}
            : { PhoneNumberDescription: details.description }),
          TargetArn: instanceArn(instance),
          InstanceId: instance.id,
          Tags: {},
          PhoneNumberStatus: { Status: "CLAIMED" },
        },
      },
      changed: false,
    };
  }
  // The ID is not quoted: a caller may have passed a phone number where the ID belongs.
  throw resourceNotFound(
    "Phone number not found: no instance of this account and Region has claimed it.",
  );
}

const HANDLERS: Readonly<
  Record<OperationName, (input: Input, context: OperationContext) => OperationResult>
> = {
  StartOutboundChatContact: startOutboundChatContact,
  DescribeContact: describeContact,
  StopContact: stopContact,
  UpdateContactAttributes: updateContactAttributes,
  DescribeInstance: describeInstance,
  DescribeContactFlow: describeContactFlow,
  DescribePhoneNumber: describePhoneNumber,
};

/** Validates and runs one operation; throws an EmulatorError the caller answers with. */
export function runOperation(
  operation: OperationName,
  input: Input,
  context: OperationContext,
): OperationResult {
  const issues = validateInput(operation, input);
  if (issues.length > 0) {
    throw invalidRequest(formatValidationMessage(issues));
  }
  return HANDLERS[operation](input, context);
}
