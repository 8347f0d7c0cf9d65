import "server-only";
import { CONNECTION_DEFAULTS } from "@/lib/connection-kinds";
import { vendorConnection } from "@/lib/server/connections/vendor-connection";
import type { Database } from "@/lib/server/db/client";
import { KiwireClient } from "./client";
import { KiwireHotspot } from "./hotspot";
import { IndexedKiwire } from "./indexed-hotspot";

async function kiwireClientAndKey(db: Database, connectionId: string) {
  const { http, config, cacheKey } = await vendorConnection(db, connectionId, "kiwire");
  const client = new KiwireClient(
    http,
    {
      username: config.username,
      password: config.password,
      apiKey: config.apiKey,
      cloudId: config.cloudId,
      timeZone: config.timeZone,
      timeFormat: config.timeFormat ?? CONNECTION_DEFAULTS.kiwireTimeFormat,
      signing: config.signing ?? CONNECTION_DEFAULTS.kiwireSigning,
    },
    cacheKey,
  );
  return { client, cacheKey };
}

export async function kiwireClientFor(db: Database, connectionId: string): Promise<KiwireClient> {
  return (await kiwireClientAndKey(db, connectionId)).client;
}

export async function kiwireHotspotFor(db: Database, connectionId: string): Promise<KiwireHotspot> {
  return new KiwireHotspot((await kiwireClientAndKey(db, connectionId)).client);
}

/** The voucher and user lists through the console's index, and the writes that keep it current. */
export async function kiwireIndexedFor(db: Database, connectionId: string): Promise<IndexedKiwire> {
  const { client, cacheKey } = await kiwireClientAndKey(db, connectionId);
  return new IndexedKiwire(db, new KiwireHotspot(client), connectionId, cacheKey);
}
