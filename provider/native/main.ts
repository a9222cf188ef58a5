#!/usr/bin/env node
/**
 * pulumi-resource-connect-outbound-chat: the native provider plugin's process. The engine starts
 * it with its own address as the first argument; it serves the `ResourceProvider` service on a
 * free loopback port and prints the port on its first line of stdout, as every provider plugin
 * does, then serves until the engine closes it.
 *
 * The protocol's modules are loaded from the @pulumi/pulumi next to this package (its peer
 * dependency), so the plugin speaks the same protocol version as the SDK it ships beside.
 */
import * as path from "path";
import { Protocol, resourceProvider } from "./server";
import { packageVersion } from "./version";

function load<T>(name: string): T {
  const pulumiRoot = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(require.resolve(name, { paths: [pulumiRoot] })) as T;
}

function protocol(): Protocol {
  return {
    grpc: load("@grpc/grpc-js"),
    proto: load("@pulumi/pulumi/proto/provider_pb"),
    plugin: load("@pulumi/pulumi/proto/plugin_pb"),
    services: load("@pulumi/pulumi/proto/provider_grpc_pb"),
    struct: load("google-protobuf/google/protobuf/struct_pb"),
    empty: load("google-protobuf/google/protobuf/empty_pb"),
  };
}

/** Starts the provider's gRPC server on a free loopback port and returns the port. */
export async function serve(
  modules: Protocol = protocol(),
  version: string = packageVersion(),
): Promise<{ port: number; server: import("@grpc/grpc-js").Server }> {
  const server = new modules.grpc.Server({
    "grpc.max_receive_message_length": 400 * 1024 * 1024,
    "grpc.max_send_message_length": 400 * 1024 * 1024,
  });
  server.addService(
    modules.services.ResourceProviderService,
    resourceProvider(modules, {
      version,
    }),
  );
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(
      "127.0.0.1:0",
      modules.grpc.ServerCredentials.createInsecure(),
      (error, bound) => (error ? reject(error) : resolve(bound)),
    ),
  );
  return { port, server };
}

if (require.main === module) {
  serve().then(
    ({ port }) => process.stdout.write(`${port}\n`),
    (error: unknown) => {
      process.stderr.write(`pulumi-resource-connect-outbound-chat: ${String(error)}\n`);
      process.exit(1);
    },
  );
}
