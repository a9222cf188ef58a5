/**
 * The AWS settings, with @pulumi/aws's names and meaning: `region`, `profile`, `sharedConfigFiles`,
 * `sharedCredentialsFiles`, `assumeRoles` (and the older `assumeRole`), `endpoints` (its `connect`
 * and `sts` entries), `accessKey`/`secretKey`/`token`, `skipRegionValidation` is not needed (no
 * Region list is kept). One module resolves them for both faces: the dynamic provider reads them
 * from the stack's `aws:*` settings (`configure`, or `PULUMI_CONFIG`), the native provider from its
 * provider configuration. A setting given there wins over the environment, as with @pulumi/aws.
 *
 * Settings are kept in this process when the engine configures it, never captured by the closure
 * serializer, and read when a call is made.
 */
import { OutboundChatContactError, outboundChatContactError } from "./contact-error";

/** A role to assume, as @pulumi/aws's `assumeRoles` entries have it. */
export interface AssumeRole {
  readonly roleArn: string;
  /** @default - "pulumi-connect-outbound-chat" */
  readonly sessionName?: string;
  /** @default - none */
  readonly externalId?: string;
  /** The session's duration, such as "1h" or "15m". @default - the role's default (1 hour) */
  readonly duration?: string;
  /** @default - none */
  readonly policy?: string;
}

/** The AWS settings of a stack or a provider. Every member may be left out. */
export interface AwsSettings {
  readonly region?: string;
  readonly profile?: string;
  readonly sharedConfigFiles?: readonly string[];
  readonly sharedCredentialsFiles?: readonly string[];
  readonly assumeRoles?: readonly AssumeRole[];
  /** Endpoints by service: `connect`, `sts`. */
  readonly endpoints?: Readonly<Record<string, string>>;
  readonly accessKey?: string;
  readonly secretKey?: string;
  readonly token?: string;
  /**
   * Not an AWS setting but this package's: the key of the ClientToken's HMAC (`request.ts`).
   * @default - none: the token is a plain SHA-256 digest
   */
  readonly clientTokenKey?: string;
}

/** A setting: what it is, its type in the package schema, and whether it is a secret. */
export interface Setting {
  readonly doc: string;
  readonly schema:
    | { readonly type: "string" }
    | {
        readonly type: "array";
        readonly items: { readonly type: "string" } | { readonly $ref: string };
      }
    | { readonly $ref: string };
  readonly secret?: true;
  /** The environment variables it takes the place of, for README. @default - none */
  readonly env?: string;
}

/**
 * The settings, as the native provider's configuration and the stack's `aws:<name>` spell them,
 * with @pulumi/aws's meaning. A setting wins over its environment variable.
 */
