/** Helpers for the validation tests: raw inputs as the engine hands them to `check`. */
import { freshProvider } from "../../harness/fresh-provider";
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

/**
 * A module of `provider/` (`"validation/inputs"`, `"arn"`) loaded anew, with the modules it
 * imports, for the test that calls it: some milliseconds, once the first copy is compiled.
 *
 * The rules are data, built when their module loads: the words of every message, the limits, the
 * patterns. StrykerJS turns a mutant of such a module-level value on for the tests that load the
 * module while they run, not for those that imported it when their file loaded; a test that
 * checks a message word for word loads its own copy, so that a change to any word fails it.
 */
export function loadFresh<T>(name: string): T {
  return freshProvider()<T>(name);
}
