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
