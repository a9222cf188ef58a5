/**
 * Issue 9.9: the inspection API is safe on a developer's laptop. It needs no signature and can
 * wipe the state, so a request whose Host is not loopback (DNS rebinding), whose Origin is a
 * foreign web page, or whose body is not declared JSON is refused; loopback JSON clients work.
 */
import assert from "node:assert/strict";
import { request } from "node:http";
import { StartOutboundChatContactCommand } from "@aws-sdk/client-connect";
import type { ConnectEmulator } from "../../emulator";
import { isLoopbackHost } from "../../emulator/inspection";
import { connectClient, startDemo, startInput } from "./fixtures";

interface RawAnswer {
  readonly status: number;
  readonly errorType: string | undefined;
  readonly body: string;
}

/** A raw HTTP request with exactly the headers given (fetch will not send a Host of our own). */
function raw(
  emulator: ConnectEmulator,
  method: string,
  path: string,
  headers: Record<string, string>,
  body = "",
): Promise<RawAnswer> {
  const url = new URL(emulator.endpoint);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method, path, headers, setHost: false },
      (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            errorType: res.headers["x-amzn-errortype"] as string | undefined,
            body: text,
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("inspection API safety (9.9)", () => {
  let emulator: ConnectEmulator;
  let port: string;

  beforeEach(async () => {
    emulator = await startDemo();
    port = new URL(emulator.endpoint).port;
    const client = connectClient(emulator);
    await client.send(new StartOutboundChatContactCommand(startInput()));
    client.destroy();
  });
  afterEach(() => emulator.stop());

  const refused: ReadonlyArray<
    [string, (port: string) => Record<string, string>, string, number, RegExp]
  > = [
    [
      "the attack seen: text/plain, a foreign Host and a foreign Origin",
      () => ({ host: "evil.example", origin: "http://evil.example", "content-type": "text/plain" }),
      "AccessDeniedException",
      403,
      /Host is a loopback name/,
    ],
    [
      "a foreign Host alone (DNS rebinding)",
      (p) => ({ host: `evil.example:${p}`, "content-type": "application/json" }),
      "AccessDeniedException",
      403,
      /Host is a loopback name/,
    ],
    [
      "a loopback Host with a foreign Origin (a cross-site request)",
      (p) => ({
        host: `127.0.0.1:${p}`,
        origin: "https://evil.example",
        "content-type": "application/json",
      }),
      "AccessDeniedException",
      403,
      /another origin/,
    ],
    [
      "a loopback Host with text/plain (a simple cross-site form)",
      (p) => ({ host: `localhost:${p}`, "content-type": "text/plain" }),
      "UnsupportedMediaTypeException",
      415,
      /Content-Type: application\/json/,
    ],
    [
      "a loopback Host with a form content type",
      (p) => ({ host: `127.0.0.1:${p}`, "content-type": "application/x-www-form-urlencoded" }),
      "UnsupportedMediaTypeException",
      415,
      /Content-Type: application\/json/,
    ],
  ];
  for (const [label, headers, errorType, status, message] of refused) {
    it(`refuses POST /_emulator/reset with ${label}, and keeps the state`, async () => {
      const answer = await raw(emulator, "POST", "/_emulator/reset", headers(port), "{}");
      assert.equal(answer.status, status);
      assert.equal(answer.errorType, errorType);
      assert.match((JSON.parse(answer.body) as { Message: string }).Message, message);
      assert.equal(emulator.contacts().length, 1);
    });
  }

  it("refuses a GET whose Host is foreign (no reading the contacts across origins)", async () => {
    const answer = await raw(emulator, "GET", "/_emulator/contacts", { host: "evil.example" });
    assert.equal(answer.status, 403);
  });

  const accepted: ReadonlyArray<[string, (port: string) => Record<string, string>]> = [
    [
      "Host 127.0.0.1:port and JSON",
      (p) => ({ host: `127.0.0.1:${p}`, "content-type": "application/json" }),
    ],
    [
      "Host localhost and JSON",
      () => ({ host: "localhost", "content-type": "application/json; charset=utf-8" }),
    ],
    [
      "Host [::1]:port and JSON",
      (p) => ({ host: `[::1]:${p}`, "content-type": "application/json" }),
    ],
    [
      "a loopback Origin",
      (p) => ({
        host: `127.0.0.1:${p}`,
        origin: `http://localhost:${p}`,
        "content-type": "application/json",
      }),
    ],
  ];
  for (const [label, headers] of accepted) {
    it(`accepts POST /_emulator/reset with ${label}`, async () => {
      const answer = await raw(emulator, "POST", "/_emulator/reset", headers(port), "{}");
      assert.equal(answer.status, 200, answer.body);
      assert.equal(emulator.contacts().length, 0);
    });
  }

  it("accepts a body-less POST with no content type from loopback, and GETs without one", async () => {
    const reset = await raw(emulator, "POST", "/_emulator/reset", { host: `127.0.0.1:${port}` });
    assert.equal(reset.status, 200);
    const health = await raw(emulator, "GET", "/_emulator/health", { host: `127.0.0.1:${port}` });
    assert.deepEqual(JSON.parse(health.body), { ok: true });
  });

  it("tells loopback names and addresses from others", () => {
    for (const host of [
      "localhost",
      "LOCALHOST",
      "app.localhost",
      "127.0.0.1",
      "127.1.2.3",
      "::1",
      "[::1]",
    ]) {
      assert.equal(isLoopbackHost(host), true, host);
    }
    for (const host of [
      "evil.example",
      "0.0.0.0",
      "10.0.0.1",
      "127.0.0.1.evil.example",
      "localhost.evil.example",
      "::2",
    ]) {
      assert.equal(isLoopbackHost(host), false, host);
    }
  });
});
