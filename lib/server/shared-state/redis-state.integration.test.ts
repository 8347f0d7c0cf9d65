import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureLogs } from "@/testing/log-capture";
import { startTestRedis, type TestRedis } from "@/testing/redis-server";
import { sharedStateContract } from "@/testing/shared-state-contract";
import { InvalidatedCache } from "./invalidated-cache";
import { InvalidationBus } from "./invalidation-bus";
import { RedisState } from "./redis-state";
import { LockBusyError, SharedStateUnavailableError } from "./store";

let redis: TestRedis;
let raw: ReturnType<typeof createClient>;
const opened: RedisState[] = [];

/** One console instance's view of Redis: its own connection, the test's own key prefix. */
function instance(prefix: string): RedisState {
  const state = new RedisState(redis.url, prefix);
  opened.push(state);
  return state;
}

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

describe("Redis shared state (several instances)", () => {
  sharedStateContract(() => instance(`contract-${randomUUID()}:`));

  it("shows one instance's values to another, and keeps them out of other prefixes", async () => {
    const prefix = `share-${randomUUID()}:`;
    const [a, b] = [instance(prefix), instance(prefix)];
    await a.set("session", "from-a", 60_000);
    expect(await b.get("session")).toBe("from-a");
    expect(await instance(`elsewhere-${randomUUID()}:`).get("session")).toBeNull();
    expect(await raw.pTTL(`${prefix}session`)).toBeGreaterThan(59_000);
  });

  it("shows one instance's capped list to another, trimmed and expiring in Redis itself", async () => {
    const prefix = `list-${randomUUID()}:`;
    const [a, b] = [instance(prefix), instance(prefix)];
    for (const item of ["1", "2", "3"]) await a.pushCapped("exchanges:pbx", item, 2, 60_000);
    await b.pushCapped("exchanges:pbx", "4", 2, 60_000);
    expect(await a.listItems("exchanges:pbx")).toEqual(["4", "3"]);
    expect(await raw.lLen(`${prefix}exchanges:pbx`)).toBe(2);
    expect(await raw.pTTL(`${prefix}exchanges:pbx`)).toBeGreaterThan(59_000);
  });

  it("makes an instance wait for the lock another instance holds", async () => {
    const prefix = `wait-${randomUUID()}:`;
    const [a, b] = [instance(prefix), instance(prefix)];
    const log: string[] = [];
    const first = a.withLock("fw-1", { leaseMs: 5_000, waitMs: 5_000 }, async () => {
      log.push("a start");
      await sleep(150);
      log.push("a end");
    });
    await sleep(30);
    expect(await b.tryWithLock("fw-1", 5_000, async () => log.push("b tried"))).toEqual({ acquired: false });
    await b.withLock("fw-1", { leaseMs: 5_000, waitMs: 5_000 }, async () => {
      log.push("b ran");
    });
    await first;
    expect(log).toEqual(["a start", "a end", "b ran"]);
  });

  it("frees the lock of a crashed instance when its lease runs out", async () => {
    const prefix = `crash-${randomUUID()}:`;
    // What a holder that died without releasing leaves behind.
    await raw.set(`${prefix}lock:fw-1`, "dead-instance", { expiration: { type: "PX", value: 300 } });
    const started = Date.now();
    const value = await instance(prefix).withLock(
      "fw-1",
      { leaseMs: 5_000, waitMs: 3_000 },
      async () => "mine",
    );
    expect(value).toBe("mine");
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it("keeps extending the lease while a long holder works", async () => {
    const prefix = `renew-${randomUUID()}:`;
    const [a, b] = [instance(prefix), instance(prefix)];
    const long = a.withLock("fw-1", { leaseMs: 150, waitMs: 1_000 }, () => sleep(600));
    await sleep(400);
    expect((await b.tryWithLock("fw-1", 150, async () => 1)).acquired).toBe(false);
    await long;
    expect((await b.tryWithLock("fw-1", 150, async () => 1)).acquired).toBe(true);
  });

  it("never releases a lock that another holder took after its lease ran out", async () => {
    const prefix = `token-${randomUUID()}:`;
    const key = `${prefix}lock:fw-1`;
    await instance(prefix).withLock("fw-1", { leaseMs: 5_000, waitMs: 1_000 }, async () => {
      // As if this holder's lease had run out and another instance had taken the lock meanwhile.
      await raw.set(key, "next-holder", { expiration: { type: "PX", value: 5_000 } });
    });
    expect(await raw.get(key)).toBe("next-holder");
  });

  it("gives up waiting with a 503 that says another request holds the lock", async () => {
    const prefix = `busy-${randomUUID()}:`;
    await raw.set(`${prefix}lock:fw-1`, "someone", { expiration: { type: "PX", value: 5_000 } });
    const error = await instance(prefix)
      .withLock("fw-1", { leaseMs: 5_000, waitMs: 200 }, async () => "never")
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LockBusyError);
    expect(error).toMatchObject({ status: 503, code: "busy" });
    expect((error as Error).message).toMatch(/held the lock "fw-1" for more than 0 s; try again shortly/);
  });

  it("empties a cache on another instance when one instance invalidates, as soon as the message arrives", async () => {
    const prefix = `bus-${randomUUID()}:`;
    const consoleInstance = (state: RedisState) => {
      const bus = new InvalidationBus("auth", () => state);
      return { bus, cache: new InvalidatedCache<string>({ bus, ttlMs: 60_000, maxEntries: 10 }) };
    };
    const [a, b] = [consoleInstance(instance(prefix)), consoleInstance(instance(prefix))];
    for (const each of [a, b]) expect(await each.bus.ready()).toBe(true);
    let loads = 0;
    let role = "admin";
    const load = async () => {
      loads++;
      return role;
    };
    expect(await b.cache.read("user:1", load)).toBe("admin");
    expect(await b.cache.read("user:1", load)).toBe("admin");
    expect(loads).toBe(1);
    role = "viewer";
    await a.bus.invalidate("user:1");
    for (let waited = 0; (await b.cache.read("user:1", load)) !== "viewer"; waited += 5) {
      if (waited > 1_000) throw new Error("instance B kept the old value for a second");
      await sleep(5);
    }
    expect(loads).toBe(2);
  });

  it("tells subscribers when their connection is lost, and is not live until it is back", async () => {
    const doomed = await startTestRedis();
    const state = new RedisState(doomed.url, "lost:");
    const logs = captureLogs();
    try {
      let interruptions = 0;
      const subscription = await state.subscribe("auth", {
        message: () => undefined,
        interrupted: () => interruptions++,
      });
      expect(subscription.live).toBe(true);
      await doomed.stop();
      for (let waited = 0; subscription.live; waited += 10) {
        if (waited > 2_000) throw new Error("the subscription stayed live with Redis stopped");
        await sleep(10);
      }
      expect(interruptions).toBeGreaterThan(0);
    } finally {
      logs.restore();
      await state.close();
    }
  });

  it("fails at once with a 503 while Redis is down, instead of queueing requests until it returns", async () => {
    const doomed = await startTestRedis();
    const state = new RedisState(doomed.url, "doomed:");
    const logs = captureLogs();
    try {
      await state.set("session", "kept", 60_000);
      await doomed.stop();
      const started = Date.now();
      const failure = await state.get("session").catch((caught: unknown) => caught);
      expect(failure).toBeInstanceOf(SharedStateUnavailableError);
      expect(Date.now() - started).toBeLessThan(1_000);
      // Said once per outage, with the address only.
      expect(logs.lines.filter((line) => line.level === "error").map((line) => line.msg)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^\\[shared-state\\] lost the connection to Redis at redis://127\\.0\\.0\\.1:${doomed.port}`,
          ),
        ),
      ]);
    } finally {
      logs.restore();
      await state.close();
    }
  });

  it("reports an unreachable Redis clearly, without the password in the URL", async () => {
    const state = new RedisState("redis://console:s3cret-pass@127.0.0.1:1");
    const error = await state.ping().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SharedStateUnavailableError);
    expect(error).toMatchObject({ status: 503, code: "shared_state_unavailable" });
    expect((error as Error).message).toMatch(/REDIS_URL.*no connection to redis:\/\/127\.0\.0\.1:1/);
    expect((error as Error).message).not.toContain("s3cret");
    await state.close();
  });
});
