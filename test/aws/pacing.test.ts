import assert from "node:assert/strict";
import { isPacingDeadlineError } from "../../provider/aws/api-error";
import { InFlightLimit } from "../../provider/aws/in-flight";
import { pacerFor, Pacer } from "../../provider/aws/pacing";
import { MIN_RATE_PER_SECOND } from "../../provider/aws/rate";
import { DEADLINE_ENV, MAX_IN_FLIGHT_ENV } from "../../provider/aws/settings";
import {
  awsError,
  FakeClock,
  FakeThrottlingService,
  seededRandom,
  settle,
} from "../../harness/doubles";
import { freshProvider } from "../../harness/fresh-provider";

/** No jitter: each start takes exactly one token of the pacer's bucket. */
const even = () => 0.5;

interface Burst {
  readonly calls: number;
  readonly ratePerSecond: number;
  readonly burst: number;
  readonly roundTripMs: number;
}

/** Issues every call at once through a fresh pacer against the fake service; returns the outcome. */
async function simulate(row: Burst, seed = 1) {
  const clock = new FakeClock();
  const service = new FakeThrottlingService(clock, row.ratePerSecond, row.burst, row.roundTripMs);
  const pacer = new Pacer({ clock, random: seededRandom(seed), maxInFlight: 16 });
  const results = await clock.runUntilSettled(
    Promise.allSettled(
      Array.from({ length: row.calls }, () => pacer.paced(() => service.request())),
    ),
  );
  return {
    elapsedMs: clock.now(),
    failures: results.filter((result) => result.status === "rejected").length,
    service,
  };
}

