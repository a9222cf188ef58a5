/**
 * The Pulumi package schema of the resource, and README's tables of its arguments and of the AWS
 * settings, generated from the table of arguments (`arguments.ts`) and the table of settings
 * (`settings.ts`). `npm run schema` writes `schema.json` and README's tables; a test fails when
 * the file or README differs from what this module generates.
 */
import {
  ANY_REF,
  ARGUMENT_ENTRIES,
  Argument,
  ALWAYS_OUTPUTS,
  COMPUTED_OUTPUTS,
  PACKAGE_NAME,
  SchemaType,
  TYPE_PREFIX,
} from "./arguments";
import { AssumeRole, Setting, SETTING_NAMES, SETTINGS, stackKeyOf } from "./settings";
import type {
  ChatMessage,
  DestinationEndpoint,
  ParticipantDetails,
  SegmentAttributeValue,
  SourceEndpoint,
  TemplateAttributes,
  TemplatedMessageConfig,
} from "./types";

/** The resource's type token in the package schema (a native provider's). */
export const RESOURCE_TOKEN = `${TYPE_PREFIX}OutboundChatContact`;

/** A property as the schema writes it. */
type PropertySpec = SchemaType & {
  readonly description: string;
  readonly secret?: true;
  readonly replaceOnChanges?: true;
};

interface ObjectTypeSpec<T> {
  readonly description: string;
  readonly properties: { readonly [K in keyof T]-?: PropertySpec };
  readonly required: readonly (keyof T)[];
}

const STRING = { type: "string" } as const;
const doc = (description: string, type: SchemaType = STRING): PropertySpec => ({
  ...type,
  description,
});
const ref = (name: string): SchemaType => ({ $ref: `#/types/${TYPE_PREFIX}${name}` });

/**
 * The object types of the arguments, member by member. Their members' rules are in
 * `validation/`; the TypeScript shapes they describe are in `types.ts`, and the compiler checks
 * that each spec names every member of its shape.
 */
const OBJECT_TYPES = {
  SourceEndpoint: {
    description: "The number a message comes from.",
    properties: {
      type: doc(
        'The endpoint type: `"CONNECT_PHONENUMBER_ARN"`, the only one the API accepts here.',
      ),
      address: doc("The ARN of a phone number claimed by the Amazon Connect instance."),
    },
    required: ["address"],
  } satisfies ObjectTypeSpec<SourceEndpoint>,
  DestinationEndpoint: {
    description: "The customer's number.",
    properties: {
      type: doc('The endpoint type: `"TELEPHONE_NUMBER"`, the only one the API accepts here.'),
      address: doc("The customer's phone number in E.164 format, such as `+14155550100`."),
    },
    required: ["address"],
  } satisfies ObjectTypeSpec<DestinationEndpoint>,
  SegmentAttributeValue: {
    description: "A segment attribute value: set exactly one of its members.",
    properties: {
      valueString: doc("A string value, 0..1024 characters."),
      valueMap: doc("A map of nested values.", {
        type: "object",
        additionalProperties: ref("SegmentAttributeValue"),
      }),
      valueInteger: doc("An integer value.", { type: "integer" }),
      valueList: doc("A list of values; only on system-defined keys (`connect:`).", {
        type: "array",
        items: ref("SegmentAttributeValue"),
      }),
      valueArn: doc("An ARN; only on system-defined keys (`connect:`)."),
    },
    required: [],
  } satisfies ObjectTypeSpec<SegmentAttributeValue>,
  ParticipantDetails: {
    description: "The customer participant's details.",
    properties: { displayName: doc("The display name of the participant, 1..256 characters.") },
    required: ["displayName"],
  } satisfies ObjectTypeSpec<ParticipantDetails>,
  ChatMessage: {
    description: "A chat message.",
    properties: {
      contentType: doc(
        "`text/plain`, `text/markdown`, `application/json` or `application/vnd.amazonaws.connect.message.interactive.response`.",
      ),
      content: doc("The message."),
    },
    required: ["contentType", "content"],
  } satisfies ObjectTypeSpec<ChatMessage>,
  TemplatedMessageConfig: {
    description: "A first message built from an Amazon Q in Connect message template.",
    properties: {
      knowledgeBaseId: doc(
        "The ID or ARN of the Amazon Q in Connect knowledge base, 1..500 characters.",
      ),
      messageTemplateId: doc("The ID of the message template, 1..500 characters."),
      templateAttributes: doc(
        "The values for the template's variables.",
        ref("TemplateAttributes"),
      ),
    },
    required: ["knowledgeBaseId", "messageTemplateId", "templateAttributes"],
  } satisfies ObjectTypeSpec<TemplatedMessageConfig>,
  TemplateAttributes: {
    description: "The values of a message template's variables.",
    properties: {
      customAttributes: doc("Values for the template's custom variables.", {
        type: "object",
        additionalProperties: STRING,
      }),
      customerProfileAttributes: doc("Customer Profiles attributes, serialized as a JSON string."),
    },
    required: [],
  } satisfies ObjectTypeSpec<TemplateAttributes>,
};

