import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { SavedViewDto, SavedViewListDto } from "@/lib/api/saved-views";
import type { Database } from "@/lib/server/db/client";
import { auditEvents, savedViews, users } from "@/lib/server/db/schema";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";
import { DELETE, PATCH } from "./[id]/route";
import { GET, POST } from "./route";

process.env.CONSOLE_SECRET_KEY ??= "integration-test-master-key-integration-test";

let db: Database;
beforeEach(async () => {
  db = await freshDatabase();
});

const ORIGIN = "http://console.test";

const list = async (cookie: string, table?: string) => {
  const response = await call(GET, {
    path: `/api/v1/saved-views${table ? `?table=${table}` : ""}`,
    headers: { cookie },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as SavedViewListDto;
};

const create = (cookie: string, body: unknown) =>
  call(POST, { method: "POST", path: "/api/v1/saved-views", headers: { cookie, origin: ORIGIN }, body });

const update = (cookie: string, id: string, body: unknown) =>
  call(PATCH, {
    method: "PATCH",
    path: `/api/v1/saved-views/${id}`,
    headers: { cookie, origin: ORIGIN },
    params: { id },
    body,
  });

const remove = (cookie: string, id: string) =>
  call(DELETE, {
    method: "DELETE",
    path: `/api/v1/saved-views/${id}`,
    headers: { cookie, origin: ORIGIN },
    params: { id },
  });

const activeVouchers = {
  table: "kiwire-vouchers",
  name: "Active vouchers",
  query: "status=active&sort=createdAt&dir=desc&size=100",
  columns: ["profile", "status"],
};

async function created(cookie: string, body: unknown): Promise<SavedViewDto> {
  const response = await create(cookie, body);
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as SavedViewDto;
}

describe("saved views", () => {
  it("are created, listed, renamed, changed and deleted by their owner, each change audited", async () => {
    const operator = await userWithSession(db, "operator");
    const view = await created(operator.cookie, activeVouchers);
    expect(view).toMatchObject({ ...activeVouchers, shared: false, mine: true, editable: true });

    expect((await list(operator.cookie, "kiwire-vouchers")).views.map((v) => v.name)).toEqual([
      "Active vouchers",
    ]);
    expect((await list(operator.cookie, "kayako-tickets")).views).toEqual([]);
    expect(await list(operator.cookie)).toMatchObject({ views: [{ id: view.id }], canShare: false });

    const renamed = await update(operator.cookie, view.id, { name: "  Active, newest first  " });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ name: "Active, newest first", query: activeVouchers.query });
    const changed = await update(operator.cookie, view.id, { query: "status=expired", columns: [] });
    expect(await changed.json()).toMatchObject({ query: "status=expired", columns: [] });

    const deleted = await remove(operator.cookie, view.id);
    expect(deleted.status).toBe(200);
    expect((await list(operator.cookie)).views).toEqual([]);
    expect((await remove(operator.cookie, view.id)).status).toBe(404);

    const events = await db.select().from(auditEvents).orderBy(auditEvents.id);
    expect(events.map((event) => [event.action, event.result, event.targetId])).toEqual([
      ["saved-view.create", "success", view.id],
      ["saved-view.update", "success", view.id],
      ["saved-view.update", "success", view.id],
      ["saved-view.delete", "success", view.id],
      ["saved-view.delete", "failure", view.id],
    ]);
    expect(events[0]).toMatchObject({ actorId: operator.user.id, targetResource: "saved-view" });
  });

  it("refuses a second view of the same name on the same list, in any case, and allows it elsewhere", async () => {
    const operator = await userWithSession(db, "operator");
    const other = await userWithSession(db, "operator");
    const first = await created(operator.cookie, activeVouchers);
    const again = await create(operator.cookie, { ...activeVouchers, name: "ACTIVE VOUCHERS" });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      error: { code: "conflict", message: expect.stringContaining("already have a view named") },
    });
    // Another list, and another person, may use the name.
    await created(operator.cookie, { ...activeVouchers, table: "kayako-tickets", query: "" });
    await created(other.cookie, activeVouchers);
    // Renaming onto a taken name is refused the same way.
    const second = await created(operator.cookie, { ...activeVouchers, name: "Expired" });
    expect((await update(operator.cookie, second.id, { name: "active vouchers" })).status).toBe(409);
    expect((await update(operator.cookie, first.id, { name: "Active vouchers" })).status).toBe(200);
  });

  it("keeps a private view from everybody else, admins included", async () => {
    const owner = await userWithSession(db, "operator");
    const admin = await userWithSession(db, "admin");
    const other = await userWithSession(db, "viewer");
    const view = await created(owner.cookie, activeVouchers);
    expect((await list(admin.cookie)).views).toEqual([]);
    expect((await list(other.cookie)).views).toEqual([]);
    expect((await update(admin.cookie, view.id, { name: "Mine now" })).status).toBe(404);
    expect((await remove(other.cookie, view.id)).status).toBe(404);
  });

  it("shows a shared view to everybody who reads its list, and lets only admins change it", async () => {
    const admin = await userWithSession(db, "admin");
    const operator = await userWithSession(db, "operator");
    const viewer = await userWithSession(db, "viewer");
    const shared = await created(admin.cookie, { ...activeVouchers, shared: true });
    const audit = await created(admin.cookie, {
      table: "admin-audit",
      name: "Failures",
      query: "result=failure",
      columns: [],
      shared: true,
    });
    expect(await list(admin.cookie)).toMatchObject({ canShare: true });

    for (const person of [operator, viewer]) {
      const seen = await list(person.cookie);
      // The audit list is admins' only: its shared view is never shown to them.
      expect(seen.views.map((v) => v.id)).toEqual([shared.id]);
      expect(seen.views[0]).toMatchObject({ shared: true, mine: false, editable: false });
      const refused = await update(person.cookie, shared.id, { name: "Hijacked" });
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain("Only an admin can change or delete a shared view");
      expect((await remove(person.cookie, shared.id)).status).toBe(403);
      expect((await remove(person.cookie, audit.id)).status).toBe(404);
    }
    // Another admin may change it; unsharing hands it back to its owner alone.
    const otherAdmin = await userWithSession(db, "admin");
    expect((await update(otherAdmin.cookie, shared.id, { name: "Active (team)" })).status).toBe(200);
    expect((await update(otherAdmin.cookie, shared.id, { shared: false })).status).toBe(200);
    expect((await list(operator.cookie)).views).toEqual([]);
    expect((await list(admin.cookie, "kiwire-vouchers")).views).toMatchObject([
      { name: "Active (team)", shared: false, mine: true },
    ]);
  });

  it("lets no one but an admin share a view, on creation or later", async () => {
    const operator = await userWithSession(db, "operator");
    const refused = await create(operator.cookie, { ...activeVouchers, shared: true });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Only an admin can share a view");
    const view = await created(operator.cookie, activeVouchers);
    expect((await update(operator.cookie, view.id, { shared: true })).status).toBe(403);
    const [row] = await db.select().from(savedViews).where(eq(savedViews.id, view.id));
    expect(row?.shared).toBe(false);
    const denied = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.result, "denied"))
      .orderBy(auditEvents.id);
    expect(denied.map((event) => [event.action, event.actorId, event.vendorError])).toEqual([
      ["saved-view.create", operator.user.id, expect.stringContaining("Only an admin can share")],
      ["saved-view.update", operator.user.id, "Only an admin can share a view."],
    ]);
  });

  it("keeps no view of a list the person's role cannot read", async () => {
    const operator = await userWithSession(db, "operator");
    const refused = await create(operator.cookie, { ...activeVouchers, table: "admin-audit", query: "" });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("cannot read this list");
  });

  it("refuses bad input with a 400 that names what to fix", async () => {
    const { cookie } = await userWithSession(db, "operator");
    const cases: [unknown, string][] = [
      [{ ...activeVouchers, table: "no-such-list" }, "table"],
      [{ ...activeVouchers, name: "   " }, "Give the view a name"],
      [{ ...activeVouchers, name: "x".repeat(81) }, "at most 80 characters"],
      [{ ...activeVouchers, query: "status=active&page=3" }, "A view keeps no page or cols"],
      [{ ...activeVouchers, query: "cols=profile" }, "A view keeps no page or cols"],
      [{ ...activeVouchers, query: "?status=active" }, "without ? or #"],
      [{ ...activeVouchers, query: "q=".padEnd(2001, "a") }, "at most 2000 characters"],
      [{ ...activeVouchers, columns: ["status", "status"] }, "Name each column once"],
      [{ ...activeVouchers, columns: ["bad column"] }, "A column id is a letter"],
      [{ ...activeVouchers, shared: "yes" }, "shared"],
      [{ ...activeVouchers, owner: "someone" }, "owner"],
      [{ name: "No list" }, "table"],
    ];
    for (const [body, says] of cases) {
      const response = await create(cookie, body);
      const text = await response.text();
      expect(response.status, text).toBe(400);
      expect(text).toContain(says);
    }
    const view = await created(cookie, activeVouchers);
    const empty = await update(cookie, view.id, {});
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Say what to change");
    expect((await update(cookie, "not-a-uuid", { name: "x" })).status).toBe(400);
    const listed = await call(GET, { path: "/api/v1/saved-views?table=nope", headers: { cookie } });
    expect(listed.status).toBe(400);
  });

  it("go with their owner's account", async () => {
    const operator = await userWithSession(db, "operator");
    await created(operator.cookie, activeVouchers);
    await db.delete(users).where(eq(users.id, operator.user.id));
    expect(await db.select().from(savedViews)).toEqual([]);
  });
});
