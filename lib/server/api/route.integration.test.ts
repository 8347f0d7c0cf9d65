import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { defineOperation } from "@/lib/api/operation";
import { auditEvents } from "@/lib/server/db/schema";
import { freshDatabase, userWithSession } from "@/lib/testing/test-db";
import { route } from "./route";

const WRITE = defineOperation({
  operationId: "testAbortableWrite",
  method: "POST",
  path: "/api/v1/test",
  summary: "a write whose client may hang up",
  tag: "test",
  permission: "users.manage",
  body: z.object({ name: z.string() }),
  response: z.object({ ok: z.boolean() }),
  audit: { action: "test.write", resource: "test" },
});

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => errors.mockRestore());

async function send(handler: ReturnType<typeof route>, cookie: string, signal?: AbortSignal) {
  const request = new Request("http://console.test/api/v1/test", {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: "http://console.test" },
    body: JSON.stringify({ name: "x" }),
    signal,
  });
  return handler(request, { params: Promise.resolve({}) });
}

describe("the route wrapper when something throws", () => {
  it("answers a client that hung up without logging a console fault, and audits the write cut short", async () => {
    const db = await freshDatabase();
    const { cookie } = await userWithSession(db, "admin");
    const hangUp = new AbortController();
    const handler = route(WRITE, async () => {
      hangUp.abort();
      throw new Error("aborted");
    });

    const response = await send(handler, cookie, hangUp.signal);

    expect(response.status).toBe(499);
    expect((await response.json()).error.code).toBe("client_closed");
    expect(errors).not.toHaveBeenCalled();
    const [row] = await db.select().from(auditEvents);
    expect(row).toMatchObject({ action: "test.write", result: "failure" });
  });

  it("logs an unexpected error with its request id and answers 500 without internals", async () => {
    const db = await freshDatabase();
    const { cookie } = await userWithSession(db, "admin");
    const handler = route(WRITE, async () => {
      throw new Error("secret internals");
    });

    const response = await send(handler, cookie);

    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.error.code).toBe("internal_error");
    expect(JSON.stringify(body)).not.toContain("secret internals");
    expect(errors).toHaveBeenCalledTimes(1);
  });
});