/** The provider configuration's object types: @pulumi/aws's `assumeRoles` entries and `endpoints`. */
const CONFIG_TYPES = {
  "connect-outbound-chat:config:AssumeRole": {
    type: "object",
    description: "A role to assume with STS AssumeRole.",
    properties: {
      roleArn: doc("The ARN of the role."),
      sessionName: doc('The session name. Default: "pulumi-connect-outbound-chat".'),
      externalId: doc("The external ID the role's trust policy asks for."),
      duration: doc('How long the session lasts, such as "1h" or "15m".'),
      policy: doc("A session policy (JSON) that narrows what the session may do."),
    } satisfies { readonly [K in keyof AssumeRole]-?: PropertySpec },
    required: ["roleArn"],
  },
  "connect-outbound-chat:config:Endpoints": {
    type: "object",
    description: "Endpoints by service.",
    properties: {
      connect: doc("The Amazon Connect endpoint."),
      sts: doc("The STS endpoint, for assuming roles."),
    },
  },
};

/** The provider configuration's properties, from the table of settings. */
function settingProperties(): Record<string, PropertySpec> {
  return Object.fromEntries(
    SETTING_NAMES.map((name) => {
      const setting: Setting = SETTINGS[name];
      const env = setting.env === undefined ? "" : ` Over the environment's ${setting.env}.`;
      return [
        name,
        {
          ...setting.schema,
          description: `${setting.doc}${env}`,
          ...(setting.secret ? { secret: true as const } : {}),
        },
      ];
    }),
  );
}

/** An argument's description: its documentation and, when it has one, its default. */
function describeArgument(argument: Argument): string {
  return argument.whenLeftOut === undefined
    ? argument.doc
    : `${argument.doc}\n\nDefault: ${argument.whenLeftOut}.`;
}

function inputProperty(argument: Argument): PropertySpec {
  return {
    ...argument.schema,
    description: describeArgument(argument),
    ...(argument.secret === "always" ? { secret: true as const } : {}),
    ...(argument.change === "replace" ? { replaceOnChanges: true as const } : {}),
  };
}

function outputProperty(argument: Argument): PropertySpec {
  return {
    ...argument.schema,
    description: describeArgument(argument),
    ...(argument.secret !== undefined ? { secret: true as const } : {}),
  };
}

const DESCRIPTION =
  "An Amazon Connect outbound chat contact: an SMS or WhatsApp conversation started with " +
  "StartOutboundChatContact. `pulumi up` sends it once; running again, after a crash, a retry " +
  "or a timeout, never sends it twice, and `pulumi preview` never sends anything.";

