/**
 * What the real-CLI tests look for: every spelling of the destination numbers and the message in
 * a text, and the emulator's calls from a point on. The project, its program, the installed
 * package and the emulator are shared with the benchmark: harness/cli-project.ts.
 */
import { ConnectEmulator } from "../../emulator";
import { CliResult, describe as describeRun } from "../../harness/cli";
import { CONTACT_MESSAGE, destinationOf, removeInstalledPackage } from "../../harness/cli-project";

// The installed package is made once for the whole run; remove it at the end (a root hook).
after(() => removeInstalledPackage());

/** Every way a state file or a plan could spell a US number: E.164, national, digits. */
export function spellingsOf(e164: string): string[] {
  const digits = e164.slice(2); // without +1
  const [area, exchange, line] = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)];
  return [
    e164,
    `1${digits}`,
    digits,
    `(${area}) ${exchange}-${line}`,
    `${area}-${exchange}-${line}`,
    `${area}.${exchange}.${line}`,
    `${area} ${exchange} ${line}`,
    `+1 ${area} ${exchange} ${line}`,
    `+1-${area}-${exchange}-${line}`,
    Buffer.from(e164).toString("base64"),
  ];
}

/** The secrets of contacts 0..count-1 found in `text`, each named by what it is (never its value). */
export function secretsIn(text: string, count: number, message = CONTACT_MESSAGE): string[] {
  const found: string[] = [];
  for (let index = 0; index < count; index += 1) {
    spellingsOf(destinationOf(index)).forEach((spelling, which) => {
      if (text.includes(spelling)) found.push(`destination ${index}, spelling ${which}`);
    });
  }
  if (text.includes(message)) found.push("the message");
  if (text.includes(Buffer.from(message).toString("base64"))) found.push("the message in base64");
  return found;
}

/** Fails with everything the command printed unless it exited 0. */
export function assertOk(result: CliResult): CliResult {
  if (result.code !== 0) {
    throw new Error(describeRun(result));
  }
  return result;
}

/** The emulator's count of one operation's answered calls with one outcome. */
export function countOf(emulator: ConnectEmulator, operation: string, outcome = "ok"): number {
  return emulator.calls().counts[operation]?.[outcome] ?? 0;
}

/** Waits until `condition` holds, polling every 25 ms. */
export async function until(
  condition: () => boolean,
  what: string,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The emulator's calls from here on: `since()` marks the log, `ops()` counts what came after. */
export function callsFrom(emulator: ConnectEmulator): {
  ops(): Record<string, number>;
  count(operation: string): number;
} {
  const start = emulator.calls().log.length;
  const ops = () => {
    const counts: Record<string, number> = {};
    for (const call of emulator.calls().log.slice(start)) {
      const key = call.outcome === "ok" ? call.operation : `${call.operation} ${call.outcome}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  };
  return { ops, count: (operation) => ops()[operation] ?? 0 };
}
