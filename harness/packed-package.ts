/**
 * The package as a user installs it: the sources copied to a temporary workspace (so that the
 * build writes no dist/ into the working tree), `npm pack`ed there, and installed into a project of
 * its own with `npm install --prefer-offline --no-audit --no-fund`. Shared by the lifecycle test of
 * the installed package and the benchmarks' installed project.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";

const execFileAsync = promisify(execFile);

const REPO_ROOT = path.resolve(__dirname, "..");

/** What is copied to pack from, so that the build writes no dist/ into the working tree. */
const PACKED_SOURCES = [
  "package.json",
  "tsconfig.json",
  "tsconfig.build.json",
  "provider",
  "emulator",
];
const OPTIONAL_SOURCES = ["README.md", "CHANGELOG.md", "LICENSE", "NOTICE"];

/** Runs a command; a failure carries its whole output (tsc writes its errors to stdout). */
export async function run(command: string, args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, { cwd, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `${command} ${args.join(" ")} failed in ${cwd}:\n${stdout ?? ""}\n${stderr ?? ""}`,
    );
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

export interface PackedPackage {
  /** The temporary workspace, holding the copied sources and the tarball: the caller removes it. */
  readonly workspace: string;
  /** The packed tarball's path, in the workspace. */
  readonly tarball: string;
}

/**
 * Packs the package in a new temporary workspace named from `prefix`. If packing fails, the
 * workspace is removed before the error is thrown.
 */
export async function packPackage(prefix: string): Promise<PackedPackage> {
  const workspace = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  try {
    const source = path.join(workspace, "source");
    await fs.mkdir(source);
    for (const entry of [...PACKED_SOURCES, ...OPTIONAL_SOURCES]) {
      const from = path.join(REPO_ROOT, entry);
      if (PACKED_SOURCES.includes(entry) || (await exists(from))) {
        await fs.cp(from, path.join(source, entry), { recursive: true });
      }
    }
    await fs.symlink(
      path.join(REPO_ROOT, "node_modules"),
      path.join(source, "node_modules"),
      "dir",
    );
    const packed = await run("npm", ["pack", "--json", "--pack-destination", workspace], source);
    const [{ filename }] = JSON.parse(packed.slice(packed.indexOf("["))) as {
      filename: string;
    }[];
    return { workspace, tarball: path.join(workspace, filename) };
  } catch (error) {
    await fs.rm(workspace, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Makes `directory` a project of its own, with `packageJson` as its package.json, and installs the
 * tarball into it.
 */
export async function installInto(
  directory: string,
  tarball: string,
  packageJson: Record<string, unknown>,
): Promise<void> {
  await fs.mkdir(directory);
  await fs.writeFile(path.join(directory, "package.json"), JSON.stringify(packageJson, null, 2));
  // As a user does (`npm install pulumi-connect-outbound-chat @pulumi/pulumi`): the program's own
  // @pulumi/pulumi, which the package takes as a peer; the version this repository runs on.
  const pulumiVersion =
    pulumiVersionUnderTest() ??
    (
      JSON.parse(await fs.readFile(require.resolve("@pulumi/pulumi/package.json"), "utf8")) as {
        version: string;
      }
    ).version;
  await run(
    "npm",
    [
      "install",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      tarball,
      `@pulumi/pulumi@${pulumiVersion}`,
    ],
    directory,
  );
}

/**
 * The `@pulumi/pulumi` version that installed-package tests install beside the package, when CI
 * asks for another than the one this repository develops on (`PULUMI_VERSION_UNDER_TEST`, set by
 * .ci/run to the oldest version the peer range claims).
 */
export function pulumiVersionUnderTest(): string | undefined {
  return process.env.PULUMI_VERSION_UNDER_TEST || undefined;
}
