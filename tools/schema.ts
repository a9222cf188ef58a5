/**
 * `npm run schema`: writes the package schema (`schema.json`) and README's two generated tables,
 * of the arguments (from `provider/arguments.ts`) and of the AWS settings (from
 * `provider/settings.ts`), each between its own markers. `--check` writes nothing and fails when
 * either file differs from what would be written (CI's check).
 */
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import {
  argumentsTable,
  README_SETTINGS_END,
  README_SETTINGS_START,
  README_TABLE_END,
  README_TABLE_START,
  schemaText,
  settingsTable,
} from "../provider/schema";

const ROOT = path.resolve(__dirname, "..");
const SCHEMA = path.join(ROOT, "schema.json");
const README = path.join(ROOT, "README.md");

/** `text` with `body` between the markers `startMarker` and `endMarker`, which must be there. */
function between(text: string, startMarker: string, endMarker: string, body: string): string {
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker);
  if (start === -1 || end < start) {
    throw new Error(`README.md has no "${startMarker}" ... "${endMarker}" markers`);
  }
  return `${text.slice(0, start + startMarker.length)}\n\n${body}\n\n${text.slice(end)}`;
}

/** README with the generated tables of arguments and of settings between their markers. */
export function readmeWithTables(readme: string): string {
  return between(
    between(readme, README_TABLE_START, README_TABLE_END, argumentsTable()),
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
