/**
 * Lets a program of `examples/` import `pulumi-connect-outbound-chat` by its package name, as a
 * user's program does, while the tests run it against this repository's sources.
 */
import Module from "module";
import * as path from "path";

const PACKAGE = "pulumi-connect-outbound-chat";
const SOURCES = path.resolve(__dirname, "..", "provider", "index.ts");

type Resolve = (request: string, ...rest: unknown[]) => string;

/** Resolves the package name to the sources until the returned function is called. */
export function aliasPackageToSources(): () => void {
  const loader = Module as unknown as { _resolveFilename: Resolve };
  const original = loader._resolveFilename;
  loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
    return original.call(this, request === PACKAGE ? SOURCES : request, ...rest);
  };
  return () => {
    loader._resolveFilename = original;
  };
}
