/**
 * Property values as they cross the engine's wire: google-protobuf `Struct`s, secrets unwrapped,
 * unknowns found. The sentinels themselves are in `doubles.ts`.
 */
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { isWrappedSecret, UNKNOWN } from "./doubles";

export type PropertyMap = Record<string, unknown>;

/** Drops `undefined` members at any depth: a Struct has no way to carry them. */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((element) => (element === undefined ? null : withoutUndefined(element)));
  }
  if (value !== null && typeof value === "object") {
    const result: PropertyMap = {};
    for (const [key, member] of Object.entries(value)) {
      if (member !== undefined) {
        result[key] = withoutUndefined(member);
      }
    }
    return result;
  }
  return value;
}

export function toStruct(properties: PropertyMap): Struct {
  return Struct.fromJavaScript(
    withoutUndefined(properties) as Parameters<typeof Struct.fromJavaScript>[0],
  );
}

export function fromStruct(struct: Struct | undefined): PropertyMap {
  return struct ? struct.toJavaScript() : {};
}

/**
 * Unwraps every secret, at any depth, as the engine does before calling a provider that does not
 * accept secrets. Returns the plain value and the paths that were secret (`destinationEndpoint`,
 * `tags.owner`, `list[0]`), outermost first.
 */
export function unwrapSecrets(
  value: unknown,
  path = "",
): { value: unknown; secretPaths: string[] } {
  if (isWrappedSecret(value)) {
    const inner = unwrapSecrets(value.value, path);
    return { value: inner.value, secretPaths: [path, ...inner.secretPaths] };
  }
  if (Array.isArray(value)) {
    const secretPaths: string[] = [];
    const elements = value.map((element, index) => {
      const inner = unwrapSecrets(element, `${path}[${index}]`);
      secretPaths.push(...inner.secretPaths);
      return inner.value;
    });
    return { value: elements, secretPaths };
  }
  if (value !== null && typeof value === "object") {
    const secretPaths: string[] = [];
    const result: PropertyMap = {};
    for (const [key, member] of Object.entries(value)) {
      const inner = unwrapSecrets(member, path === "" ? key : `${path}.${key}`);
      secretPaths.push(...inner.secretPaths);
      result[key] = inner.value;
    }
    return { value: result, secretPaths };
  }
  return { value, secretPaths: [] };
}

/** Whether a value, at any depth, holds the unknown sentinel. */
export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) {
    return true;
  }
  if (Array.isArray(value)) {
    return value.some(containsUnknown);
  }
  if (value !== null && typeof value === "object") {
    return Object.values(value).some(containsUnknown);
  }
  return false;
}

/** Deep equality of plain JSON-like values, ignoring the order of object keys. */
export function sameProperties(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((element, index) => sameProperties(element, b[index]))
    );
  }
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const aKeys = Object.keys(a).filter((key) => (a as PropertyMap)[key] !== undefined);
    const bKeys = Object.keys(b).filter((key) => (b as PropertyMap)[key] !== undefined);
    return (
      aKeys.length === bKeys.length &&
      aKeys.every((key) => sameProperties((a as PropertyMap)[key], (b as PropertyMap)[key]))
    );
  }
  return false;
}
