import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
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
    assert.match(stderr, /connect-emulator: Cannot read the seed file missing\.json/);
  });
});
