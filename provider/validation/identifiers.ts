/**
 * Validators for the identifiers: instanceId, contactFlowId (and that they name the same
 * instance), relatedContactId, clientToken and region.
 */
import {
  isRegion,
  MAX_CONTACT_FLOW_ID_LENGTH,
  MAX_INSTANCE_ID_LENGTH,
  parseContactFlowRef,
  parseInstanceRef,
} from "../arn";
import {
  checkString,
  describeType,
  InputProblem,
  isAbsent,
  isUnknown,
  problem,
  quote,
  required,
  wrongType,
} from "./problems";

const INSTANCE_EXAMPLE = "11111111-2222-3333-4444-555555555555";
const INSTANCE_ARN_FORM = "arn:aws:connect:<region>:<account>:instance/<instanceId>";
const FLOW_ARN_FORM =
  "arn:aws:connect:<region>:<account>:instance/<instanceId>/contact-flow/<contactFlowId>";

/** instanceId: required; an instance ID (1..100 characters, no `:` or `/`) or an instance ARN. */
export function validateInstanceId(inputs: Record<string, unknown>): InputProblem[] {
  const value = inputs.instanceId;
  if (isUnknown(value)) {
    return [];
  }
  const fix = `give the instance ID (the last part of the instance ARN), such as "${INSTANCE_EXAMPLE}", or the whole instance ARN.`;
  if (isAbsent(value)) {
    return [required("instanceId", "the Amazon Connect instance to start the contact in", fix)];
  }
  if (typeof value !== "string") {
    return [wrongType("instanceId", "a string (an instance ID or ARN)", value, fix)];
  }
  if (parseInstanceRef(value) !== undefined) {
    return [];
  }
  return [
    problem(
      "instanceId",
      `instanceId must be an Amazon Connect instance ID (1 to ${MAX_INSTANCE_ID_LENGTH} characters, ` +
        `without ":", "/" or spaces) or an instance ARN (${INSTANCE_ARN_FORM}); ` +
        `received ${quote(value)}. Fix: ${fix}`,
    ),
  ];
}

/**
 * contactFlowId: required; a flow ID (1..500 characters, no `:` or `/`) or a contact-flow ARN. When
 * both it and instanceId are ARNs, they must name the same instance, Region and account.
 */
export function validateContactFlowId(inputs: Record<string, unknown>): InputProblem[] {
  const value = inputs.contactFlowId;
  if (isUnknown(value)) {
    return [];
  }
  const fix =
    "give the flow ID (the last part of the flow ARN, shown under the flow's name in the console " +
    "as part of Show additional flow information) or the whole flow ARN.";
  if (isAbsent(value)) {
    return [required("contactFlowId", "the flow that runs the new contact", fix)];
  }
  if (typeof value !== "string") {
    return [wrongType("contactFlowId", "a string (a contact flow ID or ARN)", value, fix)];
  }
  const flow = parseContactFlowRef(value);
  if (flow === undefined) {
    return [
      problem(
        "contactFlowId",
        `contactFlowId must be a contact flow ID (1 to ${MAX_CONTACT_FLOW_ID_LENGTH} characters, ` +
          `without ":", "/" or spaces) or a contact flow ARN (${FLOW_ARN_FORM}); ` +
          `received ${quote(value)}. Fix: ${fix}`,
      ),
    ];
  }
  const instance = isUnknown(inputs.instanceId) ? undefined : parseInstanceRef(inputs.instanceId);
  if (flow.instanceId === undefined || instance?.region === undefined) {
    return [];
  }
  const differences: string[] = [];
  if (flow.instanceId !== instance.instanceId) {
    differences.push(`instance "${flow.instanceId}" instead of "${instance.instanceId}"`);
  }
  if (flow.region !== instance.region) {
    differences.push(`Region "${flow.region}" instead of "${instance.region}"`);
  }
  if (flow.accountId !== instance.accountId) {
    differences.push(`account "${flow.accountId}" instead of "${instance.accountId}"`);
  }
  if (differences.length === 0) {
    return [];
  }
  return [
    problem(
      "contactFlowId",
      `contactFlowId must be a flow of the instance that instanceId names (instance ` +
        `"${instance.instanceId}", Region "${instance.region}", account "${instance.accountId}"); ` +
        `received a flow ARN with ${differences.join(", ")}. ` +
        `Fix: use a flow ARN of that instance, or give only the flow ID.`,
    ),
  ];
}

/** relatedContactId: optional; a contact ID of 1..256 characters. */
export function validateRelatedContactId(inputs: Record<string, unknown>): InputProblem[] {
  const value = inputs.relatedContactId;
  if (isUnknown(value) || isAbsent(value)) {
    return [];
  }
  const found = checkString(value, "relatedContactId", {
    max: 256,
    what: "a contact ID",
    reveal: "value",
    fix: "give the ContactId of the contact this one relates to, or leave relatedContactId out.",
  });
  return found === undefined ? [] : [found];
}

/** clientToken: optional; 1..500 characters (the API allows up to 500). */
export function validateClientToken(inputs: Record<string, unknown>): InputProblem[] {
  const value = inputs.clientToken;
  if (isUnknown(value) || isAbsent(value)) {
    return [];
  }
  const found = checkString(value, "clientToken", {
    max: 500,
    what: "an idempotency token",
    reveal: "length",
    fix: "give a unique token of at most 500 characters, or leave clientToken out to let the provider derive one from the resource.",
  });
  return found === undefined ? [] : [found];
}

/**
 * region: optional; a well-formed Region name. The contact lives in the instance's Region, so
 * when instanceId (or else contactFlowId) is an ARN, region must be the Region in it.
 */
export function validateRegion(inputs: Record<string, unknown>): InputProblem[] {
  const value = inputs.region;
  if (isUnknown(value) || isAbsent(value)) {
    return [];
  }
  if (!isRegion(value)) {
    const received = typeof value === "string" ? quote(value) : describeType(value);
    return [
      problem(
        "region",
        `region must be an AWS Region name such as "us-east-1", "eu-central-1" or "us-gov-west-1"; ` +
          `received ${received}. Fix: give the Region of the Amazon Connect instance, or leave region out to use the provider's Region.`,
      ),
    ];
  }
  const instance = isUnknown(inputs.instanceId) ? undefined : parseInstanceRef(inputs.instanceId);
  if (instance?.region !== undefined) {
    return instance.region === value
      ? []
      : [
          problem(
            "region",
            `region must match the Region of the instance ARN given as instanceId ("${instance.region}"), ` +
              `because the contact lives in the instance's Region; received "${value}". ` +
              `Fix: set region to "${instance.region}" or leave it out.`,
          ),
        ];
  }
  const flow = isUnknown(inputs.contactFlowId)
    ? undefined
    : parseContactFlowRef(inputs.contactFlowId);
  if (flow?.region !== undefined && flow.region !== value) {
    return [
      problem(
        "region",
        `region must match the Region of the contact flow ARN given as contactFlowId ("${flow.region}"), ` +
          `because the flow lives in the instance's Region; received "${value}". ` +
          `Fix: set region to "${flow.region}" or leave it out.`,
      ),
    ];
  }
  return [];
}
