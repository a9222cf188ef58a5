import { strict as assert } from "assert";
import {
  classifyChanges,
  containsUnknown,
  reusedClientTokenProblem,
} from "../../provider/diff-rules";
import { attributesUpdate, contactOutputs } from "../../provider/lifecycle";
import { UNKNOWN } from "../../harness/doubles";
import { ContactInputs, ContactOutputs } from "../../provider/types";
import { validInputs } from "../fixtures";

const URN = "urn:pulumi:dev::p::pulumi-nodejs:dynamic/connect:OutboundChatContact::welcome";
const INSTANCE_ARN =
  "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555";

function stored(inputs: ContactInputs, extra: Partial<ContactOutputs> = {}): ContactOutputs {
  return {
    ...contactOutputs(inputs, {
      contactId: "c-1",
      clientToken: "a".repeat(64),
      clientTokenSource: "derived",
      region: "us-east-1",
    }),
    ...extra,
  };
}

type Row = [string, (inputs: ContactInputs) => ContactInputs, string[], string[]];

describe("classifyChanges", () => {
  const rows: Row[] = [
    ["nothing changed", (i) => i, [], []],
    [
      "only the URN changed (renamed stack, new parent with an alias)",
      (i) => ({ ...i, __urn: URN.replace("urn:pulumi:dev::", "urn:pulumi:prod::") }),
      [],
      [],
    ],
    [
      "instanceId changed",
      (i) => ({ ...i, instanceId: "22222222-2222-3333-4444-555555555555" }),
      ["instanceId"],
      [],
    ],
    [
      "instanceId given as the ARN of the same instance",
      (i) => ({ ...i, instanceId: INSTANCE_ARN }),
      [],
      [],
    ],
    [
      "contactFlowId changed",
      (i) => ({ ...i, contactFlowId: "ffffffff-bbbb-cccc-dddd-eeeeeeeeeeee" }),
      ["contactFlowId"],
      [],
    ],
    [
      "sourceEndpoint changed",
      (i) => ({
        ...i,
        sourceEndpoint: {
          address:
            "arn:aws:connect:us-east-1:123456789012:phone-number/00000000-8888-7777-6666-555555555555",
        },
      }),
      ["sourceEndpoint"],
      [],
    ],
    [
      "sourceEndpoint spells out its default type",
      (i) => ({ ...i, sourceEndpoint: { ...i.sourceEndpoint, type: "CONNECT_PHONENUMBER_ARN" } }),
      [],
      [],
    ],
    [
      "destinationEndpoint changed",
      (i) => ({ ...i, destinationEndpoint: { address: "+14155550199" } }),
      ["destinationEndpoint"],
      [],
    ],
    [
      "destinationEndpoint spells out its default type",
      (i) => ({
        ...i,
        destinationEndpoint: { ...i.destinationEndpoint, type: "TELEPHONE_NUMBER" },
      }),
      [],
      [],
    ],
    ["channel changed", (i) => ({ ...i, channel: "WhatsApp" }), ["channel"], []],
    [
      "channel moved into segmentAttributes with the same subtype",
      (i) => ({
        ...i,
        channel: undefined,
        segmentAttributes: { "connect:Subtype": { valueString: "connect:SMS" } },
      }),
      [],
      [],
    ],
    [
      "segmentAttributes changed",
      (i) => ({ ...i, segmentAttributes: { "connect:Custom": { valueString: "x" } } }),
      ["segmentAttributes"],
      [],
    ],
    [
      "chatDurationInMinutes changed",
      (i) => ({ ...i, chatDurationInMinutes: 90 }),
      ["chatDurationInMinutes"],
      [],
    ],
    [
      "participantDetails changed",
      (i) => ({ ...i, participantDetails: { displayName: "Acme" } }),
      ["participantDetails"],
      [],
    ],
    [
      "initialSystemMessage changed",
      (i) => ({ ...i, initialSystemMessage: { contentType: "text/plain", content: "Hi again" } }),
      ["initialSystemMessage"],
      [],
    ],
    [
      "initialTemplatedSystemMessage added",
      (i) => ({
        ...i,
        initialTemplatedSystemMessage: {
          knowledgeBaseId: "kb",
          messageTemplateId: "t",
          templateAttributes: {},
        },
      }),
      ["initialTemplatedSystemMessage"],
      [],
    ],
    [
      "relatedContactId changed",
      (i) => ({ ...i, relatedContactId: "c-0" }),
      ["relatedContactId"],
      [],
    ],
    [
      "supportedMessagingContentTypes changed",
      (i) => ({ ...i, supportedMessagingContentTypes: ["text/plain", "text/markdown"] }),
      ["supportedMessagingContentTypes"],
      [],
    ],
    ["triggers changed", (i) => ({ ...i, triggers: ["v2"] }), ["triggers"], []],
    [
      "triggers given as an empty list, as none were before",
      (i) => ({ ...i, triggers: [] }),
      [],
      [],
    ],
    ["region named and different", (i) => ({ ...i, region: "eu-west-2" }), ["region"], []],
    [
      "region named and the same as the one the contact lives in",
      (i) => ({ ...i, region: "us-east-1" }),
      [],
      [],
    ],
    [
      "clientToken given and different",
      (i) => ({ ...i, clientToken: "my-token" }),
      ["clientToken"],
      [],
    ],
    ["attributes changed", (i) => ({ ...i, attributes: { plan: "gold" } }), [], ["attributes"]],
    ["onDelete changed", (i) => ({ ...i, onDelete: "retain" }), [], ["onDelete"]],
    ["onDelete spelled out as its default", (i) => ({ ...i, onDelete: "stop" }), [], []],
    [
      "the message content is unknown during a preview",
      (i) => ({ ...i, initialSystemMessage: { contentType: "text/plain", content: UNKNOWN } }),
      ["initialSystemMessage"],
      [],
    ],
    [
      "the subtype in segmentAttributes is unknown during a preview, though channel sets it",
      (i) => ({ ...i, segmentAttributes: { "connect:Subtype": { valueString: UNKNOWN } } }),
      ["segmentAttributes"],
      [],
    ],
    [
      "the attributes are unknown during a preview",
      (i) => ({ ...i, attributes: UNKNOWN as unknown as Record<string, string> }),
      [],
      ["attributes"],
    ],
  ];
  for (const [name, change, replaces, updates] of rows) {
    it(`${replaces.length ? "replaces" : updates.length ? "updates in place" : "reports no change"} when ${name}`, () => {
      const inputs = { ...validInputs(), __urn: URN };
      assert.deepEqual(classifyChanges(stored(inputs), change(inputs)), { replaces, updates });
    });
  }

  it("does not compare a Region picked from config with a region left out", () => {
    const inputs = validInputs();
    assert.deepEqual(classifyChanges(stored(inputs, { region: "ap-south-1" }), inputs), {
      replaces: [],
      updates: [],
    });
  });

  it("replaces when a clientToken the user gave is taken away", () => {
    const inputs = validInputs();
    const olds = stored(
      { ...inputs, clientToken: "mine" },
      { clientToken: "mine", clientTokenSource: "given" },
    );
    assert.deepEqual(classifyChanges(olds, inputs), { replaces: ["clientToken"], updates: [] });
  });

  it("reports no change when the given clientToken is the one the contact has", () => {
    const inputs = { ...validInputs(), clientToken: "mine" };
    const olds = stored(inputs, { clientToken: "mine", clientTokenSource: "given" });
    assert.deepEqual(classifyChanges(olds, inputs), { replaces: [], updates: [] });
  });
});

