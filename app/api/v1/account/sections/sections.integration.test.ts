import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { auditEvents } from "@/lib/server/db/schema";
import { isSectionCollapsed, pageSectionCollapsed } from "@/lib/server/preferences/collapsed-sections";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";
import { PUT } from "./[section]/route";

process.env.CONSOLE_SECRET_KEY ??= "integration-test-master-key-integration-test";

let db: Database;
beforeEach(async () => {
  db = await freshDatabase();
});

const put = (cookie: string, section: string, body: unknown) =>
  call(PUT, {
    method: "PUT",
    path: `/api/v1/account/sections/${section}`,
    headers: { cookie, origin: "http://console.test" },
    params: { section },
    body,
  });

describe("a folded page section", () => {
  it("starts as its default, and each person's choice either way is remembered and audited", async () => {
    const viewer = await userWithSession(db, "viewer");
    const operator = await userWithSession(db, "operator");
    // The call statistics start folded for everyone who never chose.
    expect(await isSectionCollapsed(db, viewer.user.id, "kalliope-call-charts")).toBe(true);

    const opened = await put(viewer.cookie, "kalliope-call-charts", { collapsed: false });
    expect(opened.status).toBe(200);
    expect(await opened.json()).toEqual({ section: "kalliope-call-charts", collapsed: false });
    // Choosing twice is no error: two tabs may both open it.
    expect((await put(viewer.cookie, "kalliope-call-charts", { collapsed: false })).status).toBe(200);
    expect(await isSectionCollapsed(db, viewer.user.id, "kalliope-call-charts")).toBe(false);
    expect(await isSectionCollapsed(db, operator.user.id, "kalliope-call-charts")).toBe(true);

    const person = {
      kind: "user",
      id: viewer.user.id,
      label: "v",
      name: "v",
      role: "viewer",
      language: null,
    } as const;
    expect(await pageSectionCollapsed(person, "kalliope-call-charts")).toBe(false);
    expect(
      await pageSectionCollapsed(
        { kind: "token", id: "t", label: "t", role: "viewer" },
        "kalliope-call-charts",
      ),
    ).toBe(true);

    expect((await put(viewer.cookie, "kalliope-call-charts", { collapsed: true })).status).toBe(200);
    expect(await isSectionCollapsed(db, viewer.user.id, "kalliope-call-charts")).toBe(true);
    const events = await db.select().from(auditEvents);
    expect(events.map((event) => [event.action, event.targetId, event.result])).toContainEqual([
      "account.section.set",
      "kalliope-call-charts",
      "success",
    ]);
  });

  it("refuses an unknown section and a body that is not a yes or no, saying what to fix", async () => {
    const { cookie } = await userWithSession(db, "operator");
    for (const [section, body, says] of [
      ["no-such-section", { collapsed: true }, "section"],
      ["kalliope-call-charts", { collapsed: "yes" }, "collapsed"],
      ["kalliope-call-charts", {}, "collapsed"],
    ] as const) {
      const response = await put(cookie, section, body);
      const text = await response.text();
      expect(response.status, text).toBe(400);
      expect(text).toContain(says);
    }
  });
});
