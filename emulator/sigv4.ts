/**
 * SigV4 verification: parse the Authorization header, find the access key, re-sign the received
 * request with `SignatureV4` (same date, region and signed headers) and compare signatures.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { Hash } from "@smithy/hash-node";
import { SignatureV4 } from "@smithy/signature-v4";
import { EmulatorError } from "./errors";
import type { AccessKey } from "./types";

export const SIGNING_SERVICE = "connect";
const MAX_SKEW_MS = 15 * 60_000;
const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

export const MESSAGES = {
  unknownKey: "The security token included in the request is invalid.",
  badSignature:
    "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
  missing: "Missing Authentication Token",
} as const;

/** What verification needs of a received request. */
export interface SignedRequest {
  readonly method: string;
  /** The path exactly as received (still percent-encoded), without the query. */
  readonly path: string;
  /** The raw query string without `?`, or "". */
  readonly query: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface ParsedAuthorization {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;._-]+),\s*Signature=([0-9a-f]{64})$/;

/** Parses `AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`; undefined if malformed. */
export function parseAuthorization(header: string): ParsedAuthorization | undefined {
  const found = AUTHORIZATION.exec(header.trim());
  if (found === null) {
    return undefined;
  }
  return {
    accessKeyId: found[1],
    date: found[2],
    region: found[3],
    service: found[4],
    signedHeaders: found[5].split(";"),
    signature: found[6],
  };
}

/** Parses an `x-amz-date` (`20240102T030405Z`) as epoch ms; undefined if malformed. */
export function parseAmzDate(value: string): number | undefined {
  const found = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (found === null) {
    return undefined;
  }
  const [, year, month, day, hour, minute, second] = found.map(Number);
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

function parseQuery(query: string): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(query)) {
    const existing = result[key];
    result[key] =
      existing === undefined
        ? value
        : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return result;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The outcome of verifying a request: the key and Region it was signed with, or the error. */
export type Verification =
  | { readonly key: AccessKey; readonly region: string; readonly error?: undefined }
  | { readonly error: EmulatorError };

/**
 * Verifies the SigV4 signature of `request`, signed for `service`, against the keys `lookup`
 * finds. Resolves to the key and Region when the request is authentic, or to the error AWS would
 * answer with.
 */
export async function verifySignature(
  request: SignedRequest,
  lookup: (accessKeyId: string) => AccessKey | undefined,
  service: string = SIGNING_SERVICE,
  wallClockMs: number = Date.now(),
): Promise<Verification> {
  const error = await signatureError(request, lookup, service, wallClockMs);
  if (error !== undefined) {
    return { error };
  }
  const parsed = parseAuthorization(header(request.headers, "authorization") ?? "");
  const key = parsed === undefined ? undefined : lookup(parsed.accessKeyId);
  if (parsed === undefined || key === undefined) {
    return { error: new EmulatorError("UnrecognizedClientException", MESSAGES.unknownKey) };
  }
  return { key, region: parsed.region };
}

async function signatureError(
  request: SignedRequest,
  lookup: (accessKeyId: string) => AccessKey | undefined,
  service: string,
  wallClockMs: number,
): Promise<EmulatorError | undefined> {
  const authorization = header(request.headers, "authorization");
  if (authorization === undefined || authorization === "") {
    return new EmulatorError("MissingAuthenticationTokenException", MESSAGES.missing);
  }
  const parsed = parseAuthorization(authorization);
  if (parsed === undefined) {
    return new EmulatorError(
      "IncompleteSignatureException",
      "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters for AWS4-HMAC-SHA256.",
    );
  }
  const key = lookup(parsed.accessKeyId);
  if (key === undefined) {
    return new EmulatorError("UnrecognizedClientException", MESSAGES.unknownKey);
  }
  const sessionToken = header(request.headers, "x-amz-security-token");
  if (key.sessionToken !== undefined && sessionToken !== key.sessionToken) {
    return new EmulatorError("UnrecognizedClientException", MESSAGES.unknownKey);
  }
  if (parsed.service !== service) {
    return new EmulatorError(
      "InvalidSignatureException",
      `Credential should be scoped to correct service: '${service}'.`,
    );
  }
  const amzDate = header(request.headers, "x-amz-date") ?? "";
  const signingMs = parseAmzDate(amzDate);
  if (signingMs === undefined || !amzDate.startsWith(parsed.date)) {
    return new EmulatorError(
      "IncompleteSignatureException",
      "The request must carry an x-amz-date header (YYYYMMDD'T'HHMMSS'Z') matching the credential scope date.",
    );
  }
  if (Math.abs(wallClockMs - signingMs) > MAX_SKEW_MS) {
    return new EmulatorError(
      "InvalidSignatureException",
      `Signature expired: ${amzDate} is more than 15 minutes away from the server time.`,
    );
  }
  const declaredHash = header(request.headers, "x-amz-content-sha256");
  if (
    declaredHash !== undefined &&
    declaredHash !== UNSIGNED_PAYLOAD &&
    declaredHash !== createHash("sha256").update(request.body).digest("hex")
  ) {
    return new EmulatorError(
      "InvalidSignatureException",
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
    );
  }

  const headers: Record<string, string> = {};
  for (const name of parsed.signedHeaders) {
    const value = header(request.headers, name);
    if (value === undefined) {
      return new EmulatorError("InvalidSignatureException", MESSAGES.badSignature);
    }
    headers[name] = value;
  }
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: key.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      ...(sessionToken === undefined ? {} : { sessionToken }),
    },
    region: parsed.region,
    service,
    sha256: Hash.bind(null, "sha256"),
    applyChecksum: false,
  });
  const resigned = await signer.sign(
    {
      method: request.method,
      protocol: "http:",
      hostname: headers.host ?? "localhost",
      path: request.path,
      query: parseQuery(request.query),
      headers,
      body: request.body.length === 0 ? undefined : request.body,
    },
    { signingDate: new Date(signingMs), signableHeaders: new Set(parsed.signedHeaders) },
  );
  const expected = resigned.headers.authorization ?? "";
  const expectedSignature = /Signature=([0-9a-f]{64})$/.exec(expected)?.[1] ?? "";
  if (!sameText(expectedSignature, parsed.signature)) {
    return new EmulatorError("InvalidSignatureException", MESSAGES.badSignature);
  }
  return undefined;
}
