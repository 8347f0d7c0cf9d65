import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { connections } from "@/lib/server/db/schema";
import { MemoryState } from "@/lib/server/shared-state/memory-state";
import { RedisState } from "@/lib/server/shared-state/redis-state";
import { installSharedState } from "@/lib/server/shared-state/shared-state";
import { consoleVault } from "@/lib/server/vault/vault";
import type { RunningSimulator } from "@/simulators/shared/types";
import { connectionFor, startSmallSimulator } from "@/testing/connection-fixtures";
import { countQueries } from "@/testing/query-counter";
import { startTestRedis, type TestRedis } from "@/testing/redis-server";
import { freshDatabase } from "@/testing/test-db";
import { connectionBus } from "./connection-changes";
import { installFileConnections } from "./file-source";
import { createConnection, deleteConnection, updateConnection } from "./registry";
import { vendorConnection } from "./vendor-connection";

/**
 * A vendor call's connection (settings, opened secrets, the derived cache key) comes from memory between
 * requests, and an edit or a removal is seen at the next call: here, and on another instance through Redis.
 */

process.env.CONSOLE_SECRET_KEY ??= "test-master-key-test-master-key-test-01";

let simulator: RunningSimulator;
let db: Database;
let queries: ReturnType<typeof countQueries>;
const ID = "pbx";

beforeAll(async () => {
  simulator = await startSmallSimulator("kerio-operator", false);
  installFileConnections([]);
  // Opening PGlite takes this hook's time, not the first test's.
  await freshDatabase();
});
afterAll(async () => {
  await simulator?.close();
});

beforeEach(async () => {
  db = await freshDatabase();
  installSharedState(new MemoryState());
  await connectionBus().ready();
  await createConnection(db, connectionFor(simulator, { id: ID }), "admin@test.local");
  queries = countQueries(db);
});
afterEach(() => {
  queries.restore();
  installSharedState(undefined);
});

const resolve = () => vendorConnection(db, ID, "kerio-operator");

describe("a connection used by vendor calls", () => {
  it("is read and opened once, then served from memory", async () => {
    const first = await resolve();
    expect(queries.count).toBe(1);
    queries.reset();
    const again = await resolve();
    expect(queries.count).toBe(0);
    expect(again.cacheKey).toBe(first.cacheKey);
    expect(again.http).toBe(first.http);
  });

  it("is taken with its new settings at the next call after an edit", async () => {
    const before = await resolve();
    await updateConnection(db, ID, { kind: "kerio-operator", password: "a new password" });
    const after = await resolve();
    expect(after.config.password).toBe("a new password");
    // Vendor sessions and learnt capabilities hang on the cache key: it moves with the credentials.
    expect(after.cacheKey).not.toBe(before.cacheKey);
  });

  it("is gone at the next call after its removal", async () => {
    await resolve();
    await deleteConnection(db, ID);
    await expect(resolve()).rejects.toMatchObject({ status: 404 });
  });

  it("is refused by kind even when it comes from memory", async () => {
    await resolve();
    await expect(vendorConnection(db, ID, "kiwire")).rejects.toMatchObject({ status: 404 });
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
    const prefix = `connections-${randomUUID()}:`;
    here = new RedisState(redis.url, prefix);
    elsewhere = new RedisState(redis.url, prefix);
    installSharedState(here);
    expect(await connectionBus().ready()).toBe(true);
  });
  afterEach(async () => {
    installSharedState(undefined);
    await Promise.all([here.close(), elsewhere.close()]);
  });

  it("a connection edited on another instance is not used here with its old settings", async () => {
    expect((await resolve()).config.password).toBe(simulator.credentials.password);
    // What updateConnection on the other instance does: the row, then the message on its own connection.
    const secrets = {
      password: consoleVault().seal("changed elsewhere", { connectionId: ID, field: "password" }),
    };
    await db.update(connections).set({ secrets }).where(eq(connections.id, ID));
    await elsewhere.publish("connections", ID);
    let password = "";
    for (let waited = 0; waited <= 1_000 && password !== "changed elsewhere"; waited += 10) {
      password = (await resolve()).config.password;
      if (password !== "changed elsewhere") await sleep(10);
    }
    expect(password).toBe("changed elsewhere");
  });
});
