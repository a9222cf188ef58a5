import type * as pulumi from "@pulumi/pulumi";
import { reusedClientTokenProblem } from "../diff-rules";
import { validateInputs } from "../validation";
import { ContactInputs } from "../types";

/**
 * Validates the inputs against the API's documented limits, with no network call. Values still
 * unknown during a preview are passed over; the rest are reported with their property path. A
 * `clientToken` given as input must change along with the contact.
 */
export async function check(
  olds: ContactInputs,
  news: ContactInputs,
): Promise<pulumi.dynamic.CheckResult<ContactInputs>> {
  // The engine's inputs are unchecked: validate them as untyped values.
  const problems = validateInputs(news as unknown as Record<string, unknown>);
  const reusedToken = problems.length === 0 ? reusedClientTokenProblem(olds, news) : undefined;
  const failures = [...problems, ...(reusedToken ? [reusedToken] : [])].map(
    ({ property, reason }) => ({ property, reason }),
  );
  return { inputs: news, failures };
}
