/**
 * Runs a Pulumi program under `pulumi.runtime.setMocks` and captures each resource registration as
 * the engine would receive it: type, name, URN and inputs (secrets unwrapped, values not yet known
 * as the unknown sentinel), with the paths that were secret.
 *
 * `@pulumi/pulumi` is loaded by path, never imported here, so that a program installed elsewhere
 * (with its own `node_modules`) runs against its own copy: see {@link runProgramFile}.
 */
import { spawn } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import type { MockCallArgs, MockResourceArgs, MockResourceResult } from "@pulumi/pulumi/runtime";
import { fromStruct, PropertyMap, unwrapSecrets } from "./struct";

export interface Registration {
  /** The type token, such as `pulumi-nodejs:dynamic/connect:OutboundChatContact`. */
  readonly type: string;
  readonly name: string;
  /** `urn:pulumi:<stack>::<project>::<type>::<name>` (types of parents prefixed, as the engine does). */
  readonly urn: string;
  /** The parent's URN; absent for a resource at the root of the stack. */
  readonly parent?: string;
  /** Whether this is a custom resource (false for a component). */
  readonly custom: boolean;
  /** The inputs as the engine passes them on: secrets unwrapped, unknown values as `UNKNOWN`. */
  readonly inputs: PropertyMap;
  /** The paths of inputs that were secret, such as `destinationEndpoint`. */
  readonly secretInputs: readonly string[];
  /** The output names the program asked to keep secret (`additionalSecretOutputs`). */
  readonly additionalSecretOutputs: readonly string[];
}

/** The options of a run that can cross a process boundary (see {@link runProgramFile}). */
export interface PlainProgramOptions {
  readonly project: string;
  readonly stack: string;
  /** The stack config, keys with their namespace (`aws:region`, `welcome:message`). @default - none */
  readonly config?: Readonly<Record<string, string>>;
  /** The config keys that are secret. @default - none */
  readonly secretConfig?: readonly string[];
  /**
   * Run as `pulumi preview`: outputs of other resources that their inputs do not give are
   * unknown, and so are the inputs computed from them.
   * @default false
   */
  readonly preview?: boolean;
}

export interface ProgramOptions extends PlainProgramOptions {
  /**
   * Answers the program's invokes, such as `aws:connect/getInstance:getInstance`.
   * @default - every invoke fails, naming its token
   */
  readonly call?: (args: MockCallArgs) => PropertyMap | Promise<PropertyMap>;
  /**
   * The id and outputs of a registered resource (for the program, not for the engine driver).
   * @default - id `<name>-id` (unknown in a preview) and the inputs as outputs
   */
  readonly newResource?: (args: MockResourceArgs) => MockResourceResult | undefined;
}

/** The request the mock monitor receives, as far as the capture reads it. */
interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getObject(): Parameters<typeof fromStruct>[0];
  getAdditionalsecretoutputsList(): string[];
}

interface MockMonitor {
  newUrn(parent: string | undefined, type: string, name: string): string;
  registerResource(request: RegisterRequest, callback: (...args: unknown[]) => void): void;
}

/* eslint-disable @typescript-eslint/no-require-imports */
function pulumiRuntime(root: string) {
  return {
    mocks: require(
      path.join(root, "runtime", "mocks"),
    ) as typeof import("@pulumi/pulumi/runtime/mocks"),
    settings: require(path.join(root, "runtime", "settings")) as {
      getMonitor(): unknown;
      waitForRPCs(): Promise<void>;
    },
    config: require(
      path.join(root, "runtime", "config"),
    ) as typeof import("@pulumi/pulumi/runtime/config"),
    log: require(path.join(root, "log")) as { hasErrors(): boolean },
  };
}
/* eslint-enable @typescript-eslint/no-require-imports */

/** The directory of the `@pulumi/pulumi` that code in `directory` would load. */
export function pulumiRootFor(directory: string): string {
  return path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [directory] }));
}

