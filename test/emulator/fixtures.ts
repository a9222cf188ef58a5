/** Shared fixtures for the emulator tests: a demo emulator, SDK clients, valid inputs, signed fetch. */
import {
  ConnectClient,
  type ConnectClientConfig,
  type StartOutboundChatContactCommandInput,
} from "@aws-sdk/client-connect";
import { Hash } from "@smithy/hash-node";
import { SignatureV4 } from "@smithy/signature-v4";
import {
  DEMO_CONTACT_FLOW_ID,
  DEMO_INSTANCE_ID,
  DEMO_PHONE_NUMBER_ARN,
  DEMO_SEED,
  startConnectEmulator,
  type ConnectEmulator,
  type EmulatorOptions,
} from "../../emulator";

export const DESTINATION = "+14155550100";
export const REGION = "us-east-1";
export { DEMO_CONTACT_FLOW_ID, DEMO_INSTANCE_ID, DEMO_PHONE_NUMBER_ARN };

/** Rate limits high enough that tests not about throttling never see a 429. */
export const UNTHROTTLED = {
  StartOutboundChatContact: { ratePerSecond: 10_000, burst: 10_000 },
  DescribeContact: { ratePerSecond: 10_000, burst: 10_000 },
  StopContact: { ratePerSecond: 10_000, burst: 10_000 },
  UpdateContactAttributes: { ratePerSecond: 10_000, burst: 10_000 },
  DescribeInstance: { ratePerSecond: 10_000, burst: 10_000 },
  DescribeContactFlow: { ratePerSecond: 10_000, burst: 10_000 },
  DescribePhoneNumber: { ratePerSecond: 10_000, burst: 10_000 },
} as const;

/** Starts an emulator with the demo seed and no throttling, unless the options say otherwise. */
export function startDemo(options: EmulatorOptions = {}): Promise<ConnectEmulator> {
  return startConnectEmulator({ seed: DEMO_SEED, rateLimits: UNTHROTTLED, ...options });
}

/** An unmodified SDK client pointed at the emulator; one attempt unless told otherwise. */
export function connectClient(
  emulator: ConnectEmulator,
  config: Partial<ConnectClientConfig> = {},
): ConnectClient {
  return new ConnectClient({
    endpoint: emulator.endpoint,
    region: REGION,
    credentials: emulator.credentials,
    maxAttempts: 1,
    ...config,
  });
}

/** A valid StartOutboundChatContact input for the demo seed. */
export function startInput(
  overrides: Partial<StartOutboundChatContactCommandInput> = {},
): StartOutboundChatContactCommandInput {
  return {
    InstanceId: DEMO_INSTANCE_ID,
    ContactFlowId: DEMO_CONTACT_FLOW_ID,
    SourceEndpoint: { Type: "CONNECT_PHONENUMBER_ARN", Address: DEMO_PHONE_NUMBER_ARN },
    DestinationEndpoint: { Type: "TELEPHONE_NUMBER", Address: DESTINATION },
    SegmentAttributes: { "connect:Subtype": { ValueString: "connect:SMS" } },
    ...overrides,
  };
}

/** The request body the SDK would send for `input` (member names as on the wire). */
export function startBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...startInput(), ClientToken: "raw-token", ...overrides };
}

export interface SignedFetchOptions {
  readonly method?: string;
  readonly body?: string | Buffer;
  /** A body to send instead of the signed one (to tamper with a request). @default - the signed body */
  readonly sentBody?: string;
  readonly headers?: Record<string, string>;
  readonly accessKeyId?: string;
  readonly secretAccessKey?: string;
  /** @default "us-east-1" */
  readonly region?: string;
}

/** A fetch signed with SigV4 like the SDK signs, for raw-protocol cases. */
export async function signedFetch(
  emulator: ConnectEmulator,
  path: string,
  options: SignedFetchOptions = {},
): Promise<Response> {
  const url = new URL(path, emulator.endpoint);
  const method = options.method ?? "POST";
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: options.accessKeyId ?? emulator.credentials.accessKeyId,
      secretAccessKey: options.secretAccessKey ?? emulator.credentials.secretAccessKey,
    },
    region: options.region ?? REGION,
    service: "connect",
    sha256: Hash.bind(null, "sha256"),
  });
  const signed = await signer.sign({
    method,
    protocol: "http:",
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query: {},
    headers: { host: url.host, ...(options.headers ?? {}) },
    body: options.body,
  });
  const headers = { ...signed.headers };
  delete headers.host;
  return fetch(url, { method, headers, body: options.sentBody ?? options.body });
}

/** Plain JSON fetch of the inspection API. */
export async function inspect(
  emulator: ConnectEmulator,
  method: string,
  name: string,
  body?: unknown,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, checked by deepEqual
): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${emulator.endpoint}/_emulator/${name}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What the SDK rejects with: an Error with the response metadata (absent on network errors). */
export type SdkError = Error & {
  readonly $metadata: { readonly httpStatusCode?: number; readonly requestId?: string };
  readonly code?: string;
};

/** Awaits a promise that must reject, and returns the rejection. */
export async function rejectionOf(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error("Expected the promise to reject, but it resolved.");
}
