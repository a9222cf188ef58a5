import { strict as assert } from "assert";
import { readFileSync } from "fs";
import * as path from "path";
import {
  ARGUMENT_NAMES as TABLE_NAMES,
  SECRET_INPUTS,
  SECRET_OUTPUTS,
  START_REQUEST_MEMBER_PATHS,
} from "../../provider/arguments";
import { REQUEST_MEMBER_PATHS } from "../../provider/aws/redact";
import {
  argumentsTable,
  packageSchema,
  README_SETTINGS_END,
  README_SETTINGS_START,
  RESOURCE_TOKEN,
  schemaText,
  settingsTable,
} from "../../provider/schema";
import { SETTING_NAMES, SETTINGS } from "../../provider/settings";
import { argumentsDeclaration, readmeWithTables, TYPES_END, TYPES_START } from "../../tools/schema";
import { freshProvider } from "../../harness/fresh-provider";
import { ARGUMENT_NAMES } from "../fixtures";

const ROOT = path.resolve(__dirname, "..", "..");

interface Property {
  type?: string;
  $ref?: string;
  items?: Property;
  additionalProperties?: Property;
  description?: string;
  secret?: boolean;
  replaceOnChanges?: boolean;
}

interface Resource {
  inputProperties: Record<string, Property>;
  requiredInputs: string[];
  properties: Record<string, Property>;
  required: string[];
}

const schema = packageSchema() as {
  name: string;
  types: Record<string, { properties: Record<string, Property>; required: string[] }>;
  resources: Record<string, Resource>;
};
const resource = schema.resources[RESOURCE_TOKEN];

/** The names of the properties of `properties` for which `has` holds, sorted. */
function namesWhere(properties: Record<string, Property>, has: (p: Property) => boolean) {
  return Object.keys(properties)
    .filter((name) => has(properties[name]))
    .sort();
}

describe("the table of arguments", () => {
  it("lists the arguments the tests write out, in the order of the API reference", () => {
    assert.deepEqual(TABLE_NAMES, ARGUMENT_NAMES);
  });

  it("keeps the three arguments that hold personal data secret, and the derived token as an output", () => {
    assert.deepEqual(SECRET_INPUTS, [
      "destinationEndpoint",
      "initialSystemMessage",
      "initialTemplatedSystemMessage",
    ]);
    assert.deepEqual(SECRET_OUTPUTS, [...SECRET_INPUTS, "clientToken"]);
  });

  it("derives every member path AWS may name in a message, the other operations' after them", () => {
    assert.deepEqual(REQUEST_MEMBER_PATHS, [
      "instanceId",
      "contactFlowId",
      "sourceEndpoint",
      "sourceEndpoint.type",
      "sourceEndpoint.address",
      "destinationEndpoint",
      "destinationEndpoint.type",
      "destinationEndpoint.address",
      "segmentAttributes",
      "attributes",
      "chatDurationInMinutes",
      "participantDetails",
      "participantDetails.displayName",
      "initialSystemMessage",
      "initialSystemMessage.contentType",
      "initialSystemMessage.content",
      "initialTemplatedSystemMessage",
      "initialTemplatedSystemMessage.knowledgeBaseId",
      "initialTemplatedSystemMessage.messageTemplateId",
      "initialTemplatedSystemMessage.templateAttributes",
      "initialTemplatedSystemMessage.templateAttributes.customAttributes",
      "initialTemplatedSystemMessage.templateAttributes.customerProfileAttributes",
      "relatedContactId",
      "supportedMessagingContentTypes",
      "clientToken",
      "contactId",
      "initialContactId",
      "disconnectReason",
      "disconnectReason.code",
    ]);
    assert.equal(START_REQUEST_MEMBER_PATHS.length, 25);
  });
});

