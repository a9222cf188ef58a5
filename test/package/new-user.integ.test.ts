/**
 * The new user: the package packed as it would be published, an empty program, exactly the
 * install commands and the tsconfig of README.md's "Install" section (the tarball packed here in
 * place of the one README's clone packs), and README.md's example code, type-checked. The README is read, not copied:
 * when it changes, this test follows it. The same install then runs the `connect-emulator`
 * command through npx, as the README tells users to.
 */
import { strict as assert } from "assert";
import { spawn } from "child_process";
import { promises as fs } from "fs";
import { createConnection } from "net";
import * as path from "path";
import { packPackage, pulumiVersionUnderTest, run } from "../../harness";

const REPO_ROOT = path.resolve(__dirname, "..", "..");
const PACKAGE_NAME = "pulumi-connect-outbound-chat";
/** A path to the tarball `npm pack` writes in a clone, as README's Install gives it. */
const PACKED_TARBALL = /(^|\/)pulumi-connect-outbound-chat-\d+\.\d+\.\d+\.tgz$/;

/** A program that uses what the README documents of both entry points. */
const ENTRY_POINTS = `import {
  isOutboundChatContactError,
  OutboundChatContact,
  OutboundChatContactErrorCode,
} from "pulumi-connect-outbound-chat";
import { DEMO_SEED, startConnectEmulator } from "pulumi-connect-outbound-chat/emulator";

const code: OutboundChatContactErrorCode = "NoRegion";

export async function main(): Promise<boolean> {
  const emulator = await startConnectEmulator({ seed: DEMO_SEED });
  await emulator.stop();
  return typeof OutboundChatContact === "function" && isOutboundChatContactError(new Error(), code);
}
`;

/** The first fenced block of `language` in the README section whose heading starts `heading`. */
export function fencedBlock(readme: string, heading: string, language: string): string {
  const start = readme.indexOf(`\n## ${heading}`);
  assert.ok(start >= 0, `README.md has no section "## ${heading}"`);
  const next = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, next < 0 ? undefined : next);
  const block = new RegExp("```" + language + "\\n([\\s\\S]*?)```").exec(section);
  assert.ok(block, `README.md's section "${heading}" has no \`\`\`${language} block`);
  return block[1];
}

/**
 * The README's install commands as argument lists: each `npm` line of the block, with the tarball
 * packed here in place of the package's registry name or of the README's path to the tarball a
 * clone packs (`../pulumi-connect-outbound-chat/pulumi-connect-outbound-chat-0.1.0.tgz`) and,
 * where CI tests another Pulumi, that version.
 */
