/**
 * Loaded by the mutation run (stryker.config.mjs, `mochaOptions.require`) before the test files,
 * for two things the run needs and `npm test` does not.
 *
 * 1. It names the loading of the test files as a test of its own, so that what runs while they
 *    load is not counted as Stryker's "static" coverage. A mutant in a module-level table
 *    (arguments, rules, limits, redaction's lists) runs once when `provider/` loads, and again in
 *    every test that loads a fresh copy of `provider/` (harness/fresh-provider.ts). Stryker calls
 *    such a mutant "hybrid" and, with `ignoreStatic`, tests it with only the tests that cover it,
 *    the mutant switched on at run time, as any other mutant; but it also restarts its test
 *    process before the mutant and again after it, some 5 s each, for a result the restarts
 *    cannot change (the test files load again with no mutant active). With the loading named as
 *    a test the dry run does not report, Stryker drops that coverage (it logs one warning naming
 *    this test), and a hybrid mutant is tested by the same tests without the restarts. A mutant
 *    that only loading runs, which no test runs again, is reported as not covered (it was
 *    ignored): it counts against the score.
 * 2. It turns the V8 inspector's Debugger off after each test that turned it on (below).
 */
const LOADING_THE_TEST_FILES = "(loading the test files, tools/mutation-load.ts)";

/** Stryker's instrumenter keeps its state here (its `globalNamespace`, by default). */
type StrykerNamespace = { currentTestId?: string };
const holder = globalThis as unknown as { __stryker__?: StrykerNamespace };
const namespace = (holder.__stryker__ ??= {});
namespace.currentTestId = LOADING_THE_TEST_FILES;

/**
 * @pulumi/pulumi's closure serializer (which the dynamic resource's tests use) turns on the V8
 * inspector's Debugger once, for the rest of the process, to map functions to their files. While
 * it is on, V8 keeps every script it has compiled, and each fresh copy of provider/ is some: in a
 * mutation run a test process then grew by gigabytes a minute. Here the Debugger is turned off
 * after each test that turned it on, and on again when the serializer next asks for its session
 * (turning it on tells the serializer of every script again).
 */
interface InspectorSession {
  post(method: string, callback: (error: Error | null) => void): void;
}
interface V8Hooks {
  getSessionAsync(): Promise<InspectorSession>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const v8Hooks = require("@pulumi/pulumi/runtime/closure/v8Hooks") as V8Hooks;
const sessionOf = v8Hooks.getSessionAsync.bind(v8Hooks);
let session: InspectorSession | undefined;
let debuggerOn = false;

function post(to: InspectorSession, method: string): Promise<void> {
  return new Promise((resolve, reject) => {
    to.post(method, (error) => (error ? reject(error) : resolve()));
  });
}

v8Hooks.getSessionAsync = async () => {
  const opened = await sessionOf();
  if (session === undefined) {
    // The first session comes with the Debugger on.
    session = opened;
  } else if (!debuggerOn) {
    await post(opened, "Debugger.enable");
  }
  debuggerOn = true;
  return opened;
};

/** A mocha root hook (`mochaOptions.require` loads this file as a root hook plugin). */
export const mochaHooks = {
  async afterEach(): Promise<void> {
    if (session !== undefined && debuggerOn) {
      await post(session, "Debugger.disable");
      debuggerOn = false;
    }
  },
};
