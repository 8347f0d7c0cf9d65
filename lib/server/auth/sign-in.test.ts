import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { auditEvents, loginThrottle, users } from "@/lib/server/db/schema";
import { createUser } from "@/lib/server/users";
import { freshDatabase } from "@/lib/testing/test-db";
import { ACCOUNT_RULE, ADDRESS_RULE, lockedUntil, recordFailure, throttleKeys } from "./login-throttle";
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
    expect(result).toEqual({ ok: false, message: "Wrong email or password." });
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
    expect(wrong).toEqual({ ok: false, message: "Wrong email or password." });
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
    expect(result).toEqual({ ok: false, message: expect.stringContaining("disabled") });
  });

  it(`locks the account after ${ACCOUNT_RULE.maxFailures} failures, says when to retry, and refuses even the right password`, async () => {
    let last: Awaited<ReturnType<typeof signIn>> | undefined;
    for (let i = 0; i < ACCOUNT_RULE.maxFailures; i++) {
      last = await signIn(db, { email: "ann@example.com", password: `wrong ${i}` }, client(`203.0.113.${i}`));
    }
    expect(last).toEqual({
      ok: false,
      message: expect.stringMatching(/Too many failed sign-ins\. Try again in 15 minutes/),
    });
    const right = await signIn(db, { email: "ann@example.com", password }, client("203.0.113.99"));
    expect(right).toEqual({ ok: false, message: expect.stringContaining("Try again in") });
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

describe("login throttle window", () => {
  it("forgets failures older than the window and lifts a lock when it expires", async () => {
    const keys = throttleKeys("ann@example.com", null);
    const start = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < ACCOUNT_RULE.maxFailures - 1; i++) await recordFailure(db, keys, start);
    // One more failure after the window: the count restarts instead of locking.
    const later = new Date(start.getTime() + ACCOUNT_RULE.windowMs + 1000);
    await recordFailure(db, keys, later);
    expect(await lockedUntil(db, keys, later)).toBeNull();

    for (let i = 0; i < ACCOUNT_RULE.maxFailures; i++) await recordFailure(db, keys, later);
    const until = await lockedUntil(db, keys, later);
    expect(until?.getTime()).toBe(later.getTime() + ACCOUNT_RULE.lockMs);
    expect(await lockedUntil(db, keys, new Date(later.getTime() + ACCOUNT_RULE.lockMs + 1))).toBeNull();
  });
});
