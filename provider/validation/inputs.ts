/** The entry point of validation: every problem in a set of inputs, as `check` reports them. */
import { validateAttributes } from "./attributes";
import { validateChannel } from "./channel";
import { validateDestinationEndpoint, validateSourceEndpoint } from "./endpoints";
import {
  validateClientToken,
  validateContactFlowId,
  validateInstanceId,
  validateRegion,
  validateRelatedContactId,
} from "./identifiers";
import { validateInitialSystemMessage, validateSupportedMessagingContentTypes } from "./messages";
import { validateInitialTemplatedSystemMessage } from "./templated-message";
import {
  validateChatDuration,
  validateOnDelete,
  validateParticipantDetails,
  validateTriggers,
} from "./options";
import { nonPlainPart } from "../canonical";
import { InputProblem, isRecord, memberPath, problem, describeType } from "./problems";
import { validateSegmentAttributes } from "./segment-attributes";
import { validateSubtype } from "./subtype";
import { validateUnknownProperties } from "./unknown";

/** Every validator, in the order their problems are reported (the order of ContactInputs). */
const VALIDATORS: ReadonlyArray<(inputs: Record<string, unknown>) => InputProblem[]> = [
  validateInstanceId,
  validateContactFlowId,
  validateSourceEndpoint,
  validateDestinationEndpoint,
  validateChannel,
  validateSegmentAttributes,
  validateSubtype,
  validateAttributes,
  validateChatDuration,
  validateParticipantDetails,
  validateInitialSystemMessage,
  validateInitialTemplatedSystemMessage,
  validateRelatedContactId,
  validateSupportedMessagingContentTypes,
  validateClientToken,
  validateTriggers,
  validateOnDelete,
  validateRegion,
  validateUnknownProperties,
];

/**
 * Checks raw inputs as the engine hands them to a dynamic provider's `check` (plain JSON, any field
 * possibly missing, of a wrong type, or unknown during a preview) and answers every problem found,
 * each with its property path. An empty list means the inputs are valid. Never throws.
 */
export function validateInputs(inputs: Record<string, unknown>): InputProblem[] {
  if (!isRecord(inputs)) {
    return [
      problem(
        "",
        `The inputs must be an object of properties; received ${describeType(inputs)}. ` +
          `Fix: pass the resource's arguments as an object.`,
      ),
    ];
  }
  const nonPlain = nonPlainProblems(inputs);
  if (nonPlain.length > 0) {
    return nonPlain;
  }
  return VALIDATORS.flatMap((validate) => validate(inputs));
}

/**
 * One problem for each top-level property whose value is not plain data (the engine sends JSON;
 * a program calling the provider directly might not): the validators below walk plain data only.
 */
function nonPlainProblems(inputs: Record<string, unknown>): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const key of Object.keys(inputs)) {
    let part: string | undefined;
    try {
      part = nonPlainPart(inputs[key]);
    } catch {
      part = "a property that cannot be read (a getter that throws)";
    }
    if (part !== undefined) {
      const property = memberPath("", key);
      problems.push(
        problem(
          property,
          `${property} must be plain data (strings, numbers, booleans, null, arrays and objects); ` +
            `received ${part}. Fix: pass the value as JSON would write it.`,
        ),
      );
    }
  }
  return problems;
}
