import "server-only";
import type { Database } from "@/lib/server/db/client";
import { sharedState } from "@/lib/server/shared-state/shared-state";
import type { KiwireHotspot } from "./hotspot";
import { applyScan, type IndexState, type IndexTarget, indexState } from "./index-store";

/**
 * Building and refreshing the Kiwire index. Kiwire cannot say what changed since a time (its get only pages the
 * whole table), so every refresh is a full scan, run off the request path (the background runner, or the
 * Refresh button), and applied as a difference in one transaction (index-store.ts): readers see the old index
 * until the new one is complete. One scan of a list runs at a time across instances (the shared lock), and
 * every instance reads the same rows (they are in the database).
 */

/** A live holder keeps extending its lease; this bounds how long a crashed one blocks the others. */
const LOCK_LEASE_MS = 60_000;
/** 20,000 vouchers scan in about a second; a slow appliance capping its pages at 37 rows takes far longer. */
const LOCK_WAIT_MS = 120_000;

export const lockKeyOf = (target: IndexTarget) => `kiwire-index:${target.connectionId}:${target.kind}`;

export async function scanInto(
  db: Database,
  hotspot: KiwireHotspot,
  target: IndexTarget,
): Promise<IndexState> {
  // The scan's start is the index's "as of": anything Kiwire changed after it may be missing until the next.
  const startedAt = new Date();
  const scan = await hotspot.scan(target.kind);
  return applyScan(db, target, scan, startedAt);
}

/** On demand ("Refresh"): a scan that starts now, after any refresh already under way has finished. */
export function refreshIndex(db: Database, hotspot: KiwireHotspot, target: IndexTarget): Promise<IndexState> {
  return sharedState().withLock(lockKeyOf(target), { leaseMs: LOCK_LEASE_MS, waitMs: LOCK_WAIT_MS }, () =>
    scanInto(db, hotspot, target),
  );
}

/** First builds under way in this process: the page views that wait for one share it. */
const firstBuilds = new Map<string, Promise<IndexState>>();

/**
 * The index a list reads, built first if there is none for the connection's current settings. The page view
 * waits for that first scan (about a second at 20,000 vouchers; the page says what it is waiting for) rather
 * than answer from Kiwire meanwhile: two ways of reading one list would disagree on order and totals, and a
 * first view that reads the whole table anyway may as well keep it.
 */
export async function ensureIndexed(
  db: Database,
  hotspot: KiwireHotspot,
  target: IndexTarget,
): Promise<IndexState> {
  const state = await indexState(db, target);
  if (state?.sourceKey === target.sourceKey) return state;
  const key = `${target.sourceKey}\0${target.kind}`;
  const running = firstBuilds.get(key);
  if (running) return running;
  const build = sharedState()
    .withLock(lockKeyOf(target), { leaseMs: LOCK_LEASE_MS, waitMs: LOCK_WAIT_MS }, async () => {
      // Another instance may have built it while this one waited for the lock.
      const built = await indexState(db, target);
      if (built?.sourceKey === target.sourceKey) return built;
      return scanInto(db, hotspot, target);
    })
    .finally(() => firstBuilds.delete(key));
  firstBuilds.set(key, build);
  return build;
}
