import * as pulumi from "@pulumi/pulumi";

/** The value of an output, awaited (an assertion inside an unawaited `apply` checks nothing). */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((value) => resolve(value)));
}

/** The sigil Pulumi wraps a secret value in when it crosses the resource monitor. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const SIG_KEY = "4dabf18193072939515e22adb298388d";

export function isWrappedSecret(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === "object" &&
    (value as Record<string, unknown>)[SIG_KEY] === SECRET_SIG
  );
}
