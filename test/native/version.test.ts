import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { packageVersion } from "../../provider/native/version";

const SOURCE = path.resolve(__dirname, "../../provider/native/version.ts");

/** Loads a copy of version.ts placed at `dir`, as it sits at another depth in dist/. */
function packageVersionAt(dir: string): () => string {
  mkdirSync(dir, { recursive: true });
  const copy = path.join(dir, "version.ts");
  copyFileSync(SOURCE, copy);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(copy) as typeof import("../../provider/native/version")).packageVersion;
}

describe("packageVersion", () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "package-version-"));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it("is the version in this package's package.json", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const manifest = require("../../package.json") as { version: string };
    assert.equal(packageVersion(), manifest.version);
  });

  it("passes over the package.json of another package on the way up", () => {
    writeFileSync(
      path.join(root, "package.json"),
      JSON.stringify({ name: "pulumi-connect-outbound-chat", version: "9.8.7" }),
    );
    const version = packageVersionAt(path.join(root, "dist", "provider", "native"));
    writeFileSync(
      path.join(root, "dist", "package.json"),
      JSON.stringify({ name: "other", version: "0.0.1" }),
    );
    assert.equal(version(), "9.8.7");
  });

  it("fails when no package.json above it is this package's", () => {
    const dir = path.join(root, "provider", "native");
    const version = packageVersionAt(dir);
    assert.throws(() => version(), {
      message: `pulumi-connect-outbound-chat: its package.json was not found above ${dir}`,
    });
  });
});
