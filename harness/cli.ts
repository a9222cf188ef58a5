/**
 * The real Pulumi CLI, driven as a pipeline drives it: `pulumi login file://…`, `stack init`,
 * `config set`, `preview`, `up --yes`, `refresh`, `destroy`, `stack export`, each a process of its
 * own with a file backend in a temporary folder. Built by `npm run pulumi:cli` into
 * `.tmp/pulumi/<version>/bin` (tools/pulumi-cli.sh); nothing here downloads anything.
 *
 * Commands that run the program (preview, up, refresh with the program, destroy) get it from a
 * language host started beside them (`language-host.js`, through `--client`); see that file for
 * why it is not `pulumi-language-nodejs`.
 */
import { ChildProcess, spawn } from "child_process";
import { promises as fs, readdirSync, readFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { createInterface } from "readline";

const REPO_ROOT = path.resolve(__dirname, "..");

/** The pinned CLI version: the pkg/v3 version the wrapper module requires. */
export const PULUMI_CLI_VERSION = (() => {
  const goMod = readFileSync(path.join(REPO_ROOT, "tools", "pulumi-cli", "go.mod"), "utf8");
  const found = /github\.com\/pulumi\/pulumi\/pkg\/v3 (v\S+)/.exec(goMod);
  if (!found) throw new Error("tools/pulumi-cli/go.mod names no github.com/pulumi/pulumi/pkg/v3");
  return found[1];
})();

/** The folder of the built CLI, its language hosts and the dynamic-provider launcher. */
export const PULUMI_BIN = path.join(REPO_ROOT, ".tmp", "pulumi", PULUMI_CLI_VERSION, "bin");

/** Whether `npm run pulumi:cli` has built the CLI on this machine. */
export function cliBuilt(): boolean {
  try {
    readFileSync(path.join(PULUMI_BIN, "pulumi"), { flag: "r" }).subarray(0, 1);
    return true;
  } catch {
    return false;
  }
}

/** What a finished command printed and how it ended. */
export interface CliResult {
  readonly args: readonly string[];
  /** The exit code, or null when a signal ended it. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A command still running: kill it as a CI runner or a user's Ctrl-C would. */
export interface RunningCommand {
  readonly child: ChildProcess;
  /** Every line printed so far, stdout and stderr together. */
  readonly lines: string[];
  readonly result: Promise<CliResult>;
  /**
   * Sends `signal` to the CLI's process group. The CLI starts each plugin (the provider host) in a
   * process group of its own, which a signal to the CLI's group does not reach: with SIGKILL the
   * plugins are killed too, as a lost machine or a cancelled CI job kills them, rather than left
   * running on (and still making their calls) with no engine to answer.
   */
  kill(signal: NodeJS.Signals): void;
}

export interface ProjectOptions {
  /** The project folder, holding Pulumi.yaml. */
  readonly dir: string;
  /**
   * The Node.js program file the language host loads.
   * @default - the project's runtime runs it (pulumi-language-yaml for a YAML program)
   */
  readonly program?: string;
  /** Added to the environment of every command (AWS settings, the emulator's endpoint). */
  readonly env?: Record<string, string>;
  /** The folder for the file backend and PULUMI_HOME. @default - a new temporary folder */
  readonly home?: string;
}

const PASSPHRASE = "e2e-passphrase-not-a-secret";

/** One Pulumi project with a file backend of its own, run through the real CLI. */
export class PulumiProject {
  private constructor(
    readonly dir: string,
    readonly home: string,
    private readonly options: ProjectOptions,
  ) {}

  /** Logs in to a file backend in `home` and returns the project. */
  static async open(options: ProjectOptions): Promise<PulumiProject> {
    if (!cliBuilt()) {
      throw new Error(`the Pulumi CLI is not built in ${PULUMI_BIN}: run \`npm run pulumi:cli\``);
    }
    const home = options.home ?? (await fs.mkdtemp(path.join(os.tmpdir(), "pulumi-e2e-")));
    await fs.mkdir(path.join(home, "state"), { recursive: true });
    const project = new PulumiProject(options.dir, home, options);
    await project.expect(["login", `file://${path.join(home, "state")}`]);
    return project;
  }

  /** The environment of every command: the built CLI first on PATH, no update check, no downloads. */
  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return {
      ...process.env,
      PATH: `${PULUMI_BIN}${path.delimiter}${process.env.PATH ?? ""}`,
      PULUMI_HOME: path.join(this.home, "pulumi-home"),
      PULUMI_BACKEND_URL: `file://${path.join(this.home, "state")}`,
      PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      NO_COLOR: "1",
      ...this.options.env,
      ...extra,
    };
  }

  /** Runs a command to its end. */
  run(args: readonly string[], extraEnv: Record<string, string> = {}): Promise<CliResult> {
    return this.start(args, extraEnv).result;
  }

  /** Runs a command and fails, with everything it printed, unless it exits 0. */
  async expect(args: readonly string[], extraEnv: Record<string, string> = {}): Promise<CliResult> {
    const result = await this.run(args, extraEnv);
    if (result.code !== 0) {
      throw new Error(describe(result));
    }
    return result;
  }

  /**
   * Starts a command. Those that run the program (`preview`, `up`) get a language host of their
   * own, which ends with the command.
   */
  start(args: readonly string[], extraEnv: Record<string, string> = {}): RunningCommand {
    const env = this.env(extraEnv);
    const lines: string[] = [];
    let child: ChildProcess | undefined;
    let host: ChildProcess | undefined;
    const runsProgram = ["preview", "up", "update"].includes(args[0] ?? "");
    const result = (async (): Promise<CliResult> => {
      let fullArgs = [...args];
      // A Node.js program is served by the language host beside the CLI; any other runtime (YAML)
      // by the CLI's own language plugin.
      if (runsProgram && this.options.program !== undefined) {
        const started = await startLanguageHost(this.dir, this.options.program, env);
        host = started.child;
        fullArgs = [...args, `--client=127.0.0.1:${started.port}`];
      }
      try {
        return await runChild(
          (child = spawn(path.join(PULUMI_BIN, "pulumi"), fullArgs, {
            cwd: this.dir,
            env,
            detached: true,
            stdio: ["ignore", "pipe", "pipe"],
          })),
          args,
          lines,
        );
      } finally {
        host?.kill("SIGTERM");
      }
    })();
    return {
      get child() {
        if (!child) throw new Error("the command has not started yet");
        return child;
      },
      lines,
      result,
      kill(signal) {
        if (child?.pid === undefined) return;
        // Found before the kill: once the CLI is gone, its plugins' parent is init.
        const plugins = signal === "SIGKILL" ? descendantsOf(child.pid) : [];
        for (const pid of [-child.pid, ...plugins]) {
          try {
            process.kill(pid, signal);
          } catch {
            // Already gone.
          }
        }
        if (signal === "SIGKILL") host?.kill("SIGKILL");
      },
    };
  }

  /** The stack's state as `pulumi stack export` prints it (secrets encrypted unless shown). */
  async exportStack(stack: string, showSecrets = false): Promise<StackExport> {
    const args = ["stack", "export", "--stack", stack, ...(showSecrets ? ["--show-secrets"] : [])];
    return JSON.parse((await this.expect(args)).stdout) as StackExport;
  }

  /**
   * After a SIGKILL the file backend may read `failed to load checkpoint: EOF`. Its blob store
   * (gocloud's fileblob) writes `<stack>.json` atomically (a temporary file renamed) but the
   * `<stack>.json.attrs` beside it in place (truncate, then write): a kill between the two leaves
   * that sidecar empty, and reading the stack fails on it. As a user would, remove a sidecar that
   * is not whole (the backend reads a missing one as plain defaults), and should the checkpoint
   * itself not be whole, put back `<stack>.json.bak` or the newest whole checkpoint of the
   * stack's history. Returns whether it had to; throws when the stack still cannot be read.
   */
  async recoverCheckpoint(stack: string): Promise<boolean> {
    const exported = await this.run(["stack", "export", "--stack", stack]);
    if (exported.code === 0 || !/failed to load checkpoint/.test(exported.stderr)) {
      return false;
    }
    const files = await this.stateFiles();
    const checkpoint = await this.checkpointFile(stack, files);
    if (checkpoint === undefined) throw new Error(describe(exported));
    const sidecar = `${checkpoint}.attrs`;
    if (files.includes(sidecar) && !(await isWholeJson(sidecar))) await fs.rm(sidecar);
    if (!(await isWholeJson(checkpoint))) {
      const history = files
        .filter((file) => path.basename(file).startsWith(`${stack}-`))
        .filter((file) => file.endsWith(".checkpoint.json"))
        .sort()
        .reverse();
      let previous: string | undefined;
      for (const candidate of [`${checkpoint}.bak`, ...history]) {
        if (await isWholeJson(candidate)) {
          previous = candidate;
          break;
        }
      }
      if (previous === undefined) {
        throw new Error(`no whole checkpoint to restore: ${describe(exported)}`);
      }
      await fs.copyFile(previous, checkpoint);
    }
    await this.expect(["stack", "export", "--stack", stack]);
    return true;
  }

  /** The file backend's checkpoint of `stack` (`…/stacks/<project>/<stack>.json`), if it has one. */
  async checkpointFile(stack: string, files?: readonly string[]): Promise<string | undefined> {
    return (files ?? (await this.stateFiles())).find((file) =>
      file.endsWith(`${path.sep}${stack}.json`),
    );
  }

  /** The files of the file backend that hold a stack's state. */
  async stateFiles(): Promise<string[]> {
    const found: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else found.push(full);
      }
    };
    await walk(path.join(this.home, "state"));
    return found;
  }

  async remove(): Promise<void> {
    await fs.rm(this.home, { recursive: true, force: true });
  }
}

