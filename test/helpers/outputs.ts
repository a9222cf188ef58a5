import * as pulumi from "@pulumi/pulumi";

/**
 * The value of an output, awaited (an assertion inside an unawaited `apply` checks nothing). It
 * rejects when the output failed, rather than never resolving and showing as a test's timeout.
 */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  if (!pulumi.Output.isInstance(output)) {
    return Promise.reject(new Error(`not an Output: ${typeof output}`));
  }
  // Every Output has `promise()`: its value, rejected when the output failed. It is internal to
  // @pulumi/pulumi's typings, hence the cast.
  return (output as unknown as { promise(): Promise<T> }).promise();
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
