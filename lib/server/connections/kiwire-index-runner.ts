import "server-only";
import type { KiwireTable } from "@/lib/api/kiwire";
import { CONNECTION_DEFAULTS } from "@/lib/connection-kinds";
import { listConnectionEntries } from "@/lib/server/connections/registry";
import { kiwireIndexedFor } from "@/lib/server/connections/vendor-clients";
import { type Database, database } from "@/lib/server/db/client";
import { logger } from "@/lib/server/logging/logger";
import { sharedState } from "@/lib/server/shared-state/shared-state";
import { SharedStateUnavailableError } from "@/lib/server/shared-state/store";
import { lockKeyOf, scanInto } from "@/lib/server/vendors/kiwire/index-refresh";
import { type IndexTarget, indexState } from "@/lib/server/vendors/kiwire/index-store";

/**
 * The background refresh of every Kiwire connection's index: each list is read again once its last scan is
 * older than the connection's `indexRefreshMinutes` (default 5). A list whose lock is taken (a refresh under
 * way here or on another instance) is skipped until the next tick, and a due list is checked again under the
 * lock, so N instances refresh each list once per interval between them.
 */

const TABLES: readonly KiwireTable[] = ["voucher", "user"];
/** How often the runner looks for due lists: a new connection is indexed within this. */
const TICK_MS = 30_000;
const LOCK_LEASE_MS = 60_000;

/** A failing appliance is tried again after one interval, not every tick. */
const failedAt = new Map<string, number>();

function isDue(asOf: string | undefined, intervalMs: number, now: number): boolean {
  return asOf === undefined || now - Date.parse(asOf) >= intervalMs;
}

/** One pass; answers the lists it refreshed, as `connectionId/table`. */
export async function refreshDueIndexes(db: Database, now: () => number = Date.now): Promise<string[]> {
  const refreshed: string[] = [];
  const entries = (await listConnectionEntries(db)).filter((entry) => entry.kind === "kiwire");
  for (const entry of entries) {
    const intervalMs =
      (entry.plain.indexRefreshMinutes ?? CONNECTION_DEFAULTS.kiwireIndexRefreshMinutes) * 60_000;
    const failed = failedAt.get(entry.id);
    if (failed !== undefined && now() - failed < intervalMs) continue;
    try {
      const indexed = await kiwireIndexedFor(db, entry.id);
      for (const kind of TABLES) {
        const target: IndexTarget = { connectionId: entry.id, kind, sourceKey: indexed.sourceKey };
        const due = async () => {
          const state = await indexState(db, target);
          return state?.sourceKey !== target.sourceKey || isDue(state.read.asOf, intervalMs, now());
        };
        if (!(await due())) continue;
        const attempt = await sharedState().tryWithLock(lockKeyOf(target), LOCK_LEASE_MS, async () => {
          // Another instance may have refreshed it between the look and the lock.
          if (!(await due())) return false;
          await scanInto(db, indexed.hotspot, target);
          return true;
        });
        if (attempt.acquired && attempt.value) refreshed.push(`${entry.id}/${kind}`);
      }
      failedAt.delete(entry.id);
    } catch (error) {
      if (error instanceof SharedStateUnavailableError) throw error;
      failedAt.set(entry.id, now());
      logger.warn(
        { err: error, connectionId: entry.id },
        `[kiwire-index] ${entry.id}: the background refresh failed (${(error as Error).message}); the lists show the index as of its last refresh`,
      );
    }
  }
  return refreshed;
}

const runner = globalThis as typeof globalThis & { __kiwireIndexRunner?: NodeJS.Timeout };

/** Starts the background refresh (once per process, however many module copies Next loads). */
export function startKiwireIndexRunner(): void {
  if (runner.__kiwireIndexRunner) return;
  const tick = async () => {
    try {
      await refreshDueIndexes(await database());
    } catch (error) {
      // A Redis outage is logged once by the store; repeating it every tick would bury everything else.
      if (error instanceof SharedStateUnavailableError) return;
      logger.error({ err: error }, "[kiwire-index] background refresh failed");
    }
  };
  runner.__kiwireIndexRunner = setInterval(() => void tick(), TICK_MS);
  // The runner must never keep a stopping process alive.
  runner.__kiwireIndexRunner.unref();
  void tick();
}
