import { strict as assert } from "assert";
import { setEnv } from "../../harness/doubles";
import { freshProvider } from "../../harness/fresh-provider";
import * as sharedPacing from "../../provider/aws/pacing";

type Client = typeof import("../../provider/aws/client");
type Pacing = typeof import("../../provider/aws/pacing");
type Settings = typeof import("../../provider/settings");
type Region = typeof import("../../provider/region");

describe("freshProvider", () => {
  it("loads one copy per loader: its modules are the ones its other modules use", () => {
    const load = freshProvider();
    const pacing = load<Pacing>("aws/pacing");
    assert.equal(load<Pacing>("aws/pacing"), pacing);
    assert.equal(
      pacing.pacerFor("us-east-1", "StopContact"),
      pacing.pacerFor("us-east-1", "StopContact"),
    );
  });

  it("gives each copy process-wide state of its own", () => {
    const first = freshProvider()<Pacing>("aws/pacing");
    const second = freshProvider()<Pacing>("aws/pacing");
    assert.notEqual(first, second);
    assert.notEqual(
      first.pacerFor("us-east-1", "StopContact"),
      second.pacerFor("us-east-1", "StopContact"),
    );

    const clientsA = freshProvider()<Client>("aws/client");
    const clientsB = freshProvider()<Client>("aws/client");
    const a = clientsA.connectClient("us-east-1");
    const b = clientsB.connectClient("us-east-1");
    try {
      assert.notEqual(a, b);
      assert.equal(clientsA.connectClient("us-east-1"), a);
    } finally {
      a.destroy();
      b.destroy();
    }
  });

  it("starts a copy with nothing configured, whatever an earlier copy was told", () => {
    const restore = setEnv({
      AWS_REGION: undefined,
      AWS_DEFAULT_REGION: undefined,
      PULUMI_CONFIG: undefined,
    });
    try {
      const configured = freshProvider();
      configured<Settings>("settings").configureSettings({ region: "eu-west-2" });
      const region = configured<Region>("region").resolveRegion(
        { instanceId: "i-1" },
        undefined,
        {},
      );
      assert.equal(region, "eu-west-2");
      const fresh = freshProvider()<Region>("region");
      assert.throws(
        () => fresh.resolveRegion({ instanceId: "i-1" }, undefined, {}, () => undefined),
        /has no AWS Region/,
      );
    } finally {
      restore();
    }
  });

  it("leaves the modules imported the usual way as they were", () => {
    freshProvider()<Pacing>("aws/pacing");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    assert.equal(require("../../provider/aws/pacing"), sharedPacing);
  });
});
