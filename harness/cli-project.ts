/**
 * A project of N contacts for the real Pulumi CLI (`cli.ts`), shared by the real-CLI suite
 * (test/e2e/) and the benchmark (bench/scenarios/real-cli.ts): the package installed from its
 * packed tarball as a user installs it (once per process), the program text, the emulator with
 * the demo seed, and the environment that points the provider at it and at nothing of the
 * machine's.
 *
 * The program is plain JavaScript and reads its settings from the stack config, namespace
 * `contacts`:
 *
 * | key | what it does | default |
 * | --- | --- | --- |
 * | `count` | how many contacts, `contact-0` … `contact-<count-1>` | 1 |
 * | `instanceId`, `contactFlowId`, `sourcePhoneNumberArn` | the seed's resources (required) | |
 * | `message`, `tier` | the message and the `tier` attribute | {@link CONTACT_MESSAGE}, `gold` |
 * | `onlyFirst` | apply `message` and `tier` to contact-0 only, so that one resource changes among several | false |
 * | `module`, `class` | where the resource class comes from: another resource of the same args (the bench's naive provider) | the package, `OutboundChatContact` |
 *
 * Each contact goes to its own number ({@link destinationOf}) and carries the attribute
 * `resource` = its name, which tells the emulator's contacts apart by resource.
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
} from "../emulator";
import type { EmulatorOptions, RateLimit } from "../emulator";
import { PulumiProject } from "./cli";
import { installInto, packPackage } from "./packed-package";

/** The type token of the package's resource. */
export const CONTACT_TYPE = "pulumi-nodejs:dynamic/connect:OutboundChatContact";
/** The project's name, in every URN: `urn:pulumi:<stack>::cli-contacts::<type>::contact-0`. */
export const CONTACTS_PROJECT = "cli-contacts";
/** The message of every contact unless `contacts:message` says otherwise. */
export const CONTACT_MESSAGE = "Welcome aboard, from the contacts program!";
/** The attribute that names the resource a contact was made for. */
export const RESOURCE_ATTRIBUTE = "resource";

/** The destination of the contact at `index`: +1 415 555 0100 … 0199, the fictional range, again and again. */
export function destinationOf(index: number): string {
  return `+1415555${String(100 + (index % 100)).padStart(4, "0")}`;
}

const PROGRAM = `"use strict";
const pulumi = require("@pulumi/pulumi");

const config = new pulumi.Config("contacts");
const count = config.getNumber("count") ?? 1;
const onlyFirst = config.getBoolean("onlyFirst") ?? false;
const Contact = require(config.get("module") ?? "pulumi-connect-outbound-chat")[
  config.get("class") ?? "OutboundChatContact"
];
const contacts = [];
for (let index = 0; index < count; index += 1) {
  const changed = !onlyFirst || index === 0;
  contacts.push(
    new Contact(\`contact-\${index}\`, {
      instanceId: config.require("instanceId"),
      contactFlowId: config.require("contactFlowId"),
      sourceEndpoint: { address: config.require("sourcePhoneNumberArn") },
      destinationEndpoint: { address: \`+1415555\${String(100 + (index % 100)).padStart(4, "0")}\` },
      channel: "SMS",
      initialSystemMessage: {
        contentType: "text/plain",
        content: (changed && config.get("message")) || ${JSON.stringify(CONTACT_MESSAGE)},
      },
      attributes: {
        ${RESOURCE_ATTRIBUTE}: \`contact-\${index}\`,
        tier: (changed && config.get("tier")) || "gold",
      },
    }),
  );
}
exports.contactIds = contacts.map((contact) => contact.contactId);
`;

/** Rate limits no test or benchmark reaches, for every operation. */
const GENEROUS: RateLimit = { ratePerSecond: 1000, burst: 1000 };

/**
 * An emulator on port 0 with the demo seed. Every operation has a generous token bucket unless
 * `options.rateLimits` names it; the other options are passed on.
 */
export function startContactsEmulator(options: EmulatorOptions = {}): Promise<ConnectEmulator> {
  return startConnectEmulator({
    seed: DEMO_SEED,
    ...options,
    rateLimits: {
      StartOutboundChatContact: GENEROUS,
      DescribeContact: GENEROUS,
      StopContact: GENEROUS,
      UpdateContactAttributes: GENEROUS,
      ...options.rateLimits,
    },
  });
}

