/**
 * A small generic validator that walks a value against a shape of the model and reports every
 * violated constraint the model declares: required members, string/list/map length (`min`,
 * `max`), numeric range, `enum`, `pattern`, unions, and JSON types.
 *
 * Messages follow the style of AWS's server-side validation ("Value at 'x.y' failed to satisfy
 * constraint: ..."), but never echo the offending value: it may be a phone number or message text.
 */
import { getShape, type ServiceModel, type Shape } from "./model";

export interface ValidationIssue {
  /** The member path in AWS's style: camelCased names joined by dots (`destinationEndpoint.address`). */
  readonly path: string;
  /** The violated constraint, as a sentence ("Member must not be null"). */
  readonly constraint: string;
}

/** Coral-style member naming: the first letter lowered (`DestinationEndpoint` -> `destinationEndpoint`). */
export function memberPathName(memberName: string): string {
  return memberName.charAt(0).toLowerCase() + memberName.slice(1);
}

function join(path: string, name: string): string {
  return path === "" ? name : `${path}.${name}`;
}

/**
 * The length of a string as Smithy and AWS count it: in Unicode code points, so an emoji (two
 * UTF-16 code units) counts once. A lone surrogate counts as one.
 */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _codePoint of text) {
    count += 1;
  }
  return count;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The model's `min`/`max` bounds of a shape, applied to a string's length or a number's value,
 * worded as the service words them ("Member must have length greater than or equal to 1").
 */
function boundIssues(
  shape: Shape,
  measured: number,
  what: "length" | "value",
  path: string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (shape.min !== undefined && measured < shape.min) {
    issues.push({
      path,
      constraint: `Member must have ${what} greater than or equal to ${shape.min}`,
    });
  }
  if (shape.max !== undefined && measured > shape.max) {
    issues.push({
      path,
      constraint: `Member must have ${what} less than or equal to ${shape.max}`,
    });
  }
  return issues;
}

function validateString(shape: Shape, value: unknown, path: string): ValidationIssue[] {
  if (typeof value !== "string") {
    return [{ path, constraint: "Member must be a string" }];
  }
  const issues = boundIssues(shape, codePointLength(value), "length", path);
  if (shape.enum !== undefined && !shape.enum.includes(value)) {
    issues.push({
      path,
      constraint: `Member must satisfy enum value set: [${shape.enum.join(", ")}]`,
    });
  }
  if (shape.pattern !== undefined && !new RegExp(shape.pattern, "u").test(value)) {
    issues.push({
      path,
      constraint: `Member must satisfy regular expression pattern: ${shape.pattern}`,
    });
  }
  return issues;
}

function validateNumber(shape: Shape, value: unknown, path: string): ValidationIssue[] {
  const integral = shape.type === "integer" || shape.type === "long";
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return [{ path, constraint: "Member must be a number" }];
  }
  if (integral && !Number.isInteger(value)) {
    return [{ path, constraint: "Member must be an integer" }];
  }
  // A Smithy `integer` is 32 bits (a `long`, 64, is bounded by what JSON numbers carry exactly).
  if (shape.type === "integer" && (value < -(2 ** 31) || value > 2 ** 31 - 1)) {
    return [{ path, constraint: "Member must be a 32-bit integer" }];
  }
  return boundIssues(shape, value, "value", path);
}

function validateStructure(
  model: ServiceModel,
  shape: Shape,
  value: unknown,
  path: string,
): ValidationIssue[] {
  if (!isPlainObject(value)) {
    return [{ path, constraint: "Member must be an object" }];
  }
  const members = shape.members ?? {};
  const issues: ValidationIssue[] = [];
  for (const name of shape.required ?? []) {
    if (value[name] === undefined || value[name] === null) {
      issues.push({
        path: join(path, memberPathName(name)),
        constraint: "Member must not be null",
      });
    }
  }
  const setMembers: string[] = [];
  for (const [name, ref] of Object.entries(members)) {
    const member = value[name];
    if (member === undefined || member === null) {
      continue;
    }
    setMembers.push(name);
    issues.push(...validateValue(model, ref.shape, member, join(path, memberPathName(name))));
  }
  if (shape.union === true && setMembers.length !== 1) {
    issues.push({ path, constraint: "Member must have exactly one member set" });
  }
  return issues;
}

function validateList(
  model: ServiceModel,
  shape: Shape,
  value: unknown,
  path: string,
): ValidationIssue[] {
  if (!Array.isArray(value)) {
    return [{ path, constraint: "Member must be a list" }];
  }
  const issues = boundIssues(shape, value.length, "length", path);
  const memberShape = shape.member?.shape;
  if (memberShape !== undefined) {
    value.forEach((item: unknown, index) => {
      const itemPath = join(path, `${index + 1}.member`);
      if (item === null || item === undefined) {
        issues.push({ path: itemPath, constraint: "Member must not be null" });
      } else {
        issues.push(...validateValue(model, memberShape, item, itemPath));
      }
    });
  }
  return issues;
}

function validateMap(
  model: ServiceModel,
  shape: Shape,
  value: unknown,
  path: string,
): ValidationIssue[] {
  if (!isPlainObject(value)) {
    return [{ path, constraint: "Member must be a map" }];
  }
  const entries = Object.entries(value);
  const issues = boundIssues(shape, entries.length, "length", path);
  for (const [key, item] of entries) {
    if (shape.key !== undefined) {
      for (const issue of validateValue(model, shape.key.shape, key, path)) {
        issues.push({
          path,
          constraint: `Map keys must satisfy constraint: [${issue.constraint}]`,
        });
      }
    }
    const itemPath = join(path, key);
    if (item === null || item === undefined) {
      issues.push({ path: itemPath, constraint: "Member must not be null" });
    } else if (shape.value !== undefined) {
      issues.push(...validateValue(model, shape.value.shape, item, itemPath));
    }
  }
  return issues;
}

/**
 * Validates `value` against the shape named `shapeName`, returning every issue found (empty when
 * valid). Members the model does not define are ignored, as the service ignores them.
 */
export function validateValue(
  model: ServiceModel,
  shapeName: string,
  value: unknown,
  path = "",
): ValidationIssue[] {
  const shape = getShape(model, shapeName);
  switch (shape.type) {
    case "structure":
      return validateStructure(model, shape, value, path);
    case "list":
      return validateList(model, shape, value, path);
    case "map":
      return validateMap(model, shape, value, path);
    case "string":
      return validateString(shape, value, path);
    case "integer":
    case "long":
    case "float":
    case "double":
      return validateNumber(shape, value, path);
    case "boolean":
      return typeof value === "boolean" ? [] : [{ path, constraint: "Member must be a boolean" }];
    case "timestamp":
      return typeof value === "number" || typeof value === "string"
        ? []
        : [{ path, constraint: "Member must be a timestamp" }];
    default:
      return [];
  }
}

/**
 * Formats issues as the message of an InvalidRequestException, in AWS's style:
 * "2 validation errors detected: Value at 'a' failed to satisfy constraint: ...; Value at 'b' ...".
 * A missing member reads "Value null at 'a' ...".
 */
export function formatValidationMessage(issues: readonly ValidationIssue[]): string {
  const count = issues.length;
  const details = issues
    .map((issue) => {
      const subject = issue.constraint === "Member must not be null" ? "Value null" : "Value";
      return `${subject} at '${issue.path}' failed to satisfy constraint: ${issue.constraint}`;
    })
    .join("; ");
  return `${count} validation error${count === 1 ? "" : "s"} detected: ${details}`;
}
