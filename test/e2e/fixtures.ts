/**
 * Shared pieces of the real-CLI tests: the package installed as a user installs it (once per run),
 * projects of the tests' own that use it, the emulator on port 0, and what the tests look for in
 * state (every spelling of the destination numbers and the messages).
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import {
  ConnectEmulator,
  DEMO_CONTACT_FLOW_ID,
  DEMO_INSTANCE_ID,
  DEMO_PHONE_NUMBER_ARN,
  DEMO_REGION,
  DEMO_SEED,
  startConnectEmulator,
} from "../../emulator";
import type { EmulatorOptions } from "../../emulator";
import { installInto, packPackage } from "../../harness";
import { CliResult, describe as describeRun, PulumiProject } from "../../harness/cli";

export const TYPE = "pulumi-nodejs:dynamic/connect:OutboundChatContact";
export const PROJECT = "e2e-contacts";
export const MESSAGE = "Welcome aboard, from the e2e suite!";

/** The destination of the contact at `index`: +1415555 0100, 0101, ... (a fictional range). */
export function destinationOf(index: number): string {
  return `+1415555${String(100 + index).padStart(4, "0")}`;
}

/** Every way a state file or a plan could spell a US number: E.164, national, digits. */
export function spellingsOf(e164: string): string[] {
  const digits = e164.slice(2); // without +1
  const [area, exchange, line] = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)];
  return [
    e164,
    `1${digits}`,
    digits,
    `(${area}) ${exchange}-${line}`,
    `${area}-${exchange}-${line}`,
    `${area}.${exchange}.${line}`,
    `${area} ${exchange} ${line}`,
    `+1 ${area} ${exchange} ${line}`,
    `+1-${area}-${exchange}-${line}`,
    Buffer.from(e164).toString("base64"),
  ];
}

/** The secrets of contacts 0..count-1 found in `text`, each named by what it is (never its value). */
export function secretsIn(text: string, count: number, message = MESSAGE): string[] {
  const found: string[] = [];
  for (let index = 0; index < count; index += 1) {
    spellingsOf(destinationOf(index)).forEach((spelling, which) => {
      if (text.includes(spelling)) found.push(`destination ${index}, spelling ${which}`);
    });
  }
  if (text.includes(message)) found.push("the message");
  if (text.includes(Buffer.from(message).toString("base64"))) found.push("the message in base64");
  return found;
}

/**
 * The program of the tests' own: `e2e:count` welcome contacts, each to its own number, from the
 * installed package by name, as a user writes it. `e2e:message` and `e2e:tier` apply to contact-0
 * only when `e2e:onlyFirst` is true, so that one resource can change among several.
 */
const PROGRAM = `"use strict";
const pulumi = require("@pulumi/pulumi");
const { OutboundChatContact } = require("pulumi-connect-outbound-chat");

const config = new pulumi.Config("e2e");
const count = config.getNumber("count") ?? 1;
const onlyFirst = config.getBoolean("onlyFirst") ?? false;
const contacts = [];
for (let index = 0; index < count; index += 1) {
  const changed = !onlyFirst || index === 0;
  contacts.push(
    new OutboundChatContact(\`contact-\${index}\`, {
      instanceId: config.require("instanceId"),
      contactFlowId: config.require("contactFlowId"),
      sourceEndpoint: { address: config.require("sourcePhoneNumberArn") },
      destinationEndpoint: { address: \`+1415555\${String(100 + index).padStart(4, "0")}\` },
      channel: "SMS",
      initialSystemMessage: {
        contentType: "text/plain",
        content: (changed && config.get("message")) || ${JSON.stringify(MESSAGE)},
      },
      attributes: { resource: \`contact-\${index}\`, tier: (changed && config.get("tier")) || "gold" },
    }),
  );
}
exports.contactIds = contacts.map((contact) => contact.contactId);
`;

let installed: Promise<string> | undefined;

/**
 * A project folder with the package installed from its packed tarball (once per run): the
 * closure serializer then sees the package under node_modules, as in a user's install.
 */
function installedProject(): Promise<string> {
  installed ??= (async () => {
    const packed = await packPackage("e2e-pack-");
    const dir = path.join(packed.workspace, "installed");
    await installInto(dir, packed.tarball, { name: "e2e-installed", private: true });
    return dir;
  })();
  return installed;
}

