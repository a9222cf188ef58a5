/**
 * The emulator's state: seeded resources, contacts, client tokens and the clock offset. Plain
 * data with small methods; the rules of each operation live in `operations.ts`.
 *
 * A ClientToken is never kept: only its HMAC-SHA-256 under a random key of this emulator (kept
 * in the state file, so that idempotency survives a restart). A token derived from a resource's
 * URN and its inputs could otherwise be guessed back to the destination number by trying every
 * number; without the key, a hash cannot be.
 */
import { createHmac, randomBytes } from "node:crypto";
import { contactFlowIdOf, instanceIdOf } from "./ids";
import { maskPhoneNumber } from "./mask";
import type {
  ContactState,
  ContactView,
  EmulatorSeed,
  SeedContactFlow,
  SeedInstance,
  SeedPhoneNumber,
  SeedRole,
} from "./types";

export const DEFAULT_REGION = "us-east-1";
export const DEFAULT_ACCOUNT_ID = "123456789012";

export interface InstanceRecord {
  readonly id: string;
  readonly region: string;
  readonly accountId: string;
  /** @default - "emulator-" and the first 8 characters of the ID */
  readonly alias?: string;
  /** Flow IDs. */
  readonly contactFlows: string[];
  /** Phone number ARNs. */
  readonly phoneNumbers: string[];
  /** The details seeded for flows, by flow ID. @default - none (state files of 0.1.0) */
  readonly flowDetails?: Record<string, Omit<SeedContactFlow, "id">>;
  /** The details seeded for numbers, by ARN. @default - none (state files of 0.1.0) */
  readonly numberDetails?: Record<string, Omit<SeedPhoneNumber, "arn">>;
}

/** A role AssumeRole may assume, with its account resolved. */
export interface RoleRecord {
  readonly arn: string;
  readonly accountId: string;
}

/** The account of `arn:aws:iam::ACCOUNT:role/NAME`, or undefined. */
export function accountOfRoleArn(arn: string): string | undefined {
  return /^arn:[^:]+:iam::(\d{12}):role\/.+$/.exec(arn)?.[1];
}

export interface ContactRecord {
  readonly contactId: string;
  readonly arn: string;
  readonly instanceId: string;
  readonly contactFlowId: string;
  /** The HMAC of the ClientToken the contact was started with (hex). @default - none was given */
  readonly clientTokenHash?: string;
  readonly initiationMs: number;
  readonly chatDurationInMinutes: number;
  stoppedMs?: number;
  readonly sourcePhoneNumberArn: string;
  readonly destinationAddressMasked: string;
  attributes: Record<string, string>;
  readonly segmentAttributes: Record<string, unknown>;
  /** The RelatedContactId the contact was started with. @default - none was given */
  readonly relatedContactId?: string;
  /** When the contact last changed (started, updated, stopped). @default - its initiation */
  lastUpdateMs?: number;
}

export interface TokenRecord {
  readonly instanceId: string;
  /** The HMAC of the ClientToken (hex); the token itself is never kept. */
  readonly clientTokenHash: string;
  readonly contactId: string;
  readonly firstSeenMs: number;
}

/** The serializable form of the store, as written to the state file. */
export interface StoreSnapshot {
  readonly version: 2;
  /** The key of the ClientToken HMACs, base64 (32 bytes). */
  readonly clientTokenKey: string;
  readonly clockOffsetMs: number;
  readonly instances: readonly InstanceRecord[];
  readonly contacts: readonly ContactRecord[];
  readonly tokens: readonly TokenRecord[];
  /** @default - none */
  readonly roles?: readonly RoleRecord[];
}

/** When a contact ends on its own: initiation plus its chat duration. */
export function scheduledEndMs(contact: ContactRecord): number {
  return contact.initiationMs + contact.chatDurationInMinutes * 60_000;
}

export function contactState(contact: ContactRecord, nowMs: number): ContactState {
  if (contact.stoppedMs !== undefined) {
    return "stopped";
  }
  return nowMs < scheduledEndMs(contact) ? "active" : "expired";
}

/** When the contact ended, or undefined while it is active. */
export function disconnectMs(contact: ContactRecord, nowMs: number): number | undefined {
  if (contact.stoppedMs !== undefined) {
    return contact.stoppedMs;
  }
  const end = scheduledEndMs(contact);
  return nowMs < end ? undefined : end;
}

/** A state file of 0.1.0, which kept raw tokens; read once, then written again as version 2. */
export interface LegacySnapshot {
  readonly version: 1;
  readonly clockOffsetMs: number;
  readonly instances: readonly InstanceRecord[];
  readonly contacts: ReadonlyArray<ContactRecord & { readonly clientToken?: string }>;
  readonly tokens: ReadonlyArray<Omit<TokenRecord, "clientTokenHash"> & { clientToken: string }>;
}

