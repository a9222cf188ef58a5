/**
 * A mock of Amazon Connect's client (aws-sdk-client-mock) for one test at a time: `mockConnect()`
 * in `beforeEach`, `restoreConnect()` in `afterEach`.
 *
 * Each test's stub lives in a sinon sandbox of its own, which `restoreConnect` empties. The
 * library's `reset()` instead makes a new stub in sinon's default sandbox, which keeps every stub
 * for the life of the process; each stub keeps the calls it answered, and a call keeps the client
 * that made it, and so the copy of provider/ that made the client (harness/fresh-provider.ts).
 * One copy a test is little in `npm test`, but a mutation run runs the tests thousands of times
 * in one process: the two test processes grew to 8 GB each within minutes.
 */
import { ConnectClient } from "@aws-sdk/client-connect";
import { AwsClientStub, mockClient } from "aws-sdk-client-mock";
import { createSandbox } from "sinon";

const sandbox = createSandbox();

/** Stubs ConnectClient's `send` for the test about to run: every command fails until told. */
export function mockConnect(): AwsClientStub<ConnectClient> {
  return mockClient(ConnectClient, { sandbox });
}

/** Gives ConnectClient its own `send` back, and lets go of the stub and the calls it recorded. */
export function restoreConnect(): void {
  sandbox.restore();
}
