/**
 * Throughput check of the emulator (a script, not a test): 50 concurrent SDK clients drive
 * StartOutboundChatContact + DescribeContact at a target rate for a fixed time, checking every
 * answer. Prints the achieved rate and the error count; exits 1 if any answer was wrong or the
 * target rate was not held.
 *
 *   npx ts-node --transpile-only bench/emulator-throughput.ts [--seconds 10] [--rate 200] [--clients 50]
 */
import { parseArgs } from "node:util";
import {
  ConnectClient,
  DescribeContactCommand,
  StartOutboundChatContactCommand,
} from "@aws-sdk/client-connect";
import {
  DEMO_CONTACT_FLOW_ID,
  DEMO_INSTANCE_ID,
  DEMO_PHONE_NUMBER_ARN,
  DEMO_SEED,
  startConnectEmulator,
} from "../emulator";

const UNLIMITED = { ratePerSecond: 100_000, burst: 100_000 };

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      seconds: { type: "string", default: "10" },
      rate: { type: "string", default: "200" },
      clients: { type: "string", default: "50" },
    },
  });
  const seconds = Number(values.seconds);
  const targetRate = Number(values.rate);
  const clientCount = Number(values.clients);
  const emulator = await startConnectEmulator({
    seed: DEMO_SEED,
    activeChatLimit: 1_000_000,
    rateLimits: {
      StartOutboundChatContact: UNLIMITED,
      DescribeContact: UNLIMITED,
      StopContact: UNLIMITED,
      UpdateContactAttributes: UNLIMITED,
    },
  });
  const clients = Array.from(
    { length: clientCount },
    () =>
      new ConnectClient({
        endpoint: emulator.endpoint,
        region: "us-east-1",
        credentials: emulator.credentials,
        maxAttempts: 1,
      }),
  );
  let requests = 0;
  let errors = 0;
  let wrong = 0;
  const latencies: number[] = [];
  const started = Date.now();
  const deadline = started + seconds * 1000;
  // Each client paces itself so that all clients together send `targetRate` requests/s.
  const intervalMs = (1000 * clientCount) / targetRate;

  async function worker(client: ConnectClient, index: number): Promise<void> {
    let next = started + (index * intervalMs) / clientCount;
    let sequence = 0;
    while (Date.now() < deadline) {
      const wait = next - Date.now();
      if (wait > 0) {
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
      next += intervalMs * 2;
      const token = `bench-${index}-${sequence++}`;
      const t0 = performance.now();
      try {
        const { ContactId } = await client.send(
          new StartOutboundChatContactCommand({
            InstanceId: DEMO_INSTANCE_ID,
            ContactFlowId: DEMO_CONTACT_FLOW_ID,
            SourceEndpoint: { Type: "CONNECT_PHONENUMBER_ARN", Address: DEMO_PHONE_NUMBER_ARN },
            DestinationEndpoint: { Type: "TELEPHONE_NUMBER", Address: "+14155550100" },
            SegmentAttributes: { "connect:Subtype": { ValueString: "connect:SMS" } },
            Attributes: { token },
            ClientToken: token,
          }),
        );
        requests += 1;
        const { Contact } = await client.send(
          new DescribeContactCommand({ InstanceId: DEMO_INSTANCE_ID, ContactId }),
        );
        requests += 1;
        if (Contact?.Id !== ContactId || Contact?.Attributes?.token !== token) {
          wrong += 1;
        }
      } catch {
        errors += 1;
      }
      latencies.push(performance.now() - t0);
    }
  }

  await Promise.all(clients.map((client, index) => worker(client, index)));
  const elapsedSeconds = (Date.now() - started) / 1000;
  const contacts = emulator.contacts().length;
  for (const client of clients) {
    client.destroy();
  }
  await emulator.stop();
  latencies.sort((a, b) => a - b);
  const achieved = requests / elapsedSeconds;
  const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? 0;
  console.log(
    JSON.stringify(
      {
        clients: clientCount,
        seconds: Number(elapsedSeconds.toFixed(2)),
        targetRequestsPerSecond: targetRate,
        requests,
        achievedRequestsPerSecond: Number(achieved.toFixed(1)),
        errors,
        wrongAnswers: wrong,
        contactsCreated: contacts,
        pairLatencyP99Ms: Number(p99.toFixed(1)),
      },
      null,
      2,
    ),
  );
  return errors === 0 && wrong === 0 && achieved >= targetRate * 0.95 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
