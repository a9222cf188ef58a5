#!/usr/bin/env node
/**
 * connect-emulator: runs the Amazon Connect emulator until SIGINT/SIGTERM.
 *   connect-emulator --port 4599 --seed seed.json [--host 127.0.0.1] [--state-file f]
 *                    [--access-key-id ..] [--secret-access-key ..]
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEMO_SEED, parseSeed } from "./seed";
import { startConnectEmulator } from "./server";
import { DEFAULT_CREDENTIALS } from "./core";
import type { EmulatorSeed } from "./types";

const USAGE =
  "Usage: connect-emulator [--port 4599] [--seed seed.json | --demo-seed] [--host 127.0.0.1] [--state-file f] [--access-key-id ID --secret-access-key SECRET] [--region us-east-1]";

function readSeed(path: string): EmulatorSeed {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`Cannot read the seed file ${path}: ${(error as Error).message}`);
  }
  const seed = parseSeed(data);
  if (typeof seed === "string") {
    throw new Error(`The seed file ${path} is invalid: ${seed}. See emulator/seed.example.json.`);
  }
  return seed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "4599" },
      host: { type: "string", default: "127.0.0.1" },
      seed: { type: "string" },
      "demo-seed": { type: "boolean", default: false },
      "state-file": { type: "string" },
      "access-key-id": { type: "string", default: DEFAULT_CREDENTIALS.accessKeyId },
      "secret-access-key": { type: "string", default: DEFAULT_CREDENTIALS.secretAccessKey },
      region: { type: "string", default: "us-east-1" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
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
  console.log(`Amazon Connect emulator listening on ${emulator.endpoint}`);
  console.log(`export AWS_ENDPOINT_URL_CONNECT=${emulator.endpoint}`);
  console.log(`export AWS_ACCESS_KEY_ID=${emulator.credentials.accessKeyId}`);
  console.log(`export AWS_SECRET_ACCESS_KEY=${emulator.credentials.secretAccessKey}`);
  console.log(`export AWS_REGION=${values.region}`);
  const shutdown = (): void => {
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  console.error(`connect-emulator: ${(error as Error).message}`);
  console.error(USAGE);
  process.exit(2);
});
