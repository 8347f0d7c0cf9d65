import "server-only";
import { vendorConnection } from "@/lib/server/connections/vendor-connection";
import type { Database } from "@/lib/server/db/client";
import { capabilitiesFor } from "./capabilities";
import { KayakoClient } from "./client";
import { type Lookups, lookupsFor } from "./lookups";
import { KayakoTickets } from "./tickets";

export interface KayakoConnection {
  tickets: KayakoTickets;
  lookups: () => Promise<Lookups>;
}

/** The Kayako client of one connection, through the shared per-connection HTTP client (TLS, timeouts, caps). */
export async function kayakoFor(db: Database, connectionId: string): Promise<KayakoConnection> {
  const { http, config, cacheKey } = await vendorConnection(db, connectionId, "kayako");
  const client = new KayakoClient(http, { apiKey: config.apiKey, secretKey: config.secretKey });
  // The cache key changes with the URL or keys, so an edited connection never serves the old helpdesk's lookups.
  const lookups = () => lookupsFor(client, cacheKey);
  return { tickets: new KayakoTickets(client, lookups, capabilitiesFor(cacheKey)), lookups };
}
