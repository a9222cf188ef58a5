import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConnectClient, StartOutboundChatContactCommand } from "@aws-sdk/client-connect";
import { startInput, UUID } from "./fixtures";

const ROOT = join(__dirname, "..", "..");

function startCli(args: readonly string[]): {
  child: ChildProcess;
  output: Promise<string>;
  stderr: () => string;
} {
  const child = spawn(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", "emulator/cli.ts", ...args],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
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
  return { child, output, stderr: () => stderr };
}

/** Stops a CLI started by {@link startCli} and waits for it to exit. */
async function stopCli(child: ChildProcess): Promise<void> {
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  assert.equal(await exited, 0);
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

  it("fails when the port is in use, suggesting --port 0, with exit code 2", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await runCli(["--port", String(port), "--demo-seed"]);
      assert.equal(result.code, 2);
      assert.match(
        result.stderr,
        new RegExp(
          `connect-emulator: Port ${port} on 127\\.0\\.0\\.1 is already in use \\(another emulator may be running there\\)\\. Stop it, choose another port with --port, or use --port 0 for a free one\\.`,
        ),
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it("warns on stderr when started with no seed, suggesting --demo-seed or --seed", async () => {
    const { child, output, stderr } = startCli(["--port", "0"]);
    try {
      const text = await output;
      assert.equal(text.includes("Seeded"), false);
      // stderr is a pipe of its own: the warning may arrive after stdout's last line.
      for (let waited = 0; !stderr().includes("warning") && waited < 5000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.match(
        stderr(),
        /connect-emulator: warning: no instance is seeded, so every Amazon Connect call will answer ResourceNotFoundException\. Start it with --demo-seed, or --seed <file>/,
      );
    } finally {
      await stopCli(child);
    }
  });

  it("lists the seeded instance, flow, phone number and role in its start banner, and does not warn", async () => {
    const { child, output, stderr } = startCli(["--port", "0", "--demo-seed"]);
    try {
      const text = await output;
      const instanceArn =
        "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555";
      for (const line of [
        `  instance      11111111-2222-3333-4444-555555555555  ${instanceArn}`,
        `  contact flow  aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee  ${instanceArn}/contact-flow/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee`,
        "  phone number  99999999-8888-7777-6666-555555555555  arn:aws:connect:us-east-1:123456789012:phone-number/99999999-8888-7777-6666-555555555555",
        "  role (STS AssumeRole)  arn:aws:iam::123456789012:role/connect-emulator-deployer",
      ]) {
        assert.ok(text.includes(`${line}\n`), `missing: ${line}\nin:\n${text}`);
      }
      assert.equal(stderr().includes("warning"), false, stderr());
    } finally {
      await stopCli(child);
    }
  });

  it("never prints a seeded phone number in its banner", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-number-seed-"));
    const seedFile = join(dir, "seed.json");
    writeFileSync(
      seedFile,
      JSON.stringify({
        instances: [
          {
            id: "i-1",
            phoneNumbers: [
              {
                arn: "arn:aws:connect:us-east-1:123456789012:phone-number/n-1",
                phoneNumber: "+14155550123",
              },
            ],
          },
        ],
      }),
    );
    const { child, output, stderr } = startCli(["--port", "0", "--seed", seedFile]);
    try {
      const text = await output;
      assert.match(
        text,
        /phone number {2}n-1 {2}arn:aws:connect:us-east-1:123456789012:phone-number\/n-1\n/,
      );
      assert.equal(`${text}${stderr()}`.includes("4155550123"), false);
    } finally {
      await stopCli(child);
    }
  });

  it("sets rate limits with a repeated --rate OPERATION=RATE/BURST", async () => {
    const { child, output } = startCli([
      "--port",
      "0",
      "--demo-seed",
      "--rate",
      "StartOutboundChatContact=1/3",
      "--rate",
      "DescribePhoneNumber=0.5/1",
    ]);
    try {
      const text = await output;
      assert.match(
        text,
        /Rate limits set: StartOutboundChatContact 1\/s burst 3; DescribePhoneNumber 0\.5\/s burst 1\n/,
      );
      const endpoint = /listening on (http:\/\/\S+)/.exec(text)?.[1];
      const response = await fetch(`${endpoint}/_emulator/rate-limits`);
      const { rateLimits } = (await response.json()) as {
        rateLimits: Record<string, { ratePerSecond: number; burst: number }>;
      };
      assert.deepEqual(rateLimits.StartOutboundChatContact, { ratePerSecond: 1, burst: 3 });
      assert.deepEqual(rateLimits.DescribePhoneNumber, { ratePerSecond: 0.5, burst: 1 });
      assert.deepEqual(rateLimits.DescribeContact, { ratePerSecond: 10, burst: 15 });
    } finally {
      await stopCli(child);
    }
  });

  const badRates: ReadonlyArray<[string, string]> = [
    [
      "StartOutboundChatContact=2",
      "--rate 'StartOutboundChatContact=2' is not OPERATION=RATE/BURST: write for example --rate StartOutboundChatContact=2/5 (2 per second, a burst of 5).",
    ],
    [
      "SendMessage=2/5",
      "--rate names an unknown operation 'SendMessage': it must be one of StartOutboundChatContact, DescribeContact, StopContact, UpdateContactAttributes, DescribeInstance, DescribeContactFlow, DescribePhoneNumber.",
    ],
    ["StopContact=2/0", "--rate 'StopContact=2/0': burst must be an integer >= 1."],
    ["StopContact=-1/5", "--rate 'StopContact=-1/5' is not OPERATION=RATE/BURST"],
  ];
  for (const [value, message] of badRates) {
    it(`fails on --rate ${value} with a clear error and exit code 2`, async () => {
      const result = await runCli(["--port", "0", "--rate", value]);
      assert.equal(result.code, 2);
      assert.ok(result.stderr.includes(`connect-emulator: ${message}`), result.stderr);
    });
  }

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
      "--rate",
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