/** The length of the ClientToken HMAC key, in bytes. */
export const CLIENT_TOKEN_KEY_BYTES = 32;

function tokenKey(instanceId: string, clientTokenHash: string): string {
  return `${instanceId}\u0000${clientTokenHash}`;
}

export class Store {
  public clockOffsetMs = 0;
  private clientTokenKey = randomBytes(CLIENT_TOKEN_KEY_BYTES);
  private readonly instances = new Map<string, InstanceRecord>();
  private readonly contacts = new Map<string, ContactRecord>();
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly roles = new Map<string, RoleRecord>();

  /**
   * Adds instances, flows, numbers and roles; an instance seeded twice gets the union of both,
   * and the first details seeded for a flow or a number are kept (a bare ID or ARN gives none).
   */
  public seed(seed: EmulatorSeed): void {
    for (const instance of seed.instances) {
      this.addInstance(instance);
    }
    for (const role of seed.roles ?? []) {
      this.addRole(role);
    }
  }

  private addRole(role: SeedRole): void {
    const accountId = role.accountId ?? accountOfRoleArn(role.arn) ?? DEFAULT_ACCOUNT_ID;
    if (!this.roles.has(role.arn)) {
      this.roles.set(role.arn, { arn: role.arn, accountId });
    }
  }

  /** A role AssumeRole may assume, by ARN. */
  public role(arn: string): RoleRecord | undefined {
    return this.roles.get(arn);
  }

  private addInstance(seed: SeedInstance): void {
    const id = instanceIdOf(seed.id);
    const existing = this.instances.get(id);
    const record: InstanceRecord = existing ?? {
      id,
      region: seed.region ?? DEFAULT_REGION,
      accountId: seed.accountId ?? DEFAULT_ACCOUNT_ID,
      ...(seed.alias === undefined ? {} : { alias: seed.alias }),
      contactFlows: [],
      phoneNumbers: [],
      flowDetails: {},
      numberDetails: {},
    };
    const flowDetails = (record.flowDetails as Record<string, Omit<SeedContactFlow, "id">>) ?? {};
    const numberDetails =
      (record.numberDetails as Record<string, Omit<SeedPhoneNumber, "arn">>) ?? {};
    for (const flow of seed.contactFlows ?? []) {
      const { id: flowIdOrArn, ...details } = typeof flow === "string" ? { id: flow } : flow;
      const flowId = contactFlowIdOf(flowIdOrArn);
      if (!record.contactFlows.includes(flowId)) {
        record.contactFlows.push(flowId);
      }
      if (Object.keys(details).length > 0) {
        flowDetails[flowId] ??= details;
      }
    }
    for (const number of seed.phoneNumbers ?? []) {
      const { arn, ...details } = typeof number === "string" ? { arn: number } : number;
      if (!record.phoneNumbers.includes(arn)) {
        record.phoneNumbers.push(arn);
      }
      if (Object.keys(details).length > 0) {
        numberDetails[arn] ??= details;
      }
    }
    this.instances.set(id, { ...record, flowDetails, numberDetails });
  }

  /**
   * What is seeded, in the seed format: instances with their flows and numbers (details
   * included, numbers masked) and roles.
   */
  public seedView(): EmulatorSeed {
    return {
      instances: [...this.instances.values()].map((instance) => ({
        id: instance.id,
        region: instance.region,
        accountId: instance.accountId,
        ...(instance.alias === undefined ? {} : { alias: instance.alias }),
        contactFlows: instance.contactFlows.map((id) => ({ id, ...instance.flowDetails?.[id] })),
        phoneNumbers: instance.phoneNumbers.map((arn) => {
          const details = instance.numberDetails?.[arn] ?? {};
          return {
            arn,
            ...details,
            ...(details.phoneNumber === undefined
              ? {}
              : { phoneNumber: maskPhoneNumber(details.phoneNumber) }),
          };
        }),
      })),
      roles: [...this.roles.values()].map((role) => ({ ...role })),
    };
  }

  /** Every instance, in the order seeded. */
  public allInstances(): InstanceRecord[] {
    return [...this.instances.values()];
  }

  /** Looks up an instance by ID or ARN. */
  public instance(idOrArn: string): InstanceRecord | undefined {
    return this.instances.get(instanceIdOf(idOrArn));
  }

  public contact(contactId: string): ContactRecord | undefined {
    return this.contacts.get(contactId);
  }

