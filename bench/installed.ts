/**
 * The package as a user installs it, for the state and cold-start scenarios: the sources copied to
 * a temporary workspace (so the build writes no dist/ into the working tree), `npm pack`ed there,
 * and installed into a project of its own with `npm install --prefer-offline --no-audit --no-fund`.
 * The project holds two plain JavaScript programs: `contacts.js` (`bench:count` welcome contacts
 * named `<bench:prefix>-<index>`, prefix `welcome` by default) and `empty.js` (one resource of a
 * trivial provider). Made once per run, on first use.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { DEMO_CONTACT_FLOW_ID, DEMO_INSTANCE_ID, DEMO_PHONE_NUMBER_ARN } from "../emulator";
import { installInto, packPackage, Registration, runProgramFile } from "../harness";
import { EMPTY_PROGRAM_JS } from "./empty-provider";
import { DESTINATION, PROJECT, RESOURCE_ATTRIBUTE, STACK, STACK_CONFIG } from "./fixtures";

const CONTACTS_PROGRAM_JS = `"use strict";
const pulumi = require("@pulumi/pulumi");
const { OutboundChatContact } = require("pulumi-connect-outbound-chat");

const config = new pulumi.Config("bench");
const count = Number(config.get("count") || "1");
const prefix = config.get("prefix") || "welcome";
for (let index = 0; index < count; index++) {
  const name = prefix + "-" + index;
  new OutboundChatContact(name, {
    instanceId: ${JSON.stringify(DEMO_INSTANCE_ID)},
    contactFlowId: ${JSON.stringify(DEMO_CONTACT_FLOW_ID)},
    sourceEndpoint: { address: ${JSON.stringify(DEMO_PHONE_NUMBER_ARN)} },
    destinationEndpoint: { address: ${JSON.stringify(DESTINATION)} },
    channel: "SMS",
    initialSystemMessage: { contentType: "text/plain", content: "Welcome aboard!" },
    attributes: { ${RESOURCE_ATTRIBUTE}: name },
  });
}
`;

export interface InstalledProject {
  /** The project's directory: the host's working directory. */
  readonly directory: string;
  /** The packed tarball's size, in bytes. */
  readonly tarballBytes: number;
  /** How long packing and installing took, in milliseconds. */
  readonly setupMs: number;
  /** The registrations of `count` welcome contacts, as `up` (or `preview`) would register them. */
  contacts(count: number, preview?: boolean, stack?: StackOptions): Promise<Registration[]>;
  /** The registration of the trivial provider's one resource. */
  empty(): Promise<Registration>;
  /** The registrations of `count` resources of the trivial provider. */
  empties(count: number, preview?: boolean): Promise<Registration[]>;
}

/** Another stack of the project, and the prefix of its contacts' names (unique across stacks). */
export interface StackOptions {
  /** @default "bench" */
  readonly stack?: string;
  /** @default "welcome" */
  readonly prefix?: string;
}

let workspace: string | undefined;
let installed: Promise<InstalledProject> | undefined;

/** The installed project, packed and installed on the first call. */
export function installedProject(): Promise<InstalledProject> {
  installed ??= makeInstalledProject();
  return installed;
}

/** Removes the workspace, if one was made. */
export async function removeInstalledProject(): Promise<void> {
  if (workspace) {
    await fs.rm(workspace, { recursive: true, force: true });
  }
}

async function makeInstalledProject(): Promise<InstalledProject> {
  const started = performance.now();
  const packed = await packPackage("bench-installed-");
  workspace = packed.workspace;
  const { tarball } = packed;

  const directory = path.join(workspace, "project");
  await installInto(directory, tarball, {
    name: "bench-installed",
    version: "1.0.0",
    private: true,
  });
  await fs.writeFile(path.join(directory, "contacts.js"), CONTACTS_PROGRAM_JS);
  await fs.writeFile(path.join(directory, "empty.js"), EMPTY_PROGRAM_JS);
  const tarballBytes = (await fs.stat(tarball)).size;
  const setupMs = performance.now() - started;

  const programFile = (
    file: string,
    config: Record<string, string> = {},
    preview = false,
    stack = STACK,
  ) =>
    runProgramFile(path.join(directory, file), {
      project: PROJECT,
      stack,
      config: { ...STACK_CONFIG, ...config },
      preview,
    });
  return {
    directory,
    tarballBytes,
    setupMs,
    contacts: (count, preview = false, options = {}) =>
      programFile(
        "contacts.js",
        {
          "bench:count": String(count),
          ...(options.prefix === undefined ? {} : { "bench:prefix": options.prefix }),
        },
        preview,
        options.stack,
      ),
    empty: async () => (await programFile("empty.js"))[0],
    empties: (count, preview = false) =>
      programFile("empty.js", { "bench:count": String(count) }, preview),
  };
}