describe("classifyChanges after an import", () => {
  /** What `pulumi import` stores: only what DescribeContact gives back. */
  function imported(extra: Partial<ContactOutputs> = {}): ContactOutputs {
    const inputs = validInputs();
    return {
      instanceId: inputs.instanceId,
      sourceEndpoint: inputs.sourceEndpoint,
      channel: "SMS",
      segmentAttributes: {},
      attributes: {},
      contactId: "c-1",
      clientTokenSource: "imported",
      region: "us-east-1",
      ...extra,
    } as ContactOutputs;
  }

  it("takes the program's values the contact could not give back in place, once", () => {
    assert.deepEqual(classifyChanges(imported(), validInputs()), {
      replaces: [],
      updates: ["contactFlowId", "destinationEndpoint", "initialSystemMessage"],
    });
  });

  it("replaces when a value taken in place before changes", () => {
    const inputs = validInputs();
    const olds = imported({
      contactFlowId: inputs.contactFlowId,
      destinationEndpoint: inputs.destinationEndpoint,
      initialSystemMessage: inputs.initialSystemMessage,
    });
    assert.deepEqual(
      classifyChanges(olds, { ...inputs, destinationEndpoint: { address: "+14155550199" } }),
      { replaces: ["destinationEndpoint"], updates: [] },
    );
  });

  it("replaces when a value DescribeContact gave back changes", () => {
    const inputs = validInputs();
    const olds = imported({
      contactFlowId: inputs.contactFlowId,
      destinationEndpoint: inputs.destinationEndpoint,
      initialSystemMessage: inputs.initialSystemMessage,
    });
    assert.deepEqual(classifyChanges(olds, { ...inputs, relatedContactId: "c-0" }), {
      replaces: ["relatedContactId"],
      updates: [],
    });
  });

  it("replaces a contact the provider sent whose state lacks a value the program gives", () => {
    const { destinationEndpoint: _destination, ...olds } = stored(validInputs());
    assert.deepEqual(classifyChanges(olds as ContactOutputs, validInputs()), {
      replaces: ["destinationEndpoint"],
      updates: [],
    });
  });
});

