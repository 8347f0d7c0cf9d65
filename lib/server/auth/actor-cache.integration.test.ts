import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Operation } from "@/lib/api/operation";
import { route } from "@/lib/server/api/route";
import type { Database } from "@/lib/server/db/client";
import { users } from "@/lib/server/db/schema";
import { MemoryState } from "@/lib/server/shared-state/memory-state";
import { RedisState } from "@/lib/server/shared-state/redis-state";
import { installSharedState } from "@/lib/server/shared-state/shared-state";
import { createApiToken, revokeApiToken } from "@/lib/server/users/api-tokens";
import { authBus } from "@/lib/server/users/auth-invalidation";
import { revokeSessions, updateUser } from "@/lib/server/users/users";
import { countQueries } from "@/testing/query-counter";
import { startTestRedis, type TestRedis } from "@/testing/redis-server";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";
import { setTwoFactorRequirement } from "./account-setup";
import { requirePasswordChange } from "./own-password";
import { readSessionClaims } from "./session-cookie";
import { endSession } from "./session-lifetime";

/**
 * The path session → person → permission answers from memory after a person's first request, and every kind
 * of revocation still takes effect at their next request: here, and on another instance through Redis.
 */

// Written out in full: a test operation has no entry in the published routes.
const READ = {
  operationId: "testCachedRead",
  method: "GET",
  path: "/api/v1/test",
  summary: "a call that touches nothing itself, open to operators and admins",
  tag: "test",
  permission: "extensions.write",
  response: z.object({ ok: z.boolean() }),
} satisfies Operation;
const read = route(READ, async () => ({ ok: true }));

let db: Database;
let queries: ReturnType<typeof countQueries>;

beforeAll(async () => {
  db = await freshDatabase();
});

beforeEach(async () => {
  db = await freshDatabase();
  installSharedState(new MemoryState());
  await authBus().ready();
  queries = countQueries(db);
});

afterEach(() => {
  queries.restore();
  installSharedState(undefined);
});

