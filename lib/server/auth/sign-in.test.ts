import { randomBytes, scryptSync } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { auditEvents, loginThrottle, users } from "@/lib/server/db/schema";
import { hashPassword } from "@/lib/server/users/password-hash";
import { createUser } from "@/lib/server/users/users";
import { captureLogs } from "@/testing/log-capture";
import { atProductionHashCost } from "@/testing/production-hash-cost";
import { freshDatabase } from "@/testing/test-db";
import {
  ACCOUNT_RULE,
  ADDRESS_RULE,
  claimAttempt,
  lockedUntil,
  recordFailure,
  throttleKeys,
} from "./login-throttle";
import { signIn } from "./sign-in";

let db: Database;
const password = "correct horse battery staple";
beforeEach(async () => {
  db = await freshDatabase();
  await createUser(db, { email: "ann@example.com", name: "Ann", role: "operator", password });
});

const client = (address = "198.51.100.7") => ({ address, userAgent: "vitest" });

describe("sign-in", () => {
  it("accepts the right password, case-insensitively on the email, and audits it", async () => {
    const result = await signIn(db, { email: " ANN@example.com ", password }, client());
    expect(result).toMatchObject({
      ok: true,
      user: { email: "ann@example.com", role: "operator", sessionVersion: 1 },
    });
    const [event] = await db.select().from(auditEvents);
    expect(event).toMatchObject({
      action: "auth.sign-in",
      result: "success",
      actorLabel: "ann@example.com",
      clientAddress: "198.51.100.7",
    });
  });

  it("answers an email with a NUL character as a wrong one, audited, instead of failing in the database", async () => {
    const result = await signIn(db, { email: "ann@example.com\u0000", password }, client());
    expect(result).toEqual({ ok: false, code: "wrong-credentials" });
    const [event] = await db.select().from(auditEvents);
    expect(event).toMatchObject({
      action: "auth.sign-in",
      result: "failure",
      vendorError: "unknown account",
    });
  });

  it("gives the same message for a wrong password and an unknown account", async () => {
    const wrong = await signIn(db, { email: "ann@example.com", password: "not the password" }, client());
    const unknown = await signIn(db, { email: "nobody@example.com", password }, client());
    expect(wrong).toEqual({ ok: false, code: "wrong-credentials" });
    expect(unknown).toEqual(wrong);
    const results = (await db.select().from(auditEvents)).map((e) => [e.result, e.vendorError]);
    expect(results).toEqual([
      ["failure", "wrong password"],
      ["failure", "unknown account"],
    ]);
  });

  it("refuses a disabled account even with the right password", async () => {
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.email, "ann@example.com"));
    const result = await signIn(db, { email: "ann@example.com", password }, client());
    expect(result).toEqual({ ok: false, code: "account-disabled" });
  });

  it(`locks the account after ${ACCOUNT_RULE.maxFailures} failures, says so, and refuses even the right password`, async () => {
    let last: Awaited<ReturnType<typeof signIn>> | undefined;
    for (let i = 0; i < ACCOUNT_RULE.maxFailures; i++) {
      last = await signIn(db, { email: "ann@example.com", password: `wrong ${i}` }, client(`203.0.113.${i}`));
    }
    expect(last).toEqual({ ok: false, code: "locked-out" });
    const right = await signIn(db, { email: "ann@example.com", password }, client("203.0.113.99"));
    expect(right).toEqual({ ok: false, code: "locked-out" });
  });

  it("does not lock after fewer failures, and a success clears the account's count", async () => {
    for (let i = 0; i < ACCOUNT_RULE.maxFailures - 1; i++) {
      await signIn(db, { email: "ann@example.com", password: "wrong" }, client());
    }
    expect((await signIn(db, { email: "ann@example.com", password }, client())).ok).toBe(true);
    const rows = await db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, "account:ann@example.com"));
    expect(rows).toEqual([]);
  });

  it(`locks a client address spraying many accounts after ${ADDRESS_RULE.maxFailures} failures`, async () => {
    for (let i = 0; i < ADDRESS_RULE.maxFailures; i++) {
      await signIn(db, { email: `user${i}@example.com`, password: "guess" }, client("192.0.2.50"));
    }
    const fromSprayer = await signIn(db, { email: "ann@example.com", password }, client("192.0.2.50"));
    expect(fromSprayer.ok).toBe(false);
    const fromElsewhere = await signIn(db, { email: "ann@example.com", password }, client("192.0.2.51"));
    expect(fromElsewhere.ok).toBe(true);
  });
});

