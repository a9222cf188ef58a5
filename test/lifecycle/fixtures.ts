/**
 * Shared pieces of the lifecycle scenarios: the emulator, the provider host's environment, a
 * stack (host + engine) and programs of welcome contacts.
 */
import { strict as assert } from "assert";
import * as path from "path";
import {
  ConnectEmulator,
  DEMO_CONTACT_FLOW_ID,
  DEMO_INSTANCE_ID,
  DEMO_PHONE_NUMBER_ARN,
  DEMO_REGION,
  DEMO_SEED,
  startConnectEmulator,
} from "../../emulator";
import { OutboundChatContact, OutboundChatContactArgs } from "../../provider";
import { awsEnv, Engine, ProviderHost, Registration, runProgram, StepReport } from "../../harness";

export const PROJECT = "connect-welcome";
export const STACK = "dev";
export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const DESTINATION = "+14155550100";
/** The stack config of every scenario unless it says otherwise. */
export const STACK_CONFIG: Readonly<Record<string, string>> = { "aws:region": DEMO_REGION };
export const TOKEN = /^[0-9a-f]{64}$/;

export function startEmulator(): Promise<ConnectEmulator> {
  return startConnectEmulator({ seed: DEMO_SEED });
}

/** What one welcome contact of a program differs in. */
export interface ContactSpec {
  readonly message?: string;
  readonly attributes?: Record<string, string>;
  readonly triggers?: readonly unknown[];
  /** Overrides of any argument, including invalid ones. */
  readonly args?: Partial<Record<keyof OutboundChatContactArgs, unknown>>;
}

export const DEFAULT_MESSAGE = "Welcome aboard!";

/** The args of a valid welcome SMS, through the emulator's demo instance. */
export function welcomeArgs(spec: ContactSpec = {}): OutboundChatContactArgs {
  return {
    instanceId: DEMO_INSTANCE_ID,
    contactFlowId: DEMO_CONTACT_FLOW_ID,
    sourceEndpoint: { address: DEMO_PHONE_NUMBER_ARN },
    destinationEndpoint: { address: DESTINATION },
    channel: "SMS",
    initialSystemMessage: { contentType: "text/plain", content: spec.message ?? DEFAULT_MESSAGE },
    ...(spec.attributes ? { attributes: spec.attributes } : {}),
    ...(spec.triggers ? { triggers: [...spec.triggers] } : {}),
    ...(spec.args as Partial<OutboundChatContactArgs>),
  };
}

/** A program of one contact per entry, named by its key. */
export function welcomeProgram(specs: Record<string, ContactSpec>): () => void {
  return () => {
    for (const [name, spec] of Object.entries(specs)) {
      new OutboundChatContact(name, welcomeArgs(spec));
    }
  };
}

export interface StackOptions {
  readonly emulator: ConnectEmulator;
  /** @default the emulator's endpoint and key, AWS_REGION us-east-1 ({@link awsEnv}) */
  readonly env?: Record<string, string>;
  /** @default {@link STACK_CONFIG} */
  readonly config?: Readonly<Record<string, string>>;
  /** The program's directory, the host's working directory. @default the repository */
  readonly cwd?: string;
}

/** A stack: its state, the host the engine talks to, and the program's settings. */
export class Stack {
  private constructor(
    readonly engine: Engine,
    private readonly options: StackOptions,
  ) {}

  static async start(options: StackOptions): Promise<Stack> {
    return new Stack(new Engine(await Stack.host(options)), options);
  }

  private static host(options: StackOptions): Promise<ProviderHost> {
    return ProviderHost.start({
      cwd: options.cwd ?? REPO_ROOT,
      env: options.env ?? awsEnv(options.emulator),
      config: options.config ?? STACK_CONFIG,
    });
  }

  get host(): ProviderHost {
    return this.engine.host;
  }

  /** Replaces the host with a new process (the old one must have stopped or been killed). */
  async restartHost(): Promise<void> {
    await this.engine.host.stop();
    this.engine.host = await Stack.host(this.options);
  }

  run(program: () => void, preview = false): Promise<Registration[]> {
    return runProgram(program, {
      project: PROJECT,
      stack: STACK,
      config: this.options.config ?? STACK_CONFIG,
      preview,
    });
  }

  async preview(program: () => void): Promise<StepReport[]> {
    return this.engine.preview(await this.run(program, true));
  }

  async up(program: () => void): Promise<StepReport[]> {
    return this.engine.up(await this.run(program));
  }

  /** The outputs of the live resource of that name. */
  outputs(name: string): Record<string, unknown> {
    const resource = this.engine.get(name);
    assert.ok(resource, `no resource "${name}" in the stack`);
    return resource.outputs;
  }

  stop(): Promise<void> {
    return this.engine.host.stop();
  }
}

/** Fails with every error and check failure of the reports, so that a test says what went wrong. */
export function assertSucceeded(reports: readonly StepReport[]): void {
  const problems = reports.flatMap((report) => [
    ...(report.error ? [`${report.name} (${report.op}): ${report.error.message}`] : []),
    ...(report.failures ?? []).map(
      (failure) => `${report.name} (${report.op}): ${failure.property}: ${failure.reason}`,
    ),
  ]);
  assert.deepEqual(problems, [], problems.join("\n"));
}

/** The reports as `[name, op]`, sorted by name. */
export function opsOf(reports: readonly StepReport[]): [string, string][] {
  return reports
    .map((report): [string, string] => [report.name, report.op])
    .sort(([a], [b]) => a.localeCompare(b));
}

/** The emulator's count of one operation's calls with one outcome. */
export function countOf(emulator: ConnectEmulator, operation: string, outcome = "ok"): number {
  return emulator.calls().counts[operation]?.[outcome] ?? 0;
}

/** All calls the emulator has answered, whatever their outcome. */
export function totalCalls(emulator: ConnectEmulator): number {
  return emulator.calls().log.length;
}
