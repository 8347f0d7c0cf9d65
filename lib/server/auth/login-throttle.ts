import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Database } from "@/lib/server/db/client";
import { loginThrottle } from "@/lib/server/db/schema";

/**
 * Sign-in attempts are counted per account and per client address in a window; past the limit the key is
 * locked for a while. The account limit stops guessing one password; the address limit stops one client
 * spraying many accounts. Kept in the database so a restart does not reset an attacker's count, and shared by
 * every instance on one PostgreSQL.
 *
 * An attempt is counted when it starts, before its password is checked, in one statement that increments and
 * answers the count (`claimAttempt`): parallel attempts each get their own number, so a burst evaluates at most
 * `maxFailures` guesses however many cores or instances serve it. A right password gives its count back.
 */
export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const ACCOUNT_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const ADDRESS_RULE: ThrottleRule = { maxFailures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** `clearedBySuccess`: a right password forgives the key's earlier failures (the account's, not the address's). */
export type ThrottleKey = { key: string; rule: ThrottleRule; clearedBySuccess: boolean };

export function throttleKeys(email: string, clientAddress: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [
    { key: `account:${email.trim().toLowerCase()}`, rule: ACCOUNT_RULE, clearedBySuccess: true },
  ];
  if (clientAddress)
    keys.push({ key: `address:${clientAddress}`, rule: ADDRESS_RULE, clearedBySuccess: false });
  return keys;
}

/**
 * Counts one attempt on every key and answers whether its password may be checked. Refused when a key is
 * locked, or when this attempt is beyond a key's limit (earlier attempts are still being checked and may yet
 * lock it). A refused attempt checks no password, so it gives its count back; a locked key's count does not
 * grow, so the lock ends when it says it does.
 */
export async function claimAttempt(db: Database, keys: ThrottleKey[], now = new Date()): Promise<boolean> {
  const counted: string[] = [];
  let allowed = true;
  for (const { key, rule } of keys) {
    const windowStart = new Date(now.getTime() - rule.windowMs);
    const locked = sql`(${loginThrottle.lockedUntil} IS NOT NULL AND ${loginThrottle.lockedUntil} > ${now})`;
    const windowOver = sql`${loginThrottle.windowStartedAt} < ${windowStart}`;
    const [row] = await db
      .insert(loginThrottle)
      .values({ key, failures: 1, windowStartedAt: now })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: sql`CASE WHEN ${locked} THEN ${loginThrottle.failures} WHEN ${windowOver} THEN 1 ELSE ${loginThrottle.failures} + 1 END`,
          windowStartedAt: sql`CASE WHEN ${locked} THEN ${loginThrottle.windowStartedAt} WHEN ${windowOver} THEN ${now} ELSE ${loginThrottle.windowStartedAt} END`,
        },
      })
      .returning({ failures: loginThrottle.failures, lockedUntil: loginThrottle.lockedUntil });
    if (row?.lockedUntil && row.lockedUntil > now) {
      allowed = false;
      continue;
    }
    counted.push(key);
    if (!row || row.failures > rule.maxFailures) allowed = false;
  }
  if (!allowed) await giveBack(db, counted);
  return allowed;
}

/** An attempt that ended without a verdict on its guess (a right password waiting for its second factor). */
export async function releaseAttempt(db: Database, keys: ThrottleKey[]): Promise<void> {
  await giveBack(
    db,
    keys.map(({ key }) => key),
  );
}

async function giveBack(db: Database, keys: string[]): Promise<void> {
  for (const key of keys) {
    await db
      .update(loginThrottle)
      .set({ failures: sql`GREATEST(${loginThrottle.failures} - 1, 0)` })
      .where(and(eq(loginThrottle.key, key), gt(loginThrottle.failures, 0)));
  }
}

/** A wrong password: locks every key whose count (failures and attempts still being checked) reached its limit. */
export async function recordFailure(db: Database, keys: ThrottleKey[], now = new Date()): Promise<void> {
  for (const { key, rule } of keys) {
    await db
      .update(loginThrottle)
      .set({ lockedUntil: new Date(now.getTime() + rule.lockMs), failures: 0, windowStartedAt: now })
      .where(
        sql`${loginThrottle.key} = ${key} AND ${loginThrottle.failures} >= ${rule.maxFailures} AND (${loginThrottle.lockedUntil} IS NULL OR ${loginThrottle.lockedUntil} <= ${now})`,
      );
  }
}

/**
 * A right password: the account's count is cleared; the address gives back this attempt only (it may be
 * spraying other accounts), so people signing in from one office address do not lock it out.
 */
export async function recordSuccess(db: Database, keys: ThrottleKey[]): Promise<void> {
  for (const { key } of keys.filter((candidate) => candidate.clearedBySuccess))
    await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
  await giveBack(
    db,
    keys.filter((candidate) => !candidate.clearedBySuccess).map(({ key }) => key),
  );
}

/** The time until which sign-in is refused for any of the keys, or null when none is locked. */
export async function lockedUntil(db: Database, keys: ThrottleKey[], now = new Date()): Promise<Date | null> {
  let latest: Date | null = null;
  for (const { key } of keys) {
    const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
    if (row?.lockedUntil && row.lockedUntil > now && (!latest || row.lockedUntil > latest))
      latest = row.lockedUntil;
  }
  return latest;
}
