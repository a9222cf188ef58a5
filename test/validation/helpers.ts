/** Helpers for the validation tests: raw inputs as the engine hands them to `check`. */
import { ContactInputs } from "../../provider/types";

/**
 * Raw inputs: any field of any JSON type, so a test can write what a user could send.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test inputs are deliberately untyped JSON
export type Raw = Record<string, any>;

/** A deep copy of typed inputs as raw JSON that a test may change freely. */
export function raw(inputs: ContactInputs): Raw {
  return structuredClone(inputs);
}
