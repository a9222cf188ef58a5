import { parseInstanceRef } from "./arn";
import { outboundChatContactError } from "./contact-error";

export interface RegionSettings {
  /** `aws:region` from the stack's configuration, when the engine passed it. */
  readonly stackRegion?: string;
  /** The process environment, read when a call is made (never captured). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * What the engine told this provider process through `configure`. A plain object, so that the
 * closure serializer shares it between the provider's methods; it is filled in the provider's own
 * process, never at serialization time.
 */
const configured: { stackRegion?: string } = {};

/** Keeps the stack's `aws:region`, as the engine passes it to `configure` (any value). */
export function configureStackRegion(region: unknown): void {
  configured.stackRegion = typeof region === "string" && region !== "" ? region : undefined;
}

/** The Region settings as they are now, read when a call is made. */
function regionSettings(): RegionSettings {
  return {
    stackRegion: configured.stackRegion ?? stackRegionFromEnv(process.env),
    env: process.env,
  };
}

/**
 * The Region a contact is created in: the `region` input, then the Region of an instance ARN,
 * then the stack's `aws:region`, then `AWS_REGION` / `AWS_DEFAULT_REGION`.
 */
export function resolveRegion(
  inputs: { readonly region?: string; readonly instanceId: string },
  settings: RegionSettings = regionSettings(),
): string {
  const region =
    inputs.region ||
    parseInstanceRef(inputs.instanceId)?.region ||
    settings.stackRegion ||
    settings.env.AWS_REGION ||
    settings.env.AWS_DEFAULT_REGION;
  if (region) {
    return region;
  }
  throw outboundChatContactError(
    "NoRegion",
    "OutboundChatContact has no AWS Region: none of the `region` argument, an instance ARN in " +
      "`instanceId`, the stack setting `aws:region` or the AWS_REGION / AWS_DEFAULT_REGION " +
      "environment variables is set. Fix: run `pulumi config set aws:region us-east-1` (with " +
      "your instance's Region), or pass `region` to the resource.",
  );
}

/**
 * The `aws:region` setting from the stack configuration the engine hands the provider's process
 * in `PULUMI_CONFIG` (a JSON object), used when `configure` did not supply it.
 */
export function stackRegionFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const raw = env.PULUMI_CONFIG;
  if (!raw) {
    return undefined;
  }
  try {
    const config = JSON.parse(raw) as Record<string, unknown>;
    const region = config["aws:region"];
    return typeof region === "string" && region !== "" ? region : undefined;
  } catch {
    return undefined;
  }
}
