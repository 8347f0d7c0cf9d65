import "server-only";
import { createHash } from "node:crypto";
import type { ConnectionConfig } from "@/lib/api/connections";
import { CONNECTION_KIND_LABELS, type ConnectionKind } from "@/lib/connection-kinds";
import { text } from "@/lib/i18n/api-messages/text";
import type { Database } from "@/lib/server/db/client";
import { exchangeRecorder, secretValuesOf } from "@/lib/server/diagnostics/exchange-log";
import { notFound } from "@/lib/server/errors/api-error";
import { type ExchangeObserver, type HttpClient, httpClientFor } from "@/lib/server/http/client";
import { InvalidatedCache } from "@/lib/server/shared-state/invalidated-cache";
import { CONNECTION_CACHE_TTL_MS, connectionBus } from "./connection-changes";
import { resolveConnection } from "./registry";
import { httpOptionsOf } from "./settings";

export interface VendorConnection<K extends ConnectionKind> {
  /** The connection's shared HTTP client: TLS mode, timeouts, size cap, read retries. */
  http: HttpClient;
  /** Settings with secrets decrypted; stays on the server. */
  config: Extract<ConnectionConfig, { kind: K }>;
  /**
   * Key for per-connection caches (vendor sessions, tokens, lookups). It changes when the base URL or any
   * credential changes, so an edited connection never reuses the old appliance's session or data.
   */
  cacheKey: string;
}

/** Everything a vendor call derives from a connection's row, derived once per change of the row. */
interface PreparedConnection {
  config: ConnectionConfig;
  httpOptions: Parameters<typeof httpClientFor>[1];
  cacheKey: string;
  /** Hunts the secrets the connection has now in what the diagnostics keep. */
  recorder: ExchangeObserver;
}

async function prepare(db: Database, connectionId: string): Promise<PreparedConnection> {
  const { entry, config } = await resolveConnection(db, connectionId);
  const options = httpOptionsOf(entry.plain);
  const fingerprint = createHash("sha256")
    .update(JSON.stringify([options.baseUrl, config]))
    .digest("hex")
    .slice(0, 16);
  return {
    config,
    // The product's name goes into transport errors: "KalliopePBX at pbx:443 did not answer…".
    httpOptions: { ...options, vendor: CONNECTION_KIND_LABELS[config.kind] },
    cacheKey: `${connectionId}:${fingerprint}`,
    recorder: exchangeRecorder(connectionId, secretValuesOf(config)),
  };
}

const prepared = new InvalidatedCache<PreparedConnection>({
  bus: connectionBus(),
  ttlMs: CONNECTION_CACHE_TTL_MS,
  maxEntries: 1_000,
});

/** Resolves a connection that must be of one kind, for a vendor client; any other kind is a 404 naming it. */
export async function vendorConnection<K extends ConnectionKind>(
  db: Database,
  connectionId: string,
  kind: K,
): Promise<VendorConnection<K>> {
  // `prepare` throws for a connection that does not exist or whose secrets cannot be opened: nothing is kept.
  const { config, httpOptions, cacheKey, recorder } = await prepared.read(connectionId, () =>
    prepare(db, connectionId),
  );
  if (config.kind !== kind) {
    throw notFound(text`Connection "${connectionId}" is not a ${CONNECTION_KIND_LABELS[kind]} connection.`);
  }
  const http = httpClientFor(connectionId, httpOptions);
  // Set on every resolve: the client outlives this entry when only the secrets changed.
  http.observe(recorder);
  return {
    http,
    // Checked just above; TypeScript cannot narrow a union through a generic kind.
    config: config as Extract<ConnectionConfig, { kind: K }>,
    cacheKey,
  };
}
