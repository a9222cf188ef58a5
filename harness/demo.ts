/**
 * `npm run demo`: the root program (`program/index.ts`) through preview, up, a change, refresh and
 * destroy, with the real provider host against the Amazon Connect emulator, printed the way
 * `pulumi` prints it, with what the emulator received at each step. Phone numbers are masked.
 */
import * as path from "path";
import {
  DEMO_CONTACT_FLOW_ID,
  DEMO_INSTANCE_ID,
  DEMO_PHONE_NUMBER_ARN,
  DEMO_REGION,
  DEMO_SEED,
  startConnectEmulator,
  type ConnectEmulator,
} from "../emulator";
import { awsEnv, Engine, Operation, ProviderHost, programModule, runProgram, StepReport } from ".";

const ROOT = path.resolve(__dirname, "..");
const PROJECT = "connect-welcome";
const STACK = "dev";
const DESTINATION = "+14155550100";

const SYMBOLS: Record<Operation, string> = {
  create: "+",
  update: "~",
  replace: "+-",
  delete: "-",
  same: " ",
  read: "~",
};
const DONE: Record<Operation, string> = {
  create: "created",
  update: "updated",
  replace: "replaced",
  delete: "deleted",
  same: "unchanged",
  read: "refreshed",
};

/** Masks every phone number in E.164 form but its last two digits. */
function mask(text: string): string {
  return text.replace(
    /\+\d{6,15}/g,
    (number) => `+${"*".repeat(number.length - 3)}${number.slice(-2)}`,
  );
}

function say(line = ""): void {
  console.log(mask(line));
}

class StepFailed extends Error {
  constructor(title: string) {
    super(`"${title}" failed`);
  }
}

type Counts = Record<string, Record<string, number>>;

function callsSince(emulator: ConnectEmulator, before: Counts): string {
  const after = emulator.calls().counts;
  const lines: string[] = [];
  for (const [operation, outcomes] of Object.entries(after)) {
    for (const [outcome, count] of Object.entries(outcomes)) {
      const added = count - (before[operation]?.[outcome] ?? 0);
      if (added > 0) {
        lines.push(`${operation} ${outcome} x${added}`);
      }
    }
  }
  return lines.length === 0 ? "no call" : lines.join(", ");
}

function printReports(engine: Engine, reports: readonly StepReport[], preview: boolean): void {
  for (const report of reports) {
    const type = report.urn.split("::")[2];
    const broken = report.error !== undefined || report.failures !== undefined;
    const verb = broken ? `${report.op} failed` : preview ? report.op : DONE[report.op];
    let detail = report.id ? `contact id ${report.id}` : "";
    if (report.op === "replace" && report.oldId) {
      detail += ` (was ${report.oldId}; replaced because of ${report.replaces?.join(", ")})`;
    }
    if (report.op === "read" && report.id === "") {
      detail = "gone: removed from the stack";
    }
    say(`  ${SYMBOLS[report.op].padEnd(2)} ${type} ${report.name}  ${verb}  ${detail}`.trimEnd());
    for (const failure of report.failures ?? []) {
      say(`       error: ${failure.property}: ${failure.reason}`);
    }
    if (report.error) {
      say(`       error: ${report.error.message}`);
    }
    const resource = engine.get(report.urn);
    const outputs = resource?.outputs;
    if (!preview && outputs && report.op !== "delete") {
      const shown = [
        "contactId",
        "clientToken",
        "region",
        "instanceId",
        "initiationTimestamp",
        "disconnectTimestamp",
      ]
        .filter((key) => outputs[key] !== undefined)
        // As `pulumi up` shows a secret output: hidden.
        .map((key) =>
          resource?.secretOutputs.includes(key)
            ? `${key}: [secret]`
            : `${key}: ${String(outputs[key])}`,
        );
      say(`       outputs: ${shown.join(", ")}`);
    }
  }
}

async function main(): Promise<void> {
  const emulator = await startConnectEmulator({ seed: DEMO_SEED });
  const config: Record<string, string> = {
    "aws:region": DEMO_REGION,
    "welcome:instanceId": DEMO_INSTANCE_ID,
    "welcome:contactFlowId": DEMO_CONTACT_FLOW_ID,
    "welcome:sourcePhoneNumberArn": DEMO_PHONE_NUMBER_ARN,
    "welcome:destination": DESTINATION,
  };
  const host = await ProviderHost.start({
    cwd: ROOT,
    config,
    env: awsEnv(emulator),
  });
  const engine = new Engine(host);
  const program = programModule(path.join(ROOT, "program", "index.ts"));
  const run = (preview: boolean) =>
    runProgram(program, {
      project: PROJECT,
      stack: STACK,
      config,
      secretConfig: ["welcome:destination"],
      preview,
    });
  let failed = false;

  async function step(title: string, action: () => Promise<StepReport[]>, preview = false) {
    say(`${title} (${STACK}):`);
    const before = emulator.calls().counts;
    const started = Date.now();
    const reports = await action();
    printReports(engine, reports, preview);
    failed ||= reports.some((report) => report.error || report.failures);
    say(`  emulator received: ${callsSince(emulator, before)}`);
    say(`  ${engine.resources.length} resource(s) in the stack; ${Date.now() - started} ms`);
    say();
    if (failed) {
      throw new StepFailed(title);
    }
  }

  try {
    say(`Connect emulator at ${emulator.endpoint}; provider host on port ${host.port}`);
    say();
    await step("Previewing update", async () => engine.preview(await run(true)), true);
    await step("Updating", async () => engine.up(await run(false)));
    await step("Updating again, nothing changed", async () => engine.up(await run(false)));
    config["welcome:message"] = "Welcome aboard! Your account is ready.";
    say("$ pulumi config set welcome:message 'Welcome aboard! Your account is ready.'");
    await step("Previewing update", async () => engine.preview(await run(true)), true);
    await step("Updating", async () => engine.up(await run(false)));
    const chatMinutes = Math.max(0, ...emulator.contacts().map((c) => c.chatDurationInMinutes));
    emulator.advanceClock((chatMinutes + 1) * 60_000);
    say(`(emulator clock moved ${chatMinutes + 1} minutes on: the chats have ended)`);
    await step("Refreshing", () => engine.refresh());
    await step("Destroying", () => engine.destroy());
  } catch (error) {
    if (!(error instanceof StepFailed)) {
      throw error;
    }
    say(`Stopped: ${error.message}.`);
    if (engine.resources.length > 0) {
      await engine.destroy();
    }
  } finally {
    say("Contacts the emulator knows:");
    for (const contact of emulator.contacts()) {
      say(
        `  ${contact.contactId}  ${contact.state.padEnd(7)}  to ${contact.destinationAddressMasked}  token hash ${contact.clientTokenHash?.slice(0, 12)}…`,
      );
    }
    if (host.stderr.includes(DESTINATION) || host.stdout.includes(DESTINATION)) {
      say("The provider host printed the destination phone number!");
      failed = true;
    }
    await host.stop();
    await emulator.stop();
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(mask(error instanceof Error ? (error.stack ?? error.message) : String(error)));
  process.exit(1);
});