export const SETTINGS = {
  region: {
    doc: "The AWS Region of the instances, when neither the resource's `region` nor an instance ARN gives one.",
    schema: { type: "string" },
    env: "AWS_REGION, AWS_DEFAULT_REGION",
  },
  profile: {
    doc: "The profile of the shared config and credentials files to take credentials (and a Region) from.",
    schema: { type: "string" },
    env: "AWS_PROFILE",
  },
  sharedConfigFiles: {
    doc: "The shared config file to read (one path; the AWS SDK for JavaScript reads one).",
    schema: { type: "array", items: { type: "string" } },
    env: "AWS_CONFIG_FILE",
  },
  sharedCredentialsFiles: {
    doc: "The shared credentials file to read (one path).",
    schema: { type: "array", items: { type: "string" } },
    env: "AWS_SHARED_CREDENTIALS_FILE",
  },
  assumeRoles: {
    doc: "Roles to assume in turn with STS AssumeRole: `[{ roleArn, sessionName?, externalId?, duration?, policy? }]`.",
    schema: { type: "array", items: { $ref: "#/types/connect-outbound-chat:config:AssumeRole" } },
  },
  assumeRole: {
    doc: "One role to assume (the older, single form of `assumeRoles`), assumed after those.",
    schema: { $ref: "#/types/connect-outbound-chat:config:AssumeRole" },
  },
  endpoints: {
    doc: 'Endpoints by service, as `[{ connect: "https://..." }]`; `connect` and `sts` are used.',
    schema: { type: "array", items: { $ref: "#/types/connect-outbound-chat:config:Endpoints" } },
    env: "AWS_ENDPOINT_URL_CONNECT, AWS_ENDPOINT_URL_STS",
  },
  accessKey: {
    doc: "An access key ID, with `secretKey`, instead of the profile or the environment's.",
    schema: { type: "string" },
    secret: true,
    env: "AWS_ACCESS_KEY_ID",
  },
  secretKey: {
    doc: "The secret of `accessKey`.",
    schema: { type: "string" },
    secret: true,
    env: "AWS_SECRET_ACCESS_KEY",
  },
  token: {
    doc: "A session token, with `accessKey` and `secretKey`.",
    schema: { type: "string" },
    secret: true,
    env: "AWS_SESSION_TOKEN",
  },
  clientTokenKey: {
    doc: "A secret key for the derived ClientTokens (HMAC-SHA-256), so that a token AWS records in the account's logs cannot be searched back to the number. Stack config `connect:clientTokenKey` for the dynamic resource. Set it before the first send and keep it: contacts already sent keep their tokens, but a create interrupted before a change of key and retried after it would send again.",
    schema: { type: "string" },
    secret: true,
  },
} satisfies Record<keyof AwsSettings | "assumeRole", Setting>;

/** The names of the settings, in the table's order. */
export const SETTING_NAMES = Object.keys(SETTINGS) as (keyof typeof SETTINGS)[];

/** A setting that cannot be used (or none that gives a Region), naming the setting. */
export function settingsError(
  setting: string,
  message: string,
  code: "InvalidAwsSetting" | "NoRegion" = "InvalidAwsSetting",
): OutboundChatContactError & { readonly setting: string } {
  return Object.assign(outboundChatContactError(code, message), { setting });
}

/** The settings as the engine configured this process; empty until then. */
const configured: { settings: AwsSettings } = { settings: {} };

/** Keeps the settings the engine passed (the dynamic provider's `configure`, the native Configure). */
export function configureSettings(settings: AwsSettings): void {
  configured.settings = settings;
}

/**
 * The settings in force: those configured, else the stack's `aws:*` settings the engine hands a
 * dynamic provider's process in `PULUMI_CONFIG` (when `configure` did not run).
 */
export function currentSettings(env: NodeJS.ProcessEnv = process.env): AwsSettings {
  if (Object.keys(configured.settings).length > 0) {
    return configured.settings;
  }
  return settingsFromStackConfig(stackConfigFromEnv(env));
}

/** The stack configuration the engine passes in `PULUMI_CONFIG` (a JSON object), or none. */
export function stackConfigFromEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(env.PULUMI_CONFIG ?? "{}");
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * The settings from a stack's configuration (`aws:region`, `aws:profile`, ...), whose values are
 * strings; lists and objects are JSON text, as `pulumi config set --path` writes them.
 */
export function settingsFromStackConfig(config: Readonly<Record<string, unknown>>): AwsSettings {
  const values = Object.fromEntries(
    SETTING_NAMES.map((name) => [name, rawSetting(config[stackKeyOf(name)])]),
  );
  return settingsFrom(values, "aws:");
}

/** The stack config key of a setting: `aws:<name>`, and `connect:clientTokenKey` for the token's key. */
export function stackKeyOf(name: (typeof SETTING_NAMES)[number]): string {
  return name === "clientTokenKey" ? "connect:clientTokenKey" : `aws:${name}`;
}

/** The settings from the native provider's configuration (`region`, `profile`, ...). */
export function settingsFromProviderConfig(config: Readonly<Record<string, unknown>>): AwsSettings {
  const values = Object.fromEntries(SETTING_NAMES.map((name) => [name, rawSetting(config[name])]));
  return settingsFrom(values, "");
}

/**
 * A setting's value as given: none when left out, null or blank; a list or an object when it is
 * JSON text of one (as `pulumi config set --path` writes them); any other text as it is, so that
 * a profile named `123` stays a name.
 */
