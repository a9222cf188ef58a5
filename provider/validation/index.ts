/**
 * Pure validation of the provider's inputs: no Pulumi, no AWS clients. The one entry point;
 * tests reach the individual validators through their own files.
 */
export { validateInputs } from "./inputs";
export type { InputProblem } from "../types";
