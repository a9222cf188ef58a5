import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { freshProvider } from "../../harness/fresh-provider";
import { isContactApiError } from "../../provider/aws/api-error";
import { USER_AGENT_SUFFIX } from "../../provider/aws/client";
import { REQUEST_TIMEOUT_ENV } from "../../provider/aws/settings";

type Calls = typeof import("../../provider/aws/calls");
type Client = typeof import("../../provider/aws/client");

/**
 * The provider's AWS modules as a new provider process loads them, made again for each test: no
 * client made yet, and nothing read from the environment yet.
 */
let startOutboundChatContact: Calls["startOutboundChatContact"];
let connectClient: Client["connectClient"];
let connectModule: Client["connectModule"];
let requestHandlerOptions: Client["requestHandlerOptions"];

function loadFreshProvider(): void {
  const load = freshProvider();
  ({ startOutboundChatContact } = load<Calls>("aws/calls"));
  ({ connectClient, connectModule, requestHandlerOptions } = load<Client>("aws/client"));
}

const ROOT = path.resolve(__dirname, "../..");

interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly userAgent: string;
  readonly body: string;
}

interface Answer {
  readonly status: number;
  readonly errorType?: string;
  readonly body: object;
}

/** A local HTTP server that answers from a script (the last answer repeats) and records requests. */
class ScriptedServer {
  readonly requests: Recorded[] = [];
  private server: Server | undefined;
  private answers: Answer[] = [];

  async start(): Promise<string> {
    this.server = createServer((request, response) => this.answer(request, response));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  script(...answers: Answer[]): void {
    this.answers = answers;
    this.requests.length = 0;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private answer(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      this.requests.push({
        method: request.method ?? "",
        url: request.url ?? "",
        userAgent: [request.headers["user-agent"], request.headers["x-amz-user-agent"]]
          .flat()
          .join(" "),
        body: Buffer.concat(chunks).toString("utf8"),
      });
      const answer =
        this.answers[Math.min(this.requests.length - 1, this.answers.length - 1)] ?? ok();
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (answer.errorType !== undefined) {
        headers["x-amzn-errortype"] = answer.errorType;
      }
      response.writeHead(answer.status, headers);
      response.end(JSON.stringify(answer.body));
    });
  }
}

function ok(): Answer {
  return { status: 200, body: { ContactId: "contact-1", ContinuedFromContactId: "contact-0" } };
}

function failure(status: number, errorType: string): Answer {
  return { status, errorType, body: { Message: `${errorType} for +14155550100` } };
}

const ENV_KEYS = [
  "AWS_ENDPOINT_URL",
  "AWS_ENDPOINT_URL_CONNECT",
  "AWS_MAX_ATTEMPTS",
  "AWS_RETRY_MODE",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_PROFILE",
  "AWS_EC2_METADATA_DISABLED",
  REQUEST_TIMEOUT_ENV,
] as const;

/** Sends a StartOutboundChatContact through the Region's client, straight (no pacer). */
async function start(region = "us-east-1"): Promise<string | undefined> {
  const { StartOutboundChatContactCommand } = connectModule();
  const output = await connectClient(region).send(
    new StartOutboundChatContactCommand({
      InstanceId: "a1b2c3d4-e5f6-a7b8-c9d0-e1f2a3b4c5d6",
      ContactFlowId: "f1e2d3c4-b5a6-f7e8-d9c0-b1a2f3e4d5c6",
      SourceEndpoint: {
        Type: "CONNECT_PHONENUMBER_ARN",
        Address: "arn:aws:connect:us-east-1:123456789012:phone-number/abc",
      },
      DestinationEndpoint: { Type: "TELEPHONE_NUMBER", Address: "+14155550100" },
      SegmentAttributes: { "connect:Subtype": { ValueString: "connect:SMS" } },
      ClientToken: "token-1",
    }),
  );
  return output.ContactId;
}

