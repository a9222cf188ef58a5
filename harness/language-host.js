#!/usr/bin/env node
/**
 * Serves a Node.js Pulumi program to the real Pulumi CLI over the LanguageRuntime protocol, so that
 * `pulumi preview|up|refresh|destroy --client=127.0.0.1:<port>` runs it with the real engine.
 *
 * Why not `pulumi-language-nodejs`: that host is a Go module of its own
 * (github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3) which the Go module proxy
 * here does not serve (403 "This module version is not available"), so it cannot be built. What
 * serves the program instead is @pulumi/pulumi's own LanguageServer, the one the Automation API
 * uses for inline programs (automation/server.js), loaded from the program's own @pulumi/pulumi:
 * the engine, the state, the plugins and the dynamic-provider host are all the CLI's.
 *
 *   node harness/language-host.js <program file>     (cwd: the program's project folder)
 *
 * Prints the port on its first line of stdout and serves until it gets SIGTERM or SIGINT, or its
 * standard input closes. A `.ts` program is compiled with ts-node (transpile only), as
 * pulumi-language-nodejs does with `typescript: true`.
 */
"use strict";
const path = require("path");

const programFile = path.resolve(process.argv[2] || "");
const cwd = process.cwd();
const fromProgram = (name) => require(require.resolve(name, { paths: [cwd] }));

if (programFile.endsWith(".ts")) {
  fromProgram("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
}
const grpc = fromProgram("@grpc/grpc-js");
const { LanguageServer } = fromProgram("@pulumi/pulumi/automation/server");
const langrpc = fromProgram("@pulumi/pulumi/proto/language_grpc_pb");
const grpcChannelOptions = fromProgram("@pulumi/pulumi/runtime").grpcChannelOptions || {};

// The program's exports become the stack's outputs, as with pulumi-language-nodejs.
const program = async () => {
  const loaded = require(programFile);
  const exported =
    loaded && loaded.__esModule && loaded.default !== undefined ? loaded.default : loaded;
  return typeof exported === "function" ? exported() : loaded;
};

const server = new grpc.Server(grpcChannelOptions);
server.addService(langrpc.LanguageRuntimeService, new LanguageServer(program));
server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) {
    console.error(`language-host: ${error.message}`);
    process.exit(1);
  }
  process.stdout.write(`${port}\n`);
});
const stop = () => {
  server.forceShutdown();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.stdin.on("end", stop);
process.stdin.resume();
