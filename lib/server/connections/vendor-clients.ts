import "server-only";
import { CONNECTION_DEFAULTS, type ConnectionKind } from "@/lib/connection-kinds";
import type { Database } from "@/lib/server/db/client";
import type { CdrSource } from "@/lib/server/vendors/kalliope/cdr-days";
import { KalliopeClient } from "@/lib/server/vendors/kalliope/client";
import { capabilitiesFor } from "@/lib/server/vendors/kayako/capabilities";
import { KayakoClient } from "@/lib/server/vendors/kayako/client";
import { type Lookups, lookupsFor } from "@/lib/server/vendors/kayako/lookups";
import { KayakoTickets } from "@/lib/server/vendors/kayako/tickets";
import { ConnectUsers } from "@/lib/server/vendors/kerio/connect-users";
import { ControlAddressGroups } from "@/lib/server/vendors/kerio/control-address-groups";
import { OperatorExtensions } from "@/lib/server/vendors/kerio/operator-extensions";
import { KerioRpcClient } from "@/lib/server/vendors/kerio/rpc";
import { KiwireClient } from "@/lib/server/vendors/kiwire/client";
import { KiwireHotspot } from "@/lib/server/vendors/kiwire/hotspot";
import { IndexedKiwire } from "@/lib/server/vendors/kiwire/indexed-hotspot";
import { vendorConnection } from "./vendor-connection";

/*
 * Every vendor client of one connection, built here and nowhere else: this module resolves the connection
 * (its HTTP client, decrypted settings and cache key) and hands the parts to the vendor's constructor, so the
 * vendor modules never import the connections layer, which imports them (probes, cache eviction).
 */

type KerioKind = Extract<ConnectionKind, "kerio-operator" | "kerio-connect" | "kerio-control">;

/** The client and the connection's cache key, which also keys what the console learnt about the appliance. */
async function kerioRpcAndKey(db: Database, connectionId: string, kind: KerioKind) {
  const { http, config, cacheKey } = await vendorConnection(db, connectionId, kind);
  const rpc = new KerioRpcClient({
    http,
    credentials: { username: config.username, password: config.password },
    sessionKey: cacheKey,
  });
  return { rpc, cacheKey };
}

/**
 * The Kerio JSON-RPC client of one connection. Operator, Connect and Control share it: only the port (in the
 * base URL) and the cookie names (kept whole in the jar) differ between products.
 */
export async function kerioRpcFor(
  db: Database,
  connectionId: string,
  kind: KerioKind,
): Promise<KerioRpcClient> {
  return (await kerioRpcAndKey(db, connectionId, kind)).rpc;
}

export async function operatorExtensionsFor(db: Database, connectionId: string): Promise<OperatorExtensions> {
  const { rpc, cacheKey } = await kerioRpcAndKey(db, connectionId, "kerio-operator");
  return new OperatorExtensions(rpc, cacheKey);
}

export async function connectUsersFor(db: Database, connectionId: string): Promise<ConnectUsers> {
  return new ConnectUsers(await kerioRpcFor(db, connectionId, "kerio-connect"));
}

export async function controlAddressGroupsFor(
  db: Database,
  connectionId: string,
): Promise<ControlAddressGroups> {
  return new ControlAddressGroups(await kerioRpcFor(db, connectionId, "kerio-control"), connectionId);
}

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
    client: new KalliopeClient({ http, credentials, cacheKey, timeZone: config.timeZone }),
  };
}

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
