/**
 * What of Amazon Connect's own error message may be passed on to the user.
 *
 * The service echoes input in its messages ("Value 'Hello Ada' at 'initialSystemMessage.content'
 * failed to satisfy constraint", "Endpoint 415.555.0123 is not valid"), quoted or not, in forms no
 * pattern can list: a phone number written with dots or brackets, the words of a chat message, a
 * template attribute's value. So nothing of the message is passed on but the names of the request's
 * members it mentions (`initialSystemMessage.content`), matched against the API's own member names:
 * an allow-list, which holds for any format. Everything else stays in the error's `cause`.
 */

/**
 * The members of the requests the provider sends (StartOutboundChatContact, DescribeContact,
 * StopContact, UpdateContactAttributes) and of their nested shapes, as the AWS model names them.
 */
const API_MEMBER_NAMES: readonly string[] = [
  "Address",
  "Attributes",
  "ChatDurationInMinutes",
  "ClientToken",
  "ContactFlowId",
  "ContactId",
  "Content",
  "ContentType",
  "CustomAttributes",
  "CustomerProfileAttributes",
  "DestinationEndpoint",
  "DisconnectReason",
  "DisplayName",
  "InitialContactId",
  "InitialSystemMessage",
  "InitialTemplatedSystemMessage",
  "InstanceId",
  "KnowledgeBaseId",
  "MessageTemplateId",
  "ParticipantDetails",
  "RelatedContactId",
  "SegmentAttributes",
  "SourceEndpoint",
  "SupportedMessagingContentTypes",
  "TemplateAttributes",
  "Type",
  "ValueArn",
  "ValueInteger",
  "ValueList",
  "ValueMap",
  "ValueString",
];

/** The top-level members, which are recognised alone (`contactFlowId`); nested ones only in a path. */
const TOP_LEVEL_MEMBER_NAMES: readonly string[] = [
  "Attributes",
  "ChatDurationInMinutes",
  "ClientToken",
  "ContactFlowId",
  "ContactId",
  "DestinationEndpoint",
  "InitialContactId",
  "InitialSystemMessage",
  "InitialTemplatedSystemMessage",
  "InstanceId",
  "ParticipantDetails",
  "RelatedContactId",
  "SegmentAttributes",
  "SourceEndpoint",
  "SupportedMessagingContentTypes",
];

/** How many member names a message passes on at the most. */
const MAX_NAMES = 5;
/** A word or a dotted path of words. */
const PATH = /[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*/g;

const lowered = (names: readonly string[]): string[] => names.map((n) => n.toLowerCase());

function isMemberPath(token: string): boolean {
  const segments = token.split(".");
  if (segments.length === 1) {
    // Alone, only a top-level member written as the API or the SDK writes it (ContactFlowId or
    // contactFlowId): a plain word of a message is not taken for a member name.
    const camel = TOP_LEVEL_MEMBER_NAMES.map((n) => n[0].toLowerCase() + n.slice(1));
    return TOP_LEVEL_MEMBER_NAMES.includes(token) || camel.includes(token);
  }
  const members = lowered(API_MEMBER_NAMES);
  return segments.every((segment) => members.includes(segment.toLowerCase()));
}

/**
 * Returns the API member names (or dotted member paths) that a service message mentions, in the
 * order it mentions them, without repeats, at most 5; nothing else of the message.
 */
export function memberNamesIn(message: unknown): string[] {
  if (typeof message !== "string") {
    return [];
  }
  const found: string[] = [];
  for (const [token] of message.slice(0, 4096).matchAll(PATH)) {
    if (isMemberPath(token) && !found.includes(token)) {
      found.push(token);
      if (found.length === MAX_NAMES) {
        break;
      }
    }
  }
  return found;
}
