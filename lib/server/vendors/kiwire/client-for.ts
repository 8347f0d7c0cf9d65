import "server-only";
import { CONNECTION_DEFAULTS } from "@/lib/connection-kinds";
import { vendorConnection } from "@/lib/server/connections/vendor-connection";
import type { Database } from "@/lib/server/db/client";
import { KiwireClient } from "./client";
import { KiwireHotspot } from "./hotspot";

export async function kiwireClientFor(db: Database, connectionId: string): Promise<KiwireClient> {
  const { http, config, cacheKey } = await vendorConnection(db, connectionId, "kiwire");
  return new KiwireClient(
    http,
    {
      username: config.username,
      password: config.password,
      apiKey: config.apiKey,
      cloudId: config.cloudId,
      timeZone: config.timeZone ?? CONNECTION_DEFAULTS.kiwireTimeZone,
      timeFormat: config.timeFormat ?? CONNECTION_DEFAULTS.kiwireTimeFormat,
      signing: config.signing ?? CONNECTION_DEFAULTS.kiwireSigning,
    },
    cacheKey,
  );
}

export async function kiwireHotspotFor(db: Database, connectionId: string): Promise<KiwireHotspot> {
  return new KiwireHotspot(await kiwireClientFor(db, connectionId));
}
