/**
 * The native provider: Pulumi's gRPC `ResourceProvider` service for the package
 * `connect-outbound-chat`, served from the same lifecycle core as the dynamic provider
 * (`../lifecycle.ts`: validation, the ClientToken, pacing and redaction are the core's). This layer
 * only translates: the wire's secrets and unknowns (`wire.ts`), provider configuration into the
 * AWS settings (`../settings.ts`), and the core's answers into the protocol's messages, with a
 * detailed diff naming each changed property.
 *
 * `@pulumi/pulumi/provider`'s `main()` is not used: it drops provider configuration (Configure's
 * variables never reach a provider's methods) and answers Diff without a detailed diff.
 */
import type * as grpc from "@grpc/grpc-js";
import type * as providerProto from "@pulumi/pulumi/proto/provider_pb";
import { SECRET_INPUTS, SECRET_OUTPUTS } from "../arguments";
import { isRecord } from "../canonical";
import { classifyChanges, containsUnknown } from "../diff-rules";
import { importContact } from "../contact-import";
import * as lifecycle from "../lifecycle";
import { RESOURCE_TOKEN, schemaText } from "../schema";
import { configureSettings, settingsFromProviderConfig } from "../settings";
import { ContactInputs, ContactOutputs, InputProblem } from "../types";
import { fromWire, toWire } from "./wire";

/** The modules of the protocol, loaded from the @pulumi/pulumi the provider runs beside. */
export interface Protocol {
  readonly grpc: typeof grpc;
  readonly proto: typeof providerProto;
  readonly plugin: typeof import("@pulumi/pulumi/proto/plugin_pb");
  readonly services: typeof import("@pulumi/pulumi/proto/provider_grpc_pb");
  readonly struct: typeof import("google-protobuf/google/protobuf/struct_pb");
  readonly empty: typeof import("google-protobuf/google/protobuf/empty_pb");
}

type Call<Request> = grpc.ServerUnaryCall<Request, unknown>;
type Callback<Response> = (error: Error | null, response?: Response) => void;

/** Keys the engine or the dynamic provider keep in a resource's properties that are no argument. */
const NOT_ARGUMENTS = ["__provider", "__urn"];

/** The provider's version, as the plugin reports it. */
export interface ServerOptions {
  readonly version: string;
}

