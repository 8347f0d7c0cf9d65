import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/server/db/client";
import { loginThrottle } from "@/lib/server/db/schema";

/**
 * Failed sign-ins are counted per account and per client address in a sliding window; past the limit the key
 * is locked for a while. The account limit stops guessing one password; the address limit stops one client
 * spraying many accounts. Kept in the database so a restart does not reset an attacker's count.
 */
export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const ACCOUNT_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const ADDRESS_RULE: ThrottleRule = { maxFailures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export type ThrottleKey = { key: string; rule: ThrottleRule };

export function throttleKeys(email: string, clientAddress: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ key: `account:${email.trim().toLowerCase()}`, rule: ACCOUNT_RULE }];
  if (clientAddress) keys.push({ key: `address:${clientAddress}`, rule: ADDRESS_RULE });
  return keys;
}

/** The time until which sign-in is refused for any of the keys, or null when sign-in may proceed. */
export async function lockedUntil(db: Database, keys: ThrottleKey[], now = new Date()): Promise<Date | null> {
  let latest: Date | null = null;
  for (const { key } of keys) {
    const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
    if (row?.lockedUntil && row.lockedUntil > now && (!latest || row.lockedUntil > latest))
      latest = row.lockedUntil;
  }
  return latest;
}

export async function recordFailure(db: Database, keys: ThrottleKey[], now = new Date()): Promise<void> {
  for (const { key, rule } of keys) {
    const windowStart = new Date(now.getTime() - rule.windowMs);
    // One statement, so concurrent failures cannot both read the old count (matters on shared PostgreSQL).
    await db
      .insert(loginThrottle)
      .values({ key, failures: 1, windowStartedAt: now })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: sql`CASE WHEN ${loginThrottle.windowStartedAt} < ${windowStart} THEN 1 ELSE ${loginThrottle.failures} + 1 END`,
          windowStartedAt: sql`CASE WHEN ${loginThrottle.windowStartedAt} < ${windowStart} THEN ${now} ELSE ${loginThrottle.windowStartedAt} END`,
        },
      });
    await db
      .update(loginThrottle)
      .set({ lockedUntil: new Date(now.getTime() + rule.lockMs), failures: 0, windowStartedAt: now })
      .where(sql`${loginThrottle.key} = ${key} AND ${loginThrottle.failures} >= ${rule.maxFailures}`);
  }
}

/** A successful sign-in clears the account's count; the address keeps its count (it may be spraying). */
export async function recordSuccess(db: Database, email: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, `account:${email.trim().toLowerCase()}`));
}

export function retryMessage(until: Date, now = new Date()): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"} (at ${until.toISOString().slice(11, 16)} UTC).`;
}
