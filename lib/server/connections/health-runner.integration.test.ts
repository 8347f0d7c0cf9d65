import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryState } from "@/lib/server/shared-state/memory-state";
import { RedisState } from "@/lib/server/shared-state/redis-state";
import type { RunningSimulator } from "@/simulators/shared/types";
import { connectionFor, startSmallSimulator } from "@/testing/connection-fixtures";
import { captureLogs } from "@/testing/log-capture";
import { startTestRedis, type TestRedis } from "@/testing/redis-server";
import { freshDatabase } from "@/testing/test-db";
import { installFileConnections } from "./file-source";
import { runBackgroundPass } from "./health";

let kerio: RunningSimulator;
let redis: TestRedis;

beforeAll(async () => {
  [kerio, redis] = await Promise.all([startSmallSimulator("kerio-control", false), startTestRedis()]);
  // Slow enough that the passes below overlap.
  kerio.faults.latencyMs = 150;
});
afterAll(async () => {
  await kerio?.close();
  await redis?.stop();
});

describe("the background health runner", () => {
  it("runs one pass at a time across instances: the other instance skips its tick", async () => {
    const db = await freshDatabase();
    installFileConnections([{ id: "fw", config: connectionFor(kerio, { name: "Firewall" }) }]);
    const prefix = `health-${randomUUID()}:`;
    const [a, b] = [new RedisState(redis.url, prefix), new RedisState(redis.url, prefix)];
    const logs = captureLogs();
    try {
      await Promise.all([a.ping(), b.ping()]);
      const { logins, requests } = kerio.stats;
      const passOnA = runBackgroundPass(db, { intervalMs: 60_000, state: a });
      // B's tick comes while A's pass is talking to the appliance.
      while (kerio.stats.requests === requests) await new Promise((resolve) => setTimeout(resolve, 5));
      const fromB = await runBackgroundPass(db, { intervalMs: 60_000, state: b });
      const fromA = await passOnA;
      expect(fromA?.get("fw")?.ok).toBe(true);
      expect(fromB).toBeNull();
      expect(kerio.stats.logins).toBe(logins + 1);
      // The lock is released after the pass: the next tick anywhere may run (nothing is due yet).
      expect((await runBackgroundPass(db, { intervalMs: 60_000, state: b }))?.size).toBe(0);
    } finally {
      logs.restore();
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("skips a tick while this process's previous pass is still running (one instance, no Redis)", async () => {
    const db = await freshDatabase();
    installFileConnections([{ id: "fw", config: connectionFor(kerio, { name: "Firewall" }) }]);
    const state = new MemoryState();
    const logs = captureLogs();
    try {
      const first = runBackgroundPass(db, { intervalMs: 60_000, state });
      expect(await runBackgroundPass(db, { intervalMs: 60_000, state })).toBeNull();
      expect((await first)?.size).toBe(1);
    } finally {
      logs.restore();
    }
  });
});
