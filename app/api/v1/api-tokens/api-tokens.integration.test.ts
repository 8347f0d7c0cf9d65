import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { apiTokens } from "@/lib/server/db/schema";
import { call, freshDatabase, userWithSession } from "@/lib/testing/test-db";
import { GET as LIST_AUDIT } from "../audit-events/route";
import { GET as LIST_USERS } from "../users/route";
import { DELETE } from "./[id]/route";
import { GET, POST } from "./route";

let db: Database;
let adminCookie: string;
beforeEach(async () => {
  db = await freshDatabase();
  adminCookie = (await userWithSession(db, "admin")).cookie;
});

async function createToken(role: string, expiresInDays: number | null = 30) {
  const response = await call(POST, {
    method: "POST",
    headers: { cookie: adminCookie },
    body: { name: `${role} script`, role, expiresInDays },
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; token: string; prefix: string };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

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
    expect((await call(LIST_USERS, { headers: bearer(admin.token) })).status).toBe(200);
    expect((await call(LIST_USERS, { headers: bearer(viewer.token) })).status).toBe(403);
    expect((await call(LIST_AUDIT, { headers: bearer(viewer.token) })).status).toBe(403);
  });

  it("records when a token was last used", async () => {
    const admin = await createToken("admin");
    await call(LIST_USERS, { headers: bearer(admin.token) });
    const [row] = await db.select().from(apiTokens);
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("refuses a revoked token at its next request", async () => {
    const admin = await createToken("admin");
    expect((await call(LIST_USERS, { headers: bearer(admin.token) })).status).toBe(200);
    const revoked = await call(DELETE, {
      method: "DELETE",
      headers: { cookie: adminCookie },
      params: { id: admin.id },
    });
    expect(revoked.status).toBe(200);
    const after = await call(LIST_USERS, { headers: bearer(admin.token) });
    expect(after.status).toBe(401);
    expect((await after.json()).error.code).toBe("invalid_token");
  });

  it("refuses an expired token, a made-up token and a malformed header", async () => {
    const admin = await createToken("admin");
    await db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) });
    expect((await call(LIST_USERS, { headers: bearer(admin.token) })).status).toBe(401);
    expect((await call(LIST_USERS, { headers: bearer("oc_madeup") })).status).toBe(401);
    expect((await call(LIST_USERS, { headers: { authorization: "Basic abc" } })).status).toBe(401);
  });

  it("validates the expiry", async () => {
    const response = await call(POST, {
      method: "POST",
      headers: { cookie: adminCookie },
      body: { name: "x", role: "viewer", expiresInDays: 0 },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.details).toContainEqual({
      field: "expiresInDays",
      message: "At least 1 day",
    });
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
