import assert from "node:assert/strict";
import { InFlightLimit, type Place, type WaitingLine } from "../../provider/aws/in-flight";
import { MIN_RATE_PER_SECOND, RateController } from "../../provider/aws/rate";

describe("RateController", () => {
  it("lets every call start at once until the first throttle", () => {
    const rate = new RateController();
    for (let i = 0; i < 50; i += 1) {
      assert.equal(rate.secondsUntilStart(0), 0);
      rate.started(0);
    }
    assert.equal(rate.ratePerSecond, Number.POSITIVE_INFINITY);
  });

  it("starts from 0.85 × the successes of the last second at the first throttle", () => {
    const rate = new RateController();
    const starts = [0, 100, 200, 300, 400, 500, 600, 700, 800, 900].map((at) => rate.started(at));
    for (const at of [150, 250, 350, 450]) {
      rate.succeeded(at);
    }
    rate.throttled(starts[9], 1000);
    assert.equal(rate.ratePerSecond, 4 * 0.85);
  });

  it("starts from the rate of starts when nothing succeeded (another client drained the bucket)", () => {
    const rate = new RateController();
    const starts = [500, 600, 700].map((at) => rate.started(at));
    rate.throttled(starts[2], 1000);
    assert.equal(rate.ratePerSecond, 3 * 0.85);
  });

  it("cuts once per round trip: a throttle of a start before the last cut does not cut again", () => {
    const rate = new RateController();
    const early = [rate.started(0), rate.started(0), rate.started(0)];
    rate.succeeded(10);
    rate.succeeded(10);
    rate.throttled(early[2], 20);
    const afterFirstCut = rate.ratePerSecond;
    rate.throttled(early[0], 30);
    rate.throttled(early[1], 30);
    assert.equal(rate.ratePerSecond, afterFirstCut);
    assert.equal(rate.secondsUntilStart(2000), 0);
    const late = rate.started(2000);
    rate.throttled(late, 2100);
    assert.equal(rate.ratePerSecond, afterFirstCut * 0.85);
  });

  it("never cuts below 0.5 requests per second, and adds 0.5 per success", () => {
    const rate = new RateController();
    rate.throttled(rate.started(0), 5000);
    assert.equal(rate.ratePerSecond, MIN_RATE_PER_SECOND);
    rate.succeeded(6000);
    assert.equal(rate.ratePerSecond, MIN_RATE_PER_SECOND + 0.5);
  });

  it("spaces starts by the rate once limited, banking at most one", () => {
    const rate = new RateController();
    rate.throttled(rate.started(0), 5000); // 0.5/s, no token banked
    assert.equal(rate.secondsUntilStart(5000), 2);
    assert.equal(rate.secondsUntilStart(7000), 0);
    assert.equal(rate.secondsUntilStart(7000), 2);
    assert.equal(rate.secondsUntilStart(100_000), 0);
    assert.equal(rate.secondsUntilStart(100_000), 2);
  });

  it("waits about one start's spacing, at most a second, before a throttled call goes back", () => {
    const rate = new RateController();
    assert.equal(rate.retryWaitMs(0.5), 0);
    rate.throttled(rate.started(0), 5000);
    assert.equal(rate.retryWaitMs(0), 500);
    assert.equal(rate.retryWaitMs(0.5), 1000);
  });
});

describe("InFlightLimit", () => {
  /** A line whose calls start one at a time, recording the order in which lines were asked. */
  function line(label: string, places: Place[], limit: InFlightLimit, log: string[]): WaitingLine {
    return {
      oldestWaiting: () => places[0],
      startWaiting: () => {
        while (places.length > 0 && limit.hasFreeSlot()) {
          places.shift();
          limit.take();
          log.push(label);
        }
      },
    };
  }

  it("hands a freed slot to the line whose oldest call was paced first", () => {
    const limit = new InFlightLimit();
    limit.setMax(1);
    limit.take();
    const log: string[] = [];
    const newer = line("newer", [{ firstPacedAt: 20, sequence: 0 }], limit, log);
    const older = line("older", [{ firstPacedAt: 10, sequence: 1 }], limit, log);
    limit.enlist(newer);
    limit.enlist(older);
    limit.release();
    assert.deepEqual(log, ["older"]);
    limit.release();
    assert.deepEqual(log, ["older", "newer"]);
  });

  it("orders calls paced at the same time by sequence", () => {
    const limit = new InFlightLimit();
    limit.setMax(1);
    limit.take();
    const log: string[] = [];
    const first = line("first", [{ firstPacedAt: 5, sequence: limit.nextSequence() }], limit, log);
    const second = line(
      "second",
      [{ firstPacedAt: 5, sequence: limit.nextSequence() }],
      limit,
      log,
    );
    limit.enlist(second);
    limit.enlist(first);
    limit.release();
    assert.deepEqual(log, ["first"]);
  });
});
