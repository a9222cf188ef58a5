/**
 * Python and Go programs of the native provider under the real CLI: up, a second up with no
 * change, destroy. Their language hosts (pulumi-language-python, pulumi-language-go) are Go
 * modules the module proxy refuses here, so each program is an Automation API inline program
 * (`programs/python/inline.py`, `programs/go/main.go`): its own SDK's language server serves it to
 * `pulumi up --client`, and the CLI, the engine, the state and the plugin are the real ones. The
 * SDKs are the generated ones under sdk/, installed as a user installs them.
 */
import { strict as assert } from "assert";
import { execFile, spawn } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import {
  ConnectEmulator,
  DEMO_CONTACT_FLOW_ID,
  DEMO_INSTANCE_ID,
  DEMO_PHONE_NUMBER_ARN,
  DEMO_REGION,
} from "../../emulator";
import { PulumiProject, resourcesOf } from "../../harness/cli";
import {
  contactsByResource,
  emulatorEnv,
  startContactsEmulator as startEmulator,
} from "../../harness/cli-project";
import { callsFrom } from "./fixtures";
import { installPlugin } from "./plugin";

const REPO_ROOT = path.resolve(__dirname, "..", "..");
const NATIVE_TYPE = "connect-outbound-chat:index:OutboundChatContact";
const COUNT = 2;

interface Language {
  readonly name: string;
  readonly project: string;
  /** Builds the program (once) and returns the command that runs it. */
  readonly prepare: () => Promise<string[]>;
}

const LANGUAGES: Language[] = [
  {
    name: "Python",
    project: "python-contacts",
    prepare: async () => {
      const { stdout } = await promisify(execFile)("bash", ["tools/python-venv.sh"], {
        cwd: REPO_ROOT,
      });
      const python = stdout.trim().split("\n").pop()!;
      return [python, path.join(__dirname, "programs", "python", "inline.py")];
    },
  },
  {
    name: "Go",
    project: "go-contacts",
    prepare: async () => {
      const binary = path.join(REPO_ROOT, ".tmp", "e2e-go-program");
      await promisify(execFile)("go", ["build", "-o", binary, "."], {
        cwd: path.join(__dirname, "programs", "go"),
      });
      return [binary];
    },
  },
];

/** Runs the program's steps (`up`, `destroy`) and returns each step's resource changes. */
async function runSteps(
  command: string[],
  env: NodeJS.ProcessEnv,
  steps: string,
): Promise<Record<string, number>[]> {
  const child = spawn(command[0], command.slice(1), {
    env: { ...env, E2E_STEPS: steps },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  assert.equal(code, 0, `${command.join(" ")} (${steps}) failed:\n${stdout}\n${stderr}`);
  return stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => (JSON.parse(line) as { summary: Record<string, number> }).summary);
}

describe("the real Pulumi CLI: Python and Go programs of the native provider", function () {
  this.timeout(600_000);
  let emulator: ConnectEmulator;

  // An emulator per program: both name their contacts contact-0, contact-1.
  beforeEach(async () => {
    emulator = await startEmulator();
  });
  afterEach(() => emulator?.stop());

  for (const language of LANGUAGES) {
    it(`runs a ${language.name} program: up sends each contact once, a second up nothing, destroy stops them`, async () => {
      const command = await language.prepare();
      const workDir = await fs.mkdtemp(path.join(os.tmpdir(), `e2e-${language.project}-`));
      const project = await PulumiProject.open({ dir: workDir, env: emulatorEnv(emulator) });
      try {
        await installPlugin(project);
        const env = project.env({
          E2E_WORK_DIR: workDir,
          E2E_COUNT: String(COUNT),
          E2E_REGION: DEMO_REGION,
          E2E_INSTANCE_ID: DEMO_INSTANCE_ID,
          E2E_CONTACT_FLOW_ID: DEMO_CONTACT_FLOW_ID,
          E2E_SOURCE_ARN: DEMO_PHONE_NUMBER_ARN,
        });

        const up = callsFrom(emulator);
        assert.deepEqual(await runSteps(command, env, "up"), [{ create: COUNT + 1 }]);
        assert.deepEqual(up.ops(), { StartOutboundChatContact: COUNT, DescribeContact: COUNT });
        const recorded = resourcesOf(await project.exportStack("dev"), NATIVE_TYPE);
        assert.equal(recorded.length, COUNT);
        const byResource = contactsByResource(emulator);
        for (const resource of recorded) {
          assert.deepEqual(byResource.get(resource.urn.split("::").pop()!), [resource.id]);
        }
        const exported = JSON.stringify(await project.exportStack("dev"));
        assert.doesNotMatch(exported, /\+1206555[0-9]{4}|Welcome aboard, from/);

        const again = callsFrom(emulator);
        assert.deepEqual(await runSteps(command, env, "up"), [{ same: COUNT + 1 }]);
        assert.deepEqual(again.ops(), {});

        const destroy = callsFrom(emulator);
        assert.deepEqual(await runSteps(command, env, "destroy"), [{ delete: COUNT + 1 }]);
        assert.deepEqual(destroy.ops(), { StopContact: COUNT });
      } finally {
        await project.remove();
        await fs.rm(workDir, { recursive: true, force: true });
      }
    });
  }
});
