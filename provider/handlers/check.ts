import type * as pulumi from "@pulumi/pulumi";
import { validateInputs } from "../validation";
import { ContactInputs } from "../types";

/**
 * Validates the inputs against the API's documented limits, with no network call. Values still
 * unknown during a preview are passed over; the rest are reported with their property path.
 */
export async function check(
  _olds: ContactInputs,
  news: ContactInputs,
): Promise<pulumi.dynamic.CheckResult<ContactInputs>> {
  // The engine's inputs are unchecked: validate them as untyped values.
  const raw = news as unknown as Record<string, unknown>;
  const failures = validateInputs(raw).map(({ property, reason }) => ({ property, reason }));
  return { inputs: news, failures };
}
