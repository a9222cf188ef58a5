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
import { argumentsTable, packageSchema, RESOURCE_TOKEN, schemaText } from "../../provider/schema";
import { readmeWithTable } from "../../tools/schema";
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

describe("README's table of arguments", () => {
  it("is what the table generates (run `npm run schema`)", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    assert.equal(readmeWithTable(readme), readme);
  });

  it("has a row per argument, required ones said so", () => {
    const rows = argumentsTable().split("\n").slice(2);
    assert.deepEqual(
      rows.map((row) => /^\| `(\w+)` \|/.exec(row)?.[1]),
      ARGUMENT_NAMES,
    );
    assert.equal(rows.filter((row) => row.includes("| **required** |")).length, 4);
  });
});