/**
 * Runs `program` against the `@pulumi/pulumi` found at `root`. Each run starts afresh: new mocks,
 * new config, a new list of registrations.
 */
export async function captureProgram(
  root: string,
  program: () => void | Promise<void>,
  options: ProgramOptions,
): Promise<Registration[]> {
  const { mocks, settings, config, log } = pulumiRuntime(root);
  const preview = options.preview ?? false;
  await mocks.setMocks(
    {
      newResource: (args) =>
        options.newResource?.(args) ?? {
          id: preview ? undefined : `${args.name}-id`,
          state: args.inputs as Record<string, unknown>,
        },
      call: (args) => {
        if (!options.call) {
          throw new Error(`The program invoked ${args.token}; pass options.call to answer it.`);
        }
        return options.call(args);
      },
    },
    options.project,
    options.stack,
    preview,
  );
  config.setAllConfig({ ...options.config }, [...(options.secretConfig ?? [])]);

  const registrations: Registration[] = [];
  const monitor = settings.getMonitor() as MockMonitor;
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (request, callback) => {
    const { value, secretPaths } = unwrapSecrets(fromStruct(request.getObject()));
    const parent = request.getParent() || undefined;
    registrations.push({
      type: request.getType(),
      name: request.getName(),
      urn: monitor.newUrn(parent, request.getType(), request.getName()),
      ...(parent ? { parent } : {}),
      custom: request.getCustom(),
      inputs: value as PropertyMap,
      secretInputs: secretPaths,
      additionalSecretOutputs: request.getAdditionalsecretoutputsList(),
    });
    register(request, callback);
  };

  // A resource that fails to register (its provider cannot be serialized, say) surfaces only as
  // an unhandled rejection: collect those of this run and fail with them.
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  process.on("unhandledRejection", onRejection);
  try {
    await program();
    await settings.waitForRPCs();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off("unhandledRejection", onRejection);
  }
  if (rejections.length > 0) {
    const [first] = rejections;
    throw first instanceof Error ? first : new Error(String(first));
  }
  if (log.hasErrors()) {
    throw new Error("The program logged errors (see above); its registrations are incomplete.");
  }
  return registrations;
}

/** Runs an in-process program against this repository's `@pulumi/pulumi`. */
export function runProgram(
  program: () => void | Promise<void>,
  options: ProgramOptions,
): Promise<Registration[]> {
  return captureProgram(pulumiRootFor(__dirname), program, options);
}

/**
 * A program made of a module's top-level code (such as `program/index.ts`): each call loads the
 * module afresh, so that it registers its resources again.
 */
export function programModule(file: string): () => void {
  return () => {
    const resolved = require.resolve(file);
    delete require.cache[resolved];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(resolved);
  };
}

let runs = 0;

/**
 * Runs a program file in a child process, with the `@pulumi/pulumi` and packages installed beside
 * it, as a user's `pulumi up` would: the closure serializer then sees the package under
 * `node_modules`. Its invokes cannot be answered (no `call` across processes).
 */
export async function runProgramFile(
  file: string,
  options: PlainProgramOptions,
): Promise<Registration[]> {
  const out = path.join(os.tmpdir(), `registrations-${process.pid}-${runs++}.json`);
  const child = spawn(
    process.execPath,
    [
      "-r",
      require.resolve("ts-node/register/transpile-only"),
      path.join(__dirname, "program-runner.ts"),
    ],
    {
      cwd: path.dirname(file),
      env: {
        ...process.env,
        TS_NODE_PROJECT: path.join(__dirname, "..", "tsconfig.json"),
        ENGINE_PROGRAM: JSON.stringify({ file, options, out }),
      },
      stdio: ["ignore", "inherit", "pipe"],
    },
  );
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) {
    throw new Error(`The program ${file} failed (exit ${code}):\n${stderr}`);
  }
  const text = await fs.readFile(out, "utf8");
  await fs.rm(out, { force: true });
  return JSON.parse(text) as Registration[];
}
