import { describeContact, stopContact } from "../aws/calls";
import { awsErrorNameOf, isContactGone } from "../aws/errors";
import { ContactOutputs } from "../types";

/**
 * Whether a StopContact failure means the contact had already ended: the service answers an
 * InvalidRequestException for such a contact, which DescribeContact confirms with a disconnect
 * time.
 */
async function endedAlready(error: unknown, props: ContactOutputs, id: string): Promise<boolean> {
  if (isContactGone(error)) {
    return true;
  }
  if (awsErrorNameOf(error) !== "InvalidRequestException") {
    return false;
  }
  try {
    const contact = await describeContact(props.region, props.instanceId, id);
    return contact?.DisconnectTimestamp !== undefined;
  } catch (describeError) {
    return isContactGone(describeError);
  }
}

/**
 * With `onDelete: "stop"` (the default) ends the chat with StopContact; a contact that has already
 * ended, or that the service no longer knows, counts as deleted. With `"retain"` makes no call.
 */
export async function deleteContact(id: string, props: ContactOutputs): Promise<void> {
  if (props.onDelete === "retain") {
    return;
  }
  try {
    await stopContact(props.region, props.instanceId, id);
  } catch (error) {
    if (!(await endedAlready(error, props, id))) {
      throw error;
    }
  }
}