function rawSetting(value: unknown): unknown {
  if (value === null || value === "") return undefined;
  if (typeof value !== "string") return value;
  const first = value.trimStart()[0];
  if (first !== "[" && first !== "{") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** Checks and normalizes raw settings; `prefix` is how they are named in messages (`aws:`). */
function settingsFrom(values: Record<string, unknown>, prefix: string): AwsSettings {
  const text = (name: string): string | undefined => {
    const value = values[name];
    if (value === undefined) return undefined;
    if (typeof value !== "string") {
      throw settingsError(
        `${prefix}${name}`,
        `${prefix}${name} must be a string; received ${Array.isArray(value) ? "a list" : typeof value}.`,
      );
    }
    return value;
  };
  const list = (name: string): string[] | undefined => {
    const value = values[name];
    if (value === undefined) return undefined;
    const items = typeof value === "string" ? [value] : value;
    if (!Array.isArray(items) || items.some((item) => typeof item !== "string")) {
      throw settingsError(
        `${prefix}${name}`,
        `${prefix}${name} must be a list of file paths, such as ["~/.aws/config"].`,
      );
    }
    return items as string[];
  };
  const roles = [
    ...asRoles(values.assumeRoles, `${prefix}assumeRoles`),
    ...asRoles(values.assumeRole, `${prefix}assumeRole`),
  ];
  const settings: AwsSettings = {
    region: text("region"),
    profile: text("profile"),
    sharedConfigFiles: list("sharedConfigFiles"),
    sharedCredentialsFiles: list("sharedCredentialsFiles"),
    assumeRoles: roles.length > 0 ? roles : undefined,
    endpoints: asEndpoints(values.endpoints, `${prefix}endpoints`),
    accessKey: text("accessKey"),
    secretKey: text("secretKey"),
    token: text("token"),
    clientTokenKey: text("clientTokenKey"),
  };
  for (const files of ["sharedConfigFiles", "sharedCredentialsFiles"] as const) {
    if ((settings[files]?.length ?? 0) > 1) {
      throw settingsError(
        `${prefix}${files}`,
        `${prefix}${files} lists ${settings[files]!.length} files, but the AWS SDK for JavaScript ` +
          "reads one: give one file (merge the others into it).",
      );
    }
  }
  if ((settings.accessKey === undefined) !== (settings.secretKey === undefined)) {
    throw settingsError(
      `${prefix}accessKey`,
      `${prefix}accessKey and ${prefix}secretKey go together: set both, or neither.`,
    );
  }
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
}

function asRoles(value: unknown, name: string): AssumeRole[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map((item: unknown, index) => {
    const role = item as Record<string, unknown> | null | undefined;
    if (typeof role?.roleArn !== "string") {
      throw settingsError(
        name,
        `${name}${Array.isArray(value) ? `[${index}]` : ""} must be an object with a roleArn, ` +
          'such as {"roleArn": "arn:aws:iam::123456789012:role/deploy"}.',
      );
    }
    return {
      roleArn: role.roleArn,
      ...(typeof role.sessionName === "string" ? { sessionName: role.sessionName } : {}),
      ...(typeof role.externalId === "string" ? { externalId: role.externalId } : {}),
      ...(typeof role.duration === "string" ? { duration: role.duration } : {}),
      ...(typeof role.policy === "string" ? { policy: role.policy } : {}),
    };
  });
}

/** `endpoints` as @pulumi/aws has it: a list of objects of service to URL; or one object. */
function asEndpoints(value: unknown, name: string): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  const entries = Array.isArray(value) ? value : [value];
  const endpoints: Record<string, string> = {};
  for (const entry of entries) {
    if (typeof entry !== "object" || entry === null) {
      throw settingsError(
        name,
        `${name} must be a list of objects of service to URL, such as [{"connect": "http://127.0.0.1:4599"}].`,
      );
    }
    for (const [service, url] of Object.entries(entry as Record<string, unknown>)) {
      if (typeof url === "string" && url !== "") endpoints[service] = url;
    }
  }
  return endpoints;
}
