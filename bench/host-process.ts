/**
 * An adapter over the engine driver's `ProviderHost` (harness/, used read-only) for what the
 * bench needs and the driver does not expose: the host's process id (for its memory), and the time
 * each Create call takes as the engine sees it.
 *
 * The pid is found from /proc: the host is a direct child of this process running
 * `cmd/dynamic-provider`, and the one that was not there before `ProviderHost.start`. Hosts must
 * therefore be started one at a time.
 */
import { execFileSync } from "child_process";
import { readdirSync, readFileSync } from "fs";
import { HostOptions, ProviderHost } from "../harness";

export interface RunningHost {
  readonly host: ProviderHost;
  readonly pid: number;
}

function hostPids(): Set<number> {
  const pids = new Set<number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The parent pid is the second field after the parenthesised command name.
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent !== process.pid) {
        continue;
      }
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (commandLine.includes("dynamic-provider")) {
        pids.add(Number(entry));
      }
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** Starts a host (as `ProviderHost.start` does) and finds its process id. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const before = hostPids();
  const host = await ProviderHost.start(options);
  const started = [...hostPids()].filter((pid) => !before.has(pid));
  if (started.length !== 1) {
    await host.stop();
    throw new Error(
      `Expected one new provider host process, found ${started.length} (${started.join(", ")}). ` +
        "Start hosts one at a time.",
    );
  }
  return { host, pid: started[0] };
}

/** A `kB` field of /proc/<pid>/status (VmRSS, VmHWM), in bytes; 0 when unreadable. */
export function statusBytes(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Polls a process's VmRSS and keeps the highest value seen. */
export class RssSampler {
  private peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    intervalMs = 100,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  private sample(): void {
    this.peak = Math.max(this.peak, statusBytes(this.pid, "VmRSS"));
  }

  /** Stops polling; the highest VmRSS seen, in bytes. */
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peak;
  }
}

/** One Create call as the engine saw it. */
export interface TimedCreate {
  readonly urn: string;
  readonly ms: number;
  readonly ok: boolean;
  /** When the Create request was sent and answered, as `performance.now()`. */
  readonly startedAt: number;
  readonly endedAt: number;
}

/**
 * Wraps the host's `create` (on this instance only) to time every call from request to answer.
 * Returns the list the times are appended to.
 */
export function timeCreates(host: ProviderHost): TimedCreate[] {
  const times: TimedCreate[] = [];
  const create = host.create.bind(host);
  host.create = async (urn, properties, preview) => {
    const started = performance.now();
    let ok = false;
    try {
      const result = await create(urn, properties, preview);
      ok = true;
      return result;
    } finally {
      const endedAt = performance.now();
      times.push({ urn, ms: endedAt - started, ok, startedAt: started, endedAt });
    }
  };
  return times;
}

let ticksPerSecond: number | undefined;

/** CPU time (user + system) a process has used so far, in milliseconds; 0 when unreadable. */
export function cpuMs(pid: number): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
    } catch {
      ticksPerSecond = 100;
    }
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // utime and stime are fields 14 and 15; fields after the command name start at field 3.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return 0;
  }
}
