import { parseInstanceRef } from "./arn";

/** Where the Region of a contact came from, in the order they are consulted. */
export type RegionSource = "region" | "instanceArn" | "stackConfig" | "environment";

export interface RegionSettings {
  /** `aws:region` from the stack's configuration, when the engine passed it. */
  readonly stackRegion?: string;
  /** The process environment, read when a call is made (never captured). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface ResolvedRegion {
  readonly region: string;
  readonly source: RegionSource;
}

/**
 * The Region a contact is created in: the `region` input, then the Region of an instance ARN,
 * then the stack's `aws:region`, then `AWS_REGION` / `AWS_DEFAULT_REGION`.
 */
export function resolveRegion(
  inputs: { readonly region?: string; readonly instanceId: string },
  settings: RegionSettings,
): ResolvedRegion {
  if (inputs.region) {
    return { region: inputs.region, source: "region" };
  }
  const fromArn = parseInstanceRef(inputs.instanceId)?.region;
  if (fromArn) {
    return { region: fromArn, source: "instanceArn" };
  }
  if (settings.stackRegion) {
    return { region: settings.stackRegion, source: "stackConfig" };
  }
  const fromEnv = settings.env.AWS_REGION || settings.env.AWS_DEFAULT_REGION;
  if (fromEnv) {
    return { region: fromEnv, source: "environment" };
  }
  throw new Error(
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
