import type * as pulumi from "@pulumi/pulumi";
import { updateContactAttributes } from "../aws/calls";
import { sameValue } from "../canonical";
import { ContactInputs, ContactOutputs } from "../types";
import { computedOf, contactOutputs } from "./outputs";

/**
 * The attributes to send so that the live contact ends with `next`: the new and changed ones,
 * and an empty value for each one removed (UpdateContactAttributes merges, it never deletes).
 */
export function attributesUpdate(
  previous: Record<string, string> | undefined,
  next: Record<string, string> | undefined,
): Record<string, string> {
  const update: Record<string, string> = {};
  for (const key of Object.keys(previous ?? {})) {
    if (!next || !(key in next)) {
      update[key] = "";
    }
  }
  return { ...update, ...next };
}

/**
 * Updates the live contact's attributes (UpdateContactAttributes) when they changed, and returns
 * the full outputs: a dynamic provider that returned none here would lose them.
 */
export async function update(
  _id: string,
  olds: ContactOutputs,
  news: ContactInputs,
): Promise<pulumi.dynamic.UpdateResult<ContactOutputs>> {
  if (!sameValue(olds.attributes ?? {}, news.attributes ?? {})) {
    await updateContactAttributes(
      olds.region,
      olds.instanceId,
      olds.contactId,
      attributesUpdate(olds.attributes, news.attributes),
    );
  }
  return { outs: contactOutputs(news, computedOf(olds)) };
}
