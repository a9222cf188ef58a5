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
    spec: ["test/**/*.test.ts"],
    ignore: [
      "test/*.integ.test.ts",
      "test/{aws,emulator,harness,lifecycle,package,provider}/**/*.integ.test.ts",
      // It reads no provider code, and lists files with git, which the sandbox is not.
      "test/docs.test.ts",
    ],
    require: ["ts-node/register/transpile-only"],
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
