/**
 * The dynamic-provider host as the engine runs it: `node <@pulumi/pulumi>/cmd/dynamic-provider`
 * in the program's directory, spoken to over gRPC (`ResourceProvider`).
 */
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import * as provider from "@pulumi/pulumi/proto/provider_pb";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import { pulumiRootFor } from "./program";
import { SECRET_SIG, SECRET_SIG_KEY } from "./doubles";
import { fromStruct, PropertyMap, toStruct } from "./struct";

export interface HostOptions {
  /** The program's directory: the host's working directory, where the provider's requires resolve. */
  readonly cwd: string;
  /**
   * The host's environment, on top of PATH, HOME and the engine's PULUMI_CONFIG. Nothing else of
   * the test process leaks in (no AWS_REGION unless given here).
   * @default - none
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The stack config the engine hands over in `Configure` and PULUMI_CONFIG. @default - none */
  readonly config?: Readonly<Record<string, string>>;
  /** Config keys sent as secrets in `Configure`. @default - none */
  readonly secretConfig?: readonly string[];
  /**
   * The `@pulumi/pulumi` whose host runs.
   * @default - the one `cwd` resolves
   */
  readonly pulumiRoot?: string;
}

export interface CheckFailure {
  readonly property: string;
  readonly reason: string;
}

export interface CheckResult {
  readonly inputs: PropertyMap;
  readonly failures: readonly CheckFailure[];
}

export interface DiffResult {
  readonly changes: "none" | "some" | "unknown";
  readonly replaces: readonly string[];
  readonly stables: readonly string[];
  readonly deleteBeforeReplace: boolean;
}

export interface CreateResult {
  readonly id: string;
  readonly properties: PropertyMap;
}

export interface ReadResult {
  /** Empty when the resource no longer exists. */
  readonly id: string;
  readonly properties: PropertyMap;
  readonly inputs?: PropertyMap;
}

/** A partial create: the provider made the resource but it failed to initialize. */
export interface ResourceInitFailure {
  readonly id: string;
  readonly properties: PropertyMap;
  readonly reasons: readonly string[];
}

/** A failed call to the host, with the gRPC status and, for a partial create, what was made. */
export class HostCallError extends Error {
  constructor(
    readonly method: string,
    readonly code: grpc.status,
    readonly details: string,
    readonly initFailure?: ResourceInitFailure,
  ) {
    super(`${method} failed (${grpc.status[code] ?? code}): ${details}`);
    this.name = "HostCallError";
  }
}

function initFailureOf(error: grpc.ServiceError): ResourceInitFailure | undefined {
  const [raw] = error.metadata?.get("grpc-status-details-bin") ?? [];
  if (raw === undefined) {
    return undefined;
  }
  const status = Status.deserializeBinary(
    typeof raw === "string" ? Buffer.from(raw, "base64") : new Uint8Array(raw),
  );
  for (const detail of status.getDetailsList()) {
    if (detail.getTypeName() === "pulumirpc.ErrorResourceInitFailed") {
      const failed = provider.ErrorResourceInitFailed.deserializeBinary(detail.getValue_asU8());
      return {
        id: failed.getId(),
        properties: fromStruct(failed.getProperties()),
        reasons: failed.getReasonsList(),
      };
    }
  }
  return undefined;
}

type Callback<Res> = (error: grpc.ServiceError | null, response: Res) => void;

