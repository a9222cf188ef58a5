/**
 * What every scenario shares: the repository's paths, the emulator and the host's environment, and
 * programs of N welcome contacts for the provider, the naive provider and the empty provider.
 */
import * as path from "path";
import {
  ConnectEmulator,
  DEMO_CONTACT_FLOW_ID,
  DEMO_INSTANCE_ID,
  DEMO_PHONE_NUMBER_ARN,
  DEMO_REGION,
  DEMO_SEED,
  RateLimit,
  startConnectEmulator,
} from "../emulator";
import { OutboundChatContact } from "../provider";
import { Registration, runProgram } from "../harness";
import { EmptyResource } from "./empty-provider";
import { AdaptiveOutboundChatContact, NaiveOutboundChatContact } from "./naive-provider";

export const REPO_ROOT = path.resolve(__dirname, "..");
export const PROJECT = "connect-bench";
export const STACK = "bench";
export const DESTINATION = "+14155550100";
export const STACK_CONFIG: Readonly<Record<string, string>> = { "aws:region": DEMO_REGION };
/** The attribute that names the resource a contact was made for, to count duplicates by. */
export const RESOURCE_ATTRIBUTE = "benchResource";

/**
 * An emulator whose every API has a bucket of `limit` (as the service's documented default applies
 * to each API alike), with no cap on active chats. A create makes a StartOutboundChatContact and a
 * DescribeContact, each through its own bucket.
 */
export function startEmulator(limit: RateLimit): Promise<ConnectEmulator> {
  return startConnectEmulator({
    seed: DEMO_SEED,
    activeChatLimit: 1_000_000,
    rateLimits: {
      StartOutboundChatContact: limit,
      DescribeContact: limit,
      StopContact: limit,
      UpdateContactAttributes: limit,
    },
  });
}

/**
 * The provider, the naive provider, and the naive provider with the SDK's adaptive retry mode
 * (bench/naive-provider.ts).
 */
export type ProviderKind = "provider" | "naive" | "adaptive";

/** The args of welcome contact `name`, the same for both providers. */
export function welcomeArgs(name: string) {
  return {
    instanceId: DEMO_INSTANCE_ID,
    contactFlowId: DEMO_CONTACT_FLOW_ID,
    sourceEndpoint: { address: DEMO_PHONE_NUMBER_ARN },
    destinationEndpoint: { address: DESTINATION },
    channel: "SMS" as const,
    initialSystemMessage: { contentType: "text/plain", content: "Welcome aboard!" },
    attributes: { [RESOURCE_ATTRIBUTE]: name },
  };
}

/** A program of `count` welcome contacts, `welcome-0` … `welcome-<count-1>`. */
export function contactsProgram(kind: ProviderKind, count: number, prefix = "welcome"): () => void {
  return () => {
    for (let index = 0; index < count; index++) {
      const name = `${prefix}-${index}`;
      if (kind === "provider") {
        new OutboundChatContact(name, welcomeArgs(name));
      } else if (kind === "naive") {
        new NaiveOutboundChatContact(name, welcomeArgs(name));
      } else {
        new AdaptiveOutboundChatContact(name, welcomeArgs(name));
      }
    }
  };
}

/** The registrations of a program run as `pulumi up` (or `preview`) would run it. */
export function registrationsOf(
  program: () => void,
  preview = false,
  stack = STACK,
): Promise<Registration[]> {
  return runProgram(program, { project: PROJECT, stack, config: STACK_CONFIG, preview });
}

/** The registration of one resource of the trivial provider. */
export async function emptyRegistration(): Promise<Registration> {
  const [registration] = await registrationsOf(() => {
    new EmptyResource("empty", { value: "v" });
  });
  return registration;
}

/** UTF-8 bytes of a string or of a value's JSON. */
export function bytesOf(value: unknown): number {
  return Buffer.byteLength(typeof value === "string" ? value : JSON.stringify(value), "utf8");
}
