/**
 * The Region a contact lives in, from the first place that names one: the resource's inputs, the
 * settings, the environment, the profile in the shared config file.
 */
import { parseInstanceRef } from "./arn";
import { AwsSettings, currentSettings, settingsError } from "./settings";

/**
 * The Region a contact is created in: the `region` input, then the Region of an instance ARN,
 * then the `region` setting (`aws:region`), then `AWS_REGION` / `AWS_DEFAULT_REGION`, then the
 * `region` of the profile in the shared config file.
 */
export function resolveRegion(
  inputs: { readonly region?: string; readonly instanceId: string },
  settings: AwsSettings = currentSettings(),
  env: NodeJS.ProcessEnv = process.env,
  profileRegion: () => string | undefined = () => regionOfProfile(settings, env),
): string {
  const region =
    inputs.region ||
    parseInstanceRef(inputs.instanceId)?.region ||
    settings.region ||
    env.AWS_REGION ||
    env.AWS_DEFAULT_REGION ||
    profileRegion();
  if (region) {
    return region;
  }
  throw settingsError(
    "region",
    "OutboundChatContact has no AWS Region: none of the `region` argument, an instance ARN in " +
      "`instanceId`, the setting `aws:region` (or the provider's `region`), the AWS_REGION / " +
      "AWS_DEFAULT_REGION environment variables or the profile's `region` in the shared config " +
      "file is set. Fix: run `pulumi config set aws:region us-east-1` (with your instance's " +
      "Region), or pass `region` to the resource.",
    "NoRegion",
  );
}

/** The profile in force: the setting, then AWS_PROFILE, then "default". */
export function profileOf(settings: AwsSettings, env: NodeJS.ProcessEnv = process.env): string {
  return settings.profile || env.AWS_PROFILE || "default";
}

/**
 * The `region` of the profile in the shared config file (the setting's file, then
 * AWS_CONFIG_FILE, then ~/.aws/config), or undefined. Reads the file when called.
 */
export function regionOfProfile(
  settings: AwsSettings,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require("fs") as typeof import("fs");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const os = require("os") as typeof import("os");
  const file =
    settings.sharedConfigFiles?.[0] ?? env.AWS_CONFIG_FILE ?? `${os.homedir()}/.aws/config`;
  let text: string;
  try {
    text = fs.readFileSync(file.replace(/^~(?=\/)/, os.homedir()), "utf8");
  } catch {
    return undefined;
  }
  const profile = profileOf(settings, env);
  const wanted: readonly (string | undefined)[] =
    profile === "default" ? ["default", "profile default"] : [`profile ${profile}`];
  // Lines before the first header belong to no profile.
  let section: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/[#;].*/, "").trim();
    const header = /^\[\s*(.+?)\s*\]$/.exec(line);
    if (header) {
      section = header[1];
      continue;
    }
    const pair = /^region\s*=\s*(\S+)$/.exec(line);
    if (pair && wanted.includes(section)) {
      return pair[1];
    }
  }
  return undefined;
}
