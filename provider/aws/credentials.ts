/**
 * The credentials of the AWS settings (`../settings.ts`), in @pulumi/aws's order: keys given in
 * the settings; else the profile's (the setting, or AWS_PROFILE) from the shared files given or
 * the default ones; else the SDK's own chain (environment, shared files, SSO, container, instance).
 * Then each role of `assumeRoles` is assumed in turn with STS AssumeRole (at the `sts` endpoint
 * when one is set). The SDK's modules are loaded when a client is made, never at import.
 */
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import type { AssumeRole, AwsSettings } from "../settings";

/** The session name of an assumed role when the settings give none. */
export const DEFAULT_SESSION_NAME = "pulumi-connect-outbound-chat";

/** How long before they expire assumed credentials are renewed. */
const RENEW_BEFORE_MS = 5 * 60 * 1000;

/** The client option for the settings' credentials; none when the SDK's own chain applies. */
export function credentialsOption(
  settings: AwsSettings,
  region: string,
): { credentials?: AwsCredentialIdentityProvider } {
  const base = baseCredentials(settings);
  const roles = settings.assumeRoles ?? [];
  if (roles.length === 0) {
    return base === undefined ? {} : { credentials: base };
  }
  return { credentials: assumingRoles(base ?? defaultChain({}), roles, settings, region) };
}

function baseCredentials(settings: AwsSettings): AwsCredentialIdentityProvider | undefined {
  if (settings.accessKey !== undefined && settings.secretKey !== undefined) {
    const identity: AwsCredentialIdentity = {
      accessKeyId: settings.accessKey,
      secretAccessKey: settings.secretKey,
      ...(settings.token === undefined ? {} : { sessionToken: settings.token }),
    };
    return () => Promise.resolve(identity);
  }
  if (
    settings.profile !== undefined ||
    settings.sharedConfigFiles !== undefined ||
    settings.sharedCredentialsFiles !== undefined
  ) {
    // A member left undefined is one not given: the SDK reads the environment and its defaults.
    return defaultChain({
      profile: settings.profile,
      filepath: settings.sharedCredentialsFiles?.[0],
      configFilepath: settings.sharedConfigFiles?.[0],
    });
  }
  return undefined;
}

/** The SDK's default chain; with a profile, the environment's keys are passed over for it. */
function defaultChain(init: {
  profile?: string;
  filepath?: string;
  configFilepath?: string;
}): AwsCredentialIdentityProvider {
  type Module = typeof import("@aws-sdk/credential-provider-node");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { defaultProvider } = require("@aws-sdk/credential-provider-node") as Module;
  // The chain warns on the console when a profile and environment keys are both set; the
  // settings name the profile on purpose, so the warning would only mislead.
  const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
  return defaultProvider({ ...init, logger: quiet });
}

/** Credentials that assume each role in turn, renewed before they expire. */
function assumingRoles(
  source: AwsCredentialIdentityProvider,
  roles: readonly AssumeRole[],
  settings: AwsSettings,
  region: string,
): AwsCredentialIdentityProvider {
  type Module = typeof import("@aws-sdk/nested-clients/sts");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { getDefaultRoleAssumer } = require("@aws-sdk/nested-clients/sts") as Module;
  // The options reach the STS client, `endpoint` too, though the assumer's type leaves it out; no
  // `sts` endpoint (undefined) is STS's own for the Region.
  const stsOptions = { region, endpoint: settings.endpoints?.sts };
  const assume = getDefaultRoleAssumer(stsOptions);
  let cached: AwsCredentialIdentity | undefined;
  return async () => {
    if (cached?.expiration && cached.expiration.getTime() - Date.now() > RENEW_BEFORE_MS) {
      return cached;
    }
    let credentials = await source();
    for (const role of roles) {
      credentials = await assume(credentials, {
        RoleArn: role.roleArn,
        RoleSessionName: role.sessionName ?? DEFAULT_SESSION_NAME,
        // A member left undefined is not sent.
        ExternalId: role.externalId,
        Policy: role.policy,
        ...(role.duration === undefined ? {} : { DurationSeconds: durationSeconds(role.duration) }),
      });
    }
    cached = credentials;
    return credentials;
  };
}

/** "1h", "15m", "900s" or "1h30m" in seconds, as @pulumi/aws's `assumeRoles[].duration` reads. */
export function durationSeconds(duration: string): number {
  const parts = [...duration.matchAll(/(\d+)([hms])/g)];
  if (parts.length === 0 || parts.map(([part]) => part).join("") !== duration) {
    throw new Error(
      `assumeRoles duration must be a duration such as "1h", "15m" or "1h30m"; received "${duration}".`,
    );
  }
  const unit = { h: 3600, m: 60, s: 1 } as const;
  return parts.reduce((sum, [, count, u]) => sum + Number(count) * unit[u as "h" | "m" | "s"], 0);
}
