/**
 * AWS STS AssumeRole, on the emulator's port: the Query protocol (a POST of a form to `/`,
 * signed for the service `sts`, answered in XML), enough for `@aws-sdk/client-sts` and the
 * credential providers built on it. The temporary credentials it issues sign Connect calls as the
 * role's account, and the call log names them.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { Caller, EmulatorCore } from "./core";
import { EmulatorError } from "./errors";
import { verifySignature, type SignedRequest } from "./sigv4";

export const STS_SIGNING_SERVICE = "sts";
const STS_VERSION = "2011-06-15";
const XMLNS = `https://sts.amazonaws.com/doc/${STS_VERSION}/`;
/** The session length when DurationSeconds is not given, and the most a role allows (IAM's default MaxSessionDuration). */
const DEFAULT_DURATION_SECONDS = 3600;
const MIN_DURATION_SECONDS = 900;
const MAX_DURATION_SECONDS = 3600;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

/** A key issued by AssumeRole: temporary, with a session token, in the role's account. */
export interface TemporaryKey {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly accountId: string;
  /** The role assumed. */
  readonly assumedRoleArn: string;
  /** When the credentials expire, epoch ms on the emulator clock. */
  readonly expiresMs: number;
}

/** Whether a request is for STS: AWS's Query protocol posts to `/`, where Connect has no route. */
export function isStsRequest(method: string, path: string): boolean {
  return method === "POST" && path === "/";
}

/** The Query protocol's names for the front end's errors. */
const QUERY_ERROR_CODES: Readonly<Record<string, string>> = {
  MissingAuthenticationTokenException: "MissingAuthenticationToken",
  IncompleteSignatureException: "IncompleteSignature",
  UnrecognizedClientException: "InvalidClientTokenId",
  InvalidSignatureException: "SignatureDoesNotMatch",
  ExpiredTokenException: "ExpiredToken",
  RequestEntityTooLargeException: "RequestEntityTooLarge",
};

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function sendXml(response: ServerResponse, status: number, xml: string): void {
  if (response.headersSent || response.destroyed) {
    return;
  }
  response.writeHead(status, {
    "Content-Type": "text/xml",
    "Content-Length": Buffer.byteLength(xml),
  });
  response.end(xml);
}

/** The code STS answers an error with (the Query protocol's name for a front-end error). */
export function stsErrorCode(error: EmulatorError): string {
  return QUERY_ERROR_CODES[error.shapeName] ?? error.shapeName;
}

/** An STS error as the Query protocol sends it: `<ErrorResponse><Error><Code>`. */
export function sendStsError(response: ServerResponse, error: EmulatorError): void {
  const code = stsErrorCode(error);
  sendXml(
    response,
    error.status,
    `<ErrorResponse xmlns="${XMLNS}"><Error><Type>${error.status >= 500 ? "Receiver" : "Sender"}</Type>` +
      `<Code>${escapeXml(code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
      `<RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  );
}

function validationError(member: string, constraint: string): EmulatorError {
  return new EmulatorError(
    "ValidationError",
    `1 validation error detected: Value at '${member}' failed to satisfy constraint: ${constraint}`,
    400,
  );
}

/** Random characters of the upper-case base32 alphabet AWS's key IDs use. */
function keyIdCharacters(count: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  return [...randomBytes(count)].map((byte) => alphabet[byte % 32]).join("");
}

interface AssumeRoleInput {
  readonly roleArn: string;
  readonly sessionName: string;
  readonly durationSeconds: number;
}

/** Reads and checks the form of an AssumeRole call; throws the error STS would answer. */
function parseAssumeRole(body: Buffer): AssumeRoleInput {
  const form = new URLSearchParams(body.toString("utf8"));
  const action = form.get("Action");
  if (action !== "AssumeRole" || form.get("Version") !== STS_VERSION) {
    throw new EmulatorError(
      "InvalidAction",
      `Could not find operation ${(action ?? "(none)").slice(0, 64)} for version ${(form.get("Version") ?? "(none)").slice(0, 20)}: the emulator's STS answers AssumeRole of version ${STS_VERSION} only.`,
      400,
    );
  }
  const roleArn = form.get("RoleArn");
  if (roleArn === null) {
    throw validationError("roleArn", "Member must not be null");
  }
  if (roleArn.length < 20 || roleArn.length > 2048) {
    throw validationError("roleArn", "Member must have length between 20 and 2048");
  }
  const sessionName = form.get("RoleSessionName");
  if (sessionName === null) {
    throw validationError("roleSessionName", "Member must not be null");
  }
  if (!SESSION_NAME.test(sessionName)) {
    throw validationError(
      "roleSessionName",
      "Member must have length between 2 and 64 and satisfy regular expression pattern: [\\w+=,.@-]*",
    );
  }
  const duration = form.get("DurationSeconds");
  const durationSeconds = duration === null ? DEFAULT_DURATION_SECONDS : Number(duration);
  if (!Number.isInteger(durationSeconds) || durationSeconds < MIN_DURATION_SECONDS) {
    throw validationError(
      "durationSeconds",
      `Member must be an integer greater than or equal to ${MIN_DURATION_SECONDS}`,
    );
  }
  if (durationSeconds > MAX_DURATION_SECONDS) {
    throw new EmulatorError(
      "ValidationError",
      `The requested DurationSeconds exceeds the MaxSessionDuration set for this role (${MAX_DURATION_SECONDS} s in the emulator).`,
      400,
    );
  }
  return { roleArn, sessionName, durationSeconds };
}

