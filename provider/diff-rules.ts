import { Argument, ARGUMENT_ENTRIES, ArgumentName } from "./arguments";
import { isUnknown, nonPlainPart, sameValue } from "./canonical";
import { ContactInputs, ContactOutputs } from "./types";

/** How a change of inputs is carried out. */
export interface ContactChanges {
  /** Properties whose change sends a new contact (create the new one, then delete the old). */
  readonly replaces: string[];
  /** Properties changed in place on the live contact. */
  readonly updates: string[];
}

type View = (inputs: ContactInputs) => unknown;

/** The value as given, for an argument compared as it is. */
function asGiven(name: ArgumentName): View {
  return (inputs) => inputs[name];
}

/** Whether a value, at any depth, is one Pulumi does not know yet (during a preview). */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) {
    return true;
  }
  if (value !== null && typeof value === "object") {
    return Object.values(value).some(containsUnknown);
  }
  return false;
}

/**
 * Whether the view of `key` differs. A value that cannot be compared (not plain data: a BigInt, a
 * cycle, a getter that throws) counts as a change, never as an exception; any other exception is
 * a bug and is not hidden.
 */
function differs(view: View, olds: ContactInputs, news: ContactInputs, key: ArgumentName): boolean {
  const given = news[key];
  const stored = olds[key];
  if (nonPlainPart(given) !== undefined || nonPlainPart(stored) !== undefined) {
    return true;
  }
  if (containsUnknown(given)) {
    return true;
  }
  return !sameValue(view(olds), view(news));
}

/**
 * Whether an argument changed between the stored outputs and the new inputs. Stored state that
 * never passed check (written by hand, or by an older version) may break a view: a comparison that
 * cannot be made counts as a change, never as an exception.
 */
function changed(
  name: ArgumentName,
  argument: Argument,
  olds: ContactOutputs,
  news: ContactInputs,
): boolean {
  try {
    return argument.changed
      ? argument.changed(olds, news)
      : differs(argument.view ?? asGiven(name), olds, news, name);
  } catch {
    return true;
  }
}

/**
 * Classifies a change from the stored outputs to new checked inputs, argument by argument, in the
 * table's order. The URN is never compared: a renamed stack or a resource moved under a new parent
 * must not send the message again.
 */
export function classifyChanges(olds: ContactOutputs, news: ContactInputs): ContactChanges {
  const replaces: string[] = [];
  const updates: string[] = [];
  for (const [name, argument] of ARGUMENT_ENTRIES) {
    if (changed(name, argument, olds, news)) {
      const replacing = argument.change === "replace" && !adoptedAfterImport(name, argument, olds);
      (replacing ? replaces : updates).push(name);
    }
  }
  return { replaces, updates };
}

/**
 * An imported contact has none of the arguments DescribeContact cannot give back (the destination,
 * the messages, the flow): the program's values for them are taken in place, once, as what the
 * contact was sent with, instead of counting as a change that sends a new contact.
 */
function adoptedAfterImport(name: ArgumentName, argument: Argument, olds: ContactOutputs): boolean {
  return (
    olds.clientTokenSource === "imported" &&
    argument.readBack === undefined &&
    olds[name] === undefined
  );
}

/**
 * A `clientToken` given as input must change when the contact changes: the same token would be
 * answered with the old contact (nothing sent), and the replacement's delete would then stop it.
 * Compares the old and new inputs as `check` receives them; returns the problem, if any.
 */
export function reusedClientTokenProblem(
  olds: Partial<ContactInputs>,
  news: ContactInputs,
): { property: string; reason: string } | undefined {
  if (news.clientToken === undefined || olds.clientToken !== news.clientToken) {
    return undefined;
  }
  if (containsUnknown(news) || olds.instanceId === undefined) {
    return undefined;
  }
  // The arguments that send a new contact when their value changes, compared by their view.
  const changedNames = ARGUMENT_ENTRIES.filter(
    ([name, argument]) =>
      argument.change === "replace" &&
      argument.changed === undefined &&
      differs(argument.view ?? asGiven(name), olds as ContactInputs, news, name),
  ).map(([name]) => name);
  if (changedNames.length === 0) {
    return undefined;
  }
  return {
    property: "clientToken",
    reason:
      `clientToken is the token the contact was sent with, but ${changedNames.join(", ")} changed, ` +
      "which sends a new contact: with the same token Amazon Connect would answer with the old " +
      "contact and send nothing, and replacing it would then stop that contact. Fix: give a new " +
      "clientToken with the change, or remove clientToken to let the provider derive one.",
  };
}