describe("Pacer", () => {
  describe("a burst of creates against a service with a token bucket", () => {
    const rows: Burst[] = [
      { calls: 300, ratePerSecond: 20, burst: 20, roundTripMs: 100 },
      { calls: 300, ratePerSecond: 20, burst: 20, roundTripMs: 20 },
      { calls: 300, ratePerSecond: 20, burst: 20, roundTripMs: 300 },
      { calls: 60, ratePerSecond: 2, burst: 5, roundTripMs: 100 },
      { calls: 60, ratePerSecond: 2, burst: 5, roundTripMs: 20 },
      { calls: 60, ratePerSecond: 2, burst: 5, roundTripMs: 300 },
    ];
    for (const row of rows) {
      const idealMs = ((row.calls - row.burst) / row.ratePerSecond) * 1000;
      it(
        `completes ${row.calls} calls at ${row.ratePerSecond}/s burst ${row.burst} ` +
          `(round trip ${row.roundTripMs} ms) within ${Math.round(idealMs / 0.95)} ms, all succeeding`,
        async () => {
          for (const seed of [1, 2, 3]) {
            const { elapsedMs, failures, service } = await simulate(row, seed);
            assert.equal(failures, 0);
            assert.equal(service.accepted, row.calls);
            assert.ok(
              idealMs / elapsedMs >= 0.95,
              `seed ${seed}: took ${elapsedMs} ms, ideal ${idealMs} ms (${(idealMs / elapsedMs).toFixed(3)})`,
            );
          }
        },
      );
    }

    it("does not flood the service: at most a few throttled requests per accepted one", async () => {
      const { service } = await simulate({
        calls: 300,
        ratePerSecond: 20,
        burst: 20,
        roundTripMs: 100,
      });
      assert.ok(service.throttled < service.accepted, `${service.throttled} throttled`);
    });

    it("recovers when another client already drained the service's bucket", async () => {
      const clock = new FakeClock();
      const service = new FakeThrottlingService(clock, 2, 5, 100);
      // Drain the bucket as another client would have.
      for (let i = 0; i < 5; i += 1) {
        void service.request();
      }
      await settle();
      const pacer = new Pacer({ clock, random: seededRandom(4), maxInFlight: 16 });
      const results = await clock.runUntilSettled(
        Promise.allSettled(Array.from({ length: 20 }, () => pacer.paced(() => service.request()))),
      );
      assert.equal(results.filter((result) => result.status === "rejected").length, 0);
      // 20 tokens at 2/s: 10 s at best.
      assert.ok(clock.now() <= 10_000 / 0.95 + 100, `took ${clock.now()} ms`);
    });
  });

  it("never has more calls in flight than its bound", async () => {
    const clock = new FakeClock();
    const pacer = new Pacer({ clock, random: even, maxInFlight: 3 });
    let inFlight = 0;
    let most = 0;
    // Long calls: while probing, starts are 25 ms apart at first.
    const call = async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await clock.sleep(1000);
      inFlight -= 1;
    };
    await clock.runUntilSettled(Promise.all(Array.from({ length: 20 }, () => pacer.paced(call))));
    assert.equal(most, 3);
  });

  describe("pacers sharing slots", () => {
    it("never have more calls in flight together than the shared bound", async () => {
      const clock = new FakeClock();
      const limit = new InFlightLimit();
      const starts = new Pacer({ clock, limit, random: even, maxInFlight: 4 });
      const stops = new Pacer({ clock, limit, random: even, maxInFlight: 4 });
      let inFlight = 0;
      let most = 0;
      const call = (ms: number) => async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await clock.sleep(ms);
        inFlight -= 1;
      };
      await clock.runUntilSettled(
        Promise.all([
          ...Array.from({ length: 12 }, () => starts.paced(call(1000))),
          ...Array.from({ length: 12 }, () => stops.paced(call(1500))),
        ]),
      );
      assert.equal(most, 4);
    });

    it("start a call waiting for a slot when another pacer's call finishes", async () => {
      const clock = new FakeClock();
      const limit = new InFlightLimit();
      const starts = new Pacer({ clock, limit, random: even, maxInFlight: 4 });
      const stops = new Pacer({ clock, limit, random: even, maxInFlight: 4 });
      // Probing at 40/s, doubling every 250 ms: the four start at 0, 25, 48 and 69 ms.
      const busy = Array.from({ length: 4 }, (_, index) =>
        starts.paced(() => clock.sleep(1000 * (index + 1))),
      );
      let startedAt = -1;
      const waiting = clock.sleep(100).then(() =>
        stops.paced(async () => {
          startedAt = clock.now();
        }),
      );
      await clock.runUntilSettled(Promise.all([...busy, waiting]));
      assert.equal(startedAt, 1000);
    });

    it("give a freed slot to the oldest waiting call, whichever pacer freed it", async () => {
      const clock = new FakeClock();
      const limit = new InFlightLimit();
      const starts = new Pacer({ clock, limit, random: even, maxInFlight: 2 });
      const stops = new Pacer({ clock, limit, random: even, maxInFlight: 2 });
      const startedAt: Record<string, number> = {};
      const call = (label: string, ms: number) => async () => {
        startedAt[label] = clock.now();
        await clock.sleep(ms);
      };
      const work = [
        starts.paced(call("start 1", 1000)),
        starts.paced(call("start 2", 3000)),
        clock.sleep(100).then(() => stops.paced(call("stop", 10))),
        clock.sleep(200).then(() => starts.paced(call("start 3", 10))),
      ];
      await clock.runUntilSettled(Promise.all(work));
      // "start 2" waits 25 ms for its turn: while probing, starts are 1/40 s apart at first.
      assert.deepEqual(startedAt, { "start 1": 0, "start 2": 25, stop: 1000, "start 3": 1010 });
    });

    it("keep a rate each: a throttle of one pacer does not slow the other", async () => {
      const clock = new FakeClock();
      const limit = new InFlightLimit();
      const starts = new Pacer({ clock, limit, random: seededRandom(1) });
      const stops = new Pacer({ clock, limit, random: seededRandom(2) });
      let attempts = 0;
      await clock.runUntilSettled(
        starts.paced(async () => {
          attempts += 1;
          if (attempts === 1) {
            throw awsError("ThrottlingException", 429);
          }
        }),
      );
      await clock.runUntilSettled(stops.paced(async () => undefined));
      assert.ok(Number.isFinite(starts.ratePerSecond));
      assert.equal(stops.ratePerSecond, Number.POSITIVE_INFINITY);
    });
  });

  it("reads PULUMI_CONNECT_MAX_IN_FLIGHT when a call is paced", async () => {
    const saved = process.env[MAX_IN_FLIGHT_ENV];
    process.env[MAX_IN_FLIGHT_ENV] = "2";
    try {
      const clock = new FakeClock();
      const pacer = new Pacer({ clock, random: even });
      let inFlight = 0;
      let most = 0;
      const call = async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await clock.sleep(1000);
        inFlight -= 1;
      };
      await clock.runUntilSettled(Promise.all(Array.from({ length: 10 }, () => pacer.paced(call))));
      assert.equal(most, 2);
    } finally {
      restoreEnv(MAX_IN_FLIGHT_ENV, saved);
    }
  });

  it("retries the same call after a throttle and returns its result", async () => {
    const clock = new FakeClock();
    const pacer = new Pacer({ clock, random: seededRandom(1) });
    let attempts = 0;
    const result = await clock.runUntilSettled(
      pacer.paced(async () => {
        attempts += 1;
        if (attempts < 3) {
          throw awsError("TooManyRequestsException", 429);
        }
        return "contact-1";
      }),
    );
    assert.equal(result, "contact-1");
    assert.equal(attempts, 3);
  });

  describe("fails at once, without retrying, when the error is not throttling", () => {
    const rows: Array<[string, number]> = [
      ["LimitExceededException", 429],
      ["InternalServiceException", 500],
      ["AccessDeniedException", 403],
      ["InvalidRequestException", 400],
    ];
    for (const [name, status] of rows) {
      it(`fails when the call throws ${name} (HTTP ${status})`, async () => {
        const clock = new FakeClock();
        const pacer = new Pacer({ clock });
        let attempts = 0;
        await assert.rejects(
          clock.runUntilSettled(
            pacer.paced(async () => {
              attempts += 1;
              throw awsError(name, status);
            }),
          ),
          { name },
        );
        assert.equal(attempts, 1);
        assert.equal(pacer.ratePerSecond, Number.POSITIVE_INFINITY);
      });
    }
  });

  it("fails when the service keeps throttling past the deadline, with a clear error", async () => {
    const clock = new FakeClock();
    const pacer = new Pacer({ clock, random: seededRandom(2) });
    const throttle = awsError("ThrottlingException", 429, "Rate exceeded");
    let attempts = 0;
    const error = await clock
      .runUntilSettled(
        pacer.paced(
          async () => {
            attempts += 1;
            throw throttle;
          },
          { operation: "StartOutboundChatContact" },
        ),
      )
      .then(
        () => assert.fail("expected the deadline error"),
        (caught: unknown) => caught,
      );
    assert.ok(isPacingDeadlineError(error));
    // The last attempt may start up to one spacing at the lowest rate, plus a retry wait, late.
    const latest = 15 * 60 * 1000 + 1000 / MIN_RATE_PER_SECOND + 1000;
    assert.ok(clock.now() >= 15 * 60 * 1000, `gave up at ${clock.now()} ms`);
    assert.ok(clock.now() < latest, `gave up at ${clock.now()} ms`);
    assert.equal(error.attempts, attempts);
    assert.deepEqual(error.lastThrottle, {
      awsErrorName: "ThrottlingException",
      httpStatusCode: 429,
    });
    assert.match(error.message, /kept throttling StartOutboundChatContact for 15 minutes/);
    assert.match(error.message, /pulumi up --parallel 8/);
    assert.match(error.message, /higher quota/);
    assert.match(error.message, /PULUMI_CONNECT_DEADLINE_SECONDS/);
  });

  describe("the deadline", () => {
    const throttle = awsError("ThrottlingException", 429, "Rate exceeded");

    /** Paces a call that takes `callMs` and is always throttled; returns the error and when. */
    async function throttledUntilDeadline(
      pacerOptions: ConstructorParameters<typeof Pacer>[0],
      callMs: number,
      options?: Parameters<Pacer["paced"]>[1],
    ) {
      const clock = new FakeClock();
      const pacer = new Pacer({ clock, random: even, maxInFlight: 1, ...pacerOptions });
      let attempts = 0;
      const error = await clock
        .runUntilSettled(
          pacer.paced(async () => {
            attempts += 1;
            await clock.sleep(callMs);
            throw throttle;
          }, options),
        )
        .then(
          () => assert.fail("expected the deadline error"),
          (caught: unknown) => caught,
        );
      assert.ok(isPacingDeadlineError(error));
      return { error, attempts, at: clock.now() };
    }

    it("gives up as soon as a throttled call ends at the deadline, without waiting", async () => {
      const { error, attempts, at } = await throttledUntilDeadline({ deadlineMs: 1000 }, 1000);
      assert.deepEqual(
        { attempts, at, errorAttempts: error.attempts },
        {
          attempts: 1,
          at: 1000,
          errorAttempts: 1,
        },
      );
    });

    it("gives up when the wait after a throttle reaches the deadline, without another attempt", async () => {
      const { error, attempts, at } = await throttledUntilDeadline({ deadlineMs: 1000 }, 900);
      assert.deepEqual(
        { attempts, at, errorAttempts: error.attempts },
        {
          attempts: 1,
          at: 1000,
          errorAttempts: 1,
        },
      );
    });

    it("tries a call once even with a deadline of 0", async () => {
      const { attempts, at } = await throttledUntilDeadline({ deadlineMs: 0 }, 10);
      assert.deepEqual({ attempts, at }, { attempts: 1, at: 10 });
    });

    it("takes the call's deadline over the pacer's, and names the API when no operation is given", async () => {
      const { error } = await throttledUntilDeadline({ deadlineMs: 60_000 }, 1000, {
        deadlineMs: 2000,
      });
      assert.equal(error.deadlineMs, 2000);
      assert.equal(error.operation, "the Amazon Connect API");
      assert.equal(
        error.message,
        "Amazon Connect kept throttling the Amazon Connect API for 2 seconds " +
          `(${error.attempts} attempts), so the call was given up. Lower the program's ` +
          "parallelism (`pulumi up --parallel 8`), ask for a higher quota (the API's rate in " +
          "Service Quotas), or raise PULUMI_CONNECT_DEADLINE_SECONDS.",
      );
    });

    it("takes the pacer's deadline over PULUMI_CONNECT_DEADLINE_SECONDS", async () => {
      const saved = process.env[DEADLINE_ENV];
      process.env[DEADLINE_ENV] = "30";
      try {
        const { error } = await throttledUntilDeadline({ deadlineMs: 1000 }, 1000);
        assert.equal(error.deadlineMs, 1000);
      } finally {
        restoreEnv(DEADLINE_ENV, saved);
      }
    });
  });

  it("holds no slot once its line is empty", async () => {
    const clock = new FakeClock();
    const limit = new InFlightLimit();
    const pacer = new Pacer({ clock, limit, random: even, maxInFlight: 2 });
    await clock.runUntilSettled(pacer.paced(() => clock.sleep(1000)));
    // Both slots are free again: one taken here leaves one.
    limit.take();
    assert.equal(limit.hasFreeSlot(), true);
    limit.take();
    assert.equal(limit.hasFreeSlot(), false);
  });

  it("starts a retried call before calls paced after it first was", async () => {
    const clock = new FakeClock();
    const pacer = new Pacer({ clock, random: even, maxInFlight: 1 });
    const starts: string[] = [];
    let retried = false;
    const call = (label: string) => async () => {
      starts.push(label);
      await clock.sleep(100);
      if (label === "first" && !retried) {
        retried = true;
        throw awsError("ThrottlingException", 429);
      }
    };
    await clock.runUntilSettled(
      Promise.all([
        pacer.paced(call("first")),
        clock.sleep(10).then(() => pacer.paced(call("second"))),
        clock.sleep(20).then(() => pacer.paced(call("third"))),
        clock.sleep(30).then(() => pacer.paced(call("fourth"))),
      ]),
    );
    // After the throttle the rate is low: the retry is in line, ahead of the three paced later.
    assert.deepEqual(starts, ["first", "first", "second", "third", "fourth"]);
  });

  it("reads PULUMI_CONNECT_DEADLINE_SECONDS when a call is paced", async () => {
    const saved = process.env[DEADLINE_ENV];
    process.env[DEADLINE_ENV] = "30";
    try {
      const clock = new FakeClock();
      const pacer = new Pacer({ clock, random: seededRandom(3) });
      await assert.rejects(
        clock.runUntilSettled(
          pacer.paced(async () => {
            throw awsError("ThrottlingException", 429);
          }),
        ),
        /for 30 seconds/,
      );
      const latest = 30_000 + 1000 / MIN_RATE_PER_SECOND + 1000;
      assert.ok(clock.now() >= 30_000 && clock.now() < latest, `gave up at ${clock.now()} ms`);
    } finally {
      restoreEnv(DEADLINE_ENV, saved);
    }
  });

  it("fails when PULUMI_CONNECT_MAX_IN_FLIGHT is not a positive number", async () => {
    const saved = process.env[MAX_IN_FLIGHT_ENV];
    process.env[MAX_IN_FLIGHT_ENV] = "many";
    try {
      const pacer = new Pacer({ clock: new FakeClock() });
      await assert.rejects(
        pacer.paced(async () => "never"),
        /PULUMI_CONNECT_MAX_IN_FLIGHT must be a positive number, got "many"/,
      );
    } finally {
      restoreEnv(MAX_IN_FLIGHT_ENV, saved);
    }
  });
});

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) {
    delete process.env[name];
  } else {
    process.env[name] = value;
  }
}

