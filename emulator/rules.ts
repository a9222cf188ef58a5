/**
 * The rules of StartOutboundChatContact that the model cannot express, taken from the
 * operation's documentation. Pure functions over the (already model-valid) request body.
 */
import { codePointLength, type ValidationIssue } from "./model/shape-validator";

export const SOURCE_ENDPOINT_TYPE = "CONNECT_PHONENUMBER_ARN";
export const DESTINATION_ENDPOINT_TYPE = "TELEPHONE_NUMBER";

/**
 * Allowed length of InitialSystemMessage.Content per content type (operation docs), in Unicode code
 * points, as AWS counts lengths.
 */
export const INITIAL_MESSAGE_LENGTH_LIMITS: Readonly<
  Record<string, { readonly min: number; readonly max: number }>
> = {
  "text/plain": { min: 1, max: 1024 },
  "text/markdown": { min: 1, max: 1024 },
  "application/json": { min: 1, max: 12000 },
  "application/vnd.amazonaws.connect.message.interactive.response": { min: 1, max: 12288 },
};

/** The content types SupportedMessagingContentTypes may list; `text/plain` must be one of them. */
export const SUPPORTED_MESSAGING_CONTENT_TYPES: readonly string[] = [
  "text/plain",
  "text/markdown",
  "application/json",
  "application/vnd.amazonaws.connect.message.interactive",
  "application/vnd.amazonaws.connect.message.interactive.response",
];

function withinLength(
  text: string,
  limit: { readonly min: number; readonly max: number },
): boolean {
  const length = codePointLength(text);
  return length >= limit.min && length <= limit.max;
}

/** E.164: a `+`, then 2 to 15 digits, not starting with 0. */
const E164 = /^\+[1-9][0-9]{1,14}$/;

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

function endpointIssues(value: unknown, path: string, expectedType: string): ValidationIssue[] {
  if (typeof value !== "object" || value === null) {
    return [];
  }
  const endpoint = value as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  if (endpoint.Type === undefined || endpoint.Type === null) {
    issues.push({ path: `${path}.type`, constraint: "Member must not be null" });
  } else if (endpoint.Type !== expectedType) {
    issues.push({
      path: `${path}.type`,
      constraint: `Member must be ${expectedType} for StartOutboundChatContact`,
    });
  }
  if (typeof endpoint.Address !== "string" || endpoint.Address === "") {
    issues.push({ path: `${path}.address`, constraint: "Member must not be null" });
  }
  return issues;
}

/**
 * Checks the documented rules of StartOutboundChatContact that go beyond the model: the endpoint
 * types each side accepts, an E.164 destination, `text/plain` among the supported content types,
 * the per-content-type length of the initial system message, and the SegmentAttributes rules.
 * Returns every issue found.
 */
export function checkOutboundChatRules(body: Readonly<Record<string, unknown>>): ValidationIssue[] {
  const issues: ValidationIssue[] = [...checkSegmentAttributeRules(body)];
  const destination = record(body.DestinationEndpoint);
  issues.push(...endpointIssues(body.SourceEndpoint, "sourceEndpoint", SOURCE_ENDPOINT_TYPE));
  issues.push(
    ...endpointIssues(body.DestinationEndpoint, "destinationEndpoint", DESTINATION_ENDPOINT_TYPE),
  );
  if (
    destination.Type === DESTINATION_ENDPOINT_TYPE &&
    typeof destination.Address === "string" &&
    destination.Address !== "" &&
    !E164.test(destination.Address)
  ) {
    issues.push({
      path: "destinationEndpoint.address",
      constraint: "Member must be a phone number in E.164 format",
    });
  }

  const contentTypes = body.SupportedMessagingContentTypes;
  if (Array.isArray(contentTypes)) {
    if (!contentTypes.includes("text/plain")) {
      issues.push({
        path: "supportedMessagingContentTypes",
        constraint: "Member must contain text/plain",
      });
    }
    contentTypes.forEach((type: unknown, index) => {
      if (typeof type === "string" && !SUPPORTED_MESSAGING_CONTENT_TYPES.includes(type)) {
        issues.push({
          path: `supportedMessagingContentTypes.${index + 1}.member`,
          constraint: `Member must satisfy enum value set: [${SUPPORTED_MESSAGING_CONTENT_TYPES.join(", ")}]`,
        });
      }
    });
  }

  const message = body.InitialSystemMessage;
  if (message !== undefined && message !== null) {
    const { ContentType: contentType, Content: content } = record(message);
    if (typeof contentType === "string" && typeof content === "string") {
      const limit = INITIAL_MESSAGE_LENGTH_LIMITS[contentType];
      if (limit === undefined) {
        issues.push({
          path: "initialSystemMessage.contentType",
          constraint: `Member must satisfy enum value set: [${Object.keys(INITIAL_MESSAGE_LENGTH_LIMITS).join(", ")}]`,
        });
      } else if (!withinLength(content, limit)) {
        issues.push({
          path: "initialSystemMessage.content",
          constraint: `Member must have length between ${limit.min} and ${limit.max} for content type ${contentType}`,
        });
      }
    }
  }
  return issues;
}

