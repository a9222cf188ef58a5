import assert from "node:assert/strict";
import { InFlightLimit, type Place, type WaitingLine } from "../../provider/aws/in-flight";
import {
  DECREASE_FACTOR,
  INCREASE_PER_SUCCESS,
  MIN_RATE_PER_SECOND,
  PROBE_RATE_PER_SECOND,
  RateController,
} from "../../provider/aws/rate";

/** No jitter: each start takes exactly one token. */
const even = () => 0.5;

describe("RateController", () => {
  it("probes before the first throttle: starts 40/s apart at first, doubling every 250 ms", () => {
    const rate = new RateController();
    assert.equal(rate.spacingPerSecond(0), PROBE_RATE_PER_SECOND);
    assert.equal(rate.secondsUntilStart(1000, even), 0);
    rate.started(1000);
    assert.equal(rate.secondsUntilStart(1000, even), 1 / 40);
    assert.equal(rate.spacingPerSecond(1250), 80);
    assert.equal(rate.spacingPerSecond(1500), 160);
    assert.equal(rate.spacingPerSecond(2000), 640);
    assert.equal(rate.ratePerSecond, Number.POSITIVE_INFINITY);
  });

  it("lets 16 calls start within 250 ms of the first while probing", () => {
    const rate = new RateController();
    let started = 0;
    for (let now = 0; now <= 250; now += 1) {
      while (rate.secondsUntilStart(now, even) === 0) {
        rate.started(now);
        started += 1;
      }
    }
    // ∫ 40 · 2^(t / 250 ms) dt over 250 ms = 40 · 0.25 / ln 2 ≈ 14.4 tokens, plus the one banked.
    assert.equal(started, 15);
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
    assert.equal(rate.secondsUntilStart(2000, even), 0);
    const late = rate.started(2000);
    rate.throttled(late, 2100);
    assert.equal(rate.ratePerSecond, afterFirstCut * 0.85);
  });

  it("never cuts below 0.25 requests per second, and adds 0.5 per success", () => {
    const rate = new RateController();
    rate.throttled(rate.started(0), 5000);
    assert.equal(MIN_RATE_PER_SECOND, 0.25);
    assert.equal(rate.ratePerSecond, MIN_RATE_PER_SECOND);
    rate.succeeded(6000);
    assert.equal(rate.ratePerSecond, MIN_RATE_PER_SECOND + INCREASE_PER_SUCCESS);
  });

  it("spaces starts by the rate once limited, banking at most one", () => {
    const rate = new RateController();
    rate.throttled(rate.started(0), 5000); // 0.25/s, no token banked
    assert.equal(rate.secondsUntilStart(5000, even), 4);
    assert.equal(rate.secondsUntilStart(9000, even), 0);
    assert.equal(rate.secondsUntilStart(9000, even), 4);
    assert.equal(rate.secondsUntilStart(100_000, even), 0);
    assert.equal(rate.secondsUntilStart(100_000, even), 4);
  });

  describe("jitters the spacing: a start takes 0.75 to 1.25 of a token", () => {
    const rows: Array<[random: number, tokens: number]> = [
      [0, 0.75],
      [0.5, 1],
      [0.75, 1.125],
    ];
    for (const [random, tokens] of rows) {
      it(`takes ${tokens} of a token when the random number is ${random}`, () => {
        const rate = new RateController();
        rate.throttled(rate.started(0), 5000);
        assert.equal(
          rate.secondsUntilStart(100_000, () => random),
          0,
        );
        assert.equal(rate.secondsUntilStart(100_000, even), tokens / MIN_RATE_PER_SECOND);
      });
    }
  });

  it("banks the tokens earned at the old rate before a success raises it", () => {
    const rate = new RateController();
    rate.throttled(rate.started(0), 5000); // 0.25/s, no token banked
    rate.succeeded(6000); // 0.25 of a token earned at 0.25/s, then 0.75/s
    assert.equal(rate.ratePerSecond, 0.75);
    assert.equal(rate.secondsUntilStart(6000, even), 1);
  });

  it("banks the tokens earned at the old rate before a throttle cuts it", () => {
    const rate = new RateController();
    rate.throttled(rate.started(0), 5000); // 0.25/s, no token banked
    rate.throttled(rate.started(5000), 7000); // 0.5 of a token earned, the rate stays 0.25/s
    assert.equal(rate.ratePerSecond, MIN_RATE_PER_SECOND);
    assert.equal(rate.secondsUntilStart(7000, even), 2);
  });

  it("at the first throttle, counts the successes of the last second, not one at its start", () => {
    const rate = new RateController();
    const first = rate.started(0);
    rate.started(500);
    rate.started(1000);
    rate.succeeded(500);
    rate.succeeded(1000);
    rate.succeeded(1500);
    rate.throttled(first, 2000);
    assert.equal(rate.ratePerSecond, 1 * DECREASE_FACTOR);
  });

  it("at the first throttle with no success in the last second, counts the starts in it", () => {
    const rate = new RateController();
    for (const at of [0, 1000, 1200, 1400, 1600]) {
      rate.started(at);
    }
    rate.succeeded(900);
    rate.throttled(4, 2000);
    assert.equal(rate.ratePerSecond, 3 * DECREASE_FACTOR);
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
