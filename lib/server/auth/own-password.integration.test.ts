import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as changeOwnPassword } from "@/app/api/v1/account/password/route";
import { GET as listUsers } from "@/app/api/v1/users/route";
import type { Database } from "@/lib/server/db/client";
import { auditEvents, users } from "@/lib/server/db/schema";
import { seedFirstAccounts } from "@/lib/server/startup/bootstrap";
import { call, freshDatabase, sessionCookie } from "@/testing/test-db";
import { ACCOUNT_RULE } from "./login-throttle";
import { principalOf } from "./principal";
import { readSessionClaims } from "./session-cookie";
import { signIn } from "./sign-in";

process.env.CONSOLE_SECRET_KEY ??= "integration-test-master-key-integration-test";
delete process.env.ADMIN_EMAIL;
delete process.env.DEMO_ACCOUNTS;

const client = { address: "198.51.100.7", userAgent: "vitest" };
let db: Database;

/** Seeds an empty console the way a first start does and answers the password it printed. */
async function seedGeneratedAdmin(): Promise<string> {
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  try {
    await seedFirstAccounts(db);
    const printed = log.mock.calls.map((args) => String(args[0])).join("\n");
    const password = /password: (\S+)/.exec(printed)?.[1];
    if (!password) throw new Error(`no password in ${printed}`);
    return password;
  } finally {
    log.mockRestore();
  }
}

const origin = { origin: "http://console.test" };
const change = (cookie: string, body: unknown) =>
  call(changeOwnPassword, {
    method: "POST",
    path: "/api/v1/account/password",
    headers: { cookie, ...origin },
    body,
  });

beforeEach(async () => {
  db = await freshDatabase();
});

describe("a generated first admin password", () => {
  it("signs in, then must be changed before anything else; the change ends other sessions but not this one", async () => {
    const password = await seedGeneratedAdmin();
    const signedIn = await signIn(db, { email: "admin@console.local", password }, client);
    if (!signedIn.ok) throw new Error(signedIn.code);
    const { id, sessionVersion } = signedIn.user;
    expect((await principalOf(db, id))?.setupStep).toBe("change-password");
    const cookie = await sessionCookie(id, sessionVersion);
    const other = await sessionCookie(id, sessionVersion);

    const refused = await call(listUsers, { headers: { cookie } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "account_setup_required" } });

    const changed = await change(cookie, {
      currentPassword: password,
      newPassword: "a brand new passphrase",
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ pendingStep: null });
    expect((await principalOf(db, id))?.setupStep).toBeNull();

    // The session it was made from goes on under the new version; any other session of the person ends.
    const setCookie = changed.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(
      /^next-auth\.session-token=[^;]+; Path=\/; Expires=.+; HttpOnly; SameSite=Lax$/,
    );
    const renewed = setCookie.split(";")[0] ?? "";
    // The same session (its id and sign-in time go on), at the new version.
    const before = await readSessionClaims(cookie.split(";")[0] ?? "");
    expect(before?.sessionId).toEqual(expect.any(String));
    expect(await readSessionClaims(renewed)).toEqual({
      userId: id,
      sessionVersion: sessionVersion + 1,
      sessionId: before?.sessionId,
      signedInAt: before?.signedInAt,
    });
    expect((await call(listUsers, { headers: { cookie: renewed } })).status).toBe(200);
    expect((await call(listUsers, { headers: { cookie: other } })).status).toBe(401);

    const [row] = await db.select().from(users).where(eq(users.id, id));
    expect(row?.mustChangePassword).toBe(false);
    expect(await signIn(db, { email: "admin@console.local", password }, client)).toMatchObject({ ok: false });
    expect(
      await signIn(db, { email: "admin@console.local", password: "a brand new passphrase" }, client),
    ).toMatchObject({ ok: true });
    const audited = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "account.password.change"));
    expect(audited).toMatchObject([{ result: "success", targetId: "admin@console.local" }]);
    expect(JSON.stringify(audited)).not.toContain("a brand new passphrase");
  });
});

describe("changing one's own password", () => {
  it("applies the password policy and refuses the current password as the new one", async () => {
    const password = await seedGeneratedAdmin();
    const [admin] = await db.select().from(users);
    const cookie = await sessionCookie(admin?.id ?? "", 1);
    const weak = await change(cookie, { currentPassword: password, newPassword: "password2024!" });
    expect(weak.status).toBe(400);
    expect(await weak.json()).toMatchObject({ error: { details: [{ field: "newPassword" }] } });
    const same = await change(cookie, { currentPassword: password, newPassword: password });
    expect(await same.json()).toMatchObject({
      error: { message: expect.stringContaining("is the current one") },
    });
  });

  it(`counts a wrong current password toward the account's lock-out (${ACCOUNT_RULE.maxFailures} tries)`, async () => {
    const password = await seedGeneratedAdmin();
    const [admin] = await db.select().from(users);
    const cookie = await sessionCookie(admin?.id ?? "", 1);
    const statuses = [];
    for (let i = 0; i < ACCOUNT_RULE.maxFailures; i++) {
      statuses.push(
        (await change(cookie, { currentPassword: `guess ${i}`, newPassword: "a brand new passphrase" }))
          .status,
      );
    }
    expect(statuses).toEqual([...Array(ACCOUNT_RULE.maxFailures - 1).fill(400), 429]);
    // Locked: the right password is refused too, here and at the sign-in form.
    expect(
      (await change(cookie, { currentPassword: password, newPassword: "a brand new passphrase" })).status,
    ).toBe(429);
    expect(await signIn(db, { email: "admin@console.local", password }, client)).toEqual({
      ok: false,
      code: "locked-out",
    });
  });
});