/** A top-level segment attribute key: user-defined (alphanumeric, - and _) or `connect:`-prefixed. */
const SEGMENT_KEY = /^(connect:)?[A-Za-z0-9_-]+$/;
/** An attribute key, as UpdateContactAttributes documents it: alphanumeric, dash and underscore. */
const ATTRIBUTE_KEY = /^[A-Za-z0-9_-]+$/;
/** The subtypes StartOutboundChatContact documents for `connect:Subtype`. */
export const OUTBOUND_CHAT_SUBTYPES: readonly string[] = ["connect:SMS", "connect:WhatsApp"];

/** Issues of segment attribute values under one key; `system` is whether the key is `connect:`. */
function segmentValueIssues(value: unknown, path: string, system: boolean): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  // Walks without recursion: the body's depth is bounded before this runs, but stays cheap anyway.
  const stack: Array<{ value: unknown; path: string }> = [{ value, path }];
  while (stack.length > 0) {
    const { value: current, path: at } = stack.pop()!;
    const entry = record(current);
    if (!system) {
      for (const member of ["ValueList", "ValueArn"]) {
        if (entry[member] !== undefined && entry[member] !== null) {
          issues.push({
            path: `${at}.${member[0].toLowerCase()}${member.slice(1)}`,
            constraint: "Member is only supported for system-defined attributes",
          });
        }
      }
    }
    for (const [key, nested] of Object.entries(record(entry.ValueMap))) {
      stack.push({ value: nested, path: `${at}.valueMap.${key}` });
    }
    if (Array.isArray(entry.ValueList)) {
      entry.ValueList.forEach((nested: unknown, index) =>
        stack.push({ value: nested, path: `${at}.valueList.${index + 1}.member` }),
      );
    }
  }
  return issues;
}

/**
 * The documented rules of SegmentAttributes: top-level keys of alphanumeric, `-` and `_` (system
 * keys prefixed `connect:`), ValueList and ValueArn only under system keys, and `connect:Subtype`
 * one of the outbound chat subtypes.
 */
export function checkSegmentAttributeRules(
  body: Readonly<Record<string, unknown>>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [key, value] of Object.entries(record(body.SegmentAttributes))) {
    const path = `segmentAttributes.${key}`;
    if (!SEGMENT_KEY.test(key)) {
      issues.push({
        path: "segmentAttributes",
        constraint: "Map keys must contain only alphanumeric characters, - and _",
      });
      continue;
    }
    issues.push(...segmentValueIssues(value, path, key.startsWith("connect:")));
    if (key === "connect:Subtype") {
      const subtype = record(value).ValueString;
      if (typeof subtype !== "string" || !OUTBOUND_CHAT_SUBTYPES.includes(subtype)) {
        issues.push({
          path: `${path}.valueString`,
          constraint: `Member must satisfy enum value set: [${OUTBOUND_CHAT_SUBTYPES.join(", ")}]`,
        });
      }
    }
  }
  return issues;
}

/**
 * Attribute keys of UpdateContactAttributes: "Attribute keys can include only alphanumeric, dash,
 * and underscore characters" (the model's documentation of that member). StartOutboundChatContact's
 * Attributes document no such rule, so they are not checked there.
 */
export function checkAttributeKeys(body: Readonly<Record<string, unknown>>): ValidationIssue[] {
  return Object.keys(record(body.Attributes)).some((key) => !ATTRIBUTE_KEY.test(key))
    ? [
        {
          path: "attributes",
          constraint: "Map keys must contain only alphanumeric characters, dash and underscore",
        },
      ]
    : [];
}
