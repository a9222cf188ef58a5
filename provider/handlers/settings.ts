import type * as pulumi from "@pulumi/pulumi";
import { RegionSettings, stackRegionFromEnv } from "../region";

/**
 * What the engine told this provider process through `configure`. A plain object, so that the
 * closure serializer shares it between the provider's methods; it is filled in the provider's own
 * process, never at serialization time.
 */
const configured: { stackRegion?: string } = {};

/** Keeps the stack's `aws:region` (the engine passes the whole stack configuration). */
export async function configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
  const region: unknown = req.config.get("aws:region");
  configured.stackRegion = typeof region === "string" && region !== "" ? region : undefined;
}

/** The Region settings as they are now, read when a call is made. */
export function regionSettings(): RegionSettings {
  return {
    stackRegion: configured.stackRegion ?? stackRegionFromEnv(process.env),
    env: process.env,
  };
}
