/**
 * A client that declares a large body and stalls is cut: after `bodyTimeoutMs` without bytes the
 * emulator answers 408 RequestTimeoutException, closes the connection and keeps serving.
 */
import assert from "node:assert/strict";
import { createConnection, type Socket } from "node:net";
import { performance } from "node:perf_hooks";
import { StartOutboundChatContactCommand } from "@aws-sdk/client-connect";
import { DEFAULT_BODY_TIMEOUT_MS, type ConnectEmulator } from "../../emulator";
import { connectClient, startDemo, startInput, UUID } from "./fixtures";

const TIMEOUT_MS = 200;
const DECLARED_BYTES = 50 * 1024 * 1024;
const SENT_BYTES = 2 * 1024 * 1024;

interface Cut {
  /** Everything the emulator sent before the connection closed. */
  readonly answer: string;
  /** Milliseconds from the last byte written to the connection closing. */
  readonly cutAfterMs: number;
}

/** Opens a raw connection, sends headers that declare 50 MB and `chunks` of the body, then stalls. */
function sendStalling(
  emulator: ConnectEmulator,
  method: string,
  path: string,
  chunks: readonly Buffer[],
): Promise<Cut> {
  const url = new URL(emulator.endpoint);
  return new Promise((resolve, reject) => {
    const socket: Socket = createConnection({ host: url.hostname, port: Number(url.port) });
    let answer = "";
    let lastWriteMs = performance.now();
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString("latin1")));
    socket.on("error", reject);
    socket.on("close", () => resolve({ answer, cutAfterMs: performance.now() - lastWriteMs }));
    socket.write(
      `${method} ${path} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${DECLARED_BYTES}\r\n\r\n`,
    );
    const writeNext = (index: number): void => {
      if (index >= chunks.length) {
        return;
      }
      socket.write(chunks[index], () => {
        lastWriteMs = performance.now();
        writeNext(index + 1);
      });
    };
    writeNext(0);
  });
}

describe("stalled request bodies", () => {
  let emulator: ConnectEmulator;

  beforeEach(async () => {
    emulator = await startDemo({ bodyTimeoutMs: TIMEOUT_MS });
  });
  afterEach(() => emulator.stop());

  it("waits 10 seconds by default", () => {
    assert.equal(DEFAULT_BODY_TIMEOUT_MS, 10_000);
  });

  it("cuts a client that declares 50 MB and stalls after 2 MB: 408 RequestTimeoutException, connection closed", async () => {
    const cut = await sendStalling(emulator, "PUT", "/contact/outbound-chat", [
      Buffer.alloc(SENT_BYTES, "x"),
    ]);
    const [head, body] = cut.answer.split("\r\n\r\n");
    assert.match(head, /^HTTP\/1\.1 408 Request Timeout\r\n/);
    assert.match(head, /\r\nx-amzn-ErrorType: RequestTimeoutException\r\n/i);
    assert.match(head, /\r\nConnection: close\r\n/i);
    assert.deepEqual(JSON.parse(body), {
      Message: `No bytes of the request body arrived for ${TIMEOUT_MS} ms; the connection is closed.`,
    });
    assert.ok(cut.cutAfterMs >= TIMEOUT_MS - 20, `cut after ${cut.cutAfterMs} ms`);
    assert.ok(cut.cutAfterMs < TIMEOUT_MS + 1000, `cut after ${cut.cutAfterMs} ms`);
    assert.deepEqual(emulator.calls().counts, {
      StartOutboundChatContact: { RequestTimeoutException: 1 },
    });
    assert.equal(emulator.contacts().length, 0);
  });

  it("cuts a client that sends headers and no body at all", async () => {
    const cut = await sendStalling(emulator, "POST", "/contact/stop", []);
    assert.match(cut.answer, /^HTTP\/1\.1 408 /);
    assert.deepEqual(emulator.calls().counts, { StopContact: { RequestTimeoutException: 1 } });
  });

  it("cuts a stalled inspection request without counting it as a call", async () => {
    const cut = await sendStalling(emulator, "POST", "/_emulator/seed", [
      Buffer.from('{"instances": ['),
    ]);
    assert.match(cut.answer, /^HTTP\/1\.1 408 /);
    assert.deepEqual(emulator.calls().counts, {});
  });

  it("keeps serving after cutting stalled clients", async () => {
    await Promise.all([
      sendStalling(emulator, "PUT", "/contact/outbound-chat", [Buffer.alloc(SENT_BYTES, "x")]),
      sendStalling(emulator, "PUT", "/contact/outbound-chat", [Buffer.alloc(1024, "x")]),
    ]);
    const client = connectClient(emulator);
    const { ContactId } = await client.send(new StartOutboundChatContactCommand(startInput()));
    client.destroy();
    assert.match(ContactId ?? "", UUID);
  });

  it("times the pause between bytes, not the whole body: a slow client that keeps sending is read", async () => {
    const emulatorSlow = await startDemo({ bodyTimeoutMs: TIMEOUT_MS, maxBodyBytes: 64 });
    try {
      // 6 chunks, 100 ms apart: 500 ms in all, more than the timeout, no pause as long as it.
      const url = new URL(emulatorSlow.endpoint);
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = createConnection({ host: url.hostname, port: Number(url.port) });
        let text = "";
        socket.on("data", (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes("\r\n\r\n")) {
            socket.destroy();
            resolve(text);
          }
        });
        socket.on("error", reject);
        socket.write(
          `PUT /contact/outbound-chat HTTP/1.1\r\nHost: ${url.host}\r\n` +
            `Content-Type: application/json\r\nContent-Length: 600\r\n\r\n`,
        );
        let sent = 0;
        const timer = setInterval(() => {
          socket.write("x".repeat(100));
          sent += 1;
          if (sent === 6) {
            clearInterval(timer);
          }
        }, 100);
      });
      // Read to the end: 413 for the size, not 408.
      assert.match(answer, /^HTTP\/1\.1 413 /);
    } finally {
      await emulatorSlow.stop();
    }
  });
});