describe("sign-in under a burst of parallel attempts", () => {
  const evaluatedGuesses = async () =>
    (await db.select().from(auditEvents)).filter(
      (event) => event.result === "failure" && event.actorLabel === "ann@example.com",
    ).length;

  it(`checks at most ${ACCOUNT_RULE.maxFailures} passwords of a burst of 20 wrong ones, and locks the account`, async () => {
    const burst = Array.from({ length: 20 }, (_, i) =>
      signIn(db, { email: "ann@example.com", password: `wrong guess ${i}` }, client(`203.0.113.${i}`)),
    );
    const results = await Promise.all(burst);
    expect(results.every((result) => !result.ok)).toBe(true);
    expect(await evaluatedGuesses()).toBeLessThanOrEqual(ACCOUNT_RULE.maxFailures);
    expect(await lockedUntil(db, throttleKeys("ann@example.com", null))).not.toBeNull();
  });

  it("refuses the right password sent in a burst after the limit", async () => {
    const wrong = Array.from({ length: 10 }, (_, i) =>
      signIn(db, { email: "ann@example.com", password: `wrong guess ${i}` }, client(`203.0.113.${i}`)),
    );
    const right = signIn(db, { email: "ann@example.com", password }, client("203.0.113.200"));
    await Promise.all(wrong);
    expect(await right).toEqual({ ok: false, code: "locked-out" });
  });

  it("refuses a right password whose check finishes after a parallel wrong one locked the account", async () => {
    // The race needs the password check to take as long as it does in production, not the test runner's instant.
    const productionHash = await atProductionHashCost(() => hashPassword(password));
    await db.update(users).set({ passwordHash: productionHash }).where(eq(users.email, "ann@example.com"));
    const keys = throttleKeys("ann@example.com", null);
    // Four attempts of other requests are being checked; this one is the fifth, still within the limit.
    for (let i = 0; i < ACCOUNT_RULE.maxFailures - 1; i++) expect(await claimAttempt(db, keys)).toBe(true);
    const right = signIn(db, { email: "ann@example.com", password }, client());
    await expect
      .poll(
        async () =>
          (
            await db
              .select()
              .from(loginThrottle)
              .where(eq(loginThrottle.key, keys[0]?.key ?? ""))
          )[0]?.failures,
        { interval: 5 },
      )
      .toBe(ACCOUNT_RULE.maxFailures);
    // While its password is being hashed, one of the others turns out wrong and locks the account.
    await recordFailure(db, keys);
    expect(await right).toEqual({ ok: false, code: "locked-out" });
    const [event] = await db.select().from(auditEvents);
    expect(event).toMatchObject({ result: "denied", vendorError: "locked out during the check" });
  });
});

describe("sign-in input and failures", () => {
  it("refuses an email over 254 characters before the database, audited, instead of failing the throttle insert", async () => {
    const email = `${"a".repeat(3000)}@example.com`;
    expect(await signIn(db, { email, password }, client())).toEqual({ ok: false, code: "input-too-long" });
    const [event] = await db.select().from(auditEvents);
    expect(event).toMatchObject({ action: "auth.sign-in", result: "failure" });
    expect(event?.actorLabel).toHaveLength(255);
    expect(await db.select().from(loginThrottle)).toEqual([]);
  });

  it("refuses a password over 256 characters before counting or checking it", async () => {
    for (const long of ["p".repeat(257), "é".repeat(257), "p".repeat(5_000_000)]) {
      expect(await signIn(db, { email: "ann@example.com", password: long }, client())).toEqual({
        ok: false,
        code: "input-too-long",
      });
    }
    // 256 characters of two UTF-16 units each are within the limit: characters are counted, not units.
    const emoji = "😀".repeat(256);
    expect(await signIn(db, { email: "ann@example.com", password: emoji }, client())).toEqual({
      ok: false,
      code: "wrong-credentials",
    });
    const reasons = (await db.select().from(auditEvents)).map((event) => event.vendorError);
    expect(reasons).toEqual([...Array(3).fill("email or password too long"), "wrong password"]);
    const [row] = await db.select().from(loginThrottle);
    expect(row).toMatchObject({ key: "account:ann@example.com", failures: 1 });
  });

  it("answers an unexpected failure with a generic code and a log line, never the database's text", async () => {
    const logs = captureLogs();
    await db.execute(sql`ALTER TABLE login_throttle RENAME TO login_throttle_away`);
    try {
      const result = await signIn(db, { email: "ann@example.com", password }, client());
      expect(result).toEqual({ ok: false, code: "sign-in-failed" });
      const failures = logs.lines.filter((line) => line.msg === "[auth] sign-in failed unexpectedly");
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({ level: "error", cause: expect.stringContaining("login_throttle") });
      expect(logs.text()).not.toContain(password);
    } finally {
      await db.execute(sql`ALTER TABLE login_throttle_away RENAME TO login_throttle`);
      logs.restore();
    }
  });
});