describe("the package schema", () => {
  it("is checked in as schema.json exactly as the table generates it (run `npm run schema`)", () => {
    assert.equal(readFileSync(path.join(ROOT, "schema.json"), "utf8"), schemaText());
  });

  it("names the package and the resource's type token", () => {
    assert.equal(schema.name, "connect-outbound-chat");
    assert.deepEqual(Object.keys(schema.resources), [
      "connect-outbound-chat:index:OutboundChatContact",
    ]);
  });

  it("has an input property for every argument, each described", () => {
    assert.deepEqual(Object.keys(resource.inputProperties), ARGUMENT_NAMES);
    assert.deepEqual(
      namesWhere(resource.inputProperties, (p) => !p.description),
      [],
    );
  });

  it("requires the four arguments without which no contact can be sent", () => {
    assert.deepEqual(resource.requiredInputs, [
      "instanceId",
      "contactFlowId",
      "sourceEndpoint",
      "destinationEndpoint",
    ]);
  });

  it("marks the secret inputs and outputs", () => {
    assert.deepEqual(
      namesWhere(resource.inputProperties, (p) => p.secret === true),
      ["destinationEndpoint", "initialSystemMessage", "initialTemplatedSystemMessage"],
    );
    assert.deepEqual(
      namesWhere(resource.properties, (p) => p.secret === true),
      [
        "clientToken",
        "destinationEndpoint",
        "initialSystemMessage",
        "initialTemplatedSystemMessage",
      ],
    );
  });

  it("marks every argument but attributes and onDelete as replacing on change", () => {
    assert.deepEqual(
      namesWhere(resource.inputProperties, (p) => p.replaceOnChanges !== true),
      ["attributes", "onDelete"],
    );
  });

  it("has the arguments and the computed values as outputs, and says which every contact has", () => {
    assert.deepEqual(Object.keys(resource.properties), [
      ...ARGUMENT_NAMES,
      "contactId",
      "clientTokenSource",
      "initiationTimestamp",
      "disconnectTimestamp",
    ]);
    // Not the ClientToken, nor the required arguments DescribeContact cannot give back: an
    // imported contact has none of them.
    assert.deepEqual(resource.required, [
      "contactId",
      "clientTokenSource",
      "region",
      "instanceId",
      "sourceEndpoint",
    ]);
  });

  it("resolves every type reference to a type it defines", () => {
    const refs: string[] = [];
    const collect = (p: Property | undefined): void => {
      if (!p) return;
      if (p.$ref) refs.push(p.$ref);
      collect(p.items);
      collect(p.additionalProperties);
    };
    Object.values(resource.inputProperties).forEach(collect);
    Object.values(
      (schema as unknown as { config: { variables: Record<string, Property> } }).config.variables,
    ).forEach(collect);
    Object.values(resource.properties).forEach(collect);
    Object.values(schema.types).forEach((type) => Object.values(type.properties).forEach(collect));
    const local = refs.filter((ref) => ref.startsWith("#/types/"));
    assert.deepEqual(
      [...new Set(local)].filter((ref) => !(ref.slice("#/types/".length) in schema.types)),
      [],
    );
    assert.deepEqual(
      [...new Set(local)].sort(),
      Object.keys(schema.types)
        .map((name) => `#/types/${name}`)
        .sort(),
    );
  });
});

/**
 * The tables are module-level constants, built once when `provider/` loads: a test that reads the
 * process's copy cannot see a change to them made after. These load `provider/` afresh inside the
 * test, so that whatever builds the tables (every doc string, type, secret flag and change kind)
 * is checked against what is checked in.
 */
