import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { apiTokens } from "@/lib/server/db/schema";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";
import { GET as LIST_AUDIT } from "../audit-events/route";
import { GET as GET_CONNECTIONS } from "../connections/route";
import { PATCH as UPDATE_USER } from "../users/[id]/route";
import { GET as LIST_USERS } from "../users/route";
import { DELETE } from "./[id]/route";
import { GET, POST } from "./route";

let db: Database;
let adminCookie: string;
let adminId: string;
beforeEach(async () => {
  db = await freshDatabase();
  const admin = await userWithSession(db, "admin");
  adminCookie = admin.cookie;
  adminId = admin.user.id;
});

const createRequest = (
  body: Record<string, unknown>,
  headers: Record<string, string> = { cookie: adminCookie },
) => call(POST, { method: "POST", headers: { origin: "http://console.test", ...headers }, body });

async function createToken(role: string, expiresInDays = 30, cookie = adminCookie) {
  const response = await createRequest({ name: `${role} script`, role, expiresInDays }, { cookie });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; token: string; prefix: string; expiresAt: string };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const DAY_MS = 86_400_000;

describe("API tokens", () => {
  it("shows the secret once, stores only its hash, and lists without it", async () => {
    const created = await createToken("viewer");
    expect(created.token).toMatch(/^oc_[\w-]{43}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    const [row] = await db.select().from(apiTokens);
    expect(JSON.stringify(row)).not.toContain(created.token);
    const list = await (await call(GET, { headers: { cookie: adminCookie } })).json();
    expect(JSON.stringify(list)).not.toContain(created.token);
    expect(list.items).toHaveLength(1);
  });

  it("gives a token exactly its role's permissions", async () => {
    const admin = await createToken("admin");
    const viewer = await createToken("viewer");
    expect((await call(LIST_AUDIT, { headers: bearer(admin.token) })).status).toBe(200);
    expect((await call(LIST_AUDIT, { headers: bearer(viewer.token) })).status).toBe(403);
  });

  it("lets no token, not even an admin's, manage people or tokens", async () => {
    const admin = await createToken("admin");
    const listUsers = await call(LIST_USERS, { headers: bearer(admin.token) });
    expect(listUsers.status).toBe(403);
    expect((await listUsers.json()).error.code).toBe("token_not_allowed");
    const mint = await createRequest({ name: "more", role: "admin", expiresInDays: 1 }, bearer(admin.token));
    expect(mint.status).toBe(403);
    expect((await mint.json()).error.code).toBe("token_not_allowed");
    expect(await db.select().from(apiTokens)).toHaveLength(1);
  });

  it("stops a token when the person who made it is disabled, and restarts it when they are enabled", async () => {
    const creator = await userWithSession(db, "admin");
    const token = await createToken("viewer", 30, creator.cookie);
    expect((await call(GET_CONNECTIONS, { headers: bearer(token.token) })).status).toBe(200);
    const setDisabled = (disabled: boolean) =>
      call(UPDATE_USER, {
        method: "PATCH",
        headers: { cookie: adminCookie, origin: "http://console.test" },
        params: { id: creator.user.id },
        body: { disabled },
      });

    expect((await setDisabled(true)).status).toBe(200);
    const refused = await call(GET_CONNECTIONS, { headers: bearer(token.token) });
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe("invalid_token");

    expect((await setDisabled(false)).status).toBe(200);
    expect((await call(GET_CONNECTIONS, { headers: bearer(token.token) })).status).toBe(200);
    expect(adminId).not.toBe(creator.user.id);
  });

  it("records when a token was last used", async () => {
    const admin = await createToken("admin");
    await call(LIST_AUDIT, { headers: bearer(admin.token) });
    const [row] = await db.select().from(apiTokens);
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("refuses a revoked token at its next request", async () => {
    const admin = await createToken("admin");
    expect((await call(LIST_AUDIT, { headers: bearer(admin.token) })).status).toBe(200);
    const revoked = await call(DELETE, {
      method: "DELETE",
      headers: { cookie: adminCookie },
      params: { id: admin.id },
    });
    expect(revoked.status).toBe(200);
    const after = await call(LIST_AUDIT, { headers: bearer(admin.token) });
    expect(after.status).toBe(401);
    expect((await after.json()).error.code).toBe("invalid_token");
  });

  it("refuses an expired token, a made-up token and a malformed header", async () => {
    const admin = await createToken("admin");
    await db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) });
    expect((await call(LIST_AUDIT, { headers: bearer(admin.token) })).status).toBe(401);
    expect((await call(LIST_AUDIT, { headers: bearer("oc_madeup") })).status).toBe(401);
    expect((await call(LIST_AUDIT, { headers: { authorization: "Basic abc" } })).status).toBe(401);
  });

  it("validates the expiry: at least a day, at most the maximum lifetime (365 days by default), never none", async () => {
    for (const [expiresInDays, message] of [
      [0, "At least 1 day"],
      [366, "At most 365 days: this console limits API tokens to 365 days (API_TOKEN_MAX_LIFETIME_DAYS)"],
      [null, expect.stringMatching(/^Whole days only: every token expires/)],
    ] as const) {
      const response = await createRequest({ name: "x", role: "viewer", expiresInDays });
      expect(response.status, String(expiresInDays)).toBe(400);
      const { error } = await response.json();
      expect(error.code).toBe("validation_failed");
      expect(error.details).toContainEqual({ field: "expiresInDays", message });
    }
    const longest = await createToken("viewer", 365);
    expect(Date.parse(longest.expiresAt) - Date.now()).toBeGreaterThan(364 * DAY_MS);
    expect(await db.select().from(apiTokens)).toHaveLength(1);
  });

  it("holds tokens from before the limit to creation + the maximum lifetime", async () => {
    const young = await createToken("admin");
    const old = await createToken("admin");
    const createdAt = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS);
    // "Never expires" and "730 days", both allowed before the limit existed.
    await db
      .update(apiTokens)
      .set({ expiresAt: null, createdAt: createdAt(300) })
      .where(eq(apiTokens.id, young.id));
    await db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() + 400 * DAY_MS), createdAt: createdAt(366) })
      .where(eq(apiTokens.id, old.id));

    expect((await call(LIST_AUDIT, { headers: bearer(young.token) })).status).toBe(200);
    expect((await call(LIST_AUDIT, { headers: bearer(old.token) })).status).toBe(401);
    const list = await (await call(GET, { headers: { cookie: adminCookie } })).json();
    const expiryOf = (id: string) =>
      Date.parse(list.items.find((t: { id: string }) => t.id === id).expiresAt);
    expect(Math.round((expiryOf(young.id) - Date.now()) / DAY_MS)).toBe(65);
    expect(expiryOf(old.id)).toBeLessThan(Date.now());
  });

  it("audits creation and revocation without the secret", async () => {
    const created = await createToken("operator");
    await call(DELETE, { method: "DELETE", headers: { cookie: adminCookie }, params: { id: created.id } });
    const audit = await (await call(LIST_AUDIT, { headers: { cookie: adminCookie } })).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual([
      "api-tokens.revoke",
      "api-tokens.create",
    ]);
    expect(JSON.stringify(audit)).not.toContain(created.token);
  });
});
