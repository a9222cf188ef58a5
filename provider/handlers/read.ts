import type * as pulumi from "@pulumi/pulumi";
import { describeContact } from "../aws/calls";
import { isContactGone } from "../aws/errors";
import { ContactOutputs } from "../types";

function isoOf(timestamp: Date | undefined): string | undefined {
  return timestamp ? timestamp.toISOString() : undefined;
}

/**
 * Refreshes the contact with DescribeContact: fills in when it started and, once it has ended,
 * when it ended. A contact the service no longer knows reads as gone.
 */
export async function read(
  id: string,
  props: ContactOutputs | undefined,
): Promise<pulumi.dynamic.ReadResult<ContactOutputs>> {
  if (!props?.region || !props.instanceId) {
    throw new Error(
      `OutboundChatContact cannot read contact ${id} without the outputs it stored when it was ` +
        "created (its Region and instance). Importing an existing contact is not supported: " +
        "declare the resource and let `pulumi up` start it, or give `clientToken` to adopt a " +
        "contact started with that token in the last 7 days.",
    );
  }
  try {
    const contact = await describeContact(props.region, props.instanceId, id);
    const { initiationTimestamp: _i, disconnectTimestamp: _d, ...rest } = props;
    const initiationTimestamp = isoOf(contact?.InitiationTimestamp);
    const disconnectTimestamp = isoOf(contact?.DisconnectTimestamp);
    return {
      id,
      props: {
        ...rest,
        ...(initiationTimestamp ? { initiationTimestamp } : {}),
        ...(disconnectTimestamp ? { disconnectTimestamp } : {}),
      },
    };
  } catch (error) {
    if (isContactGone(error)) {
      return { id: "" };
    }
    throw error;
  }
}
