/**
 * The native provider over gRPC, as the engine calls it, against the emulator: GetSchema,
 * CheckConfig and Configure for each configuration form, Check, Diff, Create, Read (refresh and
 * import), Update and Delete, with secrets and unknowns on the wire.
 */
import { strict as assert } from "assert";
import * as grpc from "@grpc/grpc-js";
import { ConnectClient, StartOutboundChatContactCommand } from "@aws-sdk/client-connect";
import * as providerProto from "@pulumi/pulumi/proto/provider_pb";
import * as pluginProto from "@pulumi/pulumi/proto/plugin_pb";
import * as services from "@pulumi/pulumi/proto/provider_grpc_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import * as struct from "google-protobuf/google/protobuf/struct_pb";
import {
  ConnectEmulator,
  DEMO_CONTACT_FLOW_ID,
  DEMO_INSTANCE_ID,
  DEMO_PHONE_NUMBER_ARN,
  DEMO_REGION,
} from "../../emulator";
import { SECRET_SIG, SECRET_SIG_KEY, setEnv, UNKNOWN } from "../../harness/doubles";
import { fromStruct, toStruct } from "../../harness/struct";
import { freshProvider } from "../../harness/fresh-provider";
import { packageSchema } from "../../provider/schema";
import { startContactsEmulator as startEmulator } from "../../harness/cli-project";

const TYPE = "connect-outbound-chat:index:OutboundChatContact";
const URN = `urn:pulumi:dev::native::${TYPE}::welcome`;
const DESTINATION = "+12065550148";
const MESSAGE = "Hello through the native provider";
const secret = (value: unknown) => ({ [SECRET_SIG_KEY]: SECRET_SIG, value });

function inputs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    instanceId: DEMO_INSTANCE_ID,
    contactFlowId: DEMO_CONTACT_FLOW_ID,
    sourceEndpoint: { address: DEMO_PHONE_NUMBER_ARN },
    destinationEndpoint: secret({ address: DESTINATION }),
    channel: "SMS",
    initialSystemMessage: secret({ contentType: "text/plain", content: MESSAGE }),
    attributes: { tier: "gold" },
    ...overrides,
  };
}

type Client = services.ResourceProviderClient;

/** Calls one RPC and resolves with its answer. */
function rpc<Response>(
  invoke: (callback: (error: grpc.ServiceError | null, response: Response) => void) => unknown,
): Promise<Response> {
  return new Promise((resolve, reject) =>
    invoke((error, response) => (error ? reject(error) : resolve(response))),
  );
}