/** The service's handlers: one per RPC the engine calls; the others answer UNIMPLEMENTED. */
export function resourceProvider(protocol: Protocol, options: ServerOptions) {
  const { proto, struct } = protocol;

  const toStruct = (value: Record<string, unknown>) => struct.Struct.fromJavaScript(value as never);
  const plain = (value: { toJavaScript(): unknown } | undefined): Record<string, unknown> => {
    const js = value?.toJavaScript();
    return isRecord(js) ? js : {};
  };

  /** Answers a call with the result of `handle`, or with its error's message as gRPC UNKNOWN. */
  function unary<Request, Response>(handle: (request: Request) => Promise<Response> | Response) {
    return (call: Call<Request>, callback: Callback<Response>) => {
      Promise.resolve()
        .then(() => handle(call.request))
        .then(
          (response) => callback(null, response),
          (error: unknown) =>
            callback(
              Object.assign(new Error(error instanceof Error ? error.message : String(error)), {
                code: protocol.grpc.status.UNKNOWN,
              }),
            ),
        );
    };
  }

  function requireResourceType(type: string) {
    if (type !== "" && type !== RESOURCE_TOKEN) {
      throw new Error(
        `connect-outbound-chat has no resource type ${type}; it has ${RESOURCE_TOKEN}.`,
      );
    }
  }

  /** The outputs for the engine: the secret arguments, the token, and whatever came in secret. */
  function outputsToWire(outputs: ContactOutputs, secretNames: Set<string>) {
    return toStruct(
      toWire(outputs as unknown as Record<string, unknown>, [...SECRET_OUTPUTS, ...secretNames]),
    );
  }

  return {
    getPluginInfo: unary(() => new protocol.plugin.PluginInfo().setVersion(options.version)),

    getSchema: unary((request: providerProto.GetSchemaRequest) => {
      if (request.getVersion() !== 0) {
        throw new Error(`unsupported schema version ${request.getVersion()}`);
      }
      return new proto.GetSchemaResponse().setSchema(schemaText());
    }),

    checkConfig: unary((request: providerProto.CheckRequest) => {
      const news = plain(request.getNews());
      const failures: InputProblem[] = [];
      try {
        settingsFromProviderConfig(fromWire(news).values);
      } catch (error) {
        const setting = (error as { setting?: string }).setting ?? "";
        failures.push({ property: setting, reason: (error as Error).message });
      }
      return new proto.CheckResponse()
        .setInputs(toStruct(news))
        .setFailuresList(failures.map((failure) => checkFailure(proto, failure)));
    }),

    // Settings change where calls go, never what a contact is: no change replaces a contact. So a
    // stack that moves its contacts from the dynamic provider (whose default provider has no
    // settings) to this one replaces nothing.
    diffConfig: unary((request: providerProto.DiffRequest) => {
      const olds = fromWire(plain(request.getOldInputs() ?? request.getOlds())).values;
      const news = fromWire(plain(request.getNews())).values;
      const changed = [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter(
        (key) => key !== "version" && JSON.stringify(olds[key]) !== JSON.stringify(news[key]),
      );
      return new proto.DiffResponse()
        .setChanges(
          changed.length > 0
            ? proto.DiffResponse.DiffChanges.DIFF_SOME
            : proto.DiffResponse.DiffChanges.DIFF_NONE,
        )
        .setDiffsList(changed);
    }),

    configure: unary((request: providerProto.ConfigureRequest) => {
      const args = request.getArgs();
      const config = args
        ? fromWire(plain(args)).values
        : Object.fromEntries(
            // Lists and objects arrive as JSON text, which the settings read as JSON.
            [...request.getVariablesMap().entries()].map(([key, value]) => [
              key.slice(key.lastIndexOf(":") + 1),
              value,
            ]),
          );
      configureSettings(settingsFromProviderConfig(config));
      return new proto.ConfigureResponse()
        .setAcceptsecrets(true)
        .setAcceptresources(false)
        .setSupportspreview(false);
    }),

    check: unary((request: providerProto.CheckRequest) => {
      requireResourceType(request.getType());
      const olds = fromWire(withoutInternals(plain(request.getOlds()))).values;
      const given = withoutInternals(plain(request.getNews()));
      const { failures } = lifecycle.check(
        olds,
        fromWire(given).values as unknown as ContactInputs,
      );
      // The personal data is secret whether or not the program wrapped it (a YAML program
      // cannot): the engine then keeps it secret in state and in every plan it prints.
      const inputs = toWire(
        given,
        SECRET_INPUTS.filter((name) => given[name] !== undefined),
      );
      return new proto.CheckResponse()
        .setInputs(toStruct(inputs))
        .setFailuresList(failures.map((failure) => checkFailure(proto, failure)));
    }),

    diff: unary((request: providerProto.DiffRequest) => {
      requireResourceType(request.getType());
      const olds = fromWire(withoutInternals(plain(request.getOlds()))).values;
      const news = fromWire(plain(request.getNews())).values;
      for (const ignored of request.getIgnorechangesList()) {
        // ignoreChanges names top-level arguments here; the engine has applied deeper paths.
        if (ignored in olds || ignored in news) news[ignored] = olds[ignored];
      }
      const outputs = olds as unknown as ContactOutputs;
      const inputs = news as unknown as ContactInputs;
      const { replaces, updates } = classifyChanges(outputs, inputs);
      const detailed = new Map<string, providerProto.PropertyDiff>();
      const Kind = proto.PropertyDiff.Kind;
      for (const [names, replacing] of [
        [replaces, true],
        [updates, false],
      ] as const) {
        for (const name of names) {
          const was = olds[name] !== undefined;
          const is = news[name] !== undefined || containsUnknown(news[name]);
          const kind = !was
            ? replacing
              ? Kind.ADD_REPLACE
              : Kind.ADD
            : !is
              ? replacing
                ? Kind.DELETE_REPLACE
                : Kind.DELETE
              : replacing
                ? Kind.UPDATE_REPLACE
                : Kind.UPDATE;
          detailed.set(name, new proto.PropertyDiff().setKind(kind).setInputdiff(true));
        }
      }
      const response = new proto.DiffResponse()
        .setChanges(
          detailed.size > 0
            ? proto.DiffResponse.DiffChanges.DIFF_SOME
            : proto.DiffResponse.DiffChanges.DIFF_NONE,
        )
        .setReplacesList(replaces)
        .setDiffsList([...detailed.keys()])
        .setStablesList(replaces.length === 0 ? [...lifecycle.STABLE_OUTPUTS] : [])
        .setDeletebeforereplace(false)
        .setHasdetaileddiff(true);
      for (const [name, diff] of detailed) response.getDetaileddiffMap().set(name, diff);
      return response;
    }),

    create: unary(async (request: providerProto.CreateRequest) => {
      requireResourceType(request.getType());
      const { values, secretNames } = fromWire(withoutInternals(plain(request.getProperties())));
      const { id, outs } = await lifecycle.create(
        request.getUrn(),
        values as unknown as ContactInputs,
      );
      return new proto.CreateResponse().setId(id).setProperties(outputsToWire(outs, secretNames));
    }),

    read: unary(async (request: providerProto.ReadRequest) => {
      requireResourceType(request.getType());
      const stored = fromWire(withoutInternals(plain(request.getProperties())));
      const givenInputs = withoutInternals(plain(request.getInputs()));
      if (Object.keys(stored.values).length === 0) {
        // No state: `pulumi import` of a contact Pulumi did not start.
        const imported = await importContact(request.getId());
        return new proto.ReadResponse()
          .setId(imported.id)
          .setProperties(outputsToWire(imported.outs, new Set()))
          .setInputs(toStruct(toWire(imported.inputs, SECRET_INPUTS)));
      }
      const { id, props } = await lifecycle.read(
        request.getId(),
        stored.values as unknown as ContactOutputs,
      );
      const response = new proto.ReadResponse().setId(id);
      if (props !== undefined) {
        response.setProperties(outputsToWire(props, stored.secretNames));
        response.setInputs(toStruct(givenInputs));
      }
      return response;
    }),

    update: unary(async (request: providerProto.UpdateRequest) => {
      requireResourceType(request.getType());
      const olds = fromWire(withoutInternals(plain(request.getOlds()))).values;
      const news = fromWire(withoutInternals(plain(request.getNews())));
      const { outs } = await lifecycle.update(
        olds as unknown as ContactOutputs,
        news.values as unknown as ContactInputs,
      );
      return new proto.UpdateResponse().setProperties(outputsToWire(outs, news.secretNames));
    }),

    delete: unary(async (request: providerProto.DeleteRequest) => {
      requireResourceType(request.getType());
      const props = fromWire(withoutInternals(plain(request.getProperties()))).values;
      await lifecycle.deleteContact(request.getId(), props as unknown as ContactOutputs);
      return new protocol.empty.Empty();
    }),

    cancel: unary(() => new protocol.empty.Empty()),

    attach: unary(() => new protocol.empty.Empty()),
  };
}

function checkFailure(proto: typeof providerProto, failure: InputProblem) {
  return new proto.CheckFailure().setProperty(failure.property).setReason(failure.reason);
}

/** The properties without the dynamic provider's and the engine's own keys. */
function withoutInternals(properties: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...properties };
  for (const key of NOT_ARGUMENTS) delete copy[key];
  return copy;
}
