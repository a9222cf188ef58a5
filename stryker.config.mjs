// Mutation testing of provider/ (npm run test:mutation): StrykerJS with the mocha runner over the
// unit tests and the native provider's in-process gRPC tests, each mutant tested only by the tests
// that cover it. Stryker 10 needs Node.js 22 or later: the script runs it on node@24 from the npm
// registry (.ci/with-node). Incremental: a run tests again only the mutants whose code or
// covering tests changed since the last run.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "mocha",
  plugins: ["@stryker-mutator/mocha-runner"],
  mochaOptions: {
    // The unit tests, and the native provider's gRPC tests (in-process against the in-process
    // emulator, half a second in all): the other integration tests run provider/ in host or CLI
    // processes of their own, where no mutant is active.
    //
    // In this order: a mutant's tests run in the order of these files, and stop at the first that
    // fails, so the quick unit tests of validation and the core come first and the gRPC tests,
    // which start a server on a fresh copy of provider/ each, near the end. In file order (aws,
    // native, provider, validation), the gRPC tests killed a quarter of the mutants, after some
    // 24 tests each.
    //
    // Last, the two files that serialize the dynamic provider, the slowest unit tests (and the
    // ones that turn the V8 inspector's Debugger on: tools/mutation-load.ts).
    spec: [
      "test/validation/**/*.test.ts",
      "test/provider/!(resource|aws-provider-option).test.ts",
      "test/aws/**/*.test.ts",
      "test/{bench,emulator,harness}/**/*.test.ts",
      "test/*.test.ts",
      "test/native/**/*.test.ts",
      "test/provider/resource.test.ts",
      "test/provider/aws-provider-option.test.ts",
    ],
    ignore: [
      "test/*.integ.test.ts",
      "test/{aws,emulator,harness,lifecycle,package,provider}/**/*.integ.test.ts",
      // It reads no provider code, and lists files with git, which the sandbox is not.
      "test/docs.test.ts",
    ],
    // The second names the loading of the test files as a test of its own, and keeps the
    // Debugger @pulumi/pulumi's serializer turns on from holding every copy of provider/: see its
    // comments.
    require: ["ts-node/register/transpile-only", "./tools/mutation-load.ts"],
    extension: ["ts"],
  },
  mutate: [
    "provider/**/*.ts",
    // The gRPC face and the plugin's entry are tested through the host and the real CLI.
    "!provider/native/main.ts",
  ],
  coverageAnalysis: "perTest",
  // Static mutants (module-level constants, evaluated once at load) each need the whole suite run
  // in a fresh process: 12% of the mutants, 67% of the time. They are reported as ignored.
  ignoreStatic: true,
  concurrency: 2,
  // A new test process after this many mutants, for some 5 s a restart: whatever a test leaves
  // behind cannot pile up for the whole run.
  maxTestRunnerReuse: 100,
  // A mutant that hangs a test (a call that never answers) is cut after this much over its tests' time.
  timeoutMS: 5000,
  incremental: true,
  incrementalFile: ".tmp/mutation/stryker-incremental.json",
  tempDirName: ".tmp/stryker",
  // The sandbox copies the project: not the build outputs, the CLI, the SDKs or the results.
  ignorePatterns: [
    ".tmp",
    "dist",
    "sdk",
    "tools/sdkgen",
    "tools/pulumi-yaml",
    "bench/results",
    "examples/*/node_modules",
  ],
  cleanTempDir: "always",
  reporters: ["progress", "json"],
  jsonReporter: { fileName: ".tmp/mutation/mutation.json" },
  disableTypeChecks: "{provider,test,harness}/**/*.ts",
};
