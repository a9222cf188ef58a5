#!/usr/bin/env node
/**
 * connect-emulator: runs the Amazon Connect emulator until SIGINT or SIGTERM, or until the process
 * that started it exits (so that `npx connect-emulator ... &` then `kill $!` stops it: the signal
 * reaches npx, not the emulator). `connect-emulator --help` lists every flag.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEMO_SEED, parseSeed } from "./seed";
import { isLoopbackHost } from "./inspection";
import { startConnectEmulator } from "./server";
import { DEFAULT_CREDENTIALS } from "./core";
import type { EmulatorSeed } from "./types";

/** Region printed when neither `--region` nor a seeded instance names one. */
const DEFAULT_REGION = "us-east-1";

/** Every flag the command accepts, with its help text: parsed and listed from this one table. */
const FLAGS = {
  port: { type: "string", default: "4599", help: "port to listen on (0: a free port)" },
  host: {
    type: "string",
    default: "127.0.0.1",
    help: "address to bind; anything but loopback exposes the emulator to the network",
  },
  seed: {
    type: "string",
    help: "JSON file of instances, contact flows and phone numbers (see emulator/seed.example.json)",
  },
  "demo-seed": { type: "boolean", default: false, help: "seed the demo instance, flow and number" },
  "state-file": {
    type: "string",
    help: "JSON file that keeps contacts and tokens across restarts (the emulator's own format)",
  },
  "access-key-id": {
    type: "string",
    default: DEFAULT_CREDENTIALS.accessKeyId,
    help: "the access key the emulator accepts",
  },
  "secret-access-key": {
    type: "string",
    default: DEFAULT_CREDENTIALS.secretAccessKey,
    help: "the secret of that access key",
  },
  region: {
    type: "string",
    help: `Region printed in 'export AWS_REGION=' (default: the first seeded instance's, else ${DEFAULT_REGION})`,
  },
  help: { type: "boolean", default: false, help: "print this help and exit" },
} as const;

/** The help text: one line per flag of {@link FLAGS}. */
function usage(): string {
  const lines = Object.entries(FLAGS).map(([name, flag]) => {
    const value =
      flag.type === "string"
        ? ` <${name === "seed" || name === "state-file" ? "file" : "value"}>`
        : "";
    const fallback =
      "default" in flag && flag.type === "string" ? ` (default ${flag.default})` : "";
    return `  --${name}${value}\n      ${flag.help}${fallback}`;
  });
  return ["Usage: connect-emulator [flags]", "", "Flags:", ...lines].join("\n");
}

function readSeed(path: string): EmulatorSeed {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(
      `Cannot read the seed file ${path} (${(error as NodeJS.ErrnoException).code ?? "error"}).`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // Not the parser's message: newer ones quote the text around the error, which may be secret.
    throw new Error(`The seed file ${path} is not valid JSON.`);
  }
  const seed = parseSeed(data);
  if (typeof seed === "string") {
    throw new Error(
      `The seed file ${path} is invalid: ${seed}. See emulator/seed.example.json in the pulumi-connect-outbound-chat package.`,
    );
  }
  return seed;
}

/** The Region to print: the one given, else the first seeded instance's, else the default. */
function regionToPrint(given: string | undefined, seed: EmulatorSeed | undefined): string {
  return given ?? seed?.instances.find((i) => i.region !== undefined)?.region ?? DEFAULT_REGION;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: FLAGS, strict: true });
  if (values.help) {
    console.log(usage());
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be an integer between 0 and 65535, got '${values.port}'.`);
  }
  const seed =
    values.seed !== undefined ? readSeed(values.seed) : values["demo-seed"] ? DEMO_SEED : undefined;
  const emulator = await startConnectEmulator({
    host: values.host,
    port,
    ...(seed === undefined ? {} : { seed }),
    ...(values["state-file"] === undefined ? {} : { stateFile: values["state-file"] }),
    credentials: [
      { accessKeyId: values["access-key-id"], secretAccessKey: values["secret-access-key"] },
    ],
    log: (line) => console.log(`[connect-emulator] ${line}`),
  });
  if (!isLoopbackHost(values.host)) {
    console.error(
      `connect-emulator: warning: listening on ${values.host}, not a loopback address: any ` +
        "machine that reaches it can use the emulator, and its inspection API refuses requests " +
        "whose Host is not loopback. Use --host 127.0.0.1 unless you need it.",
    );
  }
  // Handlers first: a signal that follows the printed exports must find them in place.
  let stopping = false;
  const shutdown = (): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  // npx runs the command under `sh -c` and does not pass SIGTERM on: when the process that
  // started the emulator is gone (it is re-parented), stop as if signalled.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) {
      shutdown();
    }
  }, 250).unref();
  console.log(`Amazon Connect emulator listening on ${emulator.endpoint}`);
  console.log(`export AWS_ENDPOINT_URL_CONNECT=${emulator.endpoint}`);
  console.log(`export AWS_ACCESS_KEY_ID=${emulator.credentials.accessKeyId}`);
  console.log(`export AWS_SECRET_ACCESS_KEY=${emulator.credentials.secretAccessKey}`);
  console.log(`export AWS_REGION=${regionToPrint(values.region, seed)}`);
}

main().catch((error: unknown) => {
  console.error(`connect-emulator: ${(error as Error).message}`);
  console.error("Run connect-emulator --help for the flags.");
  process.exit(2);
});
