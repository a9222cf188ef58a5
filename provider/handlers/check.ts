import type * as pulumi from "@pulumi/pulumi";
import { validateInputs } from "../validation";
import { ContactInputs } from "../types";

/**
 * Validates the inputs against the API's documented limits, with no network call. Values still
 * unknown during a preview are passed over; the rest are reported with their property path.
 */
export async function check(
  _olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<pulumi.dynamic.CheckResult<ContactInputs>> {
  const failures = validateInputs(news).map(({ property, reason }) => ({ property, reason }));
  return { inputs: news as unknown as ContactInputs, failures };
}
