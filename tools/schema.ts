/**
 * `npm run schema`: writes what is generated from the tables of `provider/`: the package schema
 * (`schema.json`), README's two tables, of the arguments (from `provider/arguments.ts`) and of the
 * AWS settings (from `provider/settings.ts`), and the TypeScript declaration of the arguments in
 * `provider/types.ts`, each between its own markers. `--check` writes nothing and fails when any
 * file differs from what would be written (CI's check).
 */
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { ARGUMENT_ENTRIES, Argument, SchemaType } from "../provider/arguments";
import {
  argumentsTable,
  README_SETTINGS_END,
  README_SETTINGS_START,
  README_TABLE_END,
  README_TABLE_START,
  refTypeName,
  schemaText,
  settingsTable,
} from "../provider/schema";

const ROOT = path.resolve(__dirname, "..");
const SCHEMA = path.join(ROOT, "schema.json");
const README = path.join(ROOT, "README.md");
const TYPES = path.join(ROOT, "provider", "types.ts");

export const TYPES_START = "  // arguments: generated from arguments.ts by `npm run schema`";
export const TYPES_END = "  // arguments: end";

/**
 * `text` with `body` between the markers `startMarker` and `endMarker`, which must be there, with
 * `gap` (an empty line in Markdown, nothing in TypeScript) on either side of it.
 */
function between(
  file: string,
  text: string,
  startMarker: string,
  endMarker: string,
  body: string,
  gap = "\n",
): string {
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker);
  if (start === -1 || end < start) {
    throw new Error(`${file} has no "${startMarker}" ... "${endMarker}" markers`);
  }
  return `${text.slice(0, start + startMarker.length)}\n${gap}${body}\n${gap}${text.slice(end)}`;
}

/** A schema type as TypeScript writes it; a rule of one of a few values is their union. */
function typeScriptOf(type: SchemaType, argument?: Argument): string {
  if (argument?.rule.kind === "oneOf") {
    return argument.rule.values.map((value) => JSON.stringify(value)).join(" | ");
  }
  if ("$ref" in type) {
    return refTypeName(type.$ref) ?? "unknown";
  }
  if (type.type === "array") return `${typeScriptOf(type.items)}[]`;
  if (type.type === "object") return `Record<string, ${typeScriptOf(type.additionalProperties)}>`;
  return type.type === "integer" ? "number" : type.type;
}

/** Words filled into lines of at most `width` characters, each started with `prefix`. */
function filled(text: string, prefix: string, width = 100): string[] {
  const lines: string[] = [];
  let line = prefix;
  for (const word of text.split(/\s+/)) {
    if (line !== prefix && line.length + 1 + word.length > width) {
      lines.push(line);
      line = prefix;
    }
    line += line === prefix ? word : ` ${word}`;
  }
  return [...lines, line];
}

/**
 * The members of `ContactArguments` in `provider/types.ts`: each argument, documented with the
 * table's text and `@default`, optional when it has a default, typed from its schema type.
 */
export function argumentsDeclaration(): string {
  return ARGUMENT_ENTRIES.flatMap(([name, argument]) => {
    const optional = argument.whenLeftOut !== undefined;
    return [
      "  /**",
      ...filled(argument.doc.replace(/\*\//g, "*\\/"), "   * "),
      ...(optional ? filled(`@default - ${argument.whenLeftOut}`, "   * ") : []),
      "   */",
      `  readonly ${name}${optional ? "?" : ""}: ${typeScriptOf(argument.schema, argument)};`,
    ];
  }).join("\n");
}

/** README with the generated tables of arguments and of settings between their markers. */
export function readmeWithTables(readme: string): string {
  return between(
    "README.md",
    between("README.md", readme, README_TABLE_START, README_TABLE_END, argumentsTable()),
    README_SETTINGS_START,
    README_SETTINGS_END,
    settingsTable(),
  );
}

function main(): void {
  const check = process.argv.includes("--check");
  const outputs: [string, string][] = [
    [SCHEMA, schemaText()],
    [README, readmeWithTables(readFileSync(README, "utf8"))],
    [
      TYPES,
      between(
        "provider/types.ts",
        readFileSync(TYPES, "utf8"),
        TYPES_START,
        TYPES_END,
        argumentsDeclaration(),
        "",
      ),
    ],
  ];
  const stale = outputs.filter(([file, text]) => {
    let current = "";
    try {
      current = readFileSync(file, "utf8");
    } catch {
      // Not written yet.
    }
    return current !== text;
  });
  if (check) {
    if (stale.length > 0) {
      console.error(
        `out of date: ${stale.map(([file]) => path.relative(ROOT, file)).join(", ")}; run \`npm run schema\``,
      );
      process.exit(1);
    }
    return;
  }
  for (const [file, text] of stale) {
    writeFileSync(file, text);
    console.log(`wrote ${path.relative(ROOT, file)}`);
  }
}

if (require.main === module) {
  main();
}
