import assert from "node:assert/strict";
import { StartOutboundChatContactCommand } from "@aws-sdk/client-connect";
import type { ConnectEmulator } from "../../emulator";
import { connectClient, signedFetch, startBody, startDemo, startInput, UUID } from "./fixtures";

describe("emulator robustness against bad requests", () => {
  let emulator: ConnectEmulator;

  before(async () => {
    emulator = await startDemo({ maxBodyBytes: 64 * 1024 });
  });

  after(() => emulator.stop());

  afterEach(async () => {
    const client = connectClient(emulator);
    const { ContactId } = await client.send(new StartOutboundChatContactCommand(startInput()));
    client.destroy();
    assert.match(ContactId ?? "", UUID, "the emulator must keep serving");
  });

  async function expectError(
    response: Response,
    status: number,
    errorType: string,
    message: string,
  ): Promise<void> {
    assert.equal(response.status, status);
    assert.equal(response.headers.get("x-amzn-ErrorType"), errorType);
    assert.match(response.headers.get("x-amzn-RequestId") ?? "", UUID);
    assert.deepEqual(await response.json(), { Message: message });
  }

  it("fails when the body is malformed JSON (SerializationException, 400)", async () => {
    const response = await signedFetch(emulator, "/contact/outbound-chat", {
      method: "PUT",
      body: '{"InstanceId": ',
      headers: { "content-type": "application/json" },
    });
    await expectError(
      response,
      400,
      "SerializationException",
      "The request body is not valid JSON.",
    );
  });

  it("fails when the body is a JSON array", async () => {
    const response = await signedFetch(emulator, "/contact/stop", {
      body: "[1, 2]",
      headers: { "content-type": "application/json" },
    });
    await expectError(
      response,
      400,
      "SerializationException",
      "The request body must be a JSON object.",
    );
  });

  it("fails when a member has the wrong JSON type, naming the member", async () => {
    const response = await signedFetch(emulator, "/contact/outbound-chat", {
      method: "PUT",
      body: JSON.stringify(startBody({ ChatDurationInMinutes: "sixty" })),
      headers: { "content-type": "application/json" },
    });
    await expectError(
      response,
      400,
      "InvalidRequestException",
      "1 validation error detected: Value at 'chatDurationInMinutes' failed to satisfy constraint: Member must be a number",
    );
  });

  it("fails when the content type is not JSON (UnsupportedMediaTypeException, 415)", async () => {
    const response = await signedFetch(emulator, "/contact/outbound-chat", {
      method: "PUT",
      body: JSON.stringify(startBody()),
      headers: { "content-type": "text/xml" },
    });
    await expectError(
      response,
      415,
      "UnsupportedMediaTypeException",
      "Unsupported Content-Type: expected application/json, got 'text/xml'.",
    );
  });

  it("fails when the body is larger than the limit (RequestEntityTooLargeException, 413)", async () => {
    const response = await signedFetch(emulator, "/contact/outbound-chat", {
      method: "PUT",
      body: JSON.stringify(startBody({ Attributes: { big: "x".repeat(200 * 1024) } })),
      headers: { "content-type": "application/json" },
    });
    await expectError(
      response,
      413,
      "RequestEntityTooLargeException",
      "The request body is larger than the limit of 65536 bytes.",
    );
  });

  it("fails when the path is unknown (UnknownOperationException, 404)", async () => {
    const response = await fetch(`${emulator.endpoint}/contact/teleport`, { method: "POST" });
    await expectError(
      response,
      404,
      "UnknownOperationException",
      "No operation matches POST /contact/teleport.",
    );
  });

  it("fails when the method does not match the operation's path", async () => {
    const response = await fetch(`${emulator.endpoint}/contact/outbound-chat`, {
      method: "DELETE",
    });
    await expectError(
      response,
      404,
      "UnknownOperationException",
      "No operation matches DELETE /contact/outbound-chat.",
    );
  });

  it("fails when an inspection route is unknown", async () => {
    const response = await fetch(`${emulator.endpoint}/_emulator/nothing`);
    await expectError(
      response,
      404,
      "UnknownOperationException",
      "No inspection route GET /_emulator/nothing.",
    );
  });

  it("survives a client that hangs up in the middle of a body, and answers the next request", async () => {
    const { request } = await import("node:http");
    const hungUp = await new Promise<string>((resolve) => {
      const outgoing = request(`${emulator.endpoint}/contact/stop`, {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": "1000" },
      });
      outgoing.on("response", () => resolve("answered"));
      outgoing.on("error", () => resolve("hung up"));
      outgoing.write('{"InstanceId":');
      setTimeout(() => outgoing.destroy(), 20);
    });
    // The half-sent request is never answered: the client gave up on it.
    assert.equal(hungUp, "hung up");
    // And the emulator is still there, answering as before.
    const health = await fetch(`${emulator.endpoint}/_emulator/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { ok: true });
  });
});
