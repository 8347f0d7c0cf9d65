import { beforeEach, describe, expect, it } from "vitest";
import { POST as CREATE_TOKEN } from "@/app/api/v1/api-tokens/route";
import { DELETE as DELETE_CONNECTION } from "@/app/api/v1/connections/[id]/route";
import type { Database } from "@/lib/server/db/client";
import { apiTokens, auditEvents } from "@/lib/server/db/schema";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";

let db: Database;
let adminCookie: string;
beforeEach(async () => {
  db = await freshDatabase();
  adminCookie = (await userWithSession(db, "admin")).cookie;
});

const newToken = { name: "from elsewhere", role: "viewer", expiresInDays: 1 };

describe("the route wrapper against cross-site writes", () => {
  it("refuses a session-cookie write from another site, changes nothing, and audits the refusal", async () => {
    const response = await call(CREATE_TOKEN, {
      method: "POST",
      headers: { cookie: adminCookie, origin: "https://evil.example" },
      body: newToken,
    });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("cross_site_request");
    expect(await db.select().from(apiTokens)).toHaveLength(0);
    const [event] = await db.select().from(auditEvents);
    expect(event).toMatchObject({ action: "api-tokens.create", result: "denied", actorRole: "admin" });
    expect(event?.vendorError).toMatch(/another site/);
  });

  it("lets the same write through from the console's own origin", async () => {
    const response = await call(CREATE_TOKEN, {
      method: "POST",
      headers: { cookie: adminCookie, origin: "http://console.test" },
      body: newToken,
    });
    expect(response.status).toBe(201);
  });

  it("exempts API tokens whatever the Origin says", async () => {
    const created = await call(CREATE_TOKEN, {
      method: "POST",
      headers: { cookie: adminCookie },
      body: { ...newToken, role: "admin" },
    });
    const { token } = (await created.json()) as { token: string };
    // A write tokens may make (token writes to people and tokens are refused for another reason): past the
    // cross-site check, it reaches the handler, which finds no such connection.
    const response = await call(DELETE_CONNECTION, {
      method: "DELETE",
      headers: { authorization: `Bearer ${token}`, origin: "https://evil.example" },
      params: { id: "no-such-connection" },
    });
    expect(response.status).toBe(404);
  });
});
