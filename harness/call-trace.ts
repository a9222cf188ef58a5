/**
 * What a provider host was asked, from the trace `trace-calls.js` writes when it is preloaded into
 * the host: by the harness (`HostOptions.env`) or by the real CLI (the CLI's environment reaches
 * the plugins it starts). The same trace from both engines is how harness/README.md compares them.
 */
import { readFileSync } from "fs";
import * as path from "path";

/** One gRPC call a host answered. Times are epoch milliseconds, on the emulator's clock. */
export interface TracedCall {
  readonly pid: number;
  /** The gRPC method: `configure`, `check`, `diff`, `create`, `update`, `read`, `delete`, … */
  readonly method: string;
  readonly urn?: string;
  readonly start: number;
  readonly end: number;
  readonly ok: boolean;
  /** With `keys`: the top-level keys of each property map the request carried. */
  readonly olds?: readonly string[];
  readonly news?: readonly string[];
  readonly oldInputs?: readonly string[];
  readonly oldOutputs?: readonly string[];
  readonly properties?: readonly string[];
  readonly inputs?: readonly string[];
  /** Configure's arguments and config variables. */
  readonly args?: readonly string[];
  readonly variables?: readonly string[];
}

/**
 * The environment that makes a host trace its calls into `file`: give it to `ProviderHost.start`
 * or to the CLI's commands. With `keys`, each line also names the keys of the property maps
 * (never a value).
 */
export function traceEnv(file: string, options: { keys?: boolean } = {}): Record<string, string> {
  return {
    NODE_OPTIONS: `--require ${path.join(__dirname, "trace-calls.js")}`,
    TRACE_CALLS_FILE: file,
    ...(options.keys ? { TRACE_CALLS_KEYS: "1" } : {}),
  };
}

/** The calls traced so far, in the order they were answered; none when the file is missing. */
export function readCallTrace(file: string): TracedCall[] {
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as TracedCall);
}

/** The most calls in flight at once, and the time-weighted mean from the first start to the last end. */
export function inFlight(calls: readonly Pick<TracedCall, "start" | "end">[]): {
  max: number;
  mean: number;
} {
  if (calls.length === 0) return { max: 0, mean: 0 };
  const events = calls
    .flatMap((call) => [
      { at: call.start, delta: 1 },
      { at: call.end, delta: -1 },
    ])
    .sort((a, b) => a.at - b.at || a.delta - b.delta);
  let current = 0;
  let max = 0;
  let area = 0;
  let last = events[0].at;
  for (const event of events) {
    area += current * (event.at - last);
    last = event.at;
    current += event.delta;
    max = Math.max(max, current);
  }
  const span = events[events.length - 1].at - events[0].at;
  return { max, mean: span > 0 ? area / span : max };
}