/** An emulator on port 0 with the demo seed; generous rate limits unless the options say. */
export function startEmulator(options: EmulatorOptions = {}): Promise<ConnectEmulator> {
  return startConnectEmulator({
    seed: DEMO_SEED,
    rateLimits: {
      StartOutboundChatContact: { ratePerSecond: 1000, burst: 1000 },
      DescribeContact: { ratePerSecond: 1000, burst: 1000 },
      StopContact: { ratePerSecond: 1000, burst: 1000 },
      UpdateContactAttributes: { ratePerSecond: 1000, burst: 1000 },
    },
    ...options,
  });
}

/** The environment that points the provider at the emulator, and at nothing of the machine's. */
export function emulatorEnv(emulator: ConnectEmulator): Record<string, string> {
  const nowhere = path.join(os.tmpdir(), "e2e-no-aws-files");
  return {
    AWS_ENDPOINT_URL_CONNECT: emulator.endpoint,
    AWS_ACCESS_KEY_ID: emulator.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: emulator.credentials.secretAccessKey,
    AWS_CONFIG_FILE: path.join(nowhere, "config"),
    AWS_SHARED_CREDENTIALS_FILE: path.join(nowhere, "credentials"),
    AWS_EC2_METADATA_DISABLED: "true",
  };
}

/** A new project of the tests' own program, with a file backend of its own. */
export async function newProject(
  emulator: ConnectEmulator,
  env: Record<string, string> = {},
): Promise<PulumiProject> {
  const template = await installedProject();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "e2e-project-"));
  await fs.writeFile(
    path.join(dir, "Pulumi.yaml"),
    `name: ${PROJECT}\nruntime: nodejs\ndescription: the real-CLI suite's program\n`,
  );
  await fs.writeFile(path.join(dir, "index.js"), PROGRAM);
  await fs.symlink(path.join(template, "node_modules"), path.join(dir, "node_modules"), "dir");
  return PulumiProject.open({
    dir,
    program: path.join(dir, "index.js"),
    env: { ...emulatorEnv(emulator), ...env },
  });
}

/** Creates a stack of `count` contacts, its settings pointing at the demo seed's instance. */
export async function initStack(
  project: PulumiProject,
  stack: string,
  settings: Record<string, string | number | boolean> = {},
): Promise<void> {
  await project.expect(["stack", "init", stack]);
  const values: Record<string, string> = {
    "aws:region": DEMO_REGION,
    "e2e:instanceId": DEMO_INSTANCE_ID,
    "e2e:contactFlowId": DEMO_CONTACT_FLOW_ID,
    "e2e:sourcePhoneNumberArn": DEMO_PHONE_NUMBER_ARN,
    ...Object.fromEntries(Object.entries(settings).map(([key, value]) => [key, String(value)])),
  };
  for (const [key, value] of Object.entries(values)) {
    await project.expect(["config", "set", "--stack", stack, key, value]);
  }
}

/** Fails with everything the command printed unless it exited 0. */
export function assertOk(result: CliResult): CliResult {
  if (result.code !== 0) {
    throw new Error(describeRun(result));
  }
  return result;
}

/** The emulator's count of one operation's answered calls with one outcome. */
export function countOf(emulator: ConnectEmulator, operation: string, outcome = "ok"): number {
  return emulator.calls().counts[operation]?.[outcome] ?? 0;
}

/** The contacts' `resource` attribute to ContactId, from the emulator. */
export function contactsByResource(emulator: ConnectEmulator): Map<string, string[]> {
  const byResource = new Map<string, string[]>();
  for (const contact of emulator.contacts()) {
    const resource = contact.attributes.resource ?? "(none)";
    byResource.set(resource, [...(byResource.get(resource) ?? []), contact.contactId]);
  }
  return byResource;
}

/** Waits until `condition` holds, polling every 25 ms. */
export async function until(
  condition: () => boolean,
  what: string,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The emulator's calls from here on: `since()` marks the log, `ops()` counts what came after. */
export function callsFrom(emulator: ConnectEmulator): {
  ops(): Record<string, number>;
  count(operation: string): number;
} {
  const start = emulator.calls().log.length;
  const ops = () => {
    const counts: Record<string, number> = {};
    for (const call of emulator.calls().log.slice(start)) {
      const key = call.outcome === "ok" ? call.operation : `${call.operation} ${call.outcome}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  };
  return { ops, count: (operation) => ops()[operation] ?? 0 };
}
