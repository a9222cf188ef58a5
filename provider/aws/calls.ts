/**
 * The Amazon Connect calls the provider makes: one SDK command each, through the process-wide
 * pacer and the Region's client, with errors told by {@link describeAwsError}.
 *
 * Only types are imported from the SDK here; the command classes come from {@link connectModule}
 * when a call is made, so importing this module loads no SDK code.
 */
import type {
  Contact,
  StartOutboundChatContactCommandInput,
  StopContactCommandOutput,
  UpdateContactAttributesCommandOutput,
} from "@aws-sdk/client-connect";
import { connectClient, connectModule } from "./client";
import { describeAwsError, missingMemberError, type ContactCallContext } from "./errors";
import { paced } from "./pacing";

async function call<T>(context: ContactCallContext, send: () => Promise<T>): Promise<T> {
  try {
    return await paced(send, { operation: context.operation, region: context.region });
  } catch (error) {
    throw describeAwsError(error, context);
  }
}

/**
 * Starts an outbound chat contact (SMS or WhatsApp) and returns its ContactId. Send a ClientToken:
 * the SDK's retries and the pacer's re-send the same request, so a retry never starts a second
 * contact. Error messages name the instance, the flow and the source phone number's ARN of the
 * request, never its other values.
 *
 * @param region the AWS Region of the instance
 * @param request the API request, with `ClientToken` set
 */
export async function startOutboundChatContact(
  region: string,
  request: StartOutboundChatContactCommandInput,
): Promise<string> {
  const callContext: ContactCallContext = {
    operation: "StartOutboundChatContact",
    region,
    instanceId: request.InstanceId ?? "(none given)",
    contactFlowId: request.ContactFlowId,
    sourcePhoneNumberArn: request.SourceEndpoint?.Address,
  };
  const { StartOutboundChatContactCommand } = connectModule();
  const output = await call(callContext, () =>
    connectClient(region).send(new StartOutboundChatContactCommand(request)),
  );
  if (output.ContactId === undefined || output.ContactId === "") {
    throw missingMemberError(callContext, "ContactId");
  }
  return output.ContactId;
}

/**
 * Describes a contact and returns it. Throws a `ContactApiError` for which `isContactGone` is true
 * when the contact no longer exists.
 */
export async function describeContact(
  region: string,
  instanceId: string,
  contactId: string,
): Promise<Contact> {
  const context: ContactCallContext = {
    operation: "DescribeContact",
    region,
    instanceId,
    contactId,
  };
  const { DescribeContactCommand } = connectModule();
  const output = await call(context, () =>
    connectClient(region).send(
      new DescribeContactCommand({ InstanceId: instanceId, ContactId: contactId }),
    ),
  );
  if (output.Contact === undefined) {
    throw missingMemberError(context, "Contact");
  }
  return output.Contact;
}

/** Stops (disconnects) a contact. Throws an error for which `isContactGone` is true when it is gone. */
export async function stopContact(
  region: string,
  instanceId: string,
  contactId: string,
): Promise<StopContactCommandOutput> {
  const context: ContactCallContext = { operation: "StopContact", region, instanceId, contactId };
  const { StopContactCommand } = connectModule();
  return call(context, () =>
    connectClient(region).send(
      new StopContactCommand({ InstanceId: instanceId, ContactId: contactId }),
    ),
  );
}

/**
 * Creates or updates user-defined attributes of a contact (the attributes of its initial contact).
 *
 * @param attributes keys and values, each 1..32767 characters
 */
export async function updateContactAttributes(
  region: string,
  instanceId: string,
  contactId: string,
  attributes: Record<string, string>,
): Promise<UpdateContactAttributesCommandOutput> {
  const context: ContactCallContext = {
    operation: "UpdateContactAttributes",
    region,
    instanceId,
    contactId,
  };
  const { UpdateContactAttributesCommand } = connectModule();
  return call(context, () =>
    connectClient(region).send(
      new UpdateContactAttributesCommand({
        InstanceId: instanceId,
        InitialContactId: contactId,
        Attributes: attributes,
      }),
    ),
  );
}
