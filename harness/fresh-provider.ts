/**
 * A fresh copy of the provider's modules for a test: `provider/` loaded anew, as a new provider
 * process starts it, with process-wide state of its own (no Amazon Connect client made yet, no
 * pacer and no rate adapted yet, nothing read from the environment yet).
 *
 * This is how tests start from a clean state without the package shipping a hook to reset its
 * state: the state stays private to its modules, and a test takes a new copy of the modules.
 */
import * as path from "path";

const PROVIDER_DIR = path.resolve(__dirname, "..", "provider");

/** Loads a module of the copy, by its path under `provider/` (`"lifecycle"`, `"aws/calls"`). */
export type ProviderLoader = <T>(name: string) => T;

/**
 * The JavaScript of each file of `provider/` as ts-node first compiled it, so that a copy is
 * loaded in milliseconds rather than compiled again (some 300 ms for the lifecycle's modules).
 */
const compiledJs: Record<string, string> = {};

type Compile = (code: string, filename: string) => unknown;
type CompilingModule = NodeJS.Module & { _compile: Compile };

/** Runs `load` with `.ts` files of `provider/` compiled once, then taken from {@link compiledJs}. */
function withCompiledOnce<T>(load: () => T): T {
  // ts-node registers its compiler for `.ts` here.
  const extensions = require.extensions;
  const tsLoader = extensions[".ts"];
  if (tsLoader === undefined) {
    return load();
  }
  extensions[".ts"] = (module, filename) => {
    const compiling = module as CompilingModule;
    const js = compiledJs[filename];
    if (js !== undefined) {
      compiling._compile(js, filename);
      return;
    }
    // ts-node wraps `_compile` to compile the source first: wrapped here before it, this one
    // receives the JavaScript.
    const compile = compiling._compile;
    compiling._compile = function (this: CompilingModule, code: string, file: string) {
      compiledJs[file] = code;
      return compile.call(this, code, file);
    };
    tsLoader(module, filename);
  };
  try {
    return load();
  } finally {
    extensions[".ts"] = tsLoader;
  }
}

function isProviderFile(file: string): boolean {
  return file.startsWith(PROVIDER_DIR + path.sep);
}

/** The modules of `provider/` in Node's module cache now, taken out of it. */
function takeProviderModules(): Array<[string, NodeJS.Module | undefined]> {
  const taken = Object.keys(require.cache)
    .filter(isProviderFile)
    .map((file): [string, NodeJS.Module | undefined] => [file, require.cache[file]]);
  for (const [file] of taken) {
    delete require.cache[file];
  }
  return taken;
}

/**
 * Takes the copies this module loaded out of its `module.children`, where Node lists every module
 * a module requires. Kept there, each copy would live as long as the process: a few hundred KB
 * each, and megabytes once instrumented, which a mutation run, loading copies in every test of
 * every mutant, would pile up into gigabytes.
 */
function forgetChildren(): void {
  const kept = module.children.filter((child) => !isProviderFile(child.filename));
  module.children.splice(0, module.children.length, ...kept);
}

/**
 * Returns a loader of a new copy of the provider's modules. The modules a loader loads, and the
 * modules they import from `provider/`, are one copy: its `aws/calls` uses its `aws/client`. Modules
 * outside `provider/` (the AWS SDK, and aws-sdk-client-mock's stubs on it) are shared with the rest
 * of the process, and whoever imported `provider/` before keeps the modules it had.
 */
export function freshProvider(): ProviderLoader {
  let copy: Array<[string, NodeJS.Module | undefined]> = [];
  return <T>(name: string): T => {
    const others = takeProviderModules();
    for (const [file, module] of copy) {
      require.cache[file] = module;
    }
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return withCompiledOnce(() => require(path.join(PROVIDER_DIR, name)) as T);
    } finally {
      forgetChildren();
      copy = takeProviderModules();
      for (const [file, module] of others) {
        require.cache[file] = module;
      }
    }
  };
}
