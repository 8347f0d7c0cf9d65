import { afterAll, beforeAll, bench, describe } from "vitest";
import { z } from "zod";
import type { Operation } from "@/lib/api/operation";
import { route } from "@/lib/server/api/route";
import { closeSharedState } from "@/lib/server/shared-state/shared-state";
import { createApiToken } from "@/lib/server/users/api-tokens";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";

/**
 * Run: `npx vitest bench --run bench/request-cost.bench.ts`. What the route wrapper costs on an authenticated
 * read, in-process (no HTTP): a bare handler answering JSON against the same handler behind `route()`, called
 * with a session cookie and with an API token. The difference is the wrapper: session → user → permission,
 * the account gate, zod, the request log line.
 */

// Written out in full: a test operation has no entry in the published routes.
const READ = {
  operationId: "benchRead",
  method: "GET",
  path: "/api/v1/bench",
  summary: "a read that does nothing",
  tag: "bench",
  permission: "connections.read",
  response: z.object({ ok: z.boolean() }),
} satisfies Operation;

const bare = async () => Response.json({ ok: true });
const wrapped = route(READ, async () => ({ ok: true }));
let cookie = "";
let token = "";

beforeAll(async () => {
  const db = await freshDatabase();
  const admin = await userWithSession(db, "admin");
  cookie = (await userWithSession(db, "operator")).cookie;
  token = (await createApiToken(db, { name: "bench", role: "viewer", expiresInDays: 30 }, admin.user.id))
    .token;
}, 300_000);

afterAll(async () => {
  await closeSharedState();
});

async function expectOk(response: Response) {
  if (response.status !== 200) throw new Error(`answered ${response.status}: ${await response.text()}`);
  await response.json();
}

describe("one authenticated read, in-process", () => {
  bench("bare handler", async () => {
    await expectOk(await call(bare));
  });
  bench("route() with a session cookie", async () => {
    await expectOk(await call(wrapped, { headers: { cookie } }));
  });
  bench("route() with an API token", async () => {
    await expectOk(await call(wrapped, { headers: { authorization: `Bearer ${token}` } }));
  });
});
