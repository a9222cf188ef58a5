import type * as pulumi from "@pulumi/pulumi";
import { classifyChanges } from "../diff-rules";
import { ContactInputs, ContactOutputs } from "../types";

/**
 * `attributes` and `onDelete` change in place; any other change sends a new contact, created
 * before the old one is stopped.
 */
export async function diff(
  _id: string,
  olds: ContactOutputs,
  news: ContactInputs,
): Promise<pulumi.dynamic.DiffResult> {
  const { replaces, updates } = classifyChanges(olds, news);
  return {
    changes: replaces.length + updates.length > 0,
    replaces,
    deleteBeforeReplace: false,
    stables: replaces.length === 0 ? ["contactId", "clientToken", "region", "instanceId"] : [],
  };
}
