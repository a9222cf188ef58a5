import assert from "node:assert/strict";
import {
  InFlightLimit,
  isBefore,
  type Place,
  type WaitingLine,
} from "../../provider/aws/in-flight";

describe("isBefore", () => {
  const rows: Array<[string, Place, Place, boolean]> = [
    ["paced earlier", { firstPacedAt: 10, sequence: 1 }, { firstPacedAt: 20, sequence: 0 }, true],
    ["paced later", { firstPacedAt: 20, sequence: 0 }, { firstPacedAt: 10, sequence: 1 }, false],
    [
      "paced at once, numbered first",
      { firstPacedAt: 5, sequence: 0 },
      { firstPacedAt: 5, sequence: 1 },
      true,
    ],
    [
      "paced at once, numbered after",
      { firstPacedAt: 5, sequence: 1 },
      { firstPacedAt: 5, sequence: 0 },
      false,
    ],
    ["the same place", { firstPacedAt: 5, sequence: 1 }, { firstPacedAt: 5, sequence: 1 }, false],
  ];
  for (const [name, a, b, expected] of rows) {
    it(`is ${expected} for a call ${name}`, () => {
      assert.equal(isBefore(a, b), expected);
    });
  }
});

describe("InFlightLimit asking its lines", () => {
  /** A line with one call waiting that records each time it is asked, and takes a slot if `takes`. */
  function line(
    label: string,
    place: Place,
    limit: InFlightLimit,
    log: string[],
    takes: boolean,
  ): WaitingLine {
    return {
      oldestWaiting: () => place,
      startWaiting: () => {
        log.push(label);
        if (takes) {
          limit.take();
        }
      },
    };
  }

  it("asks a line enlisted twice once", () => {
    const limit = new InFlightLimit();
    limit.setMax(1);
    limit.take();
    const log: string[] = [];
    const waiting = line("waiting", { firstPacedAt: 0, sequence: 0 }, limit, log, false);
    limit.enlist(waiting);
    limit.enlist(waiting);
    limit.release();
    assert.deepEqual(log, ["waiting"]);
  });

  it("asks no more lines once the freed slot is taken", () => {
    const limit = new InFlightLimit();
    limit.setMax(1);
    limit.take();
    const log: string[] = [];
    limit.enlist(line("newer", { firstPacedAt: 20, sequence: 1 }, limit, log, true));
    limit.enlist(line("older", { firstPacedAt: 10, sequence: 0 }, limit, log, true));
    limit.release();
    assert.deepEqual(log, ["older"]);
  });

  it("asks the next line when the one before leaves the slot free", () => {
    const limit = new InFlightLimit();
    limit.setMax(1);
    limit.take();
    const log: string[] = [];
    limit.enlist(line("newer", { firstPacedAt: 20, sequence: 1 }, limit, log, true));
    limit.enlist(line("older", { firstPacedAt: 10, sequence: 0 }, limit, log, false));
    limit.release();
    assert.deepEqual(log, ["older", "newer"]);
  });
});
