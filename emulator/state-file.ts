/**
 * Loads and atomically saves the store snapshot kept in the optional state file. The file names
 * its format (`"format": "connect-emulator-state"`), so that the emulator recognises its own files
 * and never advises deleting one it did not write.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { CLIENT_TOKEN_KEY_BYTES, type LegacySnapshot, type StoreSnapshot } from "./store";

/** The marker every state file the emulator writes carries. */
export const STATE_FILE_FORMAT = "connect-emulator-state";

/** Whether a base64 text decodes to a key of the right length. */
function isClientTokenKey(value: unknown): boolean {
  return (
    typeof value === "string" &&
    /^[A-Za-z0-9+/]+=*$/.test(value) &&
    Buffer.from(value, "base64").length === CLIENT_TOKEN_KEY_BYTES
  );
}

/** A snapshot of this version (2), or of 0.1.0 (1, raw tokens; hashed as it is loaded). */
function isSnapshot(value: unknown): value is StoreSnapshot | LegacySnapshot {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const data = value as Record<string, unknown>;
  return (
    (data.version === 1 || (data.version === 2 && isClientTokenKey(data.clientTokenKey))) &&
    typeof data.clockOffsetMs === "number" &&
    Array.isArray(data.instances) &&
    Array.isArray(data.contacts) &&
    Array.isArray(data.tokens)
  );
}

/** Whether a parsed file says it was written by the emulator (or is a snapshot of 0.1.0, before the marker). */
function isOwnFile(value: unknown): boolean {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  return (value as Record<string, unknown>).format === STATE_FILE_FORMAT || isSnapshot(value);
}

/**
 * The snapshot in `path`, or undefined when the file does not exist yet. Throws, without quoting
 * the file's content, when it is not a state file of the emulator (choose another path) or is
 * one that cannot be read (only then is deleting it advised).
 */
export function loadStateFile(path: string): StoreSnapshot | LegacySnapshot | undefined {
  if (!existsSync(path)) {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== undefined) {
      throw new Error(
        `Cannot read the emulator state file ${path} (${(error as NodeJS.ErrnoException).code}).`,
      );
    }
    parsed = undefined;
  }
  if (!isOwnFile(parsed)) {
    throw new Error(
      `${path} is not an emulator state file (it was not written by connect-emulator), so it is ` +
        "left as it is. Give --state-file a path of its own: a new file is created there.",
    );
  }
  if (!isSnapshot(parsed)) {
    throw new Error(
      `The emulator state file ${path} was written by connect-emulator but is damaged or of ` +
        "another version. Delete it to start with an empty state.",
    );
  }
  return parsed;
}

/**
 * Writes the snapshot to a temporary file next to `path`, then renames it over `path`. Throws an
 * error that names the path and the cause when it cannot be written. The file is readable by its
 * owner only: it holds the key of the ClientToken hashes.
 */
export function saveStateFile(path: string, snapshot: StoreSnapshot): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify({ format: STATE_FILE_FORMAT, ...snapshot }), {
      mode: 0o600,
    });
    renameSync(temporary, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "an error";
    throw new Error(
      `Cannot write the emulator state file ${path} (${code}): choose a path in a folder the ` +
        "emulator can write to.",
    );
  }
}
