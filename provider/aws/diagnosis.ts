/**
 * When StartOutboundChatContact answers ResourceNotFoundException, which of its three resources is
 * missing: the instance, the flow (in that instance) or the source number (claimed by it, in its
 * Region). Found with read-only calls made only after the failure: DescribeInstance,
 * DescribeContactFlow and DescribePhoneNumber (README's IAM policy allows them). When the
 * identity may not make them, the error says so and keeps the list of suspects.
 */
import { contactApiError, isContactApiError } from "./api-error";
import { awsErrorNameOf } from "./errors";
import { connectClient, connectModule } from "./client";
import { paced } from "./pacing";

/** What StartOutboundChatContact was asked to use. */
export interface StartTargets {
  readonly region: string;
  readonly instanceId: string;
  readonly contactFlowId: string;
  readonly sourcePhoneNumberArn: string;
}

/** The one resource found missing, or why none could be named. */
export type Diagnosis =
  | { readonly kind: "missing"; readonly what: string; readonly fix: string }
  | { readonly kind: "denied"; readonly action: string }
  | { readonly kind: "unknown" };

/** The outcome of one read-only call: found (with its answer), not found, or denied. */
type Lookup<T> = { found: T } | "not-found" | "denied";

async function lookup<T>(
  operation: string,
  region: string,
  send: () => Promise<T>,
): Promise<Lookup<T> | "failed"> {
  try {
    return { found: await paced(send, { operation, region }) };
  } catch (error) {
    const name = awsErrorNameOf(error);
    if (name === "ResourceNotFoundException") return "not-found";
    if (name === "AccessDeniedException" || name === "UnauthorizedOperation") return "denied";
    return "failed";
  }
}

/** Finds which of the request's instance, flow and number does not exist as the request needs it. */
export async function diagnoseNotFound(targets: StartTargets): Promise<Diagnosis> {
  const { region, instanceId, contactFlowId, sourcePhoneNumberArn } = targets;
  const client = connectClient(region);
  const connect = connectModule();

  const instance = await lookup("DescribeInstance", region, () =>
    client.send(new connect.DescribeInstanceCommand({ InstanceId: instanceId })),
  );
  if (instance === "denied") return { kind: "denied", action: "connect:DescribeInstance" };
  if (instance === "not-found") {
    return {
      kind: "missing",
      what: `the instance ${instanceId} does not exist in ${region} (for the account of these credentials)`,
      fix: "check instanceId, the Region (aws:region, or the provider's region) and the AWS account the credentials belong to",
    };
  }
  if (instance === "failed") return { kind: "unknown" };

  const flow = await lookup("DescribeContactFlow", region, () =>
    client.send(
      new connect.DescribeContactFlowCommand({
        InstanceId: instanceId,
        ContactFlowId: contactFlowId,
      }),
    ),
  );
  if (flow === "denied") return { kind: "denied", action: "connect:DescribeContactFlow" };
  if (flow === "not-found") {
    return {
      kind: "missing",
      what: `the contact flow ${contactFlowId} is not a flow of instance ${instanceId}`,
      fix: "give the ID of a flow of that instance (Routing > Flows in the console)",
    };
  }
  if (flow === "failed") return { kind: "unknown" };

  const number = await lookup("DescribePhoneNumber", region, () =>
    client.send(new connect.DescribePhoneNumberCommand({ PhoneNumberId: sourcePhoneNumberArn })),
  );
  if (number === "denied") return { kind: "denied", action: "connect:DescribePhoneNumber" };
  if (number === "not-found") {
    return {
      kind: "missing",
      what: `the source phone number ${sourcePhoneNumberArn} is not claimed in ${region}`,
      fix: "give the ARN of a number claimed by the instance (Channels > Phone numbers in the console)",
    };
  }
  if (number === "failed") return { kind: "unknown" };
  const target = number.found.ClaimedPhoneNumberSummary?.TargetArn;
  if (target !== undefined && !target.endsWith(`:instance/${instanceId}`)) {
    return {
      kind: "missing",
      what: `the source phone number ${sourcePhoneNumberArn} is claimed by another instance (${target}), not by ${instanceId}`,
      fix: "give the ARN of a number claimed by this instance, or claim the number for it",
    };
  }
  return { kind: "unknown" };
}

/**
 * The error of a failed StartOutboundChatContact, with the missing resource named when it was a
 * ResourceNotFoundException: the instance, the flow or the number, from {@link diagnoseNotFound}.
 * Any other error is returned as it is; so is this one when nothing could be found out.
 */
export async function explainNotFound(error: unknown, targets: StartTargets): Promise<unknown> {
  if (awsErrorNameOf(error) !== "ResourceNotFoundException" || !isContactApiError(error)) {
    return error;
  }
  const diagnosis = await diagnoseNotFound(targets);
  const facts = {
    awsErrorName: error.awsErrorName,
    ...(error.httpStatusCode === undefined ? {} : { httpStatusCode: error.httpStatusCode }),
    ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
  };
  const requestId = error.requestId === undefined ? "" : ` Request ID: ${error.requestId}.`;
  switch (diagnosis.kind) {
    case "missing":
      return contactApiError(
        `Amazon Connect did not find a resource StartOutboundChatContact needs in ` +
          `${targets.region}: ${diagnosis.what}. Fix: ${diagnosis.fix}.${requestId}`,
        error.operation,
        facts,
      );
    case "denied":
      return contactApiError(
        `${error.message} Which one is missing could not be found out: ${diagnosis.action} was ` +
          "denied. Allow connect:DescribeInstance, connect:DescribeContactFlow and " +
          "connect:DescribePhoneNumber (README's IAM policy) to have it named.",
        error.operation,
        facts,
      );
    case "unknown":
      return error;
  }
}
