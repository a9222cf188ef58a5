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
import { isOperationName, OPERATION_NAMES } from "./model/model";
import { startConnectEmulator, type ConnectEmulator } from "./server";
import { DEFAULT_CREDENTIALS } from "./core";
import { contactFlowIdOf, phoneNumberIdOf } from "./ids";
import { rateLimitProblem } from "./throttle";
import type { EmulatorSeed, RateLimits } from "./types";

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
  rate: {
    type: "string",
    multiple: true,
    help: "a rate limit, OPERATION=RATE/BURST (StartOutboundChatContact=2/5: 2 per second, burst 5); repeatable",
  },
  help: { type: "boolean", default: false, help: "print this help and exit" },
} as const;

/** The help text: one line per flag of {@link FLAGS}. */
function usage(): string {
  const lines = Object.entries(FLAGS).map(([name, flag]) => {
    const value =
      flag.type === "string"
        ? ` <${name === "seed" || name === "state-file" ? "file" : name === "rate" ? "op=rate/burst" : "value"}>`
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

const RATE = /^([A-Za-z]+)=(\d+(?:\.\d+)?)\/(\d+)$/;

/** Parses the `--rate` values into rate limits; throws a message naming the value and the fix. */
function parseRates(values: readonly string[]): RateLimits {
  const limits: Record<string, { ratePerSecond: number; burst: number }> = {};
  for (const value of values) {
    const found = RATE.exec(value);
    if (found === null) {
      throw new Error(
        `--rate '${value.slice(0, 100)}' is not OPERATION=RATE/BURST: write for example ` +
          "--rate StartOutboundChatContact=2/5 (2 per second, a burst of 5).",
      );
    }
    const [, operation, rate, burst] = found;
    if (!isOperationName(operation)) {
      throw new Error(
        `--rate names an unknown operation '${operation.slice(0, 100)}': it must be one of ` +
          `${OPERATION_NAMES.join(", ")}.`,
      );
    }
    const limit = { ratePerSecond: Number(rate), burst: Number(burst) };
    const problem = rateLimitProblem(limit);
    if (problem !== undefined) {
      throw new Error(`--rate '${value}': ${problem}.`);
    }
    limits[operation] = limit;
  }
  return limits;
}

/** The lines of the start banner: every seeded instance, flow, number (IDs and ARNs) and role. */
function seedBanner(seed: EmulatorSeed): string[] {
  const lines: string[] = [];
  for (const instance of seed.instances) {
    const arn = `arn:aws:connect:${instance.region}:${instance.accountId}:instance/${instance.id}`;
    lines.push(`  instance      ${instance.id}  ${arn}`);
    for (const flow of instance.contactFlows ?? []) {
      const id = contactFlowIdOf(typeof flow === "string" ? flow : flow.id);
      lines.push(`  contact flow  ${id}  ${arn}/contact-flow/${id}`);
    }
    for (const number of instance.phoneNumbers ?? []) {
      const numberArn = typeof number === "string" ? number : number.arn;
      lines.push(`  phone number  ${phoneNumberIdOf(numberArn)}  ${numberArn}`);
    }
  }
  for (const role of seed.roles ?? []) {
    lines.push(`  role (STS AssumeRole)  ${role.arn}`);
  }
  return lines;
}

/** Starts the emulator; a port in use is an error that says what to do. */
async function start(
  options: Parameters<typeof startConnectEmulator>[0],
): Promise<ConnectEmulator> {
  try {
    return await startConnectEmulator(options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      throw new Error(
        `Port ${options?.port} on ${options?.host} is already in use (another emulator may be ` +
          "running there). Stop it, choose another port with --port, or use --port 0 for a free one.",
      );
    }
    throw error;
  }
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
  const rateLimits = parseRates(values.rate ?? []);
  const seed =
    values.seed !== undefined ? readSeed(values.seed) : values["demo-seed"] ? DEMO_SEED : undefined;
  const emulator = await start({
    host: values.host,
    port,
    rateLimits,
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
  const seeded = emulator.seeded();
  if (seeded.instances.length === 0) {
    console.error(
      "connect-emulator: warning: no instance is seeded, so every Amazon Connect call will " +
        "answer ResourceNotFoundException. Start it with --demo-seed, or --seed <file> (the " +
        "format of emulator/seed.example.json in the pulumi-connect-outbound-chat package).",
    );
  } else {
    console.log("Seeded (IDs and ARNs for your program's settings):");
    for (const line of seedBanner(seeded)) {
      console.log(line);
    }
  }
  const rates = Object.entries(rateLimits);
  if (rates.length > 0) {
    console.log(
      `Rate limits set: ${rates.map(([op, l]) => `${op} ${l?.ratePerSecond}/s burst ${l?.burst}`).join("; ")}`,
    );
  }
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
