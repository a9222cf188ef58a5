import { strict as assert } from "assert";
import { readdirSync, readFileSync } from "fs";
import * as path from "path";
import * as ts from "typescript";
import { ARGUMENT_NAMES } from "../../provider/arguments";

const PROVIDER = path.resolve(__dirname, "..", "..", "provider");

/**
 * The files of `provider/`, besides the table (`arguments.ts`) and the declaration generated from
 * it (`types.ts`), that name an argument, and why. An argument's facts (its rule, request member,
 * diff, secrecy, read-back, docs) are in its entry of the table; a name here is either another
 * thing that has the same name (an ARN's parts, an AWS call's parameters, the SDK's `region`
 * option, the English word "attributes") or an argument's own behaviour, which a table entry
 * cannot say as data.
 */
const NAMED_ELSEWHERE: Record<string, { readonly names: readonly string[]; readonly why: string }> =
  {
    "argument-values.ts": {
      names: ["contactFlowId", "instanceId"],
      why: "the ID parts of a parsed ARN",
    },
    "arn.ts": {
      names: ["contactFlowId", "instanceId", "region"],
      why: "the parts of an ARN",
    },
    "aws/calls.ts": {
      names: ["attributes", "contactFlowId", "instanceId", "region"],
      why: "the parameters of the AWS calls and of their error context",
    },
    "aws/client.ts": { names: ["region"], why: "the SDK client's `region` option" },
    "aws/credentials.ts": { names: ["region"], why: "the STS client's `region` option" },
    "aws/diagnosis.ts": {
      names: ["contactFlowId", "instanceId", "region"],
      why: "the IDs the Describe* calls look up, and a fix naming the instance argument",
    },
    "aws/errors.ts": {
      names: ["contactFlowId", "instanceId", "onDelete", "region"],
      why: "the error context's fields, and the quota fix that suggests `onDelete`",
    },
    "aws/pacing.ts": { names: ["region"], why: "a pacer per Region and operation" },
    "contact-import.ts": {
      names: ["instanceId", "region"],
      why: "where the imported contact lives, from the import ID",
    },
    "diff-rules.ts": {
      names: ["clientToken", "instanceId"],
      why: "a given clientToken must change when the contact changes (its rule against the stored inputs)",
    },
    "lifecycle.ts": {
      names: [
        "attributes",
        "clientToken",
        "contactFlowId",
        "instanceId",
        "onDelete",
        "region",
        "triggers",
      ],
      why: "the lifecycle's own uses: the token and identity at create, attributes updated in place, onDelete at delete, the contact's place for each call",
    },
    "region.ts": {
      names: ["instanceId", "region"],
      why: "which Region a contact is in: the argument, an instance ARN, then the settings",
    },
    "request.ts": {
      names: ["region", "triggers"],
      why: "the contact's identity, which the derived ClientToken digests",
    },
    "reused-token.ts": {
      names: ["clientToken", "instanceId", "region", "triggers"],
      why: "the DescribeContact call, and a fix naming triggers and clientToken",
    },
    "schema.ts": { names: ["attributes"], why: "the English word, in a type's docs" },
    "settings.ts": { names: ["region"], why: "the provider's own `region` setting" },
    "validation/cross-field.ts": {
      names: [
        "attributes",
        "channel",
        "contactFlowId",
        "instanceId",
        "region",
        "segmentAttributes",
        "sourceEndpoint",
      ],
      why: "rules relating two arguments name both",
    },
    "validation/endpoints.ts": {
      names: ["region", "sourceEndpoint"],
      why: "the source's fix, and the phone number ARN's form",
    },
    "validation/fields.ts": {
      names: ["attributes", "contactFlowId", "instanceId", "region"],
      why: "the ARN forms the identifier rules show, and the attributes' size message",
    },
    "validation/messages.ts": {
      names: ["attributes", "initialSystemMessage", "initialTemplatedSystemMessage"],
      why: "the two messages' rules: only one of them may be given",
    },
    "validation/segment-attributes.ts": {
      names: ["attributes", "channel", "region", "segmentAttributes"],
      why: "the subtype's rules point to channel; the ARN form a valueArn must have",
    },
  };

/** The `.ts` files under `dir`, relative to `provider/`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts")
      ? [path.relative(PROVIDER, full).split(path.sep).join("/")]
      : [];
  });
}

/** The words of a file's code: its identifiers and the words of its strings, without comments. */
function wordsOf(file: string): Set<string> {
  const text = readFileSync(path.join(PROVIDER, file), "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest);
  const words = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      words.add(node.text);
    } else if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      for (const word of node.text.match(/[A-Za-z_$][\w$]*/g) ?? []) words.add(word);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return words;
}

describe("the names of the arguments in provider/", () => {
  const files = sourceFiles(PROVIDER).sort();
  const named = Object.fromEntries(
    files.map((file) => {
      const words = wordsOf(file);
      return [file, ARGUMENT_NAMES.filter((name) => words.has(name)).sort()];
    }),
  );

  it("are all in the table and in the declaration generated from it", () => {
    for (const file of ["arguments.ts", "types.ts"]) {
      assert.deepEqual(named[file], [...ARGUMENT_NAMES].sort(), file);
    }
  });

  it("appear elsewhere only where listed, each for its reason", () => {
    const elsewhere = Object.fromEntries(
      files
        .filter((file) => !["arguments.ts", "types.ts"].includes(file) && named[file].length > 0)
        .map((file) => [file, named[file]]),
    );
    assert.deepEqual(
      elsewhere,
      Object.fromEntries(Object.entries(NAMED_ELSEWHERE).map(([file, { names }]) => [file, names])),
      "an argument named in a new place: give the fact to its entry in provider/arguments.ts, " +
        "or list the file here with why it must name the argument",
    );
  });

  it("leave 5 of the 17 arguments in the table and its declaration only", () => {
    const onlyThere = ARGUMENT_NAMES.filter((name) =>
      Object.values(NAMED_ELSEWHERE).every(({ names }) => !names.includes(name)),
    );
    assert.deepEqual(onlyThere, [
      "destinationEndpoint",
      "chatDurationInMinutes",
      "participantDetails",
      "relatedContactId",
      "supportedMessagingContentTypes",
    ]);
  });
});
