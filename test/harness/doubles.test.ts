import { strict as assert } from "assert";
import * as rpc from "@pulumi/pulumi/runtime/rpc";
import {
  isWrappedSecret,
  SECRET_SIG,
  SECRET_SIG_KEY,
  setEnv,
  UNKNOWN,
} from "../../harness/doubles";
import { UNKNOWN as PROVIDER_UNKNOWN } from "../../provider/types";

describe("the test doubles", () => {
  it("use the values @pulumi/pulumi puts on the wire for an unknown and a secret", () => {
    assert.equal(UNKNOWN, rpc.unknownValue);
    assert.equal(SECRET_SIG_KEY, rpc.specialSigKey);
    assert.equal(SECRET_SIG, rpc.specialSecretSig);
    assert.equal(isWrappedSecret({ [rpc.specialSigKey]: rpc.specialSecretSig, value: "x" }), true);
    assert.equal(isWrappedSecret({ value: "x" }), false);
  });

  it("agree with the sentinel the provider recognises", () => {
    assert.equal(PROVIDER_UNKNOWN, UNKNOWN);
  });

  describe("setEnv", () => {
    const NAMES = ["DOUBLES_TEST_SET", "DOUBLES_TEST_UNSET"];
    afterEach(() => {
      for (const name of NAMES) {
        delete process.env[name];
      }
    });

    it("puts back a variable's previous value and a variable's absence", () => {
      process.env.DOUBLES_TEST_SET = "before";
      const restore = setEnv({ DOUBLES_TEST_SET: "during", DOUBLES_TEST_UNSET: "during" });
      assert.equal(process.env.DOUBLES_TEST_SET, "during");
      assert.equal(process.env.DOUBLES_TEST_UNSET, "during");
      restore();
      assert.equal(process.env.DOUBLES_TEST_SET, "before");
      assert.equal("DOUBLES_TEST_UNSET" in process.env, false);
    });

    it("removes a variable set to undefined, and puts it back", () => {
      process.env.DOUBLES_TEST_SET = "before";
      const restore = setEnv({ DOUBLES_TEST_SET: undefined });
      assert.equal("DOUBLES_TEST_SET" in process.env, false);
      restore();
      assert.equal(process.env.DOUBLES_TEST_SET, "before");
    });
  });
});