describe("the tables, loaded afresh", () => {
  type SchemaModule = typeof import("../../provider/schema");
  type ArgumentsModule = typeof import("../../provider/arguments");

  /** The body of README between two markers, as `npm run schema` writes it. */
  function readmeSection(start: string, end: string): string {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    return readme.slice(readme.indexOf(start) + start.length, readme.indexOf(end)).trim();
  }

  it("generate schema.json and README's two tables exactly as checked in", () => {
    const fresh = freshProvider()<SchemaModule>("schema");
    assert.equal(fresh.schemaText(), readFileSync(path.join(ROOT, "schema.json"), "utf8"));
    assert.equal(
      fresh.argumentsTable(),
      readmeSection(fresh.README_TABLE_START, fresh.README_TABLE_END),
    );
    assert.equal(
      fresh.settingsTable(),
      readmeSection(fresh.README_SETTINGS_START, fresh.README_SETTINGS_END),
    );
  });

  it("derive the lists of names the provider uses from the table", () => {
    const fresh = freshProvider()<ArgumentsModule>("arguments");
    assert.deepEqual(fresh.ARGUMENT_NAMES, ARGUMENT_NAMES);
    assert.deepEqual(
      fresh.ARGUMENT_ENTRIES.map(([name, argument]) => [name, argument.change]),
      ARGUMENT_NAMES.map((name) => [
        name,
        name === "attributes" || name === "onDelete" ? "update" : "replace",
      ]),
    );
    assert.deepEqual(fresh.SECRET_INPUTS, [
      "destinationEndpoint",
      "initialSystemMessage",
      "initialTemplatedSystemMessage",
    ]);
    assert.deepEqual(fresh.SECRET_OUTPUTS, [
      "destinationEndpoint",
      "initialSystemMessage",
      "initialTemplatedSystemMessage",
      "clientToken",
    ]);
    assert.deepEqual(fresh.ALWAYS_OUTPUTS, [
      "contactId",
      "clientTokenSource",
      "region",
      "instanceId",
      "sourceEndpoint",
    ]);
    assert.deepEqual(fresh.START_REQUEST_MEMBER_PATHS, START_REQUEST_MEMBER_PATHS);
    assert.equal(fresh.TYPE_PREFIX, "connect-outbound-chat:index:");
  });
});

describe("README's generated tables", () => {
  it("are what the tables of arguments and settings generate (run `npm run schema`)", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    assert.equal(readmeWithTables(readme), readme);
  });

  it("fails when README has lost the markers of the settings table", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    assert.throws(
      () => readmeWithTables(readme.replace(README_SETTINGS_START, "")),
      /README\.md has no "<!-- settings: generated/,
    );
  });
});

describe("provider/types.ts's declaration of the arguments", () => {
  const declaration = argumentsDeclaration();

  it("is the one generated from the table (run `npm run schema` after changing an argument)", () => {
    const text = readFileSync(path.join(ROOT, "provider", "types.ts"), "utf8");
    const start = text.indexOf(TYPES_START);
    assert.notEqual(start, -1);
    assert.equal(
      text.slice(start + TYPES_START.length + 1, text.indexOf(TYPES_END)),
      `${declaration}\n`,
    );
  });

  it("declares every argument once, in the table's order", () => {
    const names = [...declaration.matchAll(/^ {2}readonly (\w+)\??: /gm)].map((m) => m[1]);
    assert.deepEqual(names, TABLE_NAMES);
  });

  it("makes an argument without a default required, and one with a default optional with its @default", () => {
    assert.match(
      declaration,
      /\(which also gives the Region\)\.\n {3}\*\/\n {2}readonly instanceId: string;/,
    );
    assert.match(
      declaration,
      / {3}\* @default - 1500, the service's default of 25 hours\n {3}\*\/\n {2}readonly chatDurationInMinutes\?: number;/,
    );
  });

  it("types each kind of schema type, and an argument of a few values as their union", () => {
    const typeOf = (name: string) =>
      new RegExp(`^  readonly ${name}\\??: (.*);$`, "m").exec(declaration)?.[1];
    assert.deepEqual(
      Object.fromEntries(
        [
          "sourceEndpoint",
          "channel",
          "segmentAttributes",
          "attributes",
          "supportedMessagingContentTypes",
          "triggers",
          "onDelete",
        ].map((name) => [name, typeOf(name)]),
      ),
      {
        sourceEndpoint: "SourceEndpoint",
        channel: '"SMS" | "WhatsApp"',
        segmentAttributes: "Record<string, SegmentAttributeValue>",
        attributes: "Record<string, string>",
        supportedMessagingContentTypes: "string[]",
        triggers: "unknown[]",
        onDelete: '"stop" | "retain"',
      },
    );
  });

  it("keeps every line within 100 characters", () => {
    const long = declaration.split("\n").filter((line) => line.length > 100);
    assert.deepEqual(long, []);
  });
});

