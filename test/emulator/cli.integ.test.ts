import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConnectClient, StartOutboundChatContactCommand } from "@aws-sdk/client-connect";
import { startInput, UUID } from "./fixtures";

const ROOT = join(__dirname, "..", "..");

function startCli(args: readonly string[]): { child: ChildProcess; output: Promise<string> } {
  const child = spawn(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", "emulator/cli.ts", ...args],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  const output = new Promise<string>((resolve, reject) => {
    let text = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes("export AWS_REGION=")) {
        resolve(text);
      }
    });
    child.on("exit", (code) => reject(new Error(`the CLI exited with ${code}: ${text}`)));
  });
  return { child, output };
}

describe("connect-emulator CLI", () => {
  it("starts as a child process, prints the exports, answers, and stops on SIGTERM", async () => {
    const { child, output } = startCli([
      "--port",
      "0",
      "--seed",
      "emulator/seed.example.json",
      "--access-key-id",
      "AKIDCLI",
      "--secret-access-key",
      "cli-secret",
    ]);
    try {
      const text = await output;
      const endpoint = /export AWS_ENDPOINT_URL_CONNECT=(http:\/\/127\.0\.0\.1:\d+)/.exec(
        text,
      )?.[1];
      assert.ok(endpoint !== undefined, text);
      assert.match(text, /export AWS_ACCESS_KEY_ID=AKIDCLI\n/);
      assert.match(text, /export AWS_SECRET_ACCESS_KEY=cli-secret\n/);
      assert.match(text, /export AWS_REGION=us-east-1\n/);
      const client = new ConnectClient({
        endpoint,
        region: "us-east-1",
        credentials: { accessKeyId: "AKIDCLI", secretAccessKey: "cli-secret" },
        maxAttempts: 1,
      });
      const { ContactId } = await client.send(new StartOutboundChatContactCommand(startInput()));
      client.destroy();
      assert.match(ContactId ?? "", UUID);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      assert.equal(await exited, 0);
    }
  });

  it("fails when the seed file does not exist, with exit code 2", async () => {
    const child = spawn(
      process.execPath,
      ["-r", "ts-node/register/transpile-only", "emulator/cli.ts", "--seed", "missing.json"],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    assert.equal(code, 2);
    assert.match(stderr, /connect-emulator: Cannot read the seed file missing\.json \(ENOENT\)\./);
  });

  it("prints the seed's Region in its exports when --region is not given", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-seed-"));
    const seedFile = join(dir, "seed.json");
    writeFileSync(
      seedFile,
      JSON.stringify({
        instances: [{ id: "11111111-2222-3333-4444-555555555555", region: "eu-west-2" }],
      }),
    );
    const { child, output } = startCli(["--port", "0", "--seed", seedFile]);
    try {
      assert.match(await output, /export AWS_REGION=eu-west-2\n/);
    } finally {
      child.kill("SIGTERM");
    }
  });

  it("prints --region over the seed's Region", async () => {
    const { child, output } = startCli([
      "--port",
      "0",
      "--demo-seed",
      "--region",
      "ap-southeast-2",
    ]);
    try {
      assert.match(await output, /export AWS_REGION=ap-southeast-2\n/);
    } finally {
      child.kill("SIGTERM");
    }
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`exits with 0 on ${signal} and frees its port`, async () => {
      const { child, output } = startCli(["--port", "0", "--demo-seed"]);
      const port = Number(/127\.0\.0\.1:(\d+)/.exec(await output)?.[1]);
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill(signal);
      assert.equal(await exited, 0);
      assert.equal(await connects(port), false);
    });
  }

  for (const [label, content] of [
    ["not JSON", '{"instances": [ +14155550100 apiKey=s3cr3t'],
    [
      "a seed of the wrong shape",
      JSON.stringify({ customers: ["+14155550100"], apiKey: "s3cr3t" }),
    ],
  ] as const) {
    it(`fails on a seed file that is ${label} without echoing its content (9.10)`, async () => {
      const dir = mkdtempSync(join(tmpdir(), "cli-bad-seed-"));
      const seedFile = join(dir, "seed.json");
      writeFileSync(seedFile, content);
      const result = await runCli(["--port", "0", "--seed", seedFile]);
      assert.equal(result.code, 2);
      assert.match(
        result.stderr,
        new RegExp(`The seed file ${seedFile.replace(/[.]/g, "\\.")} is`),
      );
      for (const secret of ["4155550100", "s3cr3t", "apiKey", "customers"]) {
        assert.equal(result.stderr.includes(secret), false, `${secret} in: ${result.stderr}`);
      }
    });
  }

  it("warns on stderr when started with a non-loopback --host (9.9)", async () => {
    const child = spawn(
      process.execPath,
      [
        "-r",
        "ts-node/register/transpile-only",
        "emulator/cli.ts",
        "--port",
        "0",
        "--host",
        "0.0.0.0",
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve) =>
      child.stdout?.on(
        "data",
        (chunk: Buffer) => chunk.toString().includes("AWS_REGION") && resolve(),
      ),
    );
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    assert.equal(await exited, 0);
    assert.match(stderr, /warning: listening on 0\.0\.0\.0, not a loopback address/);
  });

  it("lists every flag it accepts in --help, and accepts every flag --help lists", async () => {
    const expected = [
      "--port",
      "--host",
      "--seed",
      "--demo-seed",
      "--state-file",
      "--access-key-id",
      "--secret-access-key",
      "--region",
      "--help",
    ];
    const help = await runCli(["--help"]);
    assert.equal(help.code, 0);
    const listed = help.stdout.match(/^ {2}--[a-z-]+/gm)?.map((flag) => flag.trim());
    assert.deepEqual(listed, expected);
    const unknown = await runCli(["--verbose"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown option '--verbose'/);
  });
});

function runCli(
  args: readonly string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", "emulator/cli.ts", ...args],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr })));
}

/** Whether something accepts a TCP connection on the loopback port. */
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
