import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { auditEvents } from "@/lib/server/db/schema";
import { call, freshDatabase, sessionCookie, userWithSession } from "@/testing/test-db";
import { POST as REVOKE } from "./[id]/revoke-sessions/route";
import { PATCH } from "./[id]/route";
import { GET, POST } from "./route";

let db: Database;
beforeEach(async () => {
  db = await freshDatabase();
});

const newUser = {
  email: "new.person@example.com",
  name: "New Person",
  role: "operator",
  password: "a perfectly fine passphrase",
};

describe("users API through the route wrapper", () => {
  it("answers 401 with the JSON error shape when there is no session or token", async () => {
    const response = await call(GET);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: {
        code: "unauthenticated",
        message: expect.stringContaining("Sign in"),
        requestId: response.headers.get("x-request-id"),
      },
    });
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it("answers 403 to an operator and audits the refused write", async () => {
    const { cookie } = await userWithSession(db, "operator");
    const list = await call(GET, { headers: { cookie } });
    expect(list.status).toBe(403);
    expect((await list.json()).error.message).toContain("users.manage");
    const create = await call(POST, { method: "POST", headers: { cookie }, body: newUser });
    expect(create.status).toBe(403);
    const rows = await db.select().from(auditEvents);
    expect(rows.map((r) => [r.action, r.result])).toEqual([["users.create", "denied"]]);
  });

  it("lets an admin create a user, audited with the password redacted", async () => {
    const { cookie, user: admin } = await userWithSession(db, "admin");
    const response = await call(POST, { method: "POST", headers: { cookie }, body: newUser });
    expect(response.status).toBe(201);
    const created = await response.json();
    expect(created).toMatchObject({ email: "new.person@example.com", role: "operator", disabled: false });
    expect(JSON.stringify(created)).not.toContain("passphrase");
    const [event] = await db.select().from(auditEvents);
    expect(event).toMatchObject({
      action: "users.create",
      result: "success",
      actorLabel: admin.email,
      targetId: "new.person@example.com",
    });
    expect(event?.input).toMatchObject({ email: "new.person@example.com", password: "[redacted]" });
  });

  it("names the field for wrong types, unknown fields and policy failures", async () => {
    const { cookie } = await userWithSession(db, "admin");
    const wrongType = await call(POST, {
      method: "POST",
      headers: { cookie },
      body: { ...newUser, role: 7 },
    });
    expect(wrongType.status).toBe(400);
    expect((await wrongType.json()).error.details).toContainEqual(expect.objectContaining({ field: "role" }));

    const unknown = await call(POST, {
      method: "POST",
      headers: { cookie },
      body: { ...newUser, isRoot: true },
    });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.message).toContain("isRoot");

    const weak = await call(POST, {
      method: "POST",
      headers: { cookie },
      body: { ...newUser, password: "password123456" },
    });
    expect(weak.status).toBe(400);
    expect((await weak.json()).error.details).toEqual([
      { field: "password", message: expect.stringContaining("common") },
    ]);
  });

  it("refuses malformed JSON, a wrong content type and an oversized body with 4xx, never 500", async () => {
    const { cookie } = await userWithSession(db, "admin");
    const malformed = await call(POST, { method: "POST", headers: { cookie }, rawBody: "{not json" });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.message).toMatch(/not valid JSON/);

    const form = await call(POST, {
      method: "POST",
      headers: { cookie, "content-type": "text/plain" },
      rawBody: "email=a",
    });
    expect(form.status).toBe(415);

    const huge = await call(POST, {
      method: "POST",
      headers: { cookie },
      rawBody: JSON.stringify({ name: "x".repeat(1_100_000) }),
    });
    expect(huge.status).toBe(413);
  });

  it("answers 409 for a duplicate email", async () => {
    const { cookie } = await userWithSession(db, "admin");
    await call(POST, { method: "POST", headers: { cookie }, body: newUser });
    const again = await call(POST, {
      method: "POST",
      headers: { cookie },
      body: { ...newUser, email: "NEW.person@example.com" },
    });
    expect(again.status).toBe(409);
  });

  it("never lets the last active admin be demoted or disabled", async () => {
    const { cookie, user: admin } = await userWithSession(db, "admin");
    for (const change of [{ role: "viewer" }, { disabled: true }]) {
      const response = await call(PATCH, {
        method: "PATCH",
        headers: { cookie },
        params: { id: admin.id },
        body: change,
      });
      expect(response.status).toBe(409);
      expect((await response.json()).error.message).toContain("last active admin");
    }
    const { user: second } = await userWithSession(db, "admin");
    const demote = await call(PATCH, {
      method: "PATCH",
      headers: { cookie },
      params: { id: second.id },
      body: { role: "viewer" },
    });
    expect(demote.status).toBe(200);
    expect((await demote.json()).role).toBe("viewer");
  });

  it("ends a user's sessions at their next request when disabled, revoked or their password is reset", async () => {
    const { cookie: adminCookie } = await userWithSession(db, "admin");
    for (const action of ["disable", "revoke", "password"] as const) {
      const { cookie, user } = await userWithSession(db, "admin");
      expect((await call(GET, { headers: { cookie } })).status).toBe(200);
      const response =
        action === "revoke"
          ? await call(REVOKE, { method: "POST", headers: { cookie: adminCookie }, params: { id: user.id } })
          : await call(PATCH, {
              method: "PATCH",
              headers: { cookie: adminCookie },
              params: { id: user.id },
              body: action === "disable" ? { disabled: true } : { password: "a brand new passphrase" },
            });
      expect(response.status).toBe(200);
      expect((await call(GET, { headers: { cookie } })).status, action).toBe(401);
    }
  });

  it("applies a role change at the user's next request", async () => {
    const { cookie: adminCookie } = await userWithSession(db, "admin");
    const { cookie, user } = await userWithSession(db, "admin");
    expect((await call(GET, { headers: { cookie } })).status).toBe(200);
    await call(PATCH, {
      method: "PATCH",
      headers: { cookie: adminCookie },
      params: { id: user.id },
      body: { role: "viewer" },
    });
    expect((await call(GET, { headers: { cookie } })).status).toBe(403);
  });

  it("refuses a forged session cookie and one of an unknown user", async () => {
    expect((await call(GET, { headers: { cookie: "next-auth.session-token=forged" } })).status).toBe(401);
    const ghost = await sessionCookie("00000000-0000-4000-8000-000000000000", 1);
    expect((await call(GET, { headers: { cookie: ghost } })).status).toBe(401);
  });

  it("validates path parameters", async () => {
    const { cookie } = await userWithSession(db, "admin");
    const response = await call(PATCH, {
      method: "PATCH",
      headers: { cookie },
      params: { id: "not-a-uuid" },
      body: { name: "x" },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.details).toContainEqual({
      field: "id",
      message: "The user id must be a UUID",
    });
    const missing = await call(PATCH, {
      method: "PATCH",
      headers: { cookie },
      params: { id: "00000000-0000-4000-8000-000000000000" },
      body: { name: "x" },
    });
    expect(missing.status).toBe(404);
  });
});
