import "server-only";
import { invalidationBus } from "@/lib/server/shared-state/invalidation-bus";

/**
 * Connections as vendor calls use them (settings, opened secrets, what is derived from them) are kept in
 * memory between requests (vendor-connection.ts). A change or removal drops them on every instance at once;
 * a change made outside the console (the connections CLI with no Redis, SQL by hand) is seen within this time.
 */
export const CONNECTION_CACHE_TTL_MS = 15_000;

export const connectionBus = () => invalidationBus("connections");

/** After a connection's row changed or went: no instance may use what it held of it any more. */
export function forgetConnection(connectionId: string): Promise<void> {
  return connectionBus().invalidate(connectionId);
}