/** `pulumi stack export`'s document, as far as the tests read it. */
export interface StackExport {
  readonly version: number;
  readonly deployment: {
    readonly resources?: ExportedResource[];
    readonly pending_operations?: { readonly type: string; readonly resource: ExportedResource }[];
  };
}

export interface ExportedResource {
  readonly urn: string;
  readonly type: string;
  readonly id?: string;
  readonly custom?: boolean;
  readonly inputs?: Record<string, unknown>;
  readonly outputs?: Record<string, unknown>;
}

/** The resources of a type in an export. */
export function resourcesOf(exported: StackExport, type: string): ExportedResource[] {
  return (exported.deployment.resources ?? []).filter((resource) => resource.type === type);
}

/** The command line and everything it printed, for a failure message. */
export function describe(result: CliResult): string {
  const ended = result.signal ? `signal ${result.signal}` : `exit code ${result.code}`;
  return `pulumi ${result.args.join(" ")} ended with ${ended}\n${result.stdout}\n${result.stderr}`;
}

/** Whether a file holds a whole JSON document, not one a kill cut short. */
async function isWholeJson(file: string): Promise<boolean> {
  try {
    JSON.parse(await fs.readFile(file, "utf8"));
    return true;
  } catch {
    return false;
  }
}

/** Every process below `pid`, from /proc (Linux); none where /proc cannot be read. */
export function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  try {
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        // The parent's pid is the second field after the command name in parentheses.
        const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
      } catch {
        // The process ended while we looked.
      }
    }
  } catch {
    return [];
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const child of children.get(parent) ?? []) {
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

function runChild(
  child: ChildProcess,
  args: readonly string[],
  lines: string[],
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const collect = (stream: NodeJS.ReadableStream | null, add: (text: string) => void) => {
    if (!stream) return;
    createInterface({ input: stream }).on("line", (line) => {
      lines.push(line);
      add(`${line}\n`);
    });
  };
  collect(child.stdout, (text) => (stdout += text));
  collect(child.stderr, (text) => (stderr += text));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ args, code, signal, stdout, stderr }));
  });
}

async function startLanguageHost(
  dir: string,
  program: string,
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [path.join(__dirname, "language-host.js"), program], {
    cwd: dir,
    env,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once("line", (line) => resolve(Number(line.trim())));
    child.once("exit", (code) => reject(new Error(`the language host exited with ${code}`)));
  });
  return { child, port };
}
