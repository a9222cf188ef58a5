/**
 * The HTTP server: one pipeline per request (route, body, SigV4, faults, throttle, parse,
 * operation, answer) in front of an {@link EmulatorCore}, and the library handle around it.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { EmulatorCore } from "./core";
import { EmulatorError, errorTypeForStatus } from "./errors";
import { parseJsonObject, readBody, sendError, sendJson } from "./http";
import { handleInspection, INSPECTION_PREFIX } from "./inspection";
import type { OperationName } from "./model/model";
import { matchRoute } from "./model/routes";
import { verifySignature } from "./sigv4";
import { handleSts, isStsRequest, sendStsError, stsErrorCode } from "./sts";
import type {
  AccessKey,
  CallRecord,
  CallsReport,
  ContactView,
  EmulatorOptions,
  EmulatorSeed,
  FaultSpec,
  PendingFault,
  RateLimit,
} from "./types";

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** How long a request body may pause before the emulator answers 408 and closes the connection. */
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

/** A running emulator. */
export interface ConnectEmulator {
  /** The base URL to point the SDK at, e.g. "http://127.0.0.1:45123". */
  readonly endpoint: string;
  readonly host: string;
  readonly port: number;
  /** The first accepted access key pair; use it as the SDK's `credentials`. */
  readonly credentials: AccessKey;
  /** Stops listening and drops open connections. */
  stop(): Promise<void>;
  /** The contacts started so far (destination numbers masked). */
  contacts(): ContactView[];
  /** Counts per operation and outcome, and the ordered call log. */
  calls(): CallsReport;
  /** Back to the start state: the options' seed and rate limits; no contacts, tokens, calls, faults or clock offset. */
  reset(): void;
  /** Queues a fault for the next `count` calls of an operation. */
  setFault(fault: FaultSpec): void;
  /** The faults still pending. */
  faults(): PendingFault[];
  clearFaults(): void;
  /** Replaces the token bucket of one operation (it starts full). */
  setRateLimit(operation: OperationName, limit: RateLimit): void;
  /** Moves the emulator clock forward by `ms` milliseconds. */
  advanceClock(ms: number): void;
  /** The emulator clock, epoch milliseconds. */
  now(): number;
  /** Adds instances, contact flows, phone numbers and roles. */
  seed(seed: EmulatorSeed): void;
  /**
   * What is seeded (from the options, the state file and `seed()`), in the seed format, with
   * every flow's and number's details and each phone number masked.
   */
  seeded(): EmulatorSeed;
  /**
   * The hash the emulator keeps and shows for a ClientToken (`clientTokenHash` of contacts and
   * calls), so that a test holding a token can find its contact. In-process only: the inspection
   * API offers no such route, since it would let a client try guesses against the key.
   */
  clientTokenHash(clientToken: string): string;
}

function splitUrl(url: string): { path: string; query: string } {
  const index = url.indexOf("?");
  return index < 0
    ? { path: url, query: "" }
    : { path: url.slice(0, index), query: url.slice(index + 1) };
}

class Pipeline {
  public readonly aborts = new AbortController();

  public constructor(
    private readonly core: EmulatorCore,
    private readonly maxBodyBytes: number,
    private readonly bodyTimeoutMs: number,
  ) {}

  public async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    response.setHeader("x-amzn-RequestId", randomUUID());
    const method = request.method ?? "GET";
    const { path, query } = splitUrl(request.url ?? "/");
    const read = await readBody(request, this.maxBodyBytes, this.bodyTimeoutMs);
    if (read.kind === "aborted") {
      return;
    }
    if (read.kind === "timeout") {
      this.cutStalledRequest(path, method, request, response);
      return;
    }
    if (path.startsWith(INSPECTION_PREFIX)) {
      if (read.kind === "too-large") {
        sendError(response, tooLarge(this.maxBodyBytes));
        return;
      }
      handleInspection(this.core, method, path, read.body, request.headers, response);
      return;
    }
    if (isStsRequest(method, path)) {
      if (read.kind === "too-large") {
        const error = tooLarge(this.maxBodyBytes);
        this.core.recordCall({ operation: "AssumeRole", outcome: stsErrorCode(error) });
        sendStsError(response, error);
        return;
      }
      await handleSts(
        this.core,
        { method, path, query, headers: request.headers, body: read.body },
        response,
      );
      return;
    }
    const route = matchRoute(method, path);
    if (route === undefined) {
      this.core.recordCall({ operation: "UnknownOperation", outcome: "UnknownOperationException" });
      sendError(
        response,
        new EmulatorError(
          "UnknownOperationException",
          `No operation matches ${method.slice(0, 10)} ${path.slice(0, 200)}.`,
        ),
      );
      return;
    }
    const { operation } = route;
    let signer: Pick<CallRecord, "accessKeyId" | "assumedRoleArn"> = {};
    const fail = (error: EmulatorError, tokenField: { clientTokenHash?: string } = {}): void => {
      this.core.recordCall({ operation, outcome: error.shapeName, ...signer, ...tokenField });
      sendError(response, error);
    };
    if (read.kind === "too-large") {
      fail(tooLarge(this.maxBodyBytes));
      return;
    }
    const verified = await verifySignature(
      { method, path, query, headers: request.headers, body: read.body },
      (accessKeyId) => this.core.findKey(accessKeyId),
    );
    if (verified.error !== undefined) {
      fail(verified.error);
      return;
    }
    const caller = this.core.callerOf(verified.key, verified.region);
    signer = this.core.signerFields(caller);
    const expired = this.core.expiredKeyError(caller);
    if (expired !== undefined) {
      fail(expired);
      return;
    }