  public addContact(contact: ContactRecord): void {
    this.contacts.set(contact.contactId, contact);
  }

  public activeContactCount(instanceId: string, nowMs: number): number {
    let count = 0;
    for (const contact of this.contacts.values()) {
      if (contact.instanceId === instanceId && contactState(contact, nowMs) === "active") {
        count += 1;
      }
    }
    return count;
  }

  /** The HMAC-SHA-256 of a ClientToken under this emulator's key, hex: what is kept instead. */
  public hashClientToken(clientToken: string): string {
    return createHmac("sha256", this.clientTokenKey).update(clientToken, "utf8").digest("hex");
  }

  public token(instanceId: string, clientTokenHash: string): TokenRecord | undefined {
    return this.tokens.get(tokenKey(instanceId, clientTokenHash));
  }

  public addToken(token: TokenRecord): void {
    this.tokens.set(tokenKey(token.instanceId, token.clientTokenHash), token);
  }

  /** Drops contacts, tokens, resources and the clock offset (the HMAC key stays). */
  public clear(): void {
    this.instances.clear();
    this.roles.clear();
    this.contacts.clear();
    this.tokens.clear();
    this.clockOffsetMs = 0;
  }

  public listContacts(nowMs: number): ContactView[] {
    return [...this.contacts.values()].map((contact) => ({
      contactId: contact.contactId,
      arn: contact.arn,
      instanceId: contact.instanceId,
      contactFlowId: contact.contactFlowId,
      ...(contact.clientTokenHash === undefined
        ? {}
        : { clientTokenHash: contact.clientTokenHash }),
      state: contactState(contact, nowMs),
      initiationTimestamp: contact.initiationMs,
      ...optionalNumber("disconnectTimestamp", disconnectMs(contact, nowMs)),
      chatDurationInMinutes: contact.chatDurationInMinutes,
      sourcePhoneNumberArn: contact.sourcePhoneNumberArn,
      destinationAddressMasked: contact.destinationAddressMasked,
      attributes: { ...contact.attributes },
      segmentAttributes: structuredClone(contact.segmentAttributes),
    }));
  }

  public snapshot(): StoreSnapshot {
    return {
      version: 2,
      clientTokenKey: this.clientTokenKey.toString("base64"),
      clockOffsetMs: this.clockOffsetMs,
      // A seeded number is kept masked: the options' seed brings it back in full at each start.
      instances: [...this.instances.values()].map((instance) => ({
        ...instance,
        numberDetails: Object.fromEntries(
          Object.entries(instance.numberDetails ?? {}).map(([arn, details]) => [
            arn,
            details.phoneNumber === undefined
              ? details
              : { ...details, phoneNumber: maskPhoneNumber(details.phoneNumber) },
          ]),
        ),
      })),
      contacts: [...this.contacts.values()],
      tokens: [...this.tokens.values()],
      roles: [...this.roles.values()],
    };
  }

  /**
   * Loads a snapshot. A version 1 snapshot (raw tokens) is hashed under this store's key as it
   * is read; the raw tokens are kept nowhere.
   */
  public restore(snapshot: StoreSnapshot | LegacySnapshot): void {
    if (snapshot.version === 2) {
      this.clientTokenKey = Buffer.from(snapshot.clientTokenKey, "base64");
    }
    this.clockOffsetMs = snapshot.clockOffsetMs;
    for (const instance of snapshot.instances) {
      this.addInstance({
        ...instance,
        contactFlows: instance.contactFlows.map((id) => ({ id, ...instance.flowDetails?.[id] })),
        phoneNumbers: instance.phoneNumbers.map((arn) => ({
          arn,
          ...instance.numberDetails?.[arn],
        })),
      });
    }
    for (const role of ("roles" in snapshot ? snapshot.roles : undefined) ?? []) {
      this.addRole(role);
    }
    for (const stored of snapshot.contacts) {
      const { clientToken, ...contact } = stored as ContactRecord & { clientToken?: string };
      this.contacts.set(contact.contactId, {
        ...contact,
        ...(clientToken === undefined
          ? {}
          : { clientTokenHash: this.hashClientToken(clientToken) }),
        attributes: { ...contact.attributes },
      });
    }
    for (const stored of snapshot.tokens) {
      const { clientToken, ...token } = stored as TokenRecord & { clientToken?: string };
      this.addToken(
        clientToken === undefined
          ? token
          : { ...token, clientTokenHash: this.hashClientToken(clientToken) },
      );
    }
  }
}

function optionalNumber(name: string, value: number | undefined): Record<string, number> {
  return value === undefined ? {} : { [name]: value };
}
