/** The seed format's parser, and a ready-made seed for tests and the demo. */
import type { EmulatorSeed, SeedInstance } from "./types";

export const DEMO_INSTANCE_ID = "11111111-2222-3333-4444-555555555555";
export const DEMO_ACCOUNT_ID = "123456789012";
export const DEMO_REGION = "us-east-1";
export const DEMO_CONTACT_FLOW_ID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
export const DEMO_PHONE_NUMBER_ARN =
  "arn:aws:connect:us-east-1:123456789012:phone-number/99999999-8888-7777-6666-555555555555";

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
};

function stringList(value: unknown, name: string, index: number): readonly string[] | string {
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string" && item !== "")) {
    return `instances[${index}].${name} must be a list of non-empty strings`;
  }
  return value as string[];
}

/** Parses a seed from untrusted JSON; returns the seed, or a message naming the problem. */
export function parseSeed(input: unknown): EmulatorSeed | string {
  if (
    typeof input !== "object" ||
    input === null ||
    !Array.isArray((input as Record<string, unknown>).instances)
  ) {
    return 'a seed must be an object {"instances": [{"id", "region"?, "accountId"?, "contactFlows"?, "phoneNumbers"?}]}';
  }
  const instances: SeedInstance[] = [];
  for (const [index, raw] of (
    (input as Record<string, unknown>).instances as unknown[]
  ).entries()) {
    if (typeof raw !== "object" || raw === null) {
      return `instances[${index}] must be an object`;
    }
    const data = raw as Record<string, unknown>;
    if (typeof data.id !== "string" || data.id === "") {
      return `instances[${index}].id must be a non-empty string`;
    }
    for (const name of ["region", "accountId"] as const) {
      if (data[name] !== undefined && (typeof data[name] !== "string" || data[name] === "")) {
        return `instances[${index}].${name} must be a non-empty string`;
      }
    }
    const contactFlows = stringList(data.contactFlows, "contactFlows", index);
    const phoneNumbers = stringList(data.phoneNumbers, "phoneNumbers", index);
    if (typeof contactFlows === "string") {
      return contactFlows;
    }
    if (typeof phoneNumbers === "string") {
      return phoneNumbers;
    }
    instances.push({
      id: data.id,
      ...(data.region === undefined ? {} : { region: data.region as string }),
      ...(data.accountId === undefined ? {} : { accountId: data.accountId as string }),
      contactFlows,
      phoneNumbers,
    });
  }
  return { instances };
}
