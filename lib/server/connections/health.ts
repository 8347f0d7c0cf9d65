import "server-only";
import { inArray, sql } from "drizzle-orm";
import { restoredMessage, storedMessage } from "@/lib/i18n/api-messages/stored-message";
import { quoted } from "@/lib/i18n/api-messages/text";
import { serverConfig } from "@/lib/server/config/config";
import { type Database, database } from "@/lib/server/db/client";
import { connectionHealth } from "@/lib/server/db/schema";
import { VendorError } from "@/lib/server/errors/vendor-error";
import { logger } from "@/lib/server/logging/logger";
import { sharedState } from "@/lib/server/shared-state/shared-state";
import { type SharedState, SharedStateUnavailableError } from "@/lib/server/shared-state/store";
import { probeConnection, type TestResult } from "./probe";
import { type Health, listConnectionEntries, resolveConnection, UNKNOWN_HEALTH } from "./registry";

/**
 * Connection health: the result of the last check of each connection, refreshed in the background by one
 * runner at a time (per process, and across instances with REDIS_URL). Checks are claimed through
 * `next_check_at`, so several instances on one database share the work instead of each logging in to every
 * appliance.
 */

type HealthRow = typeof connectionHealth.$inferSelect;

function toHealth(row: HealthRow | undefined): Health {
  if (!row || row.checkedAt === null) return UNKNOWN_HEALTH;
  return {
    state: row.state,
    checkedAt: row.checkedAt.toISOString(),
    latencyMs: row.latencyMs,
    outcome: row.outcome,
    // A row an earlier version wrote has only the English, until the next check (within minutes) replaces it.
    message: restoredMessage(row.messageParts) ?? (row.message === null ? null : quoted(row.message)),
  };
}

export async function healthOf(db: Database, ids: readonly string[]): Promise<Map<string, Health>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(connectionHealth)
    .where(inArray(connectionHealth.connectionId, [...ids]));
  return new Map(ids.map((id) => [id, toHealth(rows.find((row) => row.connectionId === id))]));
}

export async function recordHealth(db: Database, id: string, result: TestResult): Promise<void> {
  const values = {
    state: result.ok ? ("ok" as const) : ("failing" as const),
    outcome: result.outcome,
    // The English for whoever reads the table; the parts for people, in their language.
    message: String(result.message),
    messageParts: storedMessage(result.message),
    latencyMs: result.latencyMs,
    checkedAt: new Date(result.checkedAt),
  };
  await db
    .insert(connectionHealth)
    .values({ connectionId: id, ...values })
    .onConflictDoUpdate({ target: connectionHealth.connectionId, set: values });
}

/** Resolves, probes and records one connection; a secret that cannot be opened is a failed check too. */
export async function checkConnection(
  db: Database,
  id: string,
  now: () => number = Date.now,
): Promise<TestResult> {
  let result: TestResult;
  try {
    result = await probeConnection(await resolveConnection(db, id), now);
  } catch (error) {
    if (!(error instanceof VendorError)) throw error;
    result = {
      ok: false,
      outcome: error.outcome,
      message: error.text,
      latencyMs: 0,
      checkedAt: new Date(now()).toISOString(),
      certificate: null,
      detail: null,
      clock: null,
    };
  }
  await recordHealth(db, id, result);
  return result;
}

/**
 * Claims the connections due for a check: a row's `next_check_at` moves forward by one interval in the
 * same statement that finds it due, so two runners never claim the same check.
 */
export async function claimDueChecks(
  db: Database,
  ids: readonly string[],
  nowMs: number,
  intervalMs: number,
): Promise<string[]> {
  const claimed: string[] = [];
  const next = new Date(nowMs + intervalMs);
  for (const id of ids) {
    const rows = await db
      .insert(connectionHealth)
      .values({ connectionId: id, state: "unknown", nextCheckAt: next })
      .onConflictDoUpdate({
        target: connectionHealth.connectionId,
        set: { nextCheckAt: next },
        setWhere: sql`${connectionHealth.nextCheckAt} <= ${new Date(nowMs).toISOString()}`,
      })
      .returning({ id: connectionHealth.connectionId });
    if (rows.length > 0) claimed.push(id);
  }
  return claimed;
}

const CONCURRENT_CHECKS = 4;

/** One pass: checks every connection that is due, a few at a time; answers the results by id. */
export async function runDueChecks(
  db: Database,
  options: { intervalMs: number; now?: () => number },
): Promise<Map<string, TestResult>> {
  const now = options.now ?? Date.now;
  const entries = await listConnectionEntries(db);
  const due = await claimDueChecks(
    db,
    entries.map((entry) => entry.id),
    now(),
    options.intervalMs,
  );
  const results = new Map<string, TestResult>();
  const queue = [...due];
  const before = await healthOf(db, due);
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const result = await checkConnection(db, id, now);
      results.set(id, result);
      const previous = before.get(id)?.state;
      const state = result.ok ? "ok" : "failing";
      // Transitions only: a steady state is on the overview page, not repeated in the log every minute.
      if (previous !== state) {
        logger.info(`[connections] ${id} is ${state}${result.ok ? "" : `: ${result.message}`}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_CHECKS }, worker));
  return results;
}

/** Longer than a pass usually takes; the runner extends it while a slow appliance keeps a pass going. */
const RUNNER_LEASE_MS = 60_000;

/**
 * One background pass, unless a pass is already under way in this process or, with REDIS_URL, on another
 * instance: answers null then. (The claims above already stop two passes checking one connection twice;
 * the lock keeps N instances from each listing and claiming every minute for nothing.)
 */
export async function runBackgroundPass(
  db: Database,
  options: { intervalMs: number; now?: () => number; state?: SharedState },
): Promise<Map<string, TestResult> | null> {
  const attempt = await (options.state ?? sharedState()).tryWithLock(
    "connection-health-runner",
    RUNNER_LEASE_MS,
    () => runDueChecks(db, options),
  );
  return attempt.acquired ? attempt.value : null;
}

const runner = globalThis as typeof globalThis & { __connectionHealthRunner?: NodeJS.Timeout };

/**
 * Starts the background checks (once per process, however many module copies Next loads). The tick is
 * shorter than the interval so a new connection gets its first check soon after it is added.
 */
export function startHealthRunner(intervalSeconds = serverConfig().CONNECTION_CHECK_INTERVAL_SECONDS): void {
  if (runner.__connectionHealthRunner || intervalSeconds <= 0) return;
  const intervalMs = intervalSeconds * 1000;
  const tick = async () => {
    try {
      await runBackgroundPass(await database(), { intervalMs });
    } catch (error) {
      // A Redis outage is logged once by the store; repeating it every tick would bury everything else.
      if (error instanceof SharedStateUnavailableError) return;
      logger.error({ err: error }, "[connections] background health check failed");
    }
  };
  runner.__connectionHealthRunner = setInterval(() => void tick(), Math.min(intervalMs, 10_000));
  // The runner must never keep a stopping process alive.
  runner.__connectionHealthRunner.unref();
  void tick();
}

export function stopHealthRunner(): void {
  if (runner.__connectionHealthRunner) clearInterval(runner.__connectionHealthRunner);
  runner.__connectionHealthRunner = undefined;
}
