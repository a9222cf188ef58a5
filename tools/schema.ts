/**
 * `npm run schema`: writes the package schema (`schema.json`) and README's table of arguments,
 * both generated from the table of arguments (`provider/arguments.ts`). `--check` writes nothing
 * and fails when either differs from what would be written (CI's check).
 */
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import {
  argumentsTable,
  README_TABLE_END,
  README_TABLE_START,
  schemaText,
} from "../provider/schema";

const ROOT = path.resolve(__dirname, "..");
const SCHEMA = path.join(ROOT, "schema.json");
const README = path.join(ROOT, "README.md");

/** README with the generated table between its markers. */
export function readmeWithTable(readme: string): string {
  const start = readme.indexOf(README_TABLE_START);
  const end = readme.indexOf(README_TABLE_END);
  if (start === -1 || end < start) {
    throw new Error(`README.md has no "${README_TABLE_START}" ... "${README_TABLE_END}" markers`);
  }
  return `${readme.slice(0, start + README_TABLE_START.length)}\n\n${argumentsTable()}\n\n${readme.slice(end)}`;
}

function main(): void {
  const check = process.argv.includes("--check");
  const outputs: [string, string][] = [
    [SCHEMA, schemaText()],
    [README, readmeWithTable(readFileSync(README, "utf8"))],
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
