/**
 * Property values on the wire of Pulumi's provider protocol, for the native provider: the engine
 * wraps a secret as `{ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
 * value }` (the provider says it accepts secrets) and sends a value not known yet, during a
 * preview, as the string `04da6b54-80e4-46f7-96ec-b56ff0331ba9`. The lifecycle core works on plain
 * values; this module takes the wrappers off on the way in and puts them back on the way out.
 */

/** The key and value that mark an object as a secret wrapper. */
export const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** Whether `value` is a secret wrapper. */
export function isSecret(value: unknown): value is { value: unknown } {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<string, unknown>)[SECRET_SIG_KEY] === SECRET_SIG
  );
}

/** `value` wrapped as a secret (once). */
export function secret(value: unknown): unknown {
  return isSecret(value) ? value : { [SECRET_SIG_KEY]: SECRET_SIG, value };
}

/** `value` with every secret wrapper, at any depth, taken off. */
export function reveal(value: unknown): unknown {
  if (isSecret(value)) {
    return reveal(value.value);
  }
  if (Array.isArray(value)) {
    return value.map(reveal);
  }
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, reveal(item)]));
  }
  return value;
}

/** Whether a secret wrapper appears anywhere in `value`. */
export function holdsSecret(value: unknown): boolean {
  if (isSecret(value)) return true;
  if (typeof value === "object" && value !== null) {
    return Object.values(value).some(holdsSecret);
  }
  return false;
}

/**
 * Properties as the core takes them, and the names of those that were secret (at any depth), so
 * that what comes back of them is secret too.
 */
export function fromWire(properties: Record<string, unknown>): {
  values: Record<string, unknown>;
  secretNames: Set<string>;
} {
  const secretNames = new Set<string>();
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(properties)) {
    if (holdsSecret(value)) secretNames.add(name);
    values[name] = reveal(value);
  }
  return { values, secretNames };
}

/** Properties for the engine: each one named in `secretNames` wrapped as a secret. */
export function toWire(
  values: Readonly<Record<string, unknown>>,
  secretNames: Iterable<string>,
): Record<string, unknown> {
  const secrets = new Set(secretNames);
  return Object.fromEntries(
    Object.entries(values)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => [name, secrets.has(name) ? secret(value) : value]),
  );
}
