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

/** The account a Connect ARN names, or undefined when `value` is an ID. */
export function accountOfArn(value: string): string | undefined {
  return /^arn:[^:]+:connect:[^:]*:([^:]*):/.exec(value)?.[1];
}

/** The phone number ID of `arn:aws:connect:REGION:ACCOUNT:phone-number/ID`, or the value itself. */
export function phoneNumberIdOf(value: string): string {
  const found = /^arn:[^:]+:connect:[^:]*:[^:]*:phone-number\/([^/]+)$/.exec(value);
  return found === null ? value : found[1];
}
