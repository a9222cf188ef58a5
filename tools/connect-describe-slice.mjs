// Writes emulator/model/connect-2017-08-08.describe.json: the three read operations the emulator
// answers (DescribeInstance, DescribeContactFlow, DescribePhoneNumber) in the form of the model
// slice beside it, compiled from the schemas of the installed @aws-sdk/client-connect (generated
// by AWS from the Smithy model of Amazon Connect, Apache-2.0). Shapes the main slice already has
// (InstanceId, ContactFlowId, the errors) are referred to, not copied.
//
//   node tools/connect-describe-slice.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const sdk = require("@aws-sdk/client-connect");
const sdkVersion = require("@aws-sdk/client-connect/package.json").version;
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const main = JSON.parse(
  readFileSync(join(root, "emulator/model/connect-2017-08-08.slice.json"), "utf8"),
);

/** The errors of each operation, from its page in the Amazon Connect API Reference. */
const ERRORS = {
  DescribeInstance: [
    "InvalidRequestException",
    "ResourceNotFoundException",
    "InternalServiceException",
  ],
  DescribeContactFlow: [
    "InvalidRequestException",
    "InvalidParameterException",
    "ResourceNotFoundException",
    "AccessDeniedException",
    "ContactFlowNotPublishedException",
    "ThrottlingException",
    "InternalServiceException",
  ],
  DescribePhoneNumber: [
    "InvalidParameterException",
    "ResourceNotFoundException",
    "ThrottlingException",
    "AccessDeniedException",
    "InternalServiceException",
  ],
};

/** Members whose values are an enum of the SDK (the schemas keep only "string"). */
const ENUMS = {
  "Instance.IdentityManagementType": "DirectoryType",
  "Instance.InstanceStatus": "InstanceStatus",
  "ContactFlow.Type": "ContactFlowType",
  "ContactFlow.State": "ContactFlowState",
  "ContactFlow.Status": "ContactFlowStatus",
  "ClaimedPhoneNumberSummary.PhoneNumberCountryCode": "PhoneNumberCountryCode",
  "ClaimedPhoneNumberSummary.PhoneNumberType": "PhoneNumberType",
  "PhoneNumberStatus.Status": "PhoneNumberWorkflowStatus",
  "ReplicationStatusSummary.ReplicationStatus": "InstanceReplicationStatus",
};

/** Request members bound to the URI that the main slice already shapes. */
const LABEL_SHAPES = { InstanceId: "InstanceId", ContactFlowId: "ContactFlowId" };

const shapes = {};
const resolve = (schema) => (typeof schema === "function" ? schema() : schema);

function define(name, shape) {
  if (main.shapes[name] === undefined) {
    shapes[name] = shape;
  }
  return name;
}

/** The shape name of a simple member type code of the SDK schemas. */
function simple(code, owner, member) {
  const enumName = ENUMS[`${owner}.${member}`];
  if (enumName !== undefined) {
    return define(enumName, { type: "string", enum: Object.values(sdk[enumName]).sort() });
  }
  switch (code) {
    case 0:
      return define("String", { type: "string" });
    case 1:
      return define("Long", { type: "long" });
    case 2:
      return define("Boolean", { type: "boolean" });
    case 4:
      return define("Timestamp", { type: "timestamp" });
    case 128:
      define("String", { type: "string" });
      return define("TagMap", {
        type: "map",
        key: { shape: "String" },
        value: { shape: "String" },
      });
    default:
      throw new Error(`${owner}.${member}: no rule for the schema type code ${code}`);
  }
}

/** Defines the shape of an SDK schema (and what it reaches); returns its name. */
function walk(schema, owner, member) {
  const resolved = resolve(schema);
  if (typeof resolved === "number") {
    return simple(resolved, owner, member);
  }
  const [kind, , name] = resolved;
  if (kind === 0) {
    // A named simple schema: [0, namespace, name, traits, type]; trait 8 is @sensitive.
    const base =
      shapes[simple(resolved[4], owner, member)] ?? main.shapes[simple(resolved[4], owner, member)];
    return define(name, { ...base, ...((resolved[3] & 8) !== 0 ? { sensitive: true } : {}) });
  }
  if (kind === 1) {
    if (main.shapes[name] === undefined && shapes[name] === undefined) {
      shapes[name] = { type: "list" };
      shapes[name].member = { shape: walk(resolved[4], name, "member") };
    }
    return name;
  }
  if (kind === 3 || kind === -3) {
    if (main.shapes[name] !== undefined || shapes[name] !== undefined) {
      return name;
    }
    const [, , , traits, memberNames, memberSchemas, requiredCount = 0] = resolved;
    const shape = { type: "structure", members: {} };
    shapes[name] = shape;
    memberNames.forEach((memberName, index) => {
      const memberSchema = memberSchemas[index];
      const isLabel =
        Array.isArray(memberSchema) &&
        typeof memberSchema[0] !== "string" &&
        memberSchema[1] === 1 &&
        kind === 3 &&
        name.endsWith("Request");
      const target =
        Array.isArray(memberSchema) && typeof memberSchema[0] !== "string"
          ? memberSchema[0]
          : memberSchema;
      const shapeName =
        isLabel && LABEL_SHAPES[memberName] !== undefined
          ? LABEL_SHAPES[memberName]
          : walk(target, name, memberName);
      shape.members[memberName] = {
        shape: shapeName,
        ...(isLabel ? { location: "uri", locationName: memberName } : {}),
      };
    });
    if (requiredCount > 0) {
      shape.required = memberNames.slice(0, requiredCount);
    }
    if (kind === -3) {
      shape.error = { httpStatusCode: traits.httpError };
      shape.exception = true;
    }
    return name;
  }
  throw new Error(`${owner}.${member}: no rule for the schema kind ${kind}`);
}

const operations = {};
for (const [operation, errors] of Object.entries(ERRORS)) {
  const [, , , traits, input, output] = sdk[`${operation}$`];
  const [method, requestUri, responseCode] = traits.http;
  operations[operation] = {
    name: operation,
    http: { method, requestUri, responseCode },
    input: { shape: walk(input, operation, "input") },
    output: { shape: walk(output, operation, "output") },
    errors: errors.map((error) => ({ shape: walk(sdk[`${error}$`], operation, error) })),
  };
}

const slice = {
  source: {
    package: "@aws-sdk/client-connect",
    version: sdkVersion,
    file: "dist-cjs/index.js (operation and structure schemas, enums)",
    license: "Apache-2.0",
    note:
      "compiled by tools/connect-describe-slice.mjs from the SDK's schemas, which AWS generates " +
      "from the Smithy model of Amazon Connect (API version 2017-08-08): HTTP bindings, member " +
      "names and types, required members, enums and error statuses. The SDK keeps no length or " +
      "pattern constraints, and names no simple types: those shapes are named String, Long, " +
      "Boolean, Timestamp and TagMap here. Errors per operation from the API Reference. Shapes " +
      "of connect-2017-08-08.slice.json are referred to, not copied.",
  },
  operations,
  shapes: Object.fromEntries(Object.entries(shapes).sort(([a], [b]) => a.localeCompare(b))),
};
writeFileSync(
  join(root, "emulator/model/connect-2017-08-08.describe.json"),
  `${JSON.stringify(slice, null, 2)}\n`,
);
console.log(
  `wrote ${Object.keys(operations).length} operations, ${Object.keys(shapes).length} shapes`,
);
