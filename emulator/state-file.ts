/** Loads and atomically saves the store snapshot kept in the optional state file. */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { StoreSnapshot } from "./store";

function isSnapshot(value: unknown): value is StoreSnapshot {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const data = value as Record<string, unknown>;
  return (
    data.version === 1 &&
    typeof data.clockOffsetMs === "number" &&
    Array.isArray(data.instances) &&
    Array.isArray(data.contacts) &&
    Array.isArray(data.tokens)
  );
}

/** The snapshot in `path`, or undefined when the file does not exist yet. */
export function loadStateFile(path: string): StoreSnapshot | undefined {
  if (!existsSync(path)) {
    return undefined;
  }
  const text = readFileSync(path, "utf8");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(
      `The emulator state file ${path} is not valid JSON. Delete it to start with an empty state.`,
    );
  }
  if (!isSnapshot(parsed)) {
    throw new Error(
      `The emulator state file ${path} is not a version 1 snapshot. Delete it to start with an empty state.`,
    );
  }
  return parsed;
}

/** Writes the snapshot to a temporary file next to `path`, then renames it over `path`. */
export function saveStateFile(path: string, snapshot: StoreSnapshot): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(snapshot));
  renameSync(temporary, path);
}
