/**
 * Pure helpers for the Amazon Resource Names (ARNs) and identifiers this provider accepts. They
 * know nothing of Pulumi or AWS clients and never throw: anything that does not parse returns
 * `undefined` (or `false`).
 */
import {
  MAX_CONTACT_FLOW_ID_LENGTH,
  MAX_CONTACT_ID_LENGTH,
  MAX_INSTANCE_ID_LENGTH,
} from "./limits";

/** The parts of an ARN: `arn:<partition>:<service>:<region>:<accountId>:<resource>`. */
export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  /** Empty for global services. */
  readonly region: string;
  /** Empty for some services (for example S3 buckets). */
  readonly accountId: string;
  /** Everything after the fifth `:`; it may itself contain `:` and `/`. */
  readonly resource: string;
}

/** An Amazon Connect instance, given as its ID or its ARN. */
export interface InstanceRef {
  readonly instanceId: string;
  /** Set when the reference was an ARN. @default - not known from a bare ID */
  readonly region?: string;
  /** Set when the reference was an ARN. @default - not known from a bare ID */
  readonly accountId?: string;
}

/** A contact flow, given as its ID or its ARN. */
export interface ContactFlowRef {
  readonly contactFlowId: string;
  /** The instance the flow belongs to, set when the reference was an ARN. @default - not known */
  readonly instanceId?: string;
  /** Set when the reference was an ARN. @default - not known from a bare ID */
  readonly region?: string;
  /** Set when the reference was an ARN. @default - not known from a bare ID */
  readonly accountId?: string;
}

const PARTITION = /^aws(-[a-z]+)*$/;
const SERVICE = /^[a-z0-9-]+$/;
const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-(gov|iso|isob|isoe|isof))?-[a-z]+-\d{1,2}$/;
/** One path segment of a Connect resource: no separators, no whitespace. */
const SEGMENT = /^[^:/\s]+$/;

/**
 * Whether `s` is a well-formed AWS Region name, such as `us-east-1`, `us-gov-west-1`,
 * `cn-north-1` or `ap-southeast-5`. Only the form is checked, not that the Region exists.
 */
export function isRegion(s: unknown): s is string {
  return typeof s === "string" && REGION.test(s);
}

/** Splits an ARN into its parts, or returns `undefined` when `s` is not one. */
export function parseArn(s: unknown): ArnParts | undefined {
  if (typeof s !== "string" || !s.startsWith("arn:")) {
    return undefined;
  }
  const parts = s.split(":");
  const [, partition, service, region, accountId] = parts;
  // Empty too when the ARN has fewer than 6 parts.
  const resource = parts.slice(5).join(":");
  if (!PARTITION.test(partition) || !SERVICE.test(service) || resource.length === 0) {
    return undefined;
  }
  return { partition, service, region, accountId, resource };
}

/** A Connect ARN with a real Region and account, split into its resource path segments. */
function connectResourcePath(s: unknown): { arn: ArnParts; segments: string[] } | undefined {
  const arn = parseArn(s);
  if (
    arn === undefined ||
    arn.service !== "connect" ||
    !isRegion(arn.region) ||
    !ACCOUNT_ID.test(arn.accountId)
  ) {
    return undefined;
  }
  const segments = arn.resource.split("/");
  return segments.every((segment) => SEGMENT.test(segment)) ? { arn, segments } : undefined;
}

function isBareId(s: unknown, maxLength: number): s is string {
  return typeof s === "string" && s.length <= maxLength && SEGMENT.test(s);
}

/**
 * Reads an instance reference: a bare instance ID (1..100 characters, no `:`, `/` or whitespace)
 * or `arn:<partition>:connect:<region>:<account>:instance/<id>`.
 */
