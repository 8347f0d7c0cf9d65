import "server-only";
import { createHash } from "node:crypto";
import type { ConnectionConfig } from "@/lib/api/connections";
import { CONNECTION_KIND_LABELS, type ConnectionKind } from "@/lib/connection-kinds";
import type { Database } from "@/lib/server/db/client";
import { exchangeRecorder, secretValuesOf } from "@/lib/server/diagnostics/exchange-log";
import { notFound } from "@/lib/server/errors/api-error";
import { type HttpClient, httpClientFor } from "@/lib/server/http/client";
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

/** Resolves a connection that must be of one kind, for a vendor client; any other kind is a 404 naming it. */
export async function vendorConnection<K extends ConnectionKind>(
  db: Database,
  connectionId: string,
  kind: K,
): Promise<VendorConnection<K>> {
  const { entry, config } = await resolveConnection(db, connectionId);
  if (config.kind !== kind) {
    throw notFound(`Connection "${connectionId}" is not a ${CONNECTION_KIND_LABELS[kind]} connection.`);
  }
  const options = httpOptionsOf(entry.plain);
  const fingerprint = createHash("sha256")
    .update(JSON.stringify([options.baseUrl, config]))
    .digest("hex")
    .slice(0, 16);
  // The product's name goes into transport errors: "KalliopePBX at pbx:443 did not answer…".
  const http = httpClientFor(connectionId, { ...options, vendor: CONNECTION_KIND_LABELS[kind] });
  // Set on every resolve, so the diagnostics always hunt the secrets the connection has now.
  http.observe(exchangeRecorder(connectionId, secretValuesOf(config)));
  return {
    http,
    // Checked just above; TypeScript cannot narrow a union through a generic kind.
    config: config as Extract<ConnectionConfig, { kind: K }>,
    cacheKey: `${connectionId}:${fingerprint}`,
  };
}