export class ProviderHost {
  /** Everything the host wrote to stderr so far. */
  stderr = "";
  /** Everything the host wrote to stdout after its port. */
  stdout = "";
  private exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    private readonly client: ResourceProviderClient,
    readonly port: number,
  ) {
    child.stdout?.on("data", (chunk: Buffer) => (this.stdout += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve(child.exitCode);
      } else {
        child.once("exit", resolve);
      }
    });
  }

  /** Starts a host, connects to it and sends `Configure` with the stack config. */
  static async start(options: HostOptions): Promise<ProviderHost> {
    const root = options.pulumiRoot ?? pulumiRootFor(options.cwd);
    const config = options.config ?? {};
    const child = spawn(
      process.execPath,
      [path.join(root, "cmd", "dynamic-provider", "index.js"), "127.0.0.1:1"],
      {
        cwd: options.cwd,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          PULUMI_CONFIG: JSON.stringify(config),
          ...options.env,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let early = "";
    const port = await new Promise<number>((resolve, reject) => {
      let stdout = "";
      const onData = (chunk: Buffer) => {
        stdout += chunk.toString();
        const newline = stdout.indexOf("\n");
        if (newline >= 0) {
          child.stdout?.off("data", onData);
          resolve(Number(stdout.slice(0, newline).trim()));
        }
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", (chunk: Buffer) => (early += chunk.toString()));
      child.once("exit", (code) =>
        reject(new Error(`The provider host exited (${code}) before printing its port:\n${early}`)),
      );
    });
    const client = new ResourceProviderClient(
      `127.0.0.1:${port}`,
      grpc.credentials.createInsecure(),
    );
    const host = new ProviderHost(child, client, port);
    host.stderr = early;
    await host.configure(config, options.secretConfig ?? []);
    return host;
  }

  private call<Res>(method: string, invoke: (callback: Callback<Res>) => unknown): Promise<Res> {
    return new Promise((resolve, reject) => {
      try {
        invoke((error, response) => {
          if (error) {
            reject(new HostCallError(method, error.code, error.details, initFailureOf(error)));
          } else {
            resolve(response);
          }
        });
      } catch (error) {
        // A closed channel throws at once.
        const message = error instanceof Error ? error.message : String(error);
        reject(new HostCallError(method, grpc.status.UNAVAILABLE, message));
      }
    });
  }

  private async configure(config: Readonly<Record<string, string>>, secret: readonly string[]) {
    const args: PropertyMap = {};
    for (const [key, value] of Object.entries(config)) {
      args[key] = secret.includes(key) ? { [SECRET_SIG_KEY]: SECRET_SIG, value } : value;
    }
    const request = new provider.ConfigureRequest();
    request.setArgs(toStruct(args));
    request.setAcceptsecrets(true);
    request.setAcceptresources(true);
    request.setSendsOldInputs(true);
    request.setSendsOldInputsToDelete(true);
    await this.call<provider.ConfigureResponse>("Configure", (done) =>
      this.client.configure(request, done),
    );
  }

  async check(urn: string, olds: PropertyMap, news: PropertyMap): Promise<CheckResult> {
    const request = new provider.CheckRequest();
    request.setUrn(urn);
    request.setName(urn.split("::").pop() ?? "");
    request.setType(urn.split("::")[2] ?? "");
    request.setOlds(toStruct(olds));
    request.setNews(toStruct(news));
    const response = await this.call<provider.CheckResponse>("Check", (done) =>
      this.client.check(request, done),
    );
    return {
      inputs: fromStruct(response.getInputs()),
      failures: response
        .getFailuresList()
        .map((failure) => ({ property: failure.getProperty(), reason: failure.getReason() })),
    };
  }

  async diff(
    urn: string,
    id: string,
    olds: PropertyMap,
    news: PropertyMap,
    oldInputs: PropertyMap = {},
  ): Promise<DiffResult> {
    const request = new provider.DiffRequest();
    request.setUrn(urn);
    request.setId(id);
    request.setOlds(toStruct(olds));
    request.setNews(toStruct(news));
    request.setOldInputs(toStruct(oldInputs));
    const response = await this.call<provider.DiffResponse>("Diff", (done) =>
      this.client.diff(request, done),
    );
    const changes = response.getChanges();
    return {
      changes:
        changes === provider.DiffResponse.DiffChanges.DIFF_SOME
          ? "some"
          : changes === provider.DiffResponse.DiffChanges.DIFF_NONE
            ? "none"
            : "unknown",
      replaces: response.getReplacesList(),
      stables: response.getStablesList(),
      deleteBeforeReplace: response.getDeletebeforereplace(),
    };
  }

  /** Creates; a partial create fails with a {@link HostCallError} whose `initFailure` is set. */
  async create(urn: string, properties: PropertyMap, preview = false): Promise<CreateResult> {
    const request = new provider.CreateRequest();
    request.setUrn(urn);
    request.setProperties(toStruct(properties));
    request.setPreview(preview);
    const response = await this.call<provider.CreateResponse>("Create", (done) =>
      this.client.create(request, done),
    );
    return { id: response.getId(), properties: fromStruct(response.getProperties()) };
  }

  async read(
    urn: string,
    id: string,
    properties: PropertyMap,
    inputs: PropertyMap = {},
  ): Promise<ReadResult> {
    const request = new provider.ReadRequest();
    request.setUrn(urn);
    request.setId(id);
    request.setProperties(toStruct(properties));
    request.setInputs(toStruct(inputs));
    const response = await this.call<provider.ReadResponse>("Read", (done) =>
      this.client.read(request, done),
    );
    const returnedInputs = response.getInputs();
    return {
      id: response.getId(),
      properties: fromStruct(response.getProperties()),
      ...(returnedInputs ? { inputs: fromStruct(returnedInputs) } : {}),
    };
  }

  async update(
    urn: string,
    id: string,
    olds: PropertyMap,
    news: PropertyMap,
    oldInputs: PropertyMap = {},
  ): Promise<PropertyMap> {
    const request = new provider.UpdateRequest();
    request.setUrn(urn);
    request.setId(id);
    request.setOlds(toStruct(olds));
    request.setNews(toStruct(news));
    request.setOldInputs(toStruct(oldInputs));
    const response = await this.call<provider.UpdateResponse>("Update", (done) =>
      this.client.update(request, done),
    );
    return fromStruct(response.getProperties());
  }

  async delete(
    urn: string,
    id: string,
    properties: PropertyMap,
    oldInputs: PropertyMap = {},
  ): Promise<void> {
    const request = new provider.DeleteRequest();
    request.setUrn(urn);
    request.setId(id);
    request.setProperties(toStruct(properties));
    request.setOldInputs(toStruct(oldInputs));
    await this.call<unknown>("Delete", (done) => this.client.delete(request, done));
  }

  /** Whether the process is still running. */
  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Kills the host at once (SIGKILL), as a crash would; calls in flight and after fail. */
  async kill(): Promise<void> {
    if (this.running) {
      this.child.kill("SIGKILL");
    }
    await this.exited;
  }

  /** Ends the host as the engine does after an operation. */
  async stop(): Promise<void> {
    this.client.close();
    if (this.running) {
      this.child.kill("SIGTERM");
    }
    await this.exited;
  }
}
