/**
 * The inspection API under `/_emulator/` (not part of AWS; no signature needed): list contacts
 * and calls, reset, inject faults, change rate limits, advance the clock, add seed resources.
 */
import type { IncomingHttpHeaders, ServerResponse } from "node:http";
import type { EmulatorCore } from "./core";
import { EmulatorError } from "./errors";
import { parseFaultSpec } from "./faults";
import { mediaType, parseJsonObject, sendError, sendJson } from "./http";
import { isOperationName } from "./model/model";
import { parseSeed } from "./seed";
import { rateLimitProblem } from "./throttle";
import type { FaultSpec, RateLimit } from "./types";

export const INSPECTION_PREFIX = "/_emulator/";

function badRequest(message: string): EmulatorError {
  return new EmulatorError("InvalidRequestException", message);
}

function parseFaults(input: Record<string, unknown>): FaultSpec[] {
  const list = Array.isArray(input.faults) ? (input.faults as unknown[]) : [input];
  return list.map((item) => {
    const fault = parseFaultSpec(item);
    if (typeof fault === "string") {
      throw badRequest(`Invalid fault: ${fault}.`);
    }
    return fault;
  });
}

function parseRateLimits(input: Record<string, unknown>): Record<string, RateLimit> {
  for (const [operation, limit] of Object.entries(input)) {
    if (!isOperationName(operation)) {
      throw badRequest(`Invalid rate limits: unknown operation '${operation.slice(0, 100)}'.`);
    }
    const problem = rateLimitProblem(limit);
    if (problem !== undefined) {
      throw badRequest(`Invalid rate limit for ${operation}: ${problem}.`);
    }
  }
  return input as Record<string, RateLimit>;
}

function route(
  core: EmulatorCore,
  method: string,
  name: string,
  body: () => Record<string, unknown>,
): unknown {
  switch (`${method} ${name}`) {
    case "GET health":
      return { ok: true };
    case "GET contacts":
      return { contacts: core.contacts() };
    case "GET calls":
      return core.calls();
    case "POST reset":
      core.reset();
      return {};
    case "GET faults":
      return { faults: core.faults() };
    case "POST faults":
      for (const fault of parseFaults(body())) {
        core.addFault(fault);
      }
      return { faults: core.faults() };
    case "DELETE faults":
      core.clearFaults();
      return { faults: [] };
    case "GET rate-limits":
      return { rateLimits: core.rateLimits() };
    case "POST rate-limits":
      core.setRateLimits(parseRateLimits(body()));
      return { rateLimits: core.rateLimits() };
    case "GET clock":
      return { now: core.now() };
    case "POST clock": {
      const { advanceMs } = body();
      if (typeof advanceMs !== "number" || !Number.isFinite(advanceMs)) {
        throw badRequest('Invalid clock change: send {"advanceMs": <milliseconds>}.');
      }
      core.advanceClock(advanceMs);
      return { now: core.now() };
    }
    case "GET seed":
      return core.seeded();
    case "POST seed": {
      const seed = parseSeed(body());
      if (typeof seed === "string") {
        throw badRequest(`Invalid seed: ${seed}.`);
      }
      core.seed(seed);
      return {};
    }
    default:
      throw new EmulatorError(
        "UnknownOperationException",
        `No inspection route ${method} ${INSPECTION_PREFIX}${name.slice(0, 100)}.`,
      );
  }
}

/** Whether a host name (no port) is a loopback name or address. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host === "::1" ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
    /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

/** The host name of a Host header (`127.0.0.1:4599`, `[::1]:4599`, `localhost`), without the port. */
function hostnameOf(hostHeader: string): string {
  const bracketed = /^\[([^\]]*)\](?::\d+)?$/.exec(hostHeader);
  return bracketed !== null ? bracketed[1] : hostHeader.replace(/:\d+$/, "");
}

/**
 * Why an inspection request is refused, or undefined when it may run. The inspection API can
 * wipe and rewrite the emulator's state and needs no signature, so that a web page open on the
 * same machine cannot use it: the Host must be a loopback name (defeats DNS rebinding), an
 * Origin, when sent, must be loopback too (defeats cross-site requests), and a request that
 * carries a body, or names a content type, must send `application/json` (which a cross-site form
 * cannot send without a preflight).
 */
export function inspectionRefusal(
  method: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
): EmulatorError | undefined {
  const host = headers.host;
  if (host === undefined || !isLoopbackHost(hostnameOf(host))) {
    return new EmulatorError(
      "AccessDeniedException",
      "The inspection API answers only requests whose Host is a loopback name or address " +
        "(localhost, 127.0.0.1, [::1]).",
      403,
    );
  }
  const origin = headers.origin;
  if (origin !== undefined) {
    let originHost: string | undefined;
    try {
      originHost = new URL(origin).hostname;
    } catch {
      originHost = undefined;
    }
    if (originHost === undefined || !isLoopbackHost(originHost)) {
      return new EmulatorError(
        "AccessDeniedException",
        "The inspection API refuses requests from a web page of another origin.",
        403,
      );
    }
  }
  const type = mediaType(headers["content-type"]);
  if (method !== "GET" && (body.length > 0 || type !== undefined) && type !== "application/json") {
    return new EmulatorError(
      "UnsupportedMediaTypeException",
      "Inspection requests that carry a body must send Content-Type: application/json.",
      415,
    );
  }
  return undefined;
}

/** Answers one inspection request. */
export function handleInspection(
  core: EmulatorCore,
  method: string,
  path: string,
  body: Buffer,
  headers: IncomingHttpHeaders,
  response: ServerResponse,
): void {
  const name = path.slice(INSPECTION_PREFIX.length).replace(/\/$/, "");
  try {
    const refusal = inspectionRefusal(method, headers, body);
    if (refusal !== undefined) {
      throw refusal;
    }
    sendJson(
      response,
      200,
      route(core, method, name, () => parseJsonObject(body, headers["content-type"])),
    );
  } catch (error) {
    if (error instanceof EmulatorError) {
      sendError(response, error);
      return;
    }
    throw error;
  }
}