describe("README's table of the AWS settings", () => {
  const rows = settingsTable().split("\n").slice(2);
  const cells = rows.map((row) => row.split(" | ").map((cell) => cell.replace(/^\| |\s\|$/g, "")));

  it("sits between its own markers in README", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const start = readme.indexOf(README_SETTINGS_START);
    const end = readme.indexOf(README_SETTINGS_END);
    assert.ok(start !== -1 && end > start);
    assert.ok(readme.slice(start, end).includes(settingsTable()));
  });

  it("has a row per setting, in the order of the table of settings, as the schema's config has them", () => {
    const names = cells.map((row) => /^`(\w+)`$/.exec(row[0])?.[1]);
    assert.deepEqual(names, SETTING_NAMES);
    assert.deepEqual(
      names,
      Object.keys((schema as unknown as { config: { variables: object } }).config.variables),
    );
  });

  it("names each setting as the dynamic resource's stack config and the native provider's", () => {
    for (const [index, name] of SETTING_NAMES.entries()) {
      assert.equal(cells[index][2], `\`${name === "clientTokenKey" ? "connect" : "aws"}:${name}\``);
      assert.equal(cells[index][3], `\`connect-outbound-chat:${name}\``);
    }
  });

  it("names the environment variables each setting wins over, and — for the roles, which have none", () => {
    assert.deepEqual(
      Object.fromEntries(SETTING_NAMES.map((name, index) => [name, cells[index][4]])),
      {
        region: "`AWS_REGION`, `AWS_DEFAULT_REGION`",
        profile: "`AWS_PROFILE`",
        sharedConfigFiles: "`AWS_CONFIG_FILE`",
        sharedCredentialsFiles: "`AWS_SHARED_CREDENTIALS_FILE`",
        assumeRoles: "—",
        assumeRole: "—",
        endpoints: "`AWS_ENDPOINT_URL_CONNECT`, `AWS_ENDPOINT_URL_STS`",
        accessKey: "`AWS_ACCESS_KEY_ID`",
        secretKey: "`AWS_SECRET_ACCESS_KEY`",
        clientTokenKey: "—",
        token: "`AWS_SESSION_TOKEN`",
      },
    );
  });

  it("gives each setting's type, the keys said to be secret", () => {
    assert.deepEqual(
      Object.fromEntries(SETTING_NAMES.map((name, index) => [name, cells[index][1]])),
      {
        region: "string",
        profile: "string",
        sharedConfigFiles: "list of string",
        sharedCredentialsFiles: "list of string",
        assumeRoles: "list of AssumeRole",
        assumeRole: "AssumeRole",
        endpoints: "list of Endpoints",
        accessKey: "string, secret",
        secretKey: "string, secret",
        token: "string, secret",
        clientTokenKey: "string, secret",
      },
    );
  });

  it("describes each setting with the table of settings' words", () => {
    for (const [index, name] of SETTING_NAMES.entries()) {
      assert.equal(cells[index][5], SETTINGS[name].doc);
    }
  });
});

describe("README's table of arguments", () => {
  it("has a row per argument, required ones said so", () => {
    const rows = argumentsTable().split("\n").slice(2);
    assert.deepEqual(
      rows.map((row) => /^\| `(\w+)` \|/.exec(row)?.[1]),
      ARGUMENT_NAMES,
    );
    assert.equal(rows.filter((row) => row.includes("| **required** |")).length, 4);
  });
});