/** The environment that points the provider at the emulator, and at nothing of the machine's. */
export function emulatorEnv(emulator: ConnectEmulator): Record<string, string> {
  const nowhere = path.join(os.tmpdir(), "cli-project-no-aws-files");
  return {
    AWS_ENDPOINT_URL_CONNECT: emulator.endpoint,
    AWS_ACCESS_KEY_ID: emulator.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: emulator.credentials.secretAccessKey,
    AWS_CONFIG_FILE: path.join(nowhere, "config"),
    AWS_SHARED_CREDENTIALS_FILE: path.join(nowhere, "credentials"),
    AWS_EC2_METADATA_DISABLED: "true",
  };
}

let installed: Promise<{ workspace: string; dir: string }> | undefined;

/**
 * A folder with the package installed from its packed tarball, made once per process: the
 * closure serializer then sees the package under node_modules, as in a user's install. The
 * projects link to its node_modules.
 */
function installedPackage(): Promise<{ workspace: string; dir: string }> {
  installed ??= (async () => {
    const packed = await packPackage("cli-project-pack-");
    const dir = path.join(packed.workspace, "installed");
    await installInto(dir, packed.tarball, { name: "cli-project-installed", private: true });
    return { workspace: packed.workspace, dir };
  })();
  return installed;
}

/** Removes the installed package, if one was made; the next project makes it again. */
export async function removeInstalledPackage(): Promise<void> {
  const made = installed;
  installed = undefined;
  const done = await made?.catch(() => undefined);
  if (done) await fs.rm(done.workspace, { recursive: true, force: true });
}

export interface ContactsProjectOptions {
  /** Added to the environment of every command. @default - the emulator's environment only */
  readonly env?: Record<string, string>;
  /** More files written into the project folder, by name (a module for `contacts:module`). @default - none */
  readonly files?: Readonly<Record<string, string>>;
}

/**
 * A new project folder holding the contacts program (`index.js`) and a link to the installed
 * package's node_modules, with a file backend of its own; `remove()` removes both.
 */
export async function newContactsProject(
  emulator: ConnectEmulator,
  options: ContactsProjectOptions = {},
): Promise<PulumiProject> {
  const template = await installedPackage();
  // The project folder inside the backend's, so that `remove()` removes both.
  const home = await fs.mkdtemp(path.join(os.tmpdir(), "cli-project-"));
  const dir = path.join(home, "project");
  await fs.mkdir(dir);
  await fs.writeFile(
    path.join(dir, "Pulumi.yaml"),
    `name: ${CONTACTS_PROJECT}\nruntime: nodejs\ndescription: N contacts, for the real CLI\n`,
  );
  await fs.writeFile(path.join(dir, "index.js"), PROGRAM);
  for (const [name, text] of Object.entries(options.files ?? {})) {
    await fs.writeFile(path.join(dir, name), text);
  }
  await fs.symlink(path.join(template.dir, "node_modules"), path.join(dir, "node_modules"), "dir");
  return PulumiProject.open({
    dir,
    home,
    program: path.join(dir, "index.js"),
    env: { ...emulatorEnv(emulator), ...options.env },
  });
}

/** The stack config of the program: the Region and the demo seed's resources, then `settings`. */
export function contactsConfig(
  settings: Readonly<Record<string, string | number | boolean>> = {},
): Record<string, string> {
  return {
    "aws:region": DEMO_REGION,
    "contacts:instanceId": DEMO_INSTANCE_ID,
    "contacts:contactFlowId": DEMO_CONTACT_FLOW_ID,
    "contacts:sourcePhoneNumberArn": DEMO_PHONE_NUMBER_ARN,
    ...Object.fromEntries(Object.entries(settings).map(([key, value]) => [key, String(value)])),
  };
}

/** Creates a stack with {@link contactsConfig}: `settings` such as `{ "contacts:count": 3 }`. */
export async function initContactsStack(
  project: PulumiProject,
  stack: string,
  settings: Readonly<Record<string, string | number | boolean>> = {},
): Promise<void> {
  await project.expect(["stack", "init", stack]);
  const pairs = Object.entries(contactsConfig(settings));
  await project.expect([
    "config",
    "set-all",
    "--stack",
    stack,
    ...pairs.flatMap(([key, value]) => ["--plaintext", `${key}=${value}`]),
  ]);
}

/** The emulator's contacts grouped by their `resource` attribute: name to ContactIds. */
export function contactsByResource(emulator: ConnectEmulator): Map<string, string[]> {
  const byResource = new Map<string, string[]>();
  for (const contact of emulator.contacts()) {
    const resource = contact.attributes[RESOURCE_ATTRIBUTE] ?? "(none)";
    byResource.set(resource, [...(byResource.get(resource) ?? []), contact.contactId]);
  }
  return byResource;
}
