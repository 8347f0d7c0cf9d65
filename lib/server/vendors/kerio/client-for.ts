import "server-only";
import type { ConnectionKind } from "@/lib/connection-kinds";
import { vendorConnection } from "@/lib/server/connections/vendor-connection";
import type { Database } from "@/lib/server/db/client";
import { OperatorExtensions } from "./operator-extensions";
import { KerioRpcClient } from "./rpc";

type KerioKind = Extract<ConnectionKind, "kerio-operator" | "kerio-connect" | "kerio-control">;

/**
 * The Kerio JSON-RPC client of one connection. Connect and Control (issue 9) call this with their kind:
 * only the port (in the base URL) and the cookie names (kept whole in the jar) differ between products.
 */
export async function kerioRpcFor(
  db: Database,
  connectionId: string,
  kind: KerioKind,
): Promise<KerioRpcClient> {
  return (await kerioRpcAndKey(db, connectionId, kind)).rpc;
}

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

export async function operatorExtensionsFor(db: Database, connectionId: string): Promise<OperatorExtensions> {
  const { rpc, cacheKey } = await kerioRpcAndKey(db, connectionId, "kerio-operator");
  return new OperatorExtensions(rpc, cacheKey);
}