/** The package schema, as `schema.json` holds it. */
export function packageSchema(): Record<string, unknown> {
  const inputProperties = Object.fromEntries(
    ARGUMENT_ENTRIES.map(([name, argument]) => [name, inputProperty(argument)]),
  );
  const properties = {
    ...Object.fromEntries(
      ARGUMENT_ENTRIES.map(([name, argument]) => [name, outputProperty(argument)]),
    ),
    ...Object.fromEntries(
      Object.entries(COMPUTED_OUTPUTS).map(([name, output]) => [
        name,
        { ...output.schema, description: output.doc },
      ]),
    ),
  };
  return {
    name: PACKAGE_NAME,
    displayName: "Amazon Connect outbound chat",
    description:
      "Amazon Connect outbound SMS and WhatsApp contacts (StartOutboundChatContact) as Pulumi resources, sent exactly once.",
    keywords: [
      "pulumi",
      "aws",
      "amazon-connect",
      "sms",
      "whatsapp",
      "category/cloud",
      "kind/native",
    ],
    homepage: "https://github.com/pulumi-connect-outbound-chat/pulumi-connect-outbound-chat",
    repository: "https://github.com/pulumi-connect-outbound-chat/pulumi-connect-outbound-chat",
    license: "Apache-2.0",
    publisher: "pulumi-connect-outbound-chat",
    meta: { moduleFormat: "(.*)" },
    config: { variables: settingProperties() },
    provider: {
      description:
        "The provider's AWS settings, with @pulumi/aws's names and meaning; each wins over the environment.",
      inputProperties: settingProperties(),
    },
    types: {
      ...Object.fromEntries(
        Object.entries(OBJECT_TYPES).map(([name, spec]) => [
          `${TYPE_PREFIX}${name}`,
          { type: "object", ...spec },
        ]),
      ),
      ...CONFIG_TYPES,
    },
    resources: {
      [RESOURCE_TOKEN]: {
        description: DESCRIPTION,
        inputProperties,
        requiredInputs: ARGUMENT_ENTRIES.filter(
          ([, argument]) => argument.whenLeftOut === undefined,
        ).map(([name]) => name),
        properties,
        required: ALWAYS_OUTPUTS,
      },
    },
    language: {
      go: {
        importBasePath:
          "github.com/pulumi-connect-outbound-chat/pulumi-connect-outbound-chat/sdk/go/connectoutboundchat",
        generateResourceContainerTypes: true,
      },
      python: {
        packageName: "pulumi_connect_outbound_chat",
        pyproject: { enabled: true },
        respectSchemaVersion: true,
      },
    },
  };
}

/** The schema as `schema.json` is written: two-space indented, with a final newline. */
export function schemaText(): string {
  return `${JSON.stringify(packageSchema(), null, 2)}\n`;
}

/** The name of the type a schema reference names (`SourceEndpoint`); undefined for any value. */
export function refTypeName(ref: string): string | undefined {
  return ref === ANY_REF ? undefined : ref.slice(ref.lastIndexOf(":") + 1);
}

/** A schema type in words, for README: `string`, `list of string`, `map of SegmentAttributeValue`. */
function typeInWords(type: SchemaType): string {
  if ("$ref" in type) {
    return refTypeName(type.$ref) ?? "any";
  }
  if (type.type === "array") return `list of ${typeInWords(type.items)}`;
  if (type.type === "object") return `map of ${typeInWords(type.additionalProperties)}`;
  return type.type === "integer" ? "number (whole)" : type.type;
}

/** The Markdown table of the arguments that README shows between its two markers. */
export function argumentsTable(): string {
  const rows = ARGUMENT_ENTRIES.map(([name, argument]) => {
    const member = argument.member ?? "—";
    const given = argument.whenLeftOut === undefined ? "**required**" : argument.whenLeftOut;
    const change = argument.change === "replace" ? "sends a new contact" : "in place";
    return `| \`${name}\` | ${member} | ${typeInWords(argument.schema)} | ${given} | ${change} | ${argument.doc} |`;
  });
  return [
    "| Argument | API member | Type | When left out | A change | What it is |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

export const README_TABLE_START =
  "<!-- arguments: generated from provider/arguments.ts by `npm run schema` -->";
export const README_TABLE_END = "<!-- arguments: end -->";

/**
 * The Markdown table of the AWS settings that README shows between its two markers: each
 * setting's name for the dynamic resource (`aws:<name>`, `connect:clientTokenKey`) and for the native provider
 * (`connect-outbound-chat:<name>`, or the provider argument `<name>`), and the environment
 * variables it wins over.
 */
export function settingsTable(): string {
  const code = (text: string) => `\`${text}\``;
  const rows = SETTING_NAMES.map((name) => {
    const setting: Setting = SETTINGS[name];
    const type = `${typeInWords(setting.schema)}${setting.secret ? ", secret" : ""}`;
    const env = setting.env === undefined ? "—" : setting.env.split(", ").map(code).join(", ");
    return `| ${code(name)} | ${type} | ${code(stackKeyOf(name))} | ${code(`${PACKAGE_NAME}:${name}`)} | ${env} | ${setting.doc} |`;
  });
  return [
    "| Setting | Type | Dynamic resource: stack config | Native provider: stack config | Wins over | What it is |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

export const README_SETTINGS_START =
  "<!-- settings: generated from provider/settings.ts by `npm run schema` -->";
export const README_SETTINGS_END = "<!-- settings: end -->";
