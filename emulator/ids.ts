/** Parsing of the identifiers the API accepts either as IDs or as ARNs. */

const CONNECT_ARN = /^arn:[^:]+:connect:([^:]*):([^:]*):instance\/([^/]+)/;

/** The instance ID of `arn:aws:connect:REGION:ACCOUNT:instance/ID[/...]`, or the value itself. */
export function instanceIdOf(value: string): string {
  const found = CONNECT_ARN.exec(value);
  return found === null ? value : found[3];
}

/** The flow ID of `arn:...:instance/ID/contact-flow/FLOWID`, or the value itself. */
export function contactFlowIdOf(value: string): string {
  const found = /^arn:[^:]+:connect:[^:]*:[^:]*:instance\/[^/]+\/contact-flow\/([^/]+)$/.exec(
    value,
  );
  return found === null ? value : found[1];
}

/** The account an instance-scoped Connect ARN names, or undefined when `value` is an ID. */
export function accountOfArn(value: string): string | undefined {
  return CONNECT_ARN.exec(value)?.[2];
}
