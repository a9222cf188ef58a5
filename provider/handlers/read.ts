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
  props: ContactOutputs,
): Promise<pulumi.dynamic.ReadResult<ContactOutputs>> {
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
      return { id: "" } as pulumi.dynamic.ReadResult<ContactOutputs>;
    }
    throw error;
  }
}
