export {
  defaultParallel,
  Engine,
  EngineOptions,
  isDynamic,
  Operation,
  StackResource,
  StepReport,
} from "./engine";
export {
  CheckFailure,
  CheckResult,
  CreateResult,
  DiffResult,
  HostCallError,
  HostOptions,
  ProviderHost,
  ReadResult,
  ResourceInitFailure,
} from "./host";
export {
  installInto,
  PackedPackage,
  packPackage,
  pulumiVersionUnderTest,
  run,
} from "./packed-package";
export {
  PlainProgramOptions,
  ProgramOptions,
  programModule,
  Registration,
  runProgram,
  runProgramFile,
} from "./program";
export { containsUnknown, unwrapSecrets } from "./struct";
export {
  awsEnv,
  awsError,
  FakeClock,
  FakeThrottlingService,
  isWrappedSecret,
  SECRET_SIG,
  SECRET_SIG_KEY,
  seededRandom,
  setEnv,
  settle,
  UNKNOWN,
} from "./doubles";
