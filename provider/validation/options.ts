/**
 * Validators for the remaining options: chatDurationInMinutes, participantDetails, triggers and
 * onDelete.
 */
import { OnDelete } from "../types";
import {
  casingHint,
  checkMembers,
  checkString,
  describeReceived,
  describeType,
  InputProblem,
  isAbsent,
  isRecord,
  isUnknown,
  listValues,
  notAnObject,
  problem,
  required,
  wrongType,
} from "./problems";

/** The shortest and longest chat the API allows, in minutes (shape ChatDurationInMinutes). */
export const MIN_CHAT_DURATION_MINUTES = 60;
export const MAX_CHAT_DURATION_MINUTES = 10_080;
const ON_DELETE: readonly OnDelete[] = ["stop", "retain"];

/** chatDurationInMinutes: optional; a whole number from 60 (1 hour) to 10,080 (7 days). */
export function validateChatDuration(inputs: Record<string, unknown>): InputProblem[] {
  const value = inputs.chatDurationInMinutes;
  if (isUnknown(value) || isAbsent(value)) {
    return [];
  }
  if (
    Number.isInteger(value) &&
    (value as number) >= MIN_CHAT_DURATION_MINUTES &&
    (value as number) <= MAX_CHAT_DURATION_MINUTES
  ) {
    return [];
  }
  const received = typeof value === "number" ? String(value) : describeType(value);
  return [
    problem(
      "chatDurationInMinutes",
      `chatDurationInMinutes must be a whole number of minutes from 60 (1 hour) to 10,080 (7 days); ` +
        `received ${received}. Fix: give a duration in that range, or leave it out for the default of 25 hours.`,
    ),
  ];
}

/** participantDetails: optional; `{ displayName }` with a display name of 1..256 characters. */
export function validateParticipantDetails(inputs: Record<string, unknown>): InputProblem[] {
  const value = inputs.participantDetails;
  const base = "participantDetails";
  if (isUnknown(value) || isAbsent(value)) {
    return [];
  }
  const fix = "give the customer's display name, 1 to 256 characters.";
  if (!isRecord(value)) {
    return [notAnObject(value, base, "{ displayName }", fix)];
  }
  const problems = checkMembers(value, base, ["displayName"]);
  const name = value.displayName;
  if (isUnknown(name)) {
    return problems;
  }
  if (isAbsent(name)) {
    return [...problems, required(`${base}.displayName`, "the customer's display name", fix)];
  }
  const found = checkString(name, `${base}.displayName`, {
    max: 256,
    what: "a display name",
    reveal: "length",
    fix,
  });
  return found === undefined ? problems : [...problems, found];
}

/** triggers: optional; a list of any values whose change replaces the contact. */
export function validateTriggers(inputs: Record<string, unknown>): InputProblem[] {
  const value = inputs.triggers;
  if (isUnknown(value) || isAbsent(value) || Array.isArray(value)) {
    return [];
  }
  return [
    wrongType(
      "triggers",
      "a list (of any values; a change to them sends a new message)",
      value,
      "wrap the value in a list: triggers: [value].",
    ),
  ];
}

/** onDelete: optional; "stop" (end the contact on delete) or "retain". */
export function validateOnDelete(inputs: Record<string, unknown>): InputProblem[] {
  const value = inputs.onDelete;
  if (isUnknown(value) || isAbsent(value) || (ON_DELETE as unknown[]).includes(value)) {
    return [];
  }
  const hint = typeof value === "string" ? casingHint(value, ON_DELETE) : "";
  return [
    problem(
      "onDelete",
      `onDelete must be ${listValues(ON_DELETE)}; received ${describeReceived(value, "value")}.${hint} ` +
        `Fix: use "stop" to end the contact when the resource is deleted, or "retain" to leave it running.`,
    ),
  ];
}
