import { randomUUID } from "node:crypto";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVault, type Vault } from "@/lib/server/vault/vault";
import { captureLogs } from "@/testing/log-capture";
import { startTestRedis, type TestRedis } from "@/testing/redis-server";
import { RedisState } from "./redis-state";
import { VendorSessions } from "./vendor-sessions";

interface Session {
  token: string;
  cookie: string;
}

// The names under which sessions are stored are keyed by the console's master key.
process.env.CONSOLE_SECRET_KEY ??= "vendor-sessions-test-master-key-for-names-01";
const SECRET_KEY = "vendor-sessions-test-master-key-0123456789";
let redis: TestRedis;
let raw: ReturnType<typeof createClient>;
const opened: RedisState[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  raw = createClient({ url: redis.url });
  await raw.connect();
});
afterAll(async () => {
  await Promise.all(opened.map((state) => state.close()));
  await raw?.close();
  await redis?.stop();
});

/** One console instance: its own Redis connection and its own in-process bookkeeping. */
function instance(prefix: string, vault: Vault = createVault(SECRET_KEY)) {
  const state = new RedisState(redis.url, prefix);
  opened.push(state);
  return new VendorSessions<Session>({
    kind: "kerio-session",
    ttlMs: 60_000,
    parse: (value) => value as Session,
    state: () => state,
    vault: () => vault,
  });
}

function appliance() {
  const logins = { count: 0 };
  const login = async (): Promise<Session> => {
    logins.count++;
    // Slow enough that every instance asks while the first login is still under way.
    await new Promise((resolve) => setTimeout(resolve, 80));
    return { token: `token-${logins.count}`, cookie: `SESSION=s${logins.count}` };
  };
  return { logins, login };
}

describe("vendor sessions shared by several instances through Redis", () => {
  it("makes one login for concurrent callers on three instances", async () => {
    const prefix = `one-login-${randomUUID()}:`;
    const instances = [instance(prefix), instance(prefix), instance(prefix)];
    const { logins, login } = appliance();
    const leases = await Promise.all(
      instances.flatMap((sessions) => Array.from({ length: 4 }, () => sessions.obtain("conn-1:abc", login))),
    );
    expect(logins.count).toBe(1);
    expect(new Set(leases.map((lease) => lease.value.token))).toEqual(new Set(["token-1"]));
  });

  it("stores the session sealed, under a name that does not contain the connection's cache key", async () => {
    const prefix = `sealed-${randomUUID()}:`;
    await instance(prefix).obtain("conn-1:fingerprint", appliance().login);
    const keys = await raw.keys(`${prefix}*`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(new RegExp(`^${prefix}vendor-session:kerio-session:[0-9a-f]{32}$`));
    const stored = String(await raw.get(keys[0] ?? ""));
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain("token-1");
    expect(stored).not.toContain("SESSION=");
  });

  it("re-logs in once when instances see the session fail together", async () => {
    const prefix = `expired-${randomUUID()}:`;
    const [a, b] = [instance(prefix), instance(prefix)];
    const { logins, login } = appliance();
    const stale = await a.obtain("conn", login);
    const staleOnB = await b.obtain("conn", login);
    // Both instances hear "session expired" for the same session and each drops it and asks again.
    const [fromA, fromB] = await Promise.all([
      a.invalidate("conn", stale).then(() => a.obtain("conn", login)),
      b.invalidate("conn", staleOnB).then(() => b.obtain("conn", login)),
    ]);
    expect(logins.count).toBe(2);
    expect(fromA.value).toEqual(fromB.value);
    expect(fromA.value.token).toBe("token-2");
  });

  it("logs in again, and says why, when another instance sealed with another master key", async () => {
    const prefix = `other-key-${randomUUID()}:`;
    const logs = captureLogs();
    try {
      const { logins, login } = appliance();
      await instance(prefix, createVault("another-master-key-another-master-key-0000")).obtain("conn", login);
      const mine = await instance(prefix).obtain("conn", login);
      expect(logins.count).toBe(2);
      expect(mine.value.token).toBe("token-2");
      expect(logs.lines.find((line) => line.level === "warn")?.msg).toMatch(/same CONSOLE_SECRET_KEY/);
    } finally {
      logs.restore();
    }
  });
});