    let input: Record<string, unknown>;
    try {
      input =
        method === "GET"
          ? { ...route.labels }
          : { ...parseJsonObject(read.body, request.headers["content-type"]), ...route.labels };
    } catch (error) {
      if (error instanceof EmulatorError) {
        fail(error);
        return;
      }
      throw error;
    }
    // Only the token's keyed hash is recorded: see ContactView.clientTokenHash.
    const tokenField =
      typeof input.ClientToken === "string"
        ? { clientTokenHash: this.core.hashClientToken(input.ClientToken) }
        : {};

    const fault = this.core.takeFault(operation);
    if (fault?.kind === "delay") {
      try {
        await sleep(fault.delayMs, undefined, { signal: this.aborts.signal });
      } catch {
        request.socket.destroy();
        return;
      }
    } else if (fault?.kind === "error") {
      const errorType = fault.errorType ?? errorTypeForStatus(fault.status);
      fail(
        new EmulatorError(errorType, fault.message ?? "Injected fault.", fault.status),
        tokenField,
      );
      return;
    } else if (fault?.kind === "drop-before") {
      this.core.recordCall({ operation, outcome: "dropped-before", ...signer, ...tokenField });
      request.socket.destroy();
      return;
    }

    if (!this.core.tryTakeToken(operation, caller)) {
      fail(new EmulatorError("ThrottlingException", "Rate exceeded"), tokenField);
      return;
    }
    let result;
    try {
      result = this.core.run(operation, input, caller);
    } catch (error) {
      if (!(error instanceof EmulatorError)) {
        throw error;
      }
      if (fault?.kind === "drop-after") {
        this.core.recordCall({ operation, outcome: "dropped-after", ...signer, ...tokenField });
        request.socket.destroy();
        return;
      }
      fail(error, tokenField);
      return;
    }
    const contactField = result.contactId === undefined ? {} : { contactId: result.contactId };
    if (fault?.kind === "drop-after") {
      this.core.recordCall({
        operation,
        outcome: "dropped-after",
        ...signer,
        ...tokenField,
        ...contactField,
      });
      request.socket.destroy();
      return;
    }
    this.core.recordCall({ operation, outcome: "ok", ...signer, ...tokenField, ...contactField });
    sendJson(response, 200, result.output);
  }

  /**
   * Answers a request whose body stalled as an AWS front end does: 408 RequestTimeoutException
   * (which the AWS SDK retries as a transient error), `Connection: close`, and the connection
   * closed once the answer is sent, so that the rest of the declared body is never waited for.
   */
  private cutStalledRequest(
    path: string,
    method: string,
    request: IncomingMessage,
    response: ServerResponse,
  ): void {
    if (!path.startsWith(INSPECTION_PREFIX)) {
      this.core.recordCall({
        operation: matchRoute(method, path)?.operation ?? "UnknownOperation",
        outcome: "RequestTimeoutException",
      });
    }
    response.setHeader("Connection", "close");
    response.once("finish", () => request.socket.destroy());
    sendError(
      response,
      new EmulatorError(
        "RequestTimeoutException",
        `No bytes of the request body arrived for ${this.bodyTimeoutMs} ms; the connection is closed.`,
      ),
    );
  }
}

function tooLarge(maxBodyBytes: number): EmulatorError {
  return new EmulatorError(
    "RequestEntityTooLargeException",
    `The request body is larger than the limit of ${maxBodyBytes} bytes.`,
  );
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * Starts an Amazon Connect emulator on `host:port` (default 127.0.0.1, a free port) and resolves
 * once it is listening.
 */
export async function startConnectEmulator(
  options: EmulatorOptions = {},
): Promise<ConnectEmulator> {
  const core = new EmulatorCore(options);
  const pipeline = new Pipeline(
    core,
    options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS,
  );
  const server = createServer((request, response) => {
    pipeline.handle(request, response).catch(() => {
      sendError(
        response,
        new EmulatorError("InternalServiceException", "The emulator failed to handle the request."),
      );
    });
  });
  server.on("clientError", (_error, socket) => {
    socket.destroy();
  });
  const host = options.host ?? "127.0.0.1";
  const address = await listen(server, options.port ?? 0, host);
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let stopped: Promise<void> | undefined;
  return {
    endpoint: `http://${urlHost}:${address.port}`,
    host,
    port: address.port,
    credentials: core.keys[0],
    stop: () => {
      stopped ??= new Promise((resolve) => {
        pipeline.aborts.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopped;
    },
    contacts: () => core.contacts(),
    calls: () => core.calls(),
    reset: () => core.reset(),
    setFault: (fault) => core.addFault(fault),
    faults: () => core.faults(),
    clearFaults: () => core.clearFaults(),
    setRateLimit: (operation, limit) => core.setRateLimits({ [operation]: limit }),
    advanceClock: (ms) => core.advanceClock(ms),
    now: () => core.now(),
    seed: (seed) => core.seed(seed),
    seeded: () => core.seeded(),
    clientTokenHash: (clientToken) => core.hashClientToken(clientToken),
  };
}
