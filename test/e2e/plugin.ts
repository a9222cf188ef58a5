/** The native provider's plugin tarball (`npm run plugin:pack`), packed once per run of the suite. */
import { execFile } from "child_process";
import { readFileSync } from "fs";
import * as path from "path";
import { promisify } from "util";
import { PulumiProject } from "../../harness/cli";
import { assertOk } from "./fixtures";

const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** The package's version: the plugin's. */
export const VERSION = (
  JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }
).version;

let tarball: Promise<string> | undefined;

/** The plugin tarball's path. */
export function pluginTarball(): Promise<string> {
  tarball ??= promisify(execFile)("bash", [path.join(REPO_ROOT, "tools", "plugin-pack.sh")], {
    cwd: REPO_ROOT,
    maxBuffer: 16 * 1024 * 1024,
  }).then(({ stdout }) => stdout.trim().split("\n").pop()!);
  return tarball;
}

/** Installs the plugin into the project's PULUMI_HOME, as a user does: `pulumi plugin install`. */
export async function installPlugin(project: PulumiProject): Promise<void> {
  assertOk(
    await project.run([
      "plugin",
      "install",
      "resource",
      "connect-outbound-chat",
      `v${VERSION}`,
      "--file",
      await pluginTarball(),
    ]),
  );
}
