import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Operation } from "@/lib/api/operation";
import { text } from "@/lib/i18n/api-messages/text";
import { auditEvents } from "@/lib/server/db/schema";
import { notFound } from "@/lib/server/errors/api-error";
import { createApiToken } from "@/lib/server/users/api-tokens";
import { saveLanguage } from "@/lib/server/users/language";
import { captureLogs } from "@/testing/log-capture";
import { freshDatabase, userWithSession } from "@/testing/test-db";
import { route } from "./route";

// Written out in full: a test operation has no entry in the published routes.
const WRITE = {
  operationId: "testAbortableWrite",
  method: "POST",
  path: "/api/v1/test/{connectionId}",
  summary: "a write whose client may hang up",
  tag: "test",
  permission: "users.manage",
  params: z.strictObject({ connectionId: z.string() }),
  body: z.object({ name: z.string(), password: z.string().optional() }),
  response: z.object({ ok: z.boolean() }),
  audit: { action: "test.write", resource: "test" },
} satisfies Operation;

const PEOPLE_ONLY = { ...WRITE, operationId: "testPeopleOnly", allowTokens: false } satisfies Operation;

// Opening PGlite takes the hook's longer timeout, not the first test's.
beforeAll(async () => {
  await freshDatabase();
});

let logs: ReturnType<typeof captureLogs>;
beforeEach(() => {
  logs = captureLogs();
});
afterEach(() => logs.restore());

async function send(
  handler: ReturnType<typeof route>,
  credentials: Record<string, string>,
  options: { signal?: AbortSignal; body?: string } = {},
) {
  const request = new Request("http://console.test/api/v1/test/pbx-main", {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://console.test", ...credentials },
    body: options.body ?? JSON.stringify({ name: "x" }),
    signal: options.signal,
  });
  return handler(request, { params: Promise.resolve({ connectionId: "pbx-main" }) });
}

const requestLines = () => logs.lines.filter((line) => line.msg === "api request");

describe("the route wrapper when something throws", () => {
  it("answers a client that hung up without logging a console fault, and audits the write cut short", async () => {
    const db = await freshDatabase();
    const { cookie } = await userWithSession(db, "admin");
    const hangUp = new AbortController();
    const handler = route(WRITE, async () => {
      hangUp.abort();
      throw new Error("aborted");
    });

    const response = await send(handler, { cookie }, { signal: hangUp.signal });

    expect(response.status).toBe(499);
    expect((await response.json()).error.code).toBe("client_closed");
    expect(logs.lines.filter((line) => line.level === "error")).toEqual([]);
    expect(requestLines()).toEqual([expect.objectContaining({ level: "info", status: 499 })]);
    const [row] = await db.select().from(auditEvents);
    expect(row).toMatchObject({ action: "test.write", result: "failure" });
  });

  it("logs an unexpected error with its cause chain and request id, and answers 500 without internals", async () => {
    const db = await freshDatabase();
    const { cookie } = await userWithSession(db, "admin");
    const handler = route(WRITE, async () => {
      throw new Error("secret internals", { cause: new Error("connect ECONNREFUSED 10.0.0.9:443") });
    });

    const response = await send(handler, { cookie });

    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.error.code).toBe("internal_error");
    expect(JSON.stringify(body)).not.toContain("secret internals");
    const requestId = response.headers.get("x-request-id");
    expect(body.error.requestId).toBe(requestId);
    expect(requestLines()).toEqual([
      expect.objectContaining({
        level: "error",
        requestId,
        status: 500,
        err: expect.objectContaining({
          message: "secret internals",
          cause: expect.objectContaining({ message: "connect ECONNREFUSED 10.0.0.9:443" }),
        }),
      }),
    ]);
  });
});

describe("the request log and the request id", () => {
  it("writes one line per request with its id, operation, connection, caller's kind and role, status and time", async () => {
    const db = await freshDatabase();
    const { cookie, user } = await userWithSession(db, "operator");
    const handler = route({ ...WRITE, permission: "extensions.write" }, async () => ({ ok: true }));

    const response = await send(handler, { cookie, "x-request-id": "trace-0123456789" });

    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("trace-0123456789");
    expect(requestLines()).toEqual([
      {
        level: "info",
        time: expect.any(String),
        service: "operator-console",
        msg: "api request",
        requestId: "trace-0123456789",
        operationId: "testAbortableWrite",
        method: "POST",
        connectionId: "pbx-main",
        actor: { kind: "user", role: "operator" },
        status: 200,
        durationMs: expect.any(Number),
      },
    ]);
    expect(logs.text()).not.toContain(user.email);
  });

  it("puts the request id in the header and the body of every error", async () => {
    const db = await freshDatabase();
    const { cookie } = await userWithSession(db, "viewer");
    const handler = route(WRITE, async () => ({ ok: true }));

    const callers: Record<string, string>[] = [{}, { cookie }, { authorization: "Bearer oc_unknown" }];
    for (const credentials of callers) {
      const response = await send(handler, credentials);
      expect(response.status).toBeGreaterThanOrEqual(400);
      const requestId = response.headers.get("x-request-id");
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect((await response.json()).error.requestId).toBe(requestId);
    }
    expect(requestLines().map((line) => line.status)).toEqual([401, 403, 401]);
  });

  it("logs neither the password in the body nor the token, cookie or email of the caller", async () => {
    const db = await freshDatabase();
    const { cookie, user } = await userWithSession(db, "admin");
    const { token } = await createApiToken(db, { name: "ci", role: "admin", expiresInDays: 1 }, user.id);
    const password = "correct horse battery staple";
    const body = JSON.stringify({ name: "x", password });
    const handler = route(WRITE, async () => {
      throw new Error("boom");
    });

    await send(handler, { authorization: `Bearer ${token}` }, { body });
    await send(handler, { cookie }, { body });
    await send(handler, { cookie }, { body: `{"name": x, "password": "${password}"}` });

    expect(requestLines()).toHaveLength(3);
    const written = logs.text();
    for (const secret of [password, token, cookie.split("=")[1] as string, user.email]) {
      expect(written).not.toContain(secret);
    }
  });
});

