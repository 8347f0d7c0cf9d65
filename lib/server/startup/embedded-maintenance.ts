import "server-only";
import { serverConfig } from "@/lib/server/config/config";
import { database } from "@/lib/server/db/client";
import { tidyGrownTables } from "@/lib/server/db/maintenance";
import { logger } from "@/lib/server/logging/logger";

/**
 * Autovacuum's part, for the embedded database only (PostgreSQL runs its own): every ten minutes, the tables
 * that have grown by a fifth are vacuumed and analyzed (lib/server/db/maintenance.ts). Growth is slow in a
 * console (audit events, call-record days), so a pass is nearly always a single cheap catalog query.
 */
const INTERVAL_MS = 10 * 60_000;

const runner = globalThis as typeof globalThis & { __embeddedMaintenance?: NodeJS.Timeout };

export function startEmbeddedMaintenance(): void {
  if (serverConfig().DATABASE_URL || runner.__embeddedMaintenance) return;
  const tick = async () => {
    const started = performance.now();
    try {
      const tables = await tidyGrownTables(await database());
      if (tables.length > 0) {
        const ms = Math.round(performance.now() - started);
        logger.info(
          `[database] vacuumed and analyzed ${tables.join(", ")} in ${ms} ms (the embedded database has no autovacuum)`,
        );
      }
    } catch (error) {
      logger.error({ err: error }, "[database] the embedded database's maintenance pass failed");
    }
  };
  runner.__embeddedMaintenance = setInterval(() => void tick(), INTERVAL_MS);
  // The timer must never keep a stopping process alive.
  runner.__embeddedMaintenance.unref();
  void tick();
}
