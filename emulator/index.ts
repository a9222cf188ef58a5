export {
  startConnectEmulator,
  DEFAULT_BODY_TIMEOUT_MS,
  DEFAULT_MAX_BODY_BYTES,
  type ConnectEmulator,
} from "./server";
export { DEFAULT_CREDENTIALS, DEFAULT_ACTIVE_CHAT_LIMIT } from "./core";
export { DEFAULT_RATE_LIMITS } from "./throttle";
export {
  DEMO_SEED,
  DEMO_INSTANCE_ID,
  DEMO_ACCOUNT_ID,
  DEMO_REGION,
  DEMO_CONTACT_FLOW_ID,
  DEMO_PHONE_NUMBER_ARN,
  DEMO_ROLE_ARN,
  parseSeed,
} from "./seed";
export { EmulatorError } from "./errors";
export type {
  AccessKey,
  CallRecord,
  CallsReport,
  ContactState,
  ContactView,
  DelayFault,
  DropAfterFault,
  DropBeforeFault,
  EmulatorOptions,
  EmulatorSeed,
  ErrorFault,
  FaultSpec,
  OperationName,
  PendingFault,
  RateLimit,
  RateLimits,
  SeedContactFlow,
  SeedInstance,
  SeedPhoneNumber,
  SeedRole,
} from "./types";