export function parseInstanceRef(s: unknown): InstanceRef | undefined {
  if (isBareId(s, MAX_INSTANCE_ID_LENGTH)) {
    return { instanceId: s };
  }
  const parsed = connectResourcePath(s);
  if (parsed === undefined) {
    return undefined;
  }
  const { arn, segments } = parsed;
  const [kind, instanceId] = segments;
  if (segments.length !== 2 || kind !== "instance" || instanceId.length > MAX_INSTANCE_ID_LENGTH) {
    return undefined;
  }
  return { instanceId, region: arn.region, accountId: arn.accountId };
}

/**
 * Reads a contact flow reference: a bare flow ID (1..500 characters, no `:`, `/` or whitespace)
 * or `arn:<partition>:connect:<region>:<account>:instance/<instanceId>/contact-flow/<flowId>`.
 */
export function parseContactFlowRef(s: unknown): ContactFlowRef | undefined {
  if (isBareId(s, MAX_CONTACT_FLOW_ID_LENGTH)) {
    return { contactFlowId: s };
  }
  const parsed = connectResourcePath(s);
  if (parsed === undefined) {
    return undefined;
  }
  const { arn, segments } = parsed;
  const [kind, instanceId, flowKind, contactFlowId] = segments;
  if (
    segments.length !== 4 ||
    kind !== "instance" ||
    flowKind !== "contact-flow" ||
    instanceId.length > MAX_INSTANCE_ID_LENGTH ||
    contactFlowId.length > MAX_CONTACT_FLOW_ID_LENGTH
  ) {
    return undefined;
  }
  return { contactFlowId, instanceId, region: arn.region, accountId: arn.accountId };
}

/**
 * Whether `s` is the ARN of a phone number claimed in Amazon Connect:
 * `arn:<partition>:connect:<region>:<account>:phone-number/<id>` or
 * `arn:<partition>:connect:<region>:<account>:instance/<instanceId>/phone-number/<id>`.
 */
export function isPhoneNumberArn(s: unknown): s is string {
  const parsed = connectResourcePath(s);
  if (parsed === undefined) {
    return false;
  }
  const { segments } = parsed;
  return (
    (segments.length === 2 && segments[0] === "phone-number") ||
    (segments.length === 4 && segments[0] === "instance" && segments[2] === "phone-number")
  );
}

/** A contact to import: its instance and ID, and the Region when given by a contact ARN. */
export interface ContactRef {
  readonly instanceId: string;
  readonly contactId: string;
  /** Set when the reference was an ARN. @default - not known from `<instanceId>/<contactId>` */
  readonly region?: string;
}

/**
 * Reads the ID `pulumi import` is given for a contact: `<instanceId>/<contactId>`, or the
 * contact's ARN, `arn:<partition>:connect:<region>:<account>:instance/<instanceId>/contact/<id>`.
 */
export function parseContactRef(s: unknown): ContactRef | undefined {
  const parsed = connectResourcePath(s);
  if (parsed !== undefined) {
    const [kind, instanceId, contactKind, contactId] = parsed.segments;
    return parsed.segments.length === 4 && kind === "instance" && contactKind === "contact"
      ? { instanceId, contactId, region: parsed.arn.region }
      : undefined;
  }
  if (typeof s !== "string") {
    return undefined;
  }
  const [instanceId, contactId, ...rest] = s.split("/");
  return rest.length === 0 &&
    isBareId(instanceId, MAX_INSTANCE_ID_LENGTH) &&
    isBareId(contactId, MAX_CONTACT_ID_LENGTH)
    ? { instanceId, contactId }
    : undefined;
}

/** Where a phone number ARN says the number is claimed: its Region, account, and instance if named. */
export function phoneNumberPlace(
  s: unknown,
): { region: string; accountId: string; instanceId?: string } | undefined {
  if (!isPhoneNumberArn(s)) {
    return undefined;
  }
  const { arn, segments } = connectResourcePath(s)!;
  return {
    region: arn.region,
    accountId: arn.accountId,
    ...(segments[0] === "instance" ? { instanceId: segments[1] } : {}),
  };
}