/** The status and error code of one request with these credentials. */
async function ask(headers: Record<string, string>) {
  const response = await call(read, { path: "/api/v1/test", headers });
  const body = await response.json();
  return { status: response.status, code: body.error?.code as string | undefined };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function tokenOf(creatorId: string) {
  return createApiToken(db, { name: "script", role: "operator", expiresInDays: 30 }, creatorId);
}

describe("a signed-in person's second request", () => {
  it("costs no database query, and neither does a script's with its API token", async () => {
    const { user, cookie } = await userWithSession(db, "operator");
    const { token } = await tokenOf(user.id);
    queries.reset();
    expect(await ask({ cookie })).toEqual({ status: 200, code: undefined });
    expect(await ask(bearer(token))).toEqual({ status: 200, code: undefined });
    // The first requests read the person and the token (and note the token's use once).
    expect(queries.count).toBeGreaterThan(0);
    queries.reset();
    for (let n = 0; n < 5; n++) {
      expect((await ask({ cookie })).status).toBe(200);
      expect((await ask(bearer(token))).status).toBe(200);
    }
    expect(queries.count).toBe(0);
  });
});

type Revocation = {
  name: string;
  revoke: (context: { userId: string; cookie: string; tokenId: string }) => Promise<unknown>;
  session: { status: number; code: string };
  token: { status: number; code?: string };
};

const REVOCATIONS: Revocation[] = [
  {
    name: "signing out",
    revoke: async ({ cookie }) => endSession((await readSessionClaims(cookie))?.sessionId ?? ""),
    session: { status: 401, code: "session_ended" },
    token: { status: 200 },
  },
  {
    name: "signing out everywhere",
    revoke: ({ userId }) => revokeSessions(db, userId),
    session: { status: 401, code: "unauthenticated" },
    token: { status: 200 },
  },
  {
    name: "disabling the person",
    revoke: ({ userId }) => updateUser(db, userId, { disabled: true }),
    session: { status: 401, code: "unauthenticated" },
    token: { status: 401, code: "invalid_token" },
  },
  {
    name: "a role without the permission",
    revoke: ({ userId }) => updateUser(db, userId, { role: "viewer" }),
    session: { status: 403, code: "forbidden" },
    token: { status: 200 },
  },
  {
    name: "an admin setting a new password",
    revoke: ({ userId }) => updateUser(db, userId, { password: "a fresh long passphrase 42" }),
    session: { status: 401, code: "unauthenticated" },
    token: { status: 200 },
  },
  {
    name: "a password change made owed",
    revoke: ({ userId }) => requirePasswordChange(db, userId),
    session: { status: 403, code: "account_setup_required" },
    token: { status: 200 },
  },
  {
    name: "two-factor sign-in required of everyone",
    revoke: () => setTwoFactorRequirement(db, "everyone", "test"),
    session: { status: 403, code: "account_setup_required" },
    token: { status: 200 },
  },
  {
    name: "revoking the token",
    revoke: ({ tokenId }) => revokeApiToken(db, tokenId),
    session: { status: 200, code: undefined as unknown as string },
    token: { status: 401, code: "invalid_token" },
  },
];

describe.each(REVOCATIONS)("after $name", ({ revoke, session, token }) => {
  it("the next request is judged afresh, by session and by token", async () => {
    // An admin, so that the operator's permission can be taken away by a role below it.
    await userWithSession(db, "admin");
    const { user, cookie } = await userWithSession(db, "admin");
    const created = await tokenOf(user.id);
    await updateUser(db, user.id, { role: "operator" });
    for (let n = 0; n < 2; n++) {
      expect((await ask({ cookie })).status).toBe(200);
      expect((await ask(bearer(created.token))).status).toBe(200);
    }
    await revoke({ userId: user.id, cookie, tokenId: created.id });
    expect(await ask({ cookie })).toEqual({ status: session.status, code: session.code ?? undefined });
    expect(await ask(bearer(created.token))).toEqual({ status: token.status, code: token.code });
  });
});

describe("two-factor sign-in required of admins", () => {
  it("holds an admin who has not enrolled at their next request, and not an operator", async () => {
    const admin = await userWithSession(db, "admin");
    const operator = await userWithSession(db, "operator");
    expect((await ask({ cookie: admin.cookie })).status).toBe(200);
    expect((await ask({ cookie: operator.cookie })).status).toBe(200);
    await setTwoFactorRequirement(db, "admins", "test");
    expect(await ask({ cookie: admin.cookie })).toEqual({ status: 403, code: "account_setup_required" });
    expect(await ask({ cookie: operator.cookie })).toEqual({ status: 200, code: undefined });
  });
});

describe("with several instances sharing Redis", () => {
  let redis: TestRedis;
  let here: RedisState;
  let elsewhere: RedisState;

  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  beforeEach(async () => {
    const prefix = `actor-${randomUUID()}:`;
    here = new RedisState(redis.url, prefix);
    elsewhere = new RedisState(redis.url, prefix);
    installSharedState(here);
    expect(await authBus().ready()).toBe(true);
  });
  afterEach(async () => {
    installSharedState(undefined);
    await Promise.all([here.close(), elsewhere.close()]);
  });

  it("a person disabled on another instance is refused here at their next request", async () => {
    const { user, cookie } = await userWithSession(db, "operator");
    expect((await ask({ cookie })).status).toBe(200);
    queries.reset();
    expect((await ask({ cookie })).status).toBe(200);
    expect(queries.count).toBe(0);
    // What the other instance's updateUser does: the row, then the message on its own connection to Redis.
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    await elsewhere.publish("auth", `user:${user.id}`);
    expect(await eventually(async () => (await ask({ cookie })).status)).toBe(401);
  });

  it("a person disabled on this instance is refused at once here, before Redis echoes the message", async () => {
    const { user, cookie } = await userWithSession(db, "operator");
    expect((await ask({ cookie })).status).toBe(200);
    await updateUser(db, user.id, { disabled: true });
    expect((await ask({ cookie })).status).toBe(401);
  });

  it("a session signed out on another instance is refused here", async () => {
    const { cookie } = await userWithSession(db, "operator");
    expect((await ask({ cookie })).status).toBe(200);
    const sessionId = (await readSessionClaims(cookie))?.sessionId ?? "";
    await elsewhere.delete(`session:${sessionId}`);
    await elsewhere.publish("auth", `session:${sessionId}`);
    expect(await eventually(async () => (await ask({ cookie })).code)).toBe("session_ended");
  });

  it("trusts no memory once its subscription is gone: every request reads the database again", async () => {
    const { cookie } = await userWithSession(db, "operator");
    expect((await ask({ cookie })).status).toBe(200);
    // Closing drops the subscribing connection (the commands' connection opens again on demand).
    await here.close();
    queries.reset();
    for (let n = 0; n < 3; n++) expect((await ask({ cookie })).status).toBe(200);
    expect(queries.count).toBeGreaterThanOrEqual(3);
  });
});

/** The answer once the other instance's message has arrived (Redis delivers it asynchronously). */
async function eventually<T>(read: () => Promise<T>, settle = 1_000): Promise<T> {
  let last = await read();
  for (let waited = 0; waited < settle; waited += 10) {
    await sleep(10);
    const next = await read();
    if (next !== last) return next;
    last = next;
  }
  return last;
}
