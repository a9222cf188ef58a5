/**
 * Test doubles shared by the tests (`test/`) and the benchmarks (`bench/`), each written once: a
 * fake clock that jumps from timer to timer, a fake service that throttles with a token bucket,
 * realistic AWS errors, a seeded random source, the AWS environment of a provider host pointed at
 * the emulator, the values Pulumi's engine puts on the wire for an unknown and for a secret, and
 * a way to set environment variables for a test and put them back exactly.
 *
 * Light on purpose: only types are imported from `provider/`, and from `emulator/` only its seed,
 * so that a benchmark that only wants a random source loads neither the provider nor the server.
 */
import * as path from "path";
import type { ConnectEmulator } from "../emulator";
import { DEMO_REGION } from "../emulator/seed";
import type { PacerClock } from "../provider/aws/pacing";

const REPO_ROOT = path.resolve(__dirname, "..");

// ---------------------------------------------------------------------------------------------
// Time and chance

interface Timer {
  readonly at: number;
  readonly sequence: number;
  readonly fire: () => void;
}

/** Lets every queued promise callback run (all microtasks run before the next macrotask). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A clock whose time moves only when {@link FakeClock.runUntilSettled} jumps to the next timer. */
export class FakeClock implements PacerClock {
  private time = 0;
  private sequence = 0;
  private timers: Timer[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.timers.push({
        at: this.time + Math.max(0, ms),
        sequence: this.sequence++,
        fire: resolve,
      });
    });
  }

  /** Runs timers in order until `done` settles; fails if it waits on nothing. */
  async runUntilSettled<T>(done: Promise<T>): Promise<T> {
    let finished = false;
    const outcome = done.then(
      (value) => {
        finished = true;
        return { ok: true as const, value };
      },
      (error: unknown) => {
        finished = true;
        return { ok: false as const, error };
      },
    );
    await settle();
    while (!finished) {
      if (this.timers.length === 0) {
        throw new Error(`nothing left to wait for at ${this.time} ms, yet the work is not done`);
      }
      this.timers.sort((a, b) => a.at - b.at || a.sequence - b.sequence);
      this.time = Math.max(this.time, this.timers[0].at);
      const due = this.timers.filter((timer) => timer.at <= this.time);
      this.timers = this.timers.filter((timer) => timer.at > this.time);
      for (const timer of due) {
        timer.fire();
      }
      await settle();
    }
    const settled = await outcome;
    if (!settled.ok) {
      throw settled.error;
    }
    return settled.value;
  }
}

/** A seeded random source (mulberry32), so that jitter is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// Amazon Connect, faked

/** An AWS SDK-shaped service error. */
export function awsError(
  name: string,
  httpStatusCode: number,
  message = `${name} message`,
): Error & { $metadata: { httpStatusCode: number }; $fault: string } {
  return Object.assign(new Error(message), {
    name,
    $metadata: { httpStatusCode },
    $fault: httpStatusCode >= 500 ? "server" : "client",
  });
}

/**
 * A service that admits requests with a token bucket (`ratePerSecond`, `burst`) as the request
 * arrives, half a round trip after it was sent, and answers 429 ThrottlingException otherwise. A
 * rejected request takes no token, as with Amazon Connect.
 */
export class FakeThrottlingService {
  private tokens: number;
  private tokensAt = 0;
  accepted = 0;
  throttled = 0;
  /** Time of the last accepted request's arrival, in ms. */
  lastAcceptedAt = 0;

  constructor(
    private readonly clock: FakeClock,
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly roundTripMs: number,
  ) {
    this.tokens = burst;
  }

  async request(): Promise<string> {
    await this.clock.sleep(this.roundTripMs / 2);
    const now = this.clock.now();
    this.tokens = Math.min(
      this.burst,
      this.tokens + ((now - this.tokensAt) / 1000) * this.ratePerSecond,
    );
    this.tokensAt = now;
    const admitted = this.tokens >= 1;
    if (admitted) {
      this.tokens -= 1;
      this.accepted += 1;
      this.lastAcceptedAt = now;
    } else {
      this.throttled += 1;
    }
    await this.clock.sleep(this.roundTripMs / 2);
    if (!admitted) {
      throw awsError("ThrottlingException", 429, "Rate exceeded");
    }
    return `contact-${this.accepted}`;
  }
}

// ---------------------------------------------------------------------------------------------
// The environment

/**
 * A provider host's environment for the emulator: its endpoint and key, and nothing from the
 * machine's own AWS setup (no shared config files, no instance metadata).
 *
 * @param region AWS_REGION; `null` for none
 */
export function awsEnv(
  emulator: Pick<ConnectEmulator, "endpoint" | "credentials">,
  region: string | null = DEMO_REGION,
): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_CONNECT: emulator.endpoint,
    AWS_ACCESS_KEY_ID: emulator.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: emulator.credentials.secretAccessKey,
    AWS_CONFIG_FILE: path.join(REPO_ROOT, ".no-aws-config"),
    AWS_SHARED_CREDENTIALS_FILE: path.join(REPO_ROOT, ".no-aws-credentials"),
    AWS_EC2_METADATA_DISABLED: "true",
    ...(region === null ? {} : { AWS_REGION: region }),
  };
}

/**
 * Sets (or, for `undefined`, removes) environment variables of this process, and returns a
 * function that puts back every one of them exactly as it was: its previous value, or its absence.
 */
export function setEnv(vars: Readonly<Record<string, string | undefined>>): () => void {
  const previous = Object.keys(vars).map((name) => [name, process.env[name]] as const);
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) {
      delete process.env[name];
    } else {
      process.env[name] = value;
    }
  }
  return () => {
    for (const [name, value] of previous) {
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Values on the engine's wire (@pulumi/pulumi's `runtime.unknownValue`, `specialSigKey` and
// `specialSecretSig`; `test/harness/doubles.test.ts` holds them to those)

/** The value the engine sends for an input not known yet (during a preview). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The key and value that mark a wrapped secret: `{ [SECRET_SIG_KEY]: SECRET_SIG, value }`. */
export const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** Whether a value is a wrapped secret, as it crosses the resource monitor. */
export function isWrappedSecret(value: unknown): value is { value: unknown } {
  return (
    value !== null &&
    typeof value === "object" &&
    (value as Record<string, unknown>)[SECRET_SIG_KEY] === SECRET_SIG
  );
}
