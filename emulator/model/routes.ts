/**
 * Matches an HTTP method and path to an operation, from the `http` bindings of the model.
 */
import { CONNECT_MODEL, OPERATION_NAMES, type OperationName, type ServiceModel } from "./model";

export interface RouteMatch {
  readonly operation: OperationName;
  /** Values of the URI labels (`{InstanceId}`), percent-decoded. */
  readonly labels: Readonly<Record<string, string>>;
}

interface Route {
  readonly operation: OperationName;
  readonly method: string;
  readonly pattern: RegExp;
  readonly labelNames: readonly string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Builds the route table of the given operations from the model's `requestUri` templates. */
export function buildRoutes(
  model: ServiceModel,
  operations: readonly OperationName[],
): readonly Route[] {
  return operations.map((operation) => {
    const { method, requestUri } = model.operations[operation].http;
    const labelNames: string[] = [];
    const source = requestUri
      .split(/(\{[A-Za-z0-9_]+\+?\})/)
      .map((part) => {
        const label = /^\{([A-Za-z0-9_]+)(\+?)\}$/.exec(part);
        if (label === null) {
          return escapeRegExp(part);
        }
        labelNames.push(label[1]);
        return label[2] === "+" ? "(.+)" : "([^/]+)";
      })
      .join("");
    return { operation, method, pattern: new RegExp(`^${source}$`), labelNames };
  });
}

const ROUTES = buildRoutes(CONNECT_MODEL, OPERATION_NAMES);

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The operation for `method` + `path` (path without query), or undefined when none matches. */
export function matchRoute(method: string, path: string): RouteMatch | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) {
      continue;
    }
    const found = route.pattern.exec(path);
    if (found === null) {
      continue;
    }
    const labels: Record<string, string> = {};
    for (const [index, name] of route.labelNames.entries()) {
      const decoded = safeDecode(found[index + 1]);
      if (decoded === undefined) {
        return undefined;
      }
      labels[name] = decoded;
    }
    return { operation: route.operation, labels };
  }
  return undefined;
}
