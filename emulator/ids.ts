/** Parsing of the identifiers the API accepts either as IDs or as ARNs. */

/** The instance ID of `arn:aws:connect:REGION:ACCOUNT:instance/ID[/...]`, or the value itself. */
export function instanceIdOf(value: string): string {
  const found = /^arn:[^:]+:connect:[^:]*:[^:]*:instance\/([^/]+)/.exec(value);
  return found === null ? value : found[1];
}

/** The flow ID of `arn:...:instance/ID/contact-flow/FLOWID`, or the value itself. */
export function contactFlowIdOf(value: string): string {
  const found = /^arn:[^:]+:connect:[^:]*:[^:]*:instance\/[^/]+\/contact-flow\/([^/]+)$/.exec(
    value,
  );
  return found === null ? value : found[1];
}