describe("pacerFor", () => {
  it("keeps one pacer per Region and operation, as the service keeps one bucket per API", () => {
    const start = pacerFor("us-east-1", "StartOutboundChatContact");
    assert.equal(pacerFor("us-east-1", "StartOutboundChatContact"), start);
    assert.notEqual(pacerFor("us-east-1", "StopContact"), start);
    assert.notEqual(pacerFor("eu-west-2", "StartOutboundChatContact"), start);
  });

  it("bounds the calls in flight of all the process's pacers together", async () => {
    const saved = process.env[MAX_IN_FLIGHT_ENV];
    process.env[MAX_IN_FLIGHT_ENV] = "3";
    const releases: Array<() => void> = [];
    let inFlight = 0;
    let most = 0;
    const call = () =>
      new Promise<void>((resolve) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        releases.push(() => {
          inFlight -= 1;
          resolve();
        });
      });
    try {
      // A new copy of the module: the process's pacers of earlier tests are not reused.
      const fresh = freshProvider()<typeof import("../../provider/aws/pacing")>("aws/pacing");
      const pacers = [
        fresh.pacerFor("us-east-1", "StartOutboundChatContact"),
        fresh.pacerFor("us-east-1", "StopContact"),
        fresh.pacerFor("eu-west-2", "StartOutboundChatContact"),
      ];
      const done = Promise.all(pacers.flatMap((pacer) => [pacer.paced(call), pacer.paced(call)]));
      // Real time: while probing, a pacer spaces its starts 25 ms apart at first.
      for (let released = 0; released < 6;) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        const release = releases.shift();
        if (release !== undefined) {
          release();
          released += 1;
        }
      }
      await done;
      assert.equal(most, 3);
    } finally {
      restoreEnv(MAX_IN_FLIGHT_ENV, saved);
    }
  });

  /** Calls that start and wait until released, counting those started. */
  function heldCalls() {
    const releases: Array<() => void> = [];
    return {
      call: () => new Promise<void>((resolve) => releases.push(resolve)),
      started: () => releases.length,
      releaseNext: () => releases.shift()?.(),
    };
  }

  it("lets a call of another pacer wait for the one slot of the process", async () => {
    const saved = process.env[MAX_IN_FLIGHT_ENV];
    process.env[MAX_IN_FLIGHT_ENV] = "1";
    try {
      const fresh = freshProvider()<typeof import("../../provider/aws/pacing")>("aws/pacing");
      const held = heldCalls();
      const done = Promise.all([
        fresh.pacerFor("us-east-1", "StartOutboundChatContact").paced(held.call),
        fresh.pacerFor("us-east-1", "StopContact").paced(held.call),
      ]);
      await settle();
      assert.equal(held.started(), 1);
      held.releaseNext();
      await settle();
      assert.equal(held.started(), 1);
      held.releaseNext();
      await done;
    } finally {
      restoreEnv(MAX_IN_FLIGHT_ENV, saved);
    }
  });

  it("spaces the starts of a process pacer by the real clock", async () => {
    const fresh = freshProvider()<typeof import("../../provider/aws/pacing")>("aws/pacing");
    const pacer = fresh.pacerFor("us-east-1", "StartOutboundChatContact");
    const held = heldCalls();
    const startedAt: number[] = [];
    const call = () => {
      startedAt.push(Date.now());
      return held.call();
    };
    // The first start cannot be admitted before this; measured from here, a loaded machine that
    // runs the first call late cannot make the two look closer than the pacer spaced them.
    const before = Date.now();
    const done = Promise.all([pacer.paced(call), pacer.paced(call)]);
    await settle();
    // While probing, starts are 1/40 s apart at first: the second waits for the real clock.
    assert.equal(held.started(), 1);
    held.releaseNext();
    while (held.started() === 0) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    held.releaseNext();
    await done;
    assert.ok(startedAt[1] - before >= 20, `${startedAt[1] - before} ms apart`);
  });
});
