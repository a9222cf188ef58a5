import assert from "node:assert/strict";
import { randomAllocationSpread } from "../../bench/stats";

describe("bench statistics", () => {
  describe("randomAllocationSpread", () => {
    it("is 1 for one host, whatever the luck", () => {
      assert.deepEqual(randomAllocationSpread(1, 60, 2, 5, 1.5, 50), { mean: 1, withinGoal: 1 });
    });

    it("is 2 for two hosts of one call each: tokens at 1 s and 2 s", () => {
      assert.deepEqual(randomAllocationSpread(2, 2, 1, 0, 1.5, 50), { mean: 2, withinGoal: 0 });
    });

    it("grows with the hosts that share the bucket", () => {
      const two = randomAllocationSpread(2, 120, 2, 5, 1.5);
      const eight = randomAllocationSpread(8, 120, 2, 5, 1.5);
      assert.ok(two.mean > 1 && two.mean < 1.2, `K=2 mean ${two.mean}`);
      assert.ok(eight.mean > 1.4 && eight.mean < 1.8, `K=8 mean ${eight.mean}`);
      assert.ok(eight.withinGoal > 0.3 && eight.withinGoal < 0.65, `K=8 ${eight.withinGoal}`);
      assert.equal(two.withinGoal, 1);
    });
  });
});
