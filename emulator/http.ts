/** Small helpers for reading requests and writing answers in the service's wire format. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { EmulatorError } from "./errors";

/** Bodies beyond this many bytes make the emulator drop the connection instead of draining. */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

export type BodyResult =
  | { readonly kind: "ok"; readonly body: Buffer }
  | { readonly kind: "too-large" }
  | { readonly kind: "timeout" }
  | { readonly kind: "aborted" };

/**
 * Reads the request body up to `maxBytes`. A larger body is drained and discarded (so the
 * client can read the 413 answer); a body beyond 64 MiB drops the connection. When no bytes
 * arrive for `idleTimeoutMs` (from the start, or since the last bytes), reading stops and the
 * result is "timeout": a client that declares a body and stalls does not hold the request open.
 */
export function readBody(
  request: IncomingMessage,
  maxBytes: number,
  idleTimeoutMs: number,
): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const idle = setTimeout(() => {
      request.pause();
      resolve({ kind: "timeout" });
    }, idleTimeoutMs);
    const settle = (result: BodyResult): void => {
      clearTimeout(idle);
      resolve(result);
    };
    request.on("data", (chunk: Buffer) => {
      idle.refresh();
      received += chunk.length;
      if (received > DRAIN_LIMIT_BYTES) {
        request.socket.destroy();
        return;
      }
      if (received <= maxBytes) {
        chunks.push(chunk);
      }
    });
    request.on("end", () => {
      settle(
        received > maxBytes ? { kind: "too-large" } : { kind: "ok", body: Buffer.concat(chunks) },
      );
    });
    request.on("error", () => settle({ kind: "aborted" }));
    request.on("close", () => settle({ kind: "aborted" }));
  });
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent || response.destroyed) {
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
  });
  response.end(text);
}

/** An error as REST-JSON services send it: status, `x-amzn-ErrorType`, `{"Message": ...}`. */
export function sendError(response: ServerResponse, error: EmulatorError): void {
  if (response.headersSent || response.destroyed) {
    return;
  }
  response.setHeader("x-amzn-ErrorType", error.shapeName);
  sendJson(response, error.status, { Message: error.message });
}

/** The media type of a Content-Type header, lower-cased, without parameters. */
export function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(";")[0].trim().toLowerCase();
}

const JSON_MEDIA_TYPES = [
  "application/json",
  "application/x-amz-json-1.0",
  "application/x-amz-json-1.1",
];

/**
 * Parses a JSON object body. An empty body is `{}`. Throws the error the service would answer
 * for a wrong content type or malformed JSON.
 */
export function parseJsonObject(
  body: Buffer,
  contentType: string | undefined,
): Record<string, unknown> {
  if (body.length === 0) {
    return {};
  }
  const type = mediaType(contentType);
  if (type === undefined || !JSON_MEDIA_TYPES.includes(type)) {
    throw new EmulatorError(
      "UnsupportedMediaTypeException",
      `Unsupported Content-Type: expected application/json, got ${type === undefined ? "none" : `'${type.slice(0, 100)}'`}.`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    throw new EmulatorError("SerializationException", "The request body is not valid JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new EmulatorError("SerializationException", "The request body must be a JSON object.");
  }
  if (jsonDepth(parsed, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
    throw new EmulatorError(
      "SerializationException",
      `The request body nests JSON more than ${MAX_BODY_DEPTH} levels deep.`,
    );
  }
  return parsed as Record<string, unknown>;
}

/**
 * How deep a request body may nest JSON objects and arrays. The API documents no limit; deeper
 * bodies answer 400 rather than exhaust the emulator (a limit of its own, listed in its README).
 */
export const MAX_BODY_DEPTH = 100;

/** The nesting depth of parsed JSON, counted without recursion, up to `limit` + 1. */
function jsonDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== "object" || current === null) {
      continue;
    }
    deepest = Math.max(deepest, depth);
    if (deepest > limit) {
      return deepest;
    }
    for (const member of Object.values(current)) {
      stack.push([member, depth + 1]);
    }
  }
  return deepest;
}
