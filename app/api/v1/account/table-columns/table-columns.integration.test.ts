import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { auditEvents, users } from "@/lib/server/db/schema";
import { pageTableColumns, savedTableColumns } from "@/lib/server/preferences/table-columns";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";
import { PUT } from "./[table]/route";

process.env.CONSOLE_SECRET_KEY ??= "integration-test-master-key-integration-test";

let db: Database;
beforeEach(async () => {
  db = await freshDatabase();
});

const put = (cookie: string, table: string, body: unknown) =>
  call(PUT, {
    method: "PUT",
    path: `/api/v1/account/table-columns/${table}`,
    headers: { cookie, origin: "http://console.test" },
    params: { table },
    body,
  });

describe("a person's column choice", () => {
  it("is remembered per person and per list, and replaced by the next choice", async () => {
    const viewer = await userWithSession(db, "viewer");
    const operator = await userWithSession(db, "operator");
    const saved = await put(viewer.cookie, "kerio-extensions", { columns: ["owner", "description"] });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ table: "kerio-extensions", columns: ["owner", "description"] });
    expect((await put(viewer.cookie, "kerio-extensions", { columns: ["status"] })).status).toBe(200);

    expect(await savedTableColumns(db, viewer.user.id, "kerio-extensions")).toEqual(["status"]);
    expect(await savedTableColumns(db, viewer.user.id, "kerio-mail-users")).toBeNull();
    expect(await savedTableColumns(db, operator.user.id, "kerio-extensions")).toBeNull();
    // The page reads it for the signed-in person; a script's token has no choice of its own.
    const person = {
      kind: "user",
      id: viewer.user.id,
      label: "v",
      name: "v",
      role: "viewer",
      language: null,
    } as const;
    expect(await pageTableColumns(person, "kerio-extensions")).toEqual(["status"]);
    expect(
      await pageTableColumns(
        { kind: "token", id: "t", label: "token:t", role: "viewer" },
        "kerio-extensions",
      ),
    ).toBeNull();
  });

  it("is audited as the person's own change", async () => {
    const viewer = await userWithSession(db, "viewer");
    await put(viewer.cookie, "kiwire-vouchers", { columns: [] });
    const [event] = await db.select().from(auditEvents);
    expect(event).toMatchObject({
      action: "account.table-columns.set",
      actorId: viewer.user.id,
      targetId: "kiwire-vouchers",
      result: "success",
    });
  });

  it("refuses an unknown list, a bad column id, a column twice and too many columns, saying what to fix", async () => {
    const { cookie, user } = await userWithSession(db, "operator");
    const cases: [string, unknown, string][] = [
      ["no-such-list", { columns: [] }, "table"],
      ["kerio-extensions", { columns: ["owner; drop table"] }, "A column id is a letter"],
      ["kerio-extensions", { columns: ["owner", "owner"] }, "Name each column once"],
      ["kerio-extensions", { columns: Array.from({ length: 41 }, (_, i) => `c${i}`) }, "At most 40 columns"],
      ["kerio-extensions", { columns: "owner" }, "columns"],
      ["kerio-extensions", { columns: [], extra: 1 }, "extra"],
    ];
    for (const [table, body, says] of cases) {
      const response = await put(cookie, table, body);
      const text = await response.text();
      expect(response.status, text).toBe(400);
      expect(text).toContain(says);
    }
    expect(await savedTableColumns(db, user.id, "kerio-extensions")).toBeNull();
  });

  it("goes with the person's account", async () => {
    const { cookie, user } = await userWithSession(db, "viewer");
    await put(cookie, "kerio-extensions", { columns: ["owner"] });
    await db.delete(users).where(eq(users.id, user.id));
    expect(await savedTableColumns(db, user.id, "kerio-extensions")).toBeNull();
  });
});