describe("connectClient", () => {
  const server = new ScriptedServer();
  let endpoint = "";
  const saved: Partial<Record<(typeof ENV_KEYS)[number], string>> = {};

  before(async () => {
    endpoint = await server.start();
  });
  after(async () => {
    await server.stop();
  });

  beforeEach(() => {
    for (const key of ENV_KEYS) {
      saved[key] = process.env[key];
      delete process.env[key];
    }
    process.env.AWS_ACCESS_KEY_ID = "AKIDEXAMPLE";
    process.env.AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    process.env.AWS_EC2_METADATA_DISABLED = "true";
    process.env.AWS_ENDPOINT_URL_CONNECT = endpoint;
    loadFreshProvider();
  });

  afterEach(() => {
    for (const key of ENV_KEYS) {
      if (saved[key] === undefined) {
        delete process.env[key];
      } else {
        process.env[key] = saved[key];
      }
    }
  });

  it("loads no SDK code when every module of provider/aws is imported", () => {
    const script =
      "for (const m of require('fs').readdirSync('provider/aws')) require('./provider/aws/' + m);" +
      "const loaded = () => Object.keys(require.cache).some((k) => k.includes('@aws-sdk/client-connect'));" +
      "console.log(loaded());" +
      "require('./provider/aws/client').connectClient('us-east-1');" +
      "console.log(loaded());";
    const output = execFileSync(
      process.execPath,
      ["-r", "ts-node/register/transpile-only", "-e", script],
      { cwd: ROOT, encoding: "utf8" },
    );
    assert.deepEqual(output.trim().split("\n"), ["false", "true"]);
  });

  it("makes one client per Region and reuses it", () => {
    const east = connectClient("us-east-1");
    assert.equal(connectClient("us-east-1"), east);
    const london = connectClient("eu-west-2");
    assert.notEqual(london, east);
    assert.equal(connectClient("eu-west-2"), london);
  });

  it("sends to AWS_ENDPOINT_URL_CONNECT, with the package's user agent", async () => {
    server.script(ok());
    assert.equal(await start(), "contact-1");
    assert.equal(server.requests.length, 1);
    assert.equal(server.requests[0].method, "PUT");
    assert.equal(server.requests[0].url, "/contact/outbound-chat");
    assert.ok(
      server.requests[0].userAgent.includes(USER_AGENT_SUFFIX),
      server.requests[0].userAgent,
    );
  });

  it("sends to AWS_ENDPOINT_URL when no Connect-specific endpoint is set", async () => {
    delete process.env.AWS_ENDPOINT_URL_CONNECT;
    process.env.AWS_ENDPOINT_URL = endpoint;
    server.script(ok());
    assert.equal(await start("eu-west-2"), "contact-1");
    assert.equal(server.requests.length, 1);
  });

  it("reads the settings when the client is made, not when the module is loaded", async () => {
    server.script(ok());
    process.env.AWS_ENDPOINT_URL_CONNECT = "http://127.0.0.1:1";
    loadFreshProvider();
    process.env.AWS_ENDPOINT_URL_CONNECT = endpoint;
    assert.equal(await start(), "contact-1");
  });

  it("fails at once, without the SDK retrying, when the service throttles", async () => {
    server.script(failure(429, "ThrottlingException"));
    await assert.rejects(start(), { name: "ThrottlingException" });
    assert.equal(server.requests.length, 1);
  });

  it("fails at once when the service answers LimitExceededException (a quota)", async () => {
    server.script(failure(429, "LimitExceededException"));
    await assert.rejects(start(), { name: "LimitExceededException" });
    assert.equal(server.requests.length, 1);
  });

  it("retries a 500 with the same ClientToken", async () => {
    server.script(failure(500, "InternalServiceException"), ok());
    assert.equal(await start(), "contact-1");
    assert.equal(server.requests.length, 2);
    const tokens = server.requests.map(
      (request) => (JSON.parse(request.body) as { ClientToken?: string }).ClientToken,
    );
    assert.deepEqual(tokens, ["token-1", "token-1"]);
  });

  const attemptRows: Array<[string | undefined, string | undefined, number]> = [
    [undefined, undefined, 3],
    ["2", undefined, 2],
    ["5", undefined, 5],
    ["1", undefined, 1],
    ["4", "adaptive", 4],
    [undefined, "standard", 3],
  ];
  for (const [maxAttempts, retryMode, expected] of attemptRows) {
    it(
      `sends a request ${expected} times against a failing service with ` +
        `AWS_MAX_ATTEMPTS=${maxAttempts ?? "(unset)"} AWS_RETRY_MODE=${retryMode ?? "(unset)"}`,
      async () => {
        if (maxAttempts !== undefined) {
          process.env.AWS_MAX_ATTEMPTS = maxAttempts;
        }
        if (retryMode !== undefined) {
          process.env.AWS_RETRY_MODE = retryMode;
        }
        server.script(failure(503, "InternalServiceException"));
        await assert.rejects(start(), { name: "InternalServiceException" });
        assert.equal(server.requests.length, expected);
      },
    );
  }
});

