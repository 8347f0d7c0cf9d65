import "server-only";
import { CONNECTION_DEFAULTS } from "@/lib/connection-kinds";
import { vendorConnection } from "@/lib/server/connections/vendor-connection";
import type { Database } from "@/lib/server/db/client";
import type { CdrSource } from "./cdr-days";
import { KalliopeClient } from "./client";

/** The CDR source of one KalliopePBX connection: its signed client and the key of its day cache. */
export async function kalliopeCdrFor(db: Database, connectionId: string): Promise<CdrSource> {
  const { http, config, cacheKey } = await vendorConnection(db, connectionId, "kalliope");
  const credentials = {
    username: config.username,
    password: config.password,
    domain: config.domain ?? CONNECTION_DEFAULTS.kalliopeDomain,
  };
  return {
    db,
    connectionId,
    cacheKey: `${cacheKey}:${credentials.domain}`,
    client: new KalliopeClient({
      http,
      credentials,
      cacheKey,
      timeZone: config.timeZone,
    }),
  };
}