describe("password re-hashing", () => {
  /** A hash as the console stored it before N=2^17: scrypt N=2^15, r=8, p=1. */
  const legacyHash = (secret: string) => {
    const salt = randomBytes(16);
    const key = scryptSync(secret, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    return ["scrypt", 32768, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
  };
  const storedHash = async () =>
    (await db.select().from(users).where(eq(users.email, "ann@example.com")))[0]?.passwordHash ?? "";

  it("stores an old hash again at today's cost at the next successful sign-in, and only then", async () => {
    await db
      .update(users)
      .set({ passwordHash: legacyHash(password) })
      .where(eq(users.email, "ann@example.com"));
    // Today's cost is the production one: the upgrade a deployment makes, not the test runner's cheap hash.
    await atProductionHashCost(async () => {
      await signIn(db, { email: "ann@example.com", password: "not the password" }, client());
      expect(await storedHash()).toMatch(/^scrypt\$32768\$/);

      expect((await signIn(db, { email: "ann@example.com", password }, client())).ok).toBe(true);
      const upgraded = await storedHash();
      expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/);
      expect((await signIn(db, { email: "ann@example.com", password }, client())).ok).toBe(true);
      expect(await storedHash()).toBe(upgraded);
    });
  });
});

describe("login throttle window", () => {
  it("forgets attempts older than the window and lifts a lock when it expires", async () => {
    const keys = throttleKeys("ann@example.com", null);
    const start = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < ACCOUNT_RULE.maxFailures - 1; i++) {
      await claimAttempt(db, keys, start);
      await recordFailure(db, keys, start);
    }
    // One more failure after the window: the count restarts instead of locking.
    const later = new Date(start.getTime() + ACCOUNT_RULE.windowMs + 1000);
    expect(await claimAttempt(db, keys, later)).toBe(true);
    await recordFailure(db, keys, later);
    expect(await lockedUntil(db, keys, later)).toBeNull();

    for (let i = 0; i < ACCOUNT_RULE.maxFailures - 1; i++) {
      expect(await claimAttempt(db, keys, later)).toBe(true);
      await recordFailure(db, keys, later);
    }
    const until = await lockedUntil(db, keys, later);
    expect(until?.getTime()).toBe(later.getTime() + ACCOUNT_RULE.lockMs);
    expect(await claimAttempt(db, keys, later)).toBe(false);
    const afterLock = new Date(later.getTime() + ACCOUNT_RULE.lockMs + 1);
    expect(await lockedUntil(db, keys, afterLock)).toBeNull();
    expect(await claimAttempt(db, keys, afterLock)).toBe(true);
  });

  it("gives a refused attempt's count back, so it never grows a count without a guess", async () => {
    const keys = throttleKeys("ann@example.com", "192.0.2.9");
    for (let i = 0; i < ACCOUNT_RULE.maxFailures; i++) expect(await claimAttempt(db, keys)).toBe(true);
    expect(await claimAttempt(db, keys)).toBe(false);
    const counts = Object.fromEntries(
      (await db.select().from(loginThrottle)).map((row) => [row.key, row.failures]),
    );
    expect(counts).toEqual({
      "account:ann@example.com": ACCOUNT_RULE.maxFailures,
      "address:192.0.2.9": ACCOUNT_RULE.maxFailures,
    });
  });
});