describe("connectClient against an endpoint that never answers", () => {
  let silent: Server | undefined;
  let endpoint = "";
  let received = 0;
  const saved: Partial<Record<(typeof ENV_KEYS)[number], string>> = {};

  before(async () => {
    // Accepts the connection and the request, and never answers.
    const server = createServer(() => {
      received += 1;
    });
    silent = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    silent?.closeAllConnections();
    await new Promise<void>((resolve) => silent?.close(() => resolve()));
  });

  beforeEach(() => {
    for (const key of ENV_KEYS) {
      saved[key] = process.env[key];
      delete process.env[key];
    }
    process.env.AWS_ACCESS_KEY_ID = "AKIDEXAMPLE";
    process.env.AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    process.env.AWS_EC2_METADATA_DISABLED = "true";
    process.env.AWS_ENDPOINT_URL_CONNECT = endpoint;
    received = 0;
    loadFreshProvider();
  });

  afterEach(() => {
    for (const key of ENV_KEYS) {
      if (saved[key] === undefined) {
        delete process.env[key];
      } else {
        process.env[key] = saved[key];
      }
    }
  });

  it("fails within seconds, after the SDK's retries, saying Amazon Connect did not answer in time", async () => {
    process.env[REQUEST_TIMEOUT_ENV] = "0.5";
    const started = Date.now();
    const error = await startOutboundChatContact("us-east-1", {
      InstanceId: "a1b2c3d4-e5f6-a7b8-c9d0-e1f2a3b4c5d6",
      ContactFlowId: "f1e2d3c4-b5a6-f7e8-d9c0-b1a2f3e4d5c6",
      SourceEndpoint: {
        Type: "CONNECT_PHONENUMBER_ARN",
        Address: "arn:aws:connect:us-east-1:123456789012:phone-number/abc",
      },
      DestinationEndpoint: { Type: "TELEPHONE_NUMBER", Address: "+14155550100" },
      SegmentAttributes: { "connect:Subtype": { ValueString: "connect:SMS" } },
      ClientToken: "token-1",
    }).then(
      () => assert.fail("expected a timeout"),
      (caught: unknown) => caught,
    );
    const elapsedMs = Date.now() - started;
    assert.ok(isContactApiError(error), String(error));
    assert.equal(error.awsErrorName, "TimeoutError");
    assert.match(
      error.message,
      /^Amazon Connect in us-east-1 did not answer StartOutboundChatContact in time \(TimeoutError\)/,
    );
    assert.match(error.message, /PULUMI_CONNECT_REQUEST_TIMEOUT_SECONDS/);
    assert.match(error.message, /ClientToken makes the retry idempotent/);
    assert.ok(elapsedMs < 5000, `took ${elapsedMs} ms`);
    // The SDK retried the timed-out request (3 attempts by default).
    assert.equal(received, 3);
  });

  it("waits 60 seconds for an answer and 10 seconds for a connection by default", () => {
    assert.deepEqual(requestHandlerOptions(), {
      connectionTimeout: 10_000,
      requestTimeout: 60_000,
      throwOnRequestTimeout: true,
    });
  });

  it("reads PULUMI_CONNECT_REQUEST_TIMEOUT_SECONDS when the client is made", () => {
    process.env[REQUEST_TIMEOUT_ENV] = "120";
    assert.deepEqual(requestHandlerOptions(), {
      connectionTimeout: 10_000,
      requestTimeout: 120_000,
      throwOnRequestTimeout: true,
    });
  });

  it("fails when PULUMI_CONNECT_REQUEST_TIMEOUT_SECONDS is not a positive number", () => {
    process.env[REQUEST_TIMEOUT_ENV] = "soon";
    assert.throws(
      () => connectClient("us-east-1"),
      /PULUMI_CONNECT_REQUEST_TIMEOUT_SECONDS must be a positive number, got "soon"/,
    );
  });
});