/** Runs AssumeRole for a verified caller; throws the error STS would answer. */
function assumeRole(core: EmulatorCore, caller: Caller, body: Buffer): string {
  const input = parseAssumeRole(body);
  const role = core.role(input.roleArn);
  if (role === undefined) {
    // The emulator knows no trust policies: a seeded role trusts every accepted key, and a role
    // not seeded is one that does not exist or does not trust the caller (AWS tells neither).
    throw new EmulatorError(
      "AccessDenied",
      `Account ${caller.accountId} is not authorized to perform: sts:AssumeRole on resource: ${input.roleArn.slice(0, 2048)} (the emulator's seed has no such role).`,
      403,
    );
  }
  const expiresMs = core.now() + input.durationSeconds * 1000;
  const key: TemporaryKey = {
    accessKeyId: `ASIA${keyIdCharacters(16)}`,
    secretAccessKey: randomBytes(30).toString("base64"),
    sessionToken: randomBytes(96).toString("base64"),
    accountId: role.accountId,
    assumedRoleArn: role.arn,
    expiresMs,
  };
  core.addTemporaryKey(key);
  const roleName = role.arn
    .slice(role.arn.indexOf(":role/") + ":role/".length)
    .split("/")
    .pop();
  const expiration = new Date(expiresMs).toISOString().replace(/\.\d{3}Z$/, "Z");
  return (
    `<AssumeRoleResponse xmlns="${XMLNS}"><AssumeRoleResult>` +
    `<Credentials><AccessKeyId>${key.accessKeyId}</AccessKeyId>` +
    `<SecretAccessKey>${escapeXml(key.secretAccessKey)}</SecretAccessKey>` +
    `<SessionToken>${escapeXml(key.sessionToken)}</SessionToken>` +
    `<Expiration>${expiration}</Expiration></Credentials>` +
    `<AssumedRoleUser><AssumedRoleId>AROA${keyIdCharacters(17)}:${escapeXml(input.sessionName)}</AssumedRoleId>` +
    `<Arn>arn:aws:sts::${role.accountId}:assumed-role/${escapeXml(roleName ?? "")}/${escapeXml(input.sessionName)}</Arn>` +
    `</AssumedRoleUser></AssumeRoleResult>` +
    `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></AssumeRoleResponse>`
  );
}

/** Answers one STS request (verified, then AssumeRole), recording it in the call log. */
export async function handleSts(
  core: EmulatorCore,
  request: SignedRequest,
  response: ServerResponse,
): Promise<void> {
  const operation = "AssumeRole";
  const verified = await verifySignature(
    request,
    (accessKeyId) => core.findKey(accessKeyId),
    STS_SIGNING_SERVICE,
  );
  if (verified.error !== undefined) {
    core.recordCall({ operation, outcome: stsErrorCode(verified.error) });
    sendStsError(response, verified.error);
    return;
  }
  const caller = core.callerOf(verified.key, verified.region);
  const signer = core.signerFields(caller);
  const expired = core.expiredKeyError(caller);
  if (expired !== undefined) {
    core.recordCall({ operation, outcome: stsErrorCode(expired), ...signer });
    sendStsError(response, expired);
    return;
  }
  let xml: string;
  try {
    xml = assumeRole(core, caller, request.body);
  } catch (error) {
    if (!(error instanceof EmulatorError)) {
      throw error;
    }
    core.recordCall({ operation, outcome: stsErrorCode(error), ...signer });
    sendStsError(response, error);
    return;
  }
  core.recordCall({ operation, outcome: "ok", ...signer });
  sendXml(response, 200, xml);
}