describe("containsUnknown", () => {
  const rows: [string, unknown, boolean][] = [
    ["the unknown value itself", UNKNOWN, true],
    ["an object with an unknown member", { a: UNKNOWN }, true],
    ["an object whose last member is unknown", { a: "x", b: 1, c: UNKNOWN }, true],
    ["an array with an unknown item", ["x", UNKNOWN], true],
    ["an unknown nested deep", { a: [{ b: { c: UNKNOWN } }] }, true],
    ["a string", "Welcome aboard!", false],
    ["a number", 60, false],
    ["null", null, false],
    ["undefined", undefined, false],
    ["an object of known values", { a: "x", b: [1, 2] }, false],
    ["an empty array", [], false],
  ];
  for (const [name, value, expected] of rows) {
    it(`is ${expected} for ${name}`, () => {
      assert.equal(containsUnknown(value), expected);
    });
  }
});

describe("attributesUpdate", () => {
  it("sends new and changed attributes, and empties removed ones", () => {
    assert.deepEqual(attributesUpdate({ a: "1", b: "2" }, { b: "3", c: "4" }), {
      a: "",
      b: "3",
      c: "4",
    });
  });
  it("empties every attribute when all are removed", () => {
    assert.deepEqual(attributesUpdate({ a: "1" }, undefined), { a: "" });
  });
});

describe("contactOutputs", () => {
  it("keeps the inputs as given, normalizes the instance ID and leaves the URN out", () => {
    const outputs = stored({ ...validInputs(), instanceId: INSTANCE_ARN, __urn: URN });
    assert.equal(outputs.instanceId, "11111111-2222-3333-4444-555555555555");
    assert.equal("__urn" in outputs, false);
    assert.equal(outputs.contactId, "c-1");
    assert.equal(outputs.destinationEndpoint.address, "+14155550100");
  });
});

describe("reusedClientTokenProblem", () => {
  const given = { ...validInputs(), clientToken: "my-token" };

  it("fails when the contact changes but the given clientToken does not", () => {
    const problem = reusedClientTokenProblem(given, {
      ...given,
      initialSystemMessage: { contentType: "text/plain", content: "Changed" },
    });
    assert.deepEqual(problem, {
      property: "clientToken",
      reason:
        "clientToken is the token the contact was sent with, but initialSystemMessage changed, " +
        "which sends a new contact: with the same token Amazon Connect would answer with the old " +
        "contact and send nothing, and replacing it would then stop that contact. Fix: give a new " +
        "clientToken with the change, or remove clientToken to let the provider derive one.",
    });
    assert.equal(problem?.reason.includes("Changed"), false);
  });

  it("fails naming every argument that changed, in the table's order", () => {
    const problem = reusedClientTokenProblem(given, {
      ...given,
      destinationEndpoint: { address: "+14155550199" },
      participantDetails: { displayName: "Acme" },
      channel: "WhatsApp",
    });
    assert.match(
      problem?.reason ?? "",
      /^clientToken is the token the contact was sent with, but destinationEndpoint, channel, participantDetails changed, which/,
    );
    assert.equal(problem?.reason.includes("+14155550199"), false);
  });

  it("passes when only a Region is named that the contact was sent in without naming it", () => {
    assert.equal(reusedClientTokenProblem(given, { ...given, region: "us-east-1" }), undefined);
  });

  it("passes when a new value is not known yet (a preview)", () => {
    assert.equal(
      reusedClientTokenProblem(given, {
        ...given,
        initialSystemMessage: { contentType: "text/plain", content: UNKNOWN },
      }),
      undefined,
    );
  });

  it("passes when the old inputs hold only the token (nothing to compare)", () => {
    assert.equal(reusedClientTokenProblem({ clientToken: "my-token" }, given), undefined);
  });

  it("passes when the clientToken changes with the contact", () => {
    assert.equal(
      reusedClientTokenProblem(given, { ...given, clientToken: "new", channel: "WhatsApp" }),
      undefined,
    );
  });

  it("passes when only attributes change", () => {
    assert.equal(reusedClientTokenProblem(given, { ...given, attributes: { a: "b" } }), undefined);
  });

  it("passes for a new resource and for a derived token", () => {
    assert.equal(reusedClientTokenProblem({}, given), undefined);
    assert.equal(
      reusedClientTokenProblem(validInputs(), { ...validInputs(), channel: "WhatsApp" }),
      undefined,
    );
  });
});