export function installCommands(block: string, tarball: string, pulumi?: string): string[][] {
  return block
    .split("\n")
    .map((line) => line.replace(/#.*/, "").trim())
    .filter((line) => line.startsWith("npm "))
    .map((line) =>
      line
        .split(/\s+/)
        .slice(1)
        .map((word) => (word === PACKAGE_NAME || PACKED_TARBALL.test(word) ? tarball : word))
        .map((word) =>
          pulumi !== undefined && word === "@pulumi/pulumi" ? `${word}@${pulumi}` : word,
        ),
    );
}

describe("a new user, following README.md", function () {
  this.timeout(120_000);
  let workspace: string;
  let tarball: string;
  let program: string;
  let commands: string[][];

  before(async function () {
    this.timeout(600_000);
    const readme = await fs.readFile(path.join(REPO_ROOT, "README.md"), "utf8");
    const packed = await packPackage("new-user-");
    ({ workspace, tarball } = packed);
    program = path.join(workspace, "program");
    await fs.mkdir(program);
    commands = installCommands(
      fencedBlock(readme, "Install", "sh"),
      tarball,
      pulumiVersionUnderTest(),
    );
    for (const args of commands) {
      const extra = args[0] === "install" ? ["--prefer-offline", "--no-audit", "--no-fund"] : [];
      await run("npm", [...args, ...extra], program);
    }
    await fs.writeFile(path.join(program, "tsconfig.json"), fencedBlock(readme, "Install", "json"));
    await fs.writeFile(path.join(program, "index.ts"), fencedBlock(readme, "Example", "ts"));
  });

  after(async () => {
    if (workspace !== undefined) {
      await fs.rm(workspace, { recursive: true, force: true });
    }
  });

  it("installs the package, @pulumi/pulumi, @pulumi/aws and TypeScript 5 with the README's commands", async () => {
    assert.deepEqual(
      commands.map((args) => args[0]),
      ["init", "install"],
    );
    const manifest = JSON.parse(await fs.readFile(path.join(program, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    assert.deepEqual(Object.keys(manifest.dependencies).sort(), [
      "@pulumi/aws",
      "@pulumi/pulumi",
      PACKAGE_NAME,
      "typescript",
    ]);
    const typescript = JSON.parse(
      await fs.readFile(path.join(program, "node_modules", "typescript", "package.json"), "utf8"),
    ) as { version: string };
    assert.match(typescript.version, /^5\./);
    const pulumi = JSON.parse(
      await fs.readFile(
        path.join(program, "node_modules", "@pulumi", "pulumi", "package.json"),
        "utf8",
      ),
    ) as { version: string };
    const wanted = pulumiVersionUnderTest();
    if (wanted !== undefined) {
      assert.equal(pulumi.version, wanted);
    }
  });

  it("type-checks the README's example with the README's tsconfig", async () => {
    const tsc = path.join(program, "node_modules", ".bin", "tsc");
    const output = await run(tsc, ["--noEmit", "-p", "."], program);
    assert.equal(output.trim(), "");
  });

  for (const resolution of ["node", "node16"] as const) {
    it(`type-checks imports of both entry points, the package and /emulator, with moduleResolution ${resolution}`, async () => {
      const readme = await fs.readFile(path.join(REPO_ROOT, "README.md"), "utf8");
      const config = JSON.parse(fencedBlock(readme, "Install", "json")) as {
        compilerOptions: Record<string, unknown>;
      };
      const tsconfig = `tsconfig.entry-points.${resolution}.json`;
      await fs.writeFile(path.join(program, "entry-points.ts"), ENTRY_POINTS);
      await fs.writeFile(
        path.join(program, tsconfig),
        JSON.stringify({
          ...config,
          compilerOptions: {
            ...config.compilerOptions,
            moduleResolution: resolution,
            ...(resolution === "node16" ? { module: "node16" } : {}),
          },
          files: ["entry-points.ts"],
        }),
      );
      const tsc = path.join(program, "node_modules", ".bin", "tsc");
      const output = await run(tsc, ["--noEmit", "-p", tsconfig], program);
      assert.equal(output.trim(), "");
    });
  }

  it("ships every file that README.md, emulator/README.md and the emulator's messages refer to", async () => {
    const shipped = new Set(
      (await run("tar", ["-tzf", tarball], workspace))
        .split("\n")
        .filter((line) => line.length > 0)
        .map((line) => line.replace(/^package\//, "")),
    );
    const tracked = new Set((await run("git", ["ls-files"], REPO_ROOT)).split("\n"));
    const isTrackedPath = (p: string): boolean =>
      tracked.has(p) || [...tracked].some((file) => file.startsWith(`${p}/`));
    const manifest = JSON.parse(
      await fs.readFile(path.join(REPO_ROOT, "package.json"), "utf8"),
    ) as {
      repository?: { url?: string };
      homepage?: string;
      bugs?: { url?: string };
    };

    // What the emulator's own README and the messages of its command (string literals, not
    // comments) point a user at must be in the package.
    const emulatorTexts = [
      await fs.readFile(path.join(REPO_ROOT, "emulator", "README.md"), "utf8"),
      ...(await Promise.all(
        (await fs.readdir(path.join(REPO_ROOT, "emulator")))
          .filter((file) => file.endsWith(".ts"))
          .map(async (file) =>
            stringLiterals(await fs.readFile(path.join(REPO_ROOT, "emulator", file), "utf8")),
          ),
      )),
    ];
    const emulatorRefs = new Set(emulatorTexts.flatMap(repoPathsIn).filter(isTrackedPath));
    assert.ok(emulatorRefs.has("emulator/seed.example.json"), [...emulatorRefs].join(", "));
    for (const ref of emulatorRefs) {
      assert.ok(shipped.has(ref), `${ref} is referred to by the emulator but not in the tarball`);
    }

    // The package README's relative links: shipped, or in the repository that package.json names
    // (the registry's page resolves them there).
    const readme = await fs.readFile(path.join(REPO_ROOT, "README.md"), "utf8");
    const links = [...readme.matchAll(/\]\(([^)#\s]+)\)/g)]
      .map((match) => match[1])
      .filter((link) => !/^[a-z]+:/.test(link));
    assert.ok(links.length > 0);
    for (const link of links) {
      assert.ok(shipped.has(link) || isTrackedPath(link), `README.md links to missing ${link}`);
    }
    assert.match(manifest.repository?.url ?? "", /^git\+https:\/\/github\.com\/.+\.git$/);
    assert.ok(manifest.homepage?.startsWith("https://"));
    assert.ok(manifest.bugs?.url?.startsWith("https://"));

    // Source maps ship with their sources or not at all; no TypeScript sources but declarations.
    const files = [...shipped];
    assert.deepEqual(
      files.filter((file) => file.endsWith(".map")),
      [],
    );
    assert.deepEqual(
      files.filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts")),
      [],
    );
    for (const required of [
      "README.md",
      "CHANGELOG.md",
      "LICENSE",
      "NOTICE",
      "dist/emulator/cli.js",
    ]) {
      assert.ok(shipped.has(required), required);
    }
  });

  // `kill $!` of a backgrounded npx signals npx alone; Ctrl-C in a terminal signals the whole
  // foreground process group (npx, its shell and the emulator), which is what SIGINT to the group
  // does here.
  const stops = [
    { how: "npx alone gets SIGTERM (kill $!)", signal: "SIGTERM", group: false },
    { how: "its process group gets SIGINT (Ctrl-C)", signal: "SIGINT", group: true },
  ] as const;
  for (const { how, signal, group } of stops) {
    it(`starts connect-emulator through npx, and stops it when ${how}`, async () => {
      const npx = spawn("npx", ["connect-emulator", "--port", "0", "--demo-seed"], {
        cwd: program,
        stdio: ["ignore", "pipe", "pipe"],
        detached: group,
      });
      const exports = await new Promise<string>((resolve, reject) => {
        let text = "";
        npx.stdout.on("data", (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes("export AWS_REGION=")) {
            resolve(text);
          }
        });
        npx.once("exit", (code) => reject(new Error(`npx exited with ${code}: ${text}`)));
      });
      const port = Number(/127\.0\.0\.1:(\d+)/.exec(exports)?.[1]);
      assert.ok(port > 0, exports);
      assert.equal(await connects(port), true);
      if (group) {
        process.kill(-npx.pid!, signal);
      } else {
        npx.kill(signal);
      }
      assert.equal(await closesWithin(port, 5_000), true, `the emulator still listens on ${port}`);
    });
  }
});

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function closesWithin(port: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!(await connects(port))) {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** Repository-relative paths written in a text: `emulator/seed.example.json`, `examples/bootstrap`. */
function repoPathsIn(text: string): string[] {
  return [...text.matchAll(/(?<![\w/.:-])((?:[\w.-]+\/)+[\w.-]+)/g)].map((match) =>
    match[1].replace(/[.,]+$/, ""),
  );
}

/** The string and template literals of a TypeScript source, joined: what its messages can say. */
function stringLiterals(source: string): string {
  return [...source.matchAll(/"([^"\n]*)"|`([^`]*)`/g)]
    .map((match) => match[1] ?? match[2])
    .join("\n");
}