describe("operations that refuse API tokens", () => {
  it("refuses a token whatever its role with 403 token_not_allowed, audited, and still serves a person", async () => {
    const db = await freshDatabase();
    const { cookie, user } = await userWithSession(db, "admin");
    const { token } = await createApiToken(db, { name: "ci", role: "admin", expiresInDays: 1 }, user.id);
    let calls = 0;
    const handler = route(PEOPLE_ONLY, async () => {
      calls += 1;
      return { ok: true };
    });

    const byToken = await send(handler, { authorization: `Bearer ${token}` });
    expect(byToken.status).toBe(403);
    const { error } = await byToken.json();
    expect(error.code).toBe("token_not_allowed");
    expect(error.message).toMatch(/API tokens cannot call testPeopleOnly/);
    expect(calls).toBe(0);
    expect((await send(handler, { cookie })).status).toBe(200);
    expect(calls).toBe(1);
    const rows = await db.select().from(auditEvents);
    expect(rows.map((row) => [row.actorLabel, row.result])).toEqual([
      ["token:ci", "denied"],
      [user.email, "success"],
    ]);
  });
});

describe("a malformed JSON body", () => {
  it("is refused by position, and neither the answer, the audit log nor the log line quotes it", async () => {
    const db = await freshDatabase();
    const { cookie } = await userWithSession(db, "admin");
    const handler = route(WRITE, async () => ({ ok: true }));
    const secret = "hunter2-do-not-store";

    const response = await send(handler, { cookie }, { body: `{\n  "password": ${secret}\n}` });

    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text).error.message).toBe(
      "The body is not valid JSON: unexpected character at line 2, column 15 (character 17).",
    );
    expect(text).not.toContain("hunter2");
    const rows = await db.select().from(auditEvents);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain("hunter2");
    expect(logs.text()).not.toContain("hunter2");
  });
});

describe("errors in the person's language", () => {
  const NAME_SHORT = { ...WRITE, body: z.strictObject({ name: z.string().min(2) }) } satisfies Operation;
  const gone = route(WRITE, async ({ params }) => {
    throw notFound(text`No connection with the id "${params.connectionId}".`);
  });

  async function errorOf(response: Response) {
    return (await response.json()).error as { code: string; message: string; details?: unknown[] };
  }

  it("answers English by default: a refused field and a missing connection", async () => {
    const db = await freshDatabase();
    const { cookie } = await userWithSession(db, "admin");

    const invalid = await errorOf(
      await send(
        route(NAME_SHORT, async () => ({ ok: true })),
        { cookie },
      ),
    );
    expect(invalid).toMatchObject({
      code: "validation_failed",
      message: "Invalid body — name: Too small: expected string to have >=2 characters",
      details: [{ field: "name", message: "Too small: expected string to have >=2 characters" }],
    });
    expect(await errorOf(await send(gone, { cookie }))).toMatchObject({
      code: "not_found",
      message: 'No connection with the id "pbx-main".',
    });
  });

  it("answers Italian to a browser that asks for it, with the same codes, and audits in English", async () => {
    const db = await freshDatabase();
    const { cookie } = await userWithSession(db, "admin");
    const italian = { cookie, "accept-language": "it-IT,it;q=0.9,en;q=0.8" };

    const invalid = await errorOf(
      await send(
        route(NAME_SHORT, async () => ({ ok: true })),
        italian,
      ),
    );
    expect(invalid).toMatchObject({
      code: "validation_failed",
      message: "Corpo della richiesta non valido — name: Troppo piccolo: string deve avere >=2 caratteri",
      details: [{ field: "name", message: "Troppo piccolo: string deve avere >=2 caratteri" }],
    });
    const missing = await send(gone, italian);
    expect(await errorOf(missing)).toMatchObject({
      code: "not_found",
      message: 'Nessuna connessione con l\'id "pbx-main".',
    });
    expect(logs.text()).not.toContain("Nessuna");
    const rows = await db.select().from(auditEvents);
    expect(rows.map((row) => row.vendorError)).toContain('No connection with the id "pbx-main".');
  });

  it("answers a person who chose Italian in Italian, whatever their browser says", async () => {
    const db = await freshDatabase();
    const { cookie, user } = await userWithSession(db, "admin");
    await saveLanguage(db, user.id, "it");

    const missing = await send(gone, { cookie, "accept-language": "en" });

    expect((await errorOf(missing)).message).toBe('Nessuna connessione con l\'id "pbx-main".');
  });
});