describe("the native provider over gRPC", function () {
  this.timeout(60_000);
  let emulator: ConnectEmulator;
  let server: grpc.Server;
  let client: Client;
  let restoreEnv: () => void;

  before(async () => {
    emulator = await startEmulator();
    // The environment gives nothing that works: only the provider's configuration reaches the
    // emulator.
    restoreEnv = setEnv({
      AWS_ENDPOINT_URL_CONNECT: "http://127.0.0.1:9",
      AWS_ACCESS_KEY_ID: "AKIDWRONGWRONGWRONG1",
      AWS_SECRET_ACCESS_KEY: "wrong",
      AWS_REGION: undefined,
      AWS_DEFAULT_REGION: undefined,
      AWS_PROFILE: undefined,
    });
  });

  // A server per test, each on a copy of provider/ of its own, as the plugin's process has: a test
  // runs alone as well as after the others, and the settings a copy is configured with and the
  // clients it makes stay out of the modules the rest of the tests use.
  beforeEach(async () => {
    const { serve } = freshProvider()<typeof import("../../provider/native/main")>("native/main");
    const started = await serve(
      {
        grpc,
        proto: providerProto,
        plugin: pluginProto,
        services,
        struct,
        empty: { Empty },
      },
      "0.1.0",
    );
    server = started.server;
    client = new services.ResourceProviderClient(
      `127.0.0.1:${started.port}`,
      grpc.credentials.createInsecure(),
    );
  });
  afterEach(() => {
    client?.close();
    server?.forceShutdown();
  });
  after(async () => {
    restoreEnv?.();
    await emulator?.stop();
  });

  const configure = (variables: Record<string, string>) => {
    const request = new providerProto.ConfigureRequest().setAcceptsecrets(true);
    for (const [key, value] of Object.entries(variables)) request.getVariablesMap().set(key, value);
    return rpc<providerProto.ConfigureResponse>((callback) => client.configure(request, callback));
  };
  const configureForEmulator = () =>
    configure({
      "connect-outbound-chat:config:region": DEMO_REGION,
      "connect-outbound-chat:config:endpoints": JSON.stringify([{ connect: emulator.endpoint }]),
      "connect-outbound-chat:config:accessKey": emulator.credentials.accessKeyId,
      "connect-outbound-chat:config:secretKey": emulator.credentials.secretAccessKey,
    });
  const check = (news: Record<string, unknown>, olds: Record<string, unknown> = {}) =>
    rpc<providerProto.CheckResponse>((callback) =>
      client.check(
        new providerProto.CheckRequest()
          .setUrn(URN)
          .setType(TYPE)
          .setOlds(toStruct(olds))
          .setNews(toStruct(news)),
        callback,
      ),
    );
  const diff = (
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
    ignore: string[] = [],
  ) =>
    rpc<providerProto.DiffResponse>((callback) =>
      client.diff(
        new providerProto.DiffRequest()
          .setId("c")
          .setUrn(URN)
          .setType(TYPE)
          .setOlds(toStruct(olds))
          .setNews(toStruct(news))
          .setIgnorechangesList(ignore),
        callback,
      ),
    );
  const create = (properties: Record<string, unknown>) =>
    rpc<providerProto.CreateResponse>((callback) =>
      client.create(
        new providerProto.CreateRequest()
          .setUrn(URN)
          .setType(TYPE)
          .setProperties(toStruct(properties)),
        callback,
      ),
    );
  const read = (
    id: string,
    properties: Record<string, unknown> = {},
    given: Record<string, unknown> = {},
  ) =>
    rpc<providerProto.ReadResponse>((callback) =>
      client.read(
        new providerProto.ReadRequest()
          .setId(id)
          .setUrn(URN)
          .setType(TYPE)
          .setProperties(toStruct(properties))
          .setInputs(toStruct(given)),
        callback,
      ),
    );

  it("answers GetSchema with the generated schema, and GetPluginInfo with the package's version", async () => {
    const schema = await rpc<providerProto.GetSchemaResponse>((callback) =>
      client.getSchema(new providerProto.GetSchemaRequest(), callback),
    );
    assert.deepEqual(JSON.parse(schema.getSchema()), packageSchema());
    const info = await rpc<pluginProto.PluginInfo>((callback) =>
      client.getPluginInfo(new Empty(), callback),
    );
    assert.equal(info.getVersion(), "0.1.0");
  });

  it("checks the configuration: @pulumi/aws's names pass, a setting it cannot use is named with its fix", async () => {
    const ok = await rpc<providerProto.CheckResponse>((callback) =>
      client.checkConfig(
        new providerProto.CheckRequest().setNews(
          toStruct({
            region: "eu-west-2",
            profile: "deploy",
            endpoints: [{ connect: "http://127.0.0.1:4599" }],
            assumeRoles: [{ roleArn: "arn:aws:iam::123456789012:role/deploy" }],
            version: "0.1.0",
          }),
        ),
        callback,
      ),
    );
    assert.deepEqual(ok.getFailuresList(), []);
    const bad = await rpc<providerProto.CheckResponse>((callback) =>
      client.checkConfig(
        new providerProto.CheckRequest().setNews(
          toStruct({ sharedCredentialsFiles: ["/a", "/b"], assumeRoles: [{ sessionName: "x" }] }),
        ),
        callback,
      ),
    );
    assert.deepEqual(
      bad.getFailuresList().map((failure) => [failure.getProperty(), failure.getReason()]),
      [
        [
          "assumeRoles",
          'assumeRoles[0] must be an object with a roleArn, such as {"roleArn": "arn:aws:iam::123456789012:role/deploy"}.',
        ],
      ],
    );
  });

  it("accepts secrets, asks for no preview, and takes its configuration from variables or args", async () => {
    const response = await configureForEmulator();
    assert.equal(response.getAcceptsecrets(), true);
    assert.equal(response.getSupportspreview(), false);
    const byArgs = await rpc<providerProto.ConfigureResponse>((callback) =>
      client.configure(
        new providerProto.ConfigureRequest().setArgs(
          toStruct({
            region: DEMO_REGION,
            endpoints: [{ connect: emulator.endpoint }],
            accessKey: secret(emulator.credentials.accessKeyId),
            secretKey: secret(emulator.credentials.secretAccessKey),
          }),
        ),
        callback,
      ),
    );
    assert.equal(byArgs.getAcceptsecrets(), true);
    assert.equal(byArgs.getAcceptresources(), false);
    assert.equal(response.getAcceptresources(), false);
  });

  it("refuses another resource type and schema version, and diffs its configuration without replacing", async () => {
    const otherType = rpc<providerProto.CheckResponse>((callback) =>
      client.check(
        new providerProto.CheckRequest().setUrn(URN).setType("aws:s3:Bucket").setNews(toStruct({})),
        callback,
      ),
    );
    await assert.rejects(otherType, {
      message:
        "2 UNKNOWN: connect-outbound-chat has no resource type aws:s3:Bucket; it has " + `${TYPE}.`,
    });
    const otherDiffType = rpc<providerProto.DiffResponse>((callback) =>
      client.diff(new providerProto.DiffRequest().setType("aws:s3:Bucket"), callback),
    );
    await assert.rejects(otherDiffType, /has no resource type aws:s3:Bucket/);
    const bucket = "aws:s3:Bucket";
    const callsBefore = emulator.calls().log.length;
    const otherTypeCalls = [
      rpc((callback) => client.create(new providerProto.CreateRequest().setType(bucket), callback)),
      rpc((callback) => client.read(new providerProto.ReadRequest().setType(bucket), callback)),
      rpc((callback) => client.update(new providerProto.UpdateRequest().setType(bucket), callback)),
      rpc((callback) => client.delete(new providerProto.DeleteRequest().setType(bucket), callback)),
    ];
    for (const call of otherTypeCalls) {
      await assert.rejects(call, /has no resource type aws:s3:Bucket/);
    }
    assert.equal(emulator.calls().log.length, callsBefore);
    await assert.rejects(
      rpc((callback) =>
        client.getSchema(new providerProto.GetSchemaRequest().setVersion(1), callback),
      ),
      { message: "2 UNKNOWN: unsupported schema version 1" },
    );
    const diffConfig = (olds: Record<string, unknown>, news: Record<string, unknown>) =>
      rpc<providerProto.DiffResponse>((callback) =>
        client.diffConfig(
          new providerProto.DiffRequest().setOldInputs(toStruct(olds)).setNews(toStruct(news)),
          callback,
        ),
      );
    const { DiffChanges } = providerProto.DiffResponse;
    const moved = await diffConfig(
      { region: "us-east-1", profile: "a", version: "0.1.0" },
      { region: "us-west-2", profile: "a", accessKey: "AKIDEXAMPLE", version: "0.2.0" },
    );
    assert.equal(moved.getChanges(), DiffChanges.DIFF_SOME);
    assert.deepEqual(moved.getDiffsList(), ["region", "accessKey"]);
    assert.deepEqual(moved.getReplacesList(), []);
    const same = await diffConfig(
      { region: "us-east-1", version: "0.1.0" },
      { region: "us-east-1" },
    );
    assert.equal(same.getChanges(), DiffChanges.DIFF_NONE);
    assert.deepEqual(same.getDiffsList(), []);
    const cancelled = await rpc((callback) => client.cancel(new Empty(), callback));
    assert.ok(cancelled instanceof Empty);
    const attached = await rpc((callback) =>
      client.attach(new pluginProto.PluginAttach().setAddress("127.0.0.1:1"), callback),
    );
    assert.ok(attached instanceof Empty);
  });

  it("takes the engine's internal properties out of the inputs it checks", async () => {
    await configureForEmulator();
    const checked = await check({ ...inputs(), __provider: "serialized", __urn: URN });
    assert.deepEqual(checked.getFailuresList(), []);
    const returned = fromStruct(checked.getInputs());
    assert.equal("__provider" in returned || "__urn" in returned, false);
    assert.deepEqual(Object.keys(returned).sort(), Object.keys(inputs()).sort());
  });

  it("checks inputs: the personal data comes back secret, unknowns pass, problems name their path", async () => {
    const plain = inputs({
      destinationEndpoint: { address: DESTINATION },
      initialSystemMessage: { contentType: "text/plain", content: MESSAGE },
    });
    const checked = await check(plain);
    assert.deepEqual(checked.getFailuresList(), []);
    const returned = fromStruct(checked.getInputs());
    assert.deepEqual(returned.destinationEndpoint, secret({ address: DESTINATION }));
    assert.deepEqual(returned.initialSystemMessage, secret(plain.initialSystemMessage));
    assert.deepEqual(returned.sourceEndpoint, { address: DEMO_PHONE_NUMBER_ARN });

    const unknown = await check(
      inputs({ destinationEndpoint: secret({ address: UNKNOWN }), contactFlowId: UNKNOWN }),
    );
    assert.deepEqual(unknown.getFailuresList(), []);

    const wrong = await check(inputs({ destinationEndpoint: secret({ address: "2065550148" }) }));
    const failures = wrong.getFailuresList().map((failure) => failure.getProperty());
    assert.deepEqual(failures, ["destinationEndpoint.address"]);
    assert.doesNotMatch(wrong.getFailuresList()[0].getReason(), /2065550148/);
    assert.equal(emulator.calls().log.length, 0);
  });

  /** The welcome contact, created (once: the same URN and inputs give the same contact). */
  const createWelcome = async () => {
    await configureForEmulator();
    const response = await create(inputs());
    return { id: response.getId(), properties: fromStruct(response.getProperties()) };
  };

  it("creates once, keeping the number, the message and the token secret in its outputs", async () => {
    await configureForEmulator();
    const response = await create(inputs());
    const properties = fromStruct(response.getProperties());
    assert.equal(emulator.contacts().length, 1);
    assert.equal(response.getId(), emulator.contacts()[0].contactId);
    assert.equal(properties.contactId, response.getId());
    assert.deepEqual(properties.destinationEndpoint, secret({ address: DESTINATION }));
    assert.deepEqual(
      properties.initialSystemMessage,
      secret({ contentType: "text/plain", content: MESSAGE }),
    );
    assert.match(String((properties.clientToken as { value: string }).value), /^[0-9a-f]{64}$/);
    assert.equal(properties.clientTokenSource, "derived");
    assert.equal(properties.region, DEMO_REGION);
    // The same URN and inputs again: the same token, the same contact, nothing sent twice.
    const again = await create(inputs());
    assert.equal(again.getId(), response.getId());
    assert.equal(emulator.contacts().length, 1);
  });

  it("diffs with a detailed diff: none, a replacing message, an attribute in place, an unknown, an ignored change", async () => {
    const created = await createWelcome();
    const { DiffChanges } = providerProto.DiffResponse;
    const Kind = providerProto.PropertyDiff.Kind;
    const kinds = (response: providerProto.DiffResponse) =>
      Object.fromEntries(
        response
          .getDetaileddiffMap()
          .getEntryList()
          .map(([key]) => [key, response.getDetaileddiffMap().get(key)?.getKind()]),
      );

    const same = await diff(created.properties, inputs());
    assert.equal(same.getChanges(), DiffChanges.DIFF_NONE);
    assert.deepEqual(same.getReplacesList(), []);
    assert.deepEqual(same.getStablesList(), ["contactId", "clientToken", "region", "instanceId"]);

    const message = await diff(
      created.properties,
      inputs({ initialSystemMessage: secret({ contentType: "text/plain", content: "Another" }) }),
    );
    assert.equal(message.getChanges(), DiffChanges.DIFF_SOME);
    assert.deepEqual(message.getReplacesList(), ["initialSystemMessage"]);
    assert.deepEqual(kinds(message), { initialSystemMessage: Kind.UPDATE_REPLACE });
    assert.deepEqual(message.getStablesList(), []);
    assert.equal(message.getDetaileddiffMap().get("initialSystemMessage")?.getInputdiff(), true);
    assert.equal(message.getDeletebeforereplace(), false);
    assert.equal(message.getHasdetaileddiff(), true);

    const attribute = await diff(created.properties, inputs({ attributes: { tier: "platinum" } }));
    assert.deepEqual(attribute.getReplacesList(), []);
    assert.deepEqual(kinds(attribute), { attributes: Kind.UPDATE });
    assert.deepEqual(attribute.getStablesList(), [
      "contactId",
      "clientToken",
      "region",
      "instanceId",
    ]);

    // An argument given, or left out, where the contact had none or had one.
    const added = await diff(created.properties, inputs({ relatedContactId: "related-1" }));
    assert.deepEqual(kinds(added), { relatedContactId: Kind.ADD_REPLACE });
    const { attributes: _attributes, ...withoutAttributes } = inputs();
    const removed = await diff(created.properties, withoutAttributes);
    assert.deepEqual(kinds(removed), { attributes: Kind.DELETE });
    const onDelete = await diff(created.properties, inputs({ onDelete: "retain" }));
    assert.deepEqual(kinds(onDelete), { onDelete: Kind.ADD });
    const ignoredAdded = await diff(created.properties, inputs({ relatedContactId: "related-1" }), [
      "relatedContactId",
    ]);
    assert.equal(ignoredAdded.getChanges(), DiffChanges.DIFF_NONE);

    const unknown = await diff(created.properties, inputs({ contactFlowId: UNKNOWN }));
    assert.deepEqual(unknown.getReplacesList(), ["contactFlowId"]);

    const ignored = await diff(created.properties, inputs({ attributes: { tier: "platinum" } }), [
      "attributes",
    ]);
    assert.equal(ignored.getChanges(), DiffChanges.DIFF_NONE);
    assert.equal(emulator.calls().counts.UpdateContactAttributes, undefined);
  });

  it("refreshes with Read: the same id, the state kept, secrets still secret", async () => {
    const created = await createWelcome();
    const response = await read(created.id, created.properties, inputs());
    assert.equal(response.getId(), created.id);
    const properties = fromStruct(response.getProperties());
    assert.deepEqual(properties.destinationEndpoint, secret({ address: DESTINATION }));
    assert.match(String(properties.initiationTimestamp), /^\d{4}-\d\d-\d\dT/);
  });

  it("imports a contact it did not start, from <instanceId>/<contactId>, with what DescribeContact gives back", async () => {
    await configureForEmulator();
    const started = await new ConnectClient({
      region: DEMO_REGION,
      endpoint: emulator.endpoint,
      credentials: emulator.credentials,
    }).send(
      new StartOutboundChatContactCommand({
        InstanceId: DEMO_INSTANCE_ID,
        ContactFlowId: DEMO_CONTACT_FLOW_ID,
        SourceEndpoint: { Type: "CONNECT_PHONENUMBER_ARN", Address: DEMO_PHONE_NUMBER_ARN },
        DestinationEndpoint: { Type: "TELEPHONE_NUMBER", Address: "+12065550149" },
        SegmentAttributes: { "connect:Subtype": { ValueString: "connect:WhatsApp" } },
        Attributes: { campaign: "spring" },
      }),
    );
    const before = emulator.calls().counts.StartOutboundChatContact?.ok;
    const response = await read(`${DEMO_INSTANCE_ID}/${started.ContactId}`);
    assert.equal(response.getId(), started.ContactId);
    assert.deepEqual(fromStruct(response.getInputs()), {
      instanceId: DEMO_INSTANCE_ID,
      region: DEMO_REGION,
      sourceEndpoint: { address: DEMO_PHONE_NUMBER_ARN },
      channel: "WhatsApp",
      attributes: { campaign: "spring" },
    });
    const outputs = fromStruct(response.getProperties());
    assert.equal(outputs.clientTokenSource, "imported");
    assert.equal(outputs.contactId, started.ContactId);
    assert.equal(outputs.clientToken, undefined);
    assert.equal(emulator.calls().counts.StartOutboundChatContact?.ok, before);

    // The destination and message the program then gives are taken in place, not as a new send.
    const adopted = await diff(
      outputs,
      inputs({ channel: "WhatsApp", attributes: { campaign: "spring" } }),
    );
    assert.deepEqual(adopted.getReplacesList(), []);
    assert.deepEqual(adopted.getDiffsList().sort(), [
      "contactFlowId",
      "destinationEndpoint",
      "initialSystemMessage",
    ]);

    await assert.rejects(
      read("not-an-import-id"),
      /the ID to import is `<instanceId>\/<contactId>`/,
    );
  });

  it("updates the live contact's attributes in place, and deletes it with StopContact", async () => {
    const created = await createWelcome();
    const update = await rpc<providerProto.UpdateResponse>((callback) =>
      client.update(
        new providerProto.UpdateRequest()
          .setId(created.id)
          .setUrn(URN)
          .setType(TYPE)
          .setOlds(toStruct(created.properties))
          .setNews(toStruct(inputs({ attributes: { tier: "platinum" } }))),
        callback,
      ),
    );
    const properties = fromStruct(update.getProperties());
    assert.deepEqual(properties.attributes, { tier: "platinum" });
    assert.deepEqual(properties.destinationEndpoint, secret({ address: DESTINATION }));
    assert.equal(emulator.calls().counts.UpdateContactAttributes?.ok, 1);
    const live = emulator.contacts().find((contact) => contact.contactId === created.id);
    assert.equal(live?.attributes.tier, "platinum");

    await rpc<Empty>((callback) =>
      client.delete(
        new providerProto.DeleteRequest()
          .setId(created.id)
          .setUrn(URN)
          .setType(TYPE)
          .setProperties(toStruct(properties)),
        callback,
      ),
    );
    assert.equal(emulator.calls().counts.StopContact?.ok, 1);
    assert.equal(
      emulator.contacts().find((contact) => contact.contactId === created.id)?.state,
      "stopped",
    );
  });
});
