/** The seed format's parser, and a ready-made seed for tests and the demo. */
import { CONNECT_MODEL, getShape } from "./model/model";
import { accountOfRoleArn } from "./store";
import type {
  EmulatorSeed,
  SeedContactFlow,
  SeedInstance,
  SeedPhoneNumber,
  SeedRole,
} from "./types";

export const DEMO_INSTANCE_ID = "11111111-2222-3333-4444-555555555555";
export const DEMO_ACCOUNT_ID = "123456789012";
export const DEMO_REGION = "us-east-1";
export const DEMO_CONTACT_FLOW_ID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
export const DEMO_PHONE_NUMBER_ARN =
  "arn:aws:connect:us-east-1:123456789012:phone-number/99999999-8888-7777-6666-555555555555";
/** A role of the demo account that STS AssumeRole may assume. */
export const DEMO_ROLE_ARN = "arn:aws:iam::123456789012:role/connect-emulator-deployer";

/** One instance with one contact flow and one phone number (same as `seed.example.json`). */
export const DEMO_SEED: EmulatorSeed = {
  instances: [
    {
      id: DEMO_INSTANCE_ID,
      region: DEMO_REGION,
      accountId: DEMO_ACCOUNT_ID,
      contactFlows: [DEMO_CONTACT_FLOW_ID],
      phoneNumbers: [DEMO_PHONE_NUMBER_ARN],
    },
  ],
  roles: [{ arn: DEMO_ROLE_ARN }],
};

const SEED_SHAPE =
  'a seed must be an object {"instances": [{"id", "region"?, "accountId"?, "alias"?, "contactFlows"?, "phoneNumbers"?}], "roles"?: [{"arn", "accountId"?}]}';
const E164 = /^\+[1-9]\d{1,14}$/;
const ACCOUNT_ID = /^\d{12}$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

/** A problem with an optional text member, or undefined; values are never quoted. */
function optionalText(
  data: Record<string, unknown>,
  name: string,
  path: string,
): string | undefined {
  return data[name] === undefined || isText(data[name])
    ? undefined
    : `${path}.${name} must be a non-empty string`;
}

/** A problem with an optional member that must be a value of an enum shape of the model. */
function optionalEnum(
  data: Record<string, unknown>,
  name: string,
  shapeName: string,
  path: string,
): string | undefined {
  const allowed = getShape(CONNECT_MODEL, shapeName).enum ?? [];
  return data[name] === undefined || allowed.includes(data[name] as string)
    ? undefined
    : `${path}.${name} must be one of ${allowed.join(", ")}`;
}

/** Parses a flow entry: an ID or ARN (kept as it is), or a flow with details. */
function parseFlow(raw: unknown, path: string): { flow: string | SeedContactFlow } | string {
  if (isText(raw)) {
    return { flow: raw };
  }
  if (!isObject(raw) || !isText(raw.id)) {
    return `${path} must be a flow ID or ARN, or an object {"id", "name"?, "type"?, "state"?, "status"?, "description"?}`;
  }
  const problem =
    optionalText(raw, "name", path) ??
    optionalText(raw, "description", path) ??
    optionalEnum(raw, "type", "ContactFlowType", path) ??
    optionalEnum(raw, "state", "ContactFlowState", path) ??
    optionalEnum(raw, "status", "ContactFlowStatus", path);
  return problem ?? { flow: raw as unknown as SeedContactFlow };
}

/** Parses a number entry: an ARN (kept as it is), or a number with details. */
function parseNumber(raw: unknown, path: string): { number: string | SeedPhoneNumber } | string {
  if (isText(raw)) {
    return { number: raw };
  }
  if (!isObject(raw) || !isText(raw.arn)) {
    return `${path} must be a phone number ARN, or an object {"arn", "phoneNumber"?, "countryCode"?, "type"?, "description"?}`;
  }
  if (raw.phoneNumber !== undefined && !(isText(raw.phoneNumber) && E164.test(raw.phoneNumber))) {
    return `${path}.phoneNumber must be a number in E.164 (+ and up to 15 digits)`;
  }
  const problem =
    optionalText(raw, "description", path) ??
    optionalEnum(raw, "countryCode", "PhoneNumberCountryCode", path) ??
    optionalEnum(raw, "type", "PhoneNumberType", path);
  return problem ?? { number: raw as unknown as SeedPhoneNumber };
}

function parseList<T>(
  value: unknown,
  path: string,
  parseItem: (raw: unknown, path: string) => T | string,
): T[] | string {
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value)) {
    return `${path} must be a list`;
  }
  const items: T[] = [];
  for (const [index, raw] of value.entries()) {
    const item = parseItem(raw, `${path}[${index}]`);
    if (typeof item === "string") {
      return item;
    }
    items.push(item);
  }
  return items;
}

function parseRole(raw: unknown, path: string): SeedRole | string {
  if (!isObject(raw) || !isText(raw.arn) || accountOfRoleArn(raw.arn) === undefined) {
    return `${path} must be an object {"arn": "arn:aws:iam::ACCOUNT:role/NAME", "accountId"?}`;
  }
  if (raw.accountId !== undefined) {
    if (!isText(raw.accountId) || !ACCOUNT_ID.test(raw.accountId)) {
      return `${path}.accountId must be 12 digits`;
    }
    if (raw.accountId !== accountOfRoleArn(raw.arn)) {
      return `${path}.accountId must be the account in its ARN`;
    }
  }
  return { arn: raw.arn, ...(raw.accountId === undefined ? {} : { accountId: raw.accountId }) };
}

function parseInstance(raw: unknown, path: string): SeedInstance | string {
  if (!isObject(raw)) {
    return `${path} must be an object`;
  }
  if (!isText(raw.id)) {
    return `${path}.id must be a non-empty string`;
  }
  for (const name of ["region", "accountId", "alias"] as const) {
    const problem = optionalText(raw, name, path);
    if (problem !== undefined) {
      return problem;
    }
  }
  const contactFlows = parseList(raw.contactFlows, `${path}.contactFlows`, parseFlow);
  if (typeof contactFlows === "string") {
    return contactFlows;
  }
  const phoneNumbers = parseList(raw.phoneNumbers, `${path}.phoneNumbers`, parseNumber);
  if (typeof phoneNumbers === "string") {
    return phoneNumbers;
  }
  return {
    id: raw.id,
    ...(raw.region === undefined ? {} : { region: raw.region as string }),
    ...(raw.accountId === undefined ? {} : { accountId: raw.accountId as string }),
    ...(raw.alias === undefined ? {} : { alias: raw.alias as string }),
    contactFlows: contactFlows.map(({ flow }) => flow),
    phoneNumbers: phoneNumbers.map(({ number }) => number),
  };
}

/**
 * Parses a seed from untrusted JSON; returns the seed, or a message naming the problem (never
 * quoting a value, which may be a phone number). Seeds of 0.1.0 (IDs and ARNs only, no roles)
 * are seeds of this format.
 */
export function parseSeed(input: unknown): EmulatorSeed | string {
  if (!isObject(input) || !Array.isArray(input.instances)) {
    return SEED_SHAPE;
  }
  const instances = parseList(input.instances, "instances", parseInstance);
  if (typeof instances === "string") {
    return instances;
  }
  const roles = parseList(input.roles, "roles", parseRole);
  if (typeof roles === "string") {
    return roles;
  }
  return { instances, ...(input.roles === undefined ? {} : { roles }) };
}
