import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { auditEvents } from "@/lib/server/db/schema";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";
import { GET } from "../route";
import { PUT } from "./route";

process.env.CONSOLE_SECRET_KEY ??= "integration-test-master-key-integration-test";

let db: Database;
beforeEach(async () => {
  db = await freshDatabase();
});

const put = (cookie: string, body: unknown) =>
  call(PUT, {
    method: "PUT",
    path: "/api/v1/account/language",
    headers: { cookie, origin: "http://console.test" },
    body,
  });
const account = async (cookie: string) =>
  (await (await call(GET, { path: "/api/v1/account", headers: { cookie } })).json()) as { language: unknown };

describe("a person's language", () => {
  it("follows the browser until chosen, is saved on the server at once, and can follow the browser again", async () => {
    const { cookie } = await userWithSession(db, "viewer");
    expect((await account(cookie)).language).toBeNull();

    const chosen = await put(cookie, { language: "it" });
    expect(chosen.status).toBe(200);
    expect(await chosen.json()).toMatchObject({ language: "it" });
    // Read again through the person's cached record: the change reached it before the answer.
    expect((await account(cookie)).language).toBe("it");

    expect((await put(cookie, { language: null })).status).toBe(200);
    expect((await account(cookie)).language).toBeNull();
    const events = await db.select().from(auditEvents);
    expect(events.filter((event) => event.action === "account.language.set")).toHaveLength(2);
  });

  it("refuses a language the console does not speak, naming the field", async () => {
    const { cookie } = await userWithSession(db, "operator");
    for (const body of [{ language: "de" }, { language: "" }, {}]) {
      const response = await put(cookie, body);
      const text = await response.text();
      expect(response.status, text).toBe(400);
      expect(text).toContain("language");
    }
    expect((await account(cookie)).language).toBeNull();
  });
});
