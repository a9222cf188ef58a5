/**
 * The inspection API under `/_emulator/` (not part of AWS; no signature needed): list contacts
 * and calls, reset, inject faults, change rate limits, advance the clock, add seed resources.
 */
import type { ServerResponse } from "node:http";
import type { EmulatorCore } from "./core";
import { EmulatorError } from "./errors";
import { parseFaultSpec } from "./faults";
import { parseJsonObject, sendError, sendJson } from "./http";
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

/** Answers one inspection request. */
export function handleInspection(
  core: EmulatorCore,
  method: string,
  path: string,
  body: Buffer,
  contentType: string | undefined,
  response: ServerResponse,
): void {
  const name = path.slice(INSPECTION_PREFIX.length).replace(/\/$/, "");
  try {
    sendJson(
      response,
      200,
      route(core, method, name, () => parseJsonObject(body, contentType)),
    );
  } catch (error) {
    if (error instanceof EmulatorError) {
      sendError(response, error);
      return;
    }
    throw error;
  }
}
