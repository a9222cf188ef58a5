import assert from "node:assert/strict";
import { DescribeContactCommand, StopContactCommand } from "@aws-sdk/client-connect";
import type { ConnectEmulator } from "../../emulator";
import {
  connectClient,
  DEMO_INSTANCE_ID,
  rejectionOf,
  signedFetch,
  startDemo,
  UUID,
} from "./fixtures";

const BAD_SIGNATURE =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

describe("emulator authentication (SigV4)", () => {
  let emulator: ConnectEmulator;

  before(async () => {
    emulator = await startDemo({
      credentials: [
        { accessKeyId: "AKIDEMULATOR", secretAccessKey: "emulator-secret" },
        { accessKeyId: "AKIDSECOND", secretAccessKey: "second-secret" },
        { accessKeyId: "ASIATEMP", secretAccessKey: "temp-secret", sessionToken: "session-1" },
      ],
    });
  });

  after(() => emulator.stop());

  async function stopWith(credentials: {
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken?: string;
  }): Promise<unknown> {
    const client = connectClient(emulator, { credentials, region: "us-east-1" });
    try {
      return await client.send(
        new StopContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId: "nope" }),
      );
    } finally {
      client.destroy();
    }
  }

  it("accepts a request signed by any configured key", async () => {
    const error = await rejectionOf(
      stopWith({ accessKeyId: "AKIDSECOND", secretAccessKey: "second-secret" }),
    );
    assert.equal(error.name, "ContactNotFoundException");
  });

  it("accepts a temporary key with its session token", async () => {
    const error = await rejectionOf(
      stopWith({
        accessKeyId: "ASIATEMP",
        secretAccessKey: "temp-secret",
        sessionToken: "session-1",
      }),
    );
    assert.equal(error.name, "ContactNotFoundException");
  });

  it("fails when a temporary key comes with the wrong session token", async () => {
    const error = await rejectionOf(
      stopWith({ accessKeyId: "ASIATEMP", secretAccessKey: "temp-secret", sessionToken: "other" }),
    );
    assert.equal(error.name, "UnrecognizedClientException");
    assert.equal(error.$metadata.httpStatusCode, 403);
  });

  it("fails when the access key is unknown (UnrecognizedClientException, 403)", async () => {
    const error = await rejectionOf(stopWith({ accessKeyId: "AKIDUNKNOWN", secretAccessKey: "x" }));
    assert.equal(error.name, "UnrecognizedClientException");
    assert.equal(error.message, "The security token included in the request is invalid.");
    assert.equal(error.$metadata.httpStatusCode, 403);
  });

  it("fails when the secret is wrong (InvalidSignatureException, 403)", async () => {
    const error = await rejectionOf(
      stopWith({ accessKeyId: "AKIDEMULATOR", secretAccessKey: "wrong-secret" }),
    );
    assert.equal(error.name, "InvalidSignatureException");
    assert.equal(error.message, BAD_SIGNATURE);
    assert.equal(error.$metadata.httpStatusCode, 403);
  });

  it("fails when a GET is signed with the wrong secret", async () => {
    const client = connectClient(emulator, {
      credentials: { accessKeyId: "AKIDEMULATOR", secretAccessKey: "wrong-secret" },
    });
    const error = await rejectionOf(
      client.send(new DescribeContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId: "c" })),
    );
    client.destroy();
    assert.equal(error.name, "InvalidSignatureException");
  });

  it("fails when the request is unsigned (MissingAuthenticationTokenException, 403)", async () => {
    const response = await fetch(`${emulator.endpoint}/contact/stop`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ InstanceId: DEMO_INSTANCE_ID, ContactId: "nope" }),
    });
    assert.equal(response.status, 403);
    assert.equal(response.headers.get("x-amzn-ErrorType"), "MissingAuthenticationTokenException");
    assert.match(response.headers.get("x-amzn-RequestId") ?? "", UUID);
    assert.deepEqual(await response.json(), { Message: "Missing Authentication Token" });
  });

  it("fails when the body was changed after signing", async () => {
    const response = await signedFetch(emulator, "/contact/stop", {
      body: JSON.stringify({ InstanceId: DEMO_INSTANCE_ID, ContactId: "nope" }),
      sentBody: JSON.stringify({ InstanceId: DEMO_INSTANCE_ID, ContactId: "nopf" }),
      headers: { "content-type": "application/json" },
    });
    assert.equal(response.status, 403);
    assert.equal(response.headers.get("x-amzn-ErrorType"), "InvalidSignatureException");
    assert.deepEqual(await response.json(), {
      Message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
    });
  });

  it("fails when the signature is scoped to another service", async () => {
    const now = new Date()
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
    const response = await fetch(`${emulator.endpoint}/contact/stop`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `AWS4-HMAC-SHA256 Credential=AKIDEMULATOR/${now.slice(0, 8)}/us-east-1/sqs/aws4_request, SignedHeaders=host;x-amz-date, Signature=${"0".repeat(64)}`,
        "x-amz-date": now,
      },
      body: "{}",
    });
    assert.equal(response.status, 403);
    assert.equal(response.headers.get("x-amzn-ErrorType"), "InvalidSignatureException");
    assert.deepEqual(await response.json(), {
      Message: "Credential should be scoped to correct service: 'connect'.",
    });
  });

  it("fails when the signing time is more than 15 minutes away", async () => {
    const response = await fetch(`${emulator.endpoint}/contact/stop`, {
      method: "POST",
      headers: {
        authorization: `AWS4-HMAC-SHA256 Credential=AKIDEMULATOR/20200101/us-east-1/connect/aws4_request, SignedHeaders=host;x-amz-date, Signature=${"0".repeat(64)}`,
        "x-amz-date": "20200101T000000Z",
      },
    });
    assert.equal(response.status, 403);
    assert.equal(response.headers.get("x-amzn-ErrorType"), "InvalidSignatureException");
  });
});
