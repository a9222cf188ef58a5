import * as fs from "fs";
import * as path from "path";

/**
 * This package's version: the native plugin's, and the one its resource asks the engine for. Read
 * from the package's own package.json, found upward from this file (it sits at a different depth
 * in the sources and in dist/).
 */
export function packageVersion(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as {
        name?: string;
        version: string;
      };
      if (manifest.name === "pulumi-connect-outbound-chat") return manifest.version;
    }
  }
  throw new Error(
    "pulumi-connect-outbound-chat: its package.json was not found above " + __dirname,
  );
}
