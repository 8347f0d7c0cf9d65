import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/server/audit/audit-log";
import type { Database } from "@/lib/server/db/client";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";
import { GET as EXPORT } from "./export/route";
import { GET } from "./route";

let db: Database;
let cookie: string;
beforeEach(async () => {
  db = await freshDatabase();
  cookie = (await userWithSession(db, "admin")).cookie;
  const base = { actorId: null, actorRole: "operator", targetResource: "extension" } as const;
  await recordAudit(db, {
    ...base,
    actorLabel: "ann@example.com",
    action: "extensions.create",
    targetId: "205",
    result: "success",
  });
  await recordAudit(db, {
    ...base,
    actorLabel: "bob@example.com",
    action: "extensions.delete",
    targetId: "206",
    result: "failure",
    vendorError: "Extension 206 does not exist",
  });
  await recordAudit(db, {
    ...base,
    actorLabel: "ann@example.com",
    action: "vouchers.create",
    targetId: '=HYPERLINK("x")',
    result: "success",
    input: { password: "hunter2hunter2", count: 5 },
  });
});

describe("audit log API", () => {
  it("filters by actor, action prefix, target and result, newest first", async () => {
    const list = async (query: string) =>
      (await (await call(GET, { path: `/api/v1/audit-events?${query}`, headers: { cookie } })).json()).items;
    expect((await list("actor=ANN")).map((e: { action: string }) => e.action)).toEqual([
      "vouchers.create",
      "extensions.create",
    ]);
    expect((await list("action=extensions.")).length).toBe(2);
    expect((await list("target=206"))[0].vendorError).toBe("Extension 206 does not exist");
    expect((await list("result=failure")).length).toBe(1);
  });

  it("pages with a total", async () => {
    const page = await (
      await call(GET, { path: "/api/v1/audit-events?pageSize=2&page=2", headers: { cookie } })
    ).json();
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(1);
  });

  it("filters by time range and rejects a malformed date", async () => {
    const future = new Date(Date.now() + 60_000).toISOString();
    const none = await (
      await call(GET, { path: `/api/v1/audit-events?from=${future}`, headers: { cookie } })
    ).json();
    expect(none.items).toEqual([]);
    const bad = await call(GET, { path: "/api/v1/audit-events?from=yesterday", headers: { cookie } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details).toContainEqual({
      field: "from",
      message: "from must be an ISO date-time",
    });
  });

  it("stores inputs with secrets redacted", async () => {
    const items = (
      await (await call(GET, { path: "/api/v1/audit-events?action=vouchers.", headers: { cookie } })).json()
    ).items;
    expect(items[0].input).toEqual({ password: "[redacted]", count: 5 });
  });

  it("exports the filtered set as CSV with formula cells neutralised", async () => {
    const response = await call(EXPORT, {
      path: "/api/v1/audit-events/export?actor=ann",
      headers: { cookie },
    });
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toMatch(/^id,at,actor,/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines.join("\n")).not.toContain("hunter2");
  });

  it("refuses to update or delete audit rows at the database", async () => {
    await expect(db.execute(sql`UPDATE audit_events SET result = 'success'`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM audit_events`)).rejects.toThrow();
  });
});
