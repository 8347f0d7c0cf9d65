import { describe, expect, it } from "vitest";
import { InvalidatedCache } from "./invalidated-cache";
import { EVERYTHING, InvalidationBus } from "./invalidation-bus";
import { MemoryState } from "./memory-state";
import type { ChannelListener, SharedState } from "./store";

/** A loader that counts its calls and answers the current `value`. */
function source<V>(value: V) {
  const counted = { calls: 0, value };
  const load = async () => {
    counted.calls++;
    return counted.value;
  };
  return Object.assign(counted, { load });
}

async function instance(state: SharedState, options: { ttlMs?: number; now?: () => number } = {}) {
  const bus = new InvalidationBus("test", () => state);
  const cache = new InvalidatedCache<string>({
    bus,
    ttlMs: options.ttlMs ?? 60_000,
    maxEntries: 3,
    tagsOf: (value) => [`owner:${value.split("@")[1] ?? ""}`],
    now: options.now,
  });
  expect(await bus.ready()).toBe(true);
  return { bus, cache };
}

describe("a cache every instance empties together", () => {
  it("answers from memory once loaded, until its time is up", async () => {
    const clock = { ms: 0 };
    const { cache } = await instance(new MemoryState(), { ttlMs: 1_000, now: () => clock.ms });
    const row = source("ann@a");
    expect(await cache.read("user:1", row.load)).toBe("ann@a");
    clock.ms = 999;
    expect(await cache.read("user:1", row.load)).toBe("ann@a");
    expect(row.calls).toBe(1);
    clock.ms = 1_000;
    row.value = "ann@b";
    expect(await cache.read("user:1", row.load)).toBe("ann@b");
    expect(row.calls).toBe(2);
  });

  it("keeps nothing that was not found, so it is asked again", async () => {
    const { cache } = await instance(new MemoryState());
    const missing = source<string | undefined>(undefined);
    await cache.read("user:1", missing.load);
    await cache.read("user:1", missing.load);
    expect(missing.calls).toBe(2);
  });

  it("forgets a key on the instance that invalidates it and on another sharing the store", async () => {
    const state = new MemoryState();
    const [a, b] = [await instance(state), await instance(state)];
    const row = source("ann@a");
    await a.cache.read("user:1", row.load);
    await b.cache.read("user:1", row.load);
    await a.cache.read("user:2", source("bob@a").load);
    row.value = "ann@changed";
    await a.bus.invalidate("user:1");
    expect(await a.cache.read("user:1", row.load)).toBe("ann@changed");
    expect(await b.cache.read("user:1", row.load)).toBe("ann@changed");
    expect(row.calls).toBe(4);
    // Another key stays.
    expect(await a.cache.read("user:2", source("never").load)).toBe("bob@a");
  });

  it("forgets every entry carrying the tag, and everything on the word", async () => {
    const { bus, cache } = await instance(new MemoryState());
    await cache.read("token:1", source("t1@ann").load);
    await cache.read("token:2", source("t2@ann").load);
    await cache.read("token:3", source("t3@bob").load);
    await bus.invalidate("owner:ann");
    const again = source("reloaded");
    await cache.read("token:1", again.load);
    await cache.read("token:2", again.load);
    expect(await cache.read("token:3", again.load)).toBe("t3@bob");
    expect(again.calls).toBe(2);
    await bus.invalidate(EVERYTHING);
    await cache.read("token:3", again.load);
    expect(again.calls).toBe(3);
  });

  it("does not keep a value that was being loaded when a message came", async () => {
    const { bus, cache } = await instance(new MemoryState());
    let finish = () => {};
    const slow = cache.read("user:1", async () => {
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
      return "read before the change";
    });
    await bus.invalidate("user:1");
    finish();
    // The request that read it uses it once; the next one reads again.
    expect(await slow).toBe("read before the change");
    const after = source("after the change");
    expect(await cache.read("user:1", after.load)).toBe("after the change");
    expect(after.calls).toBe(1);
  });

  it("bounds its size: the oldest entry goes first", async () => {
    const { cache } = await instance(new MemoryState());
    for (const key of ["k1", "k2", "k3", "k4"]) await cache.read(key, source(`${key}@x`).load);
    const again = source("reloaded");
    expect(await cache.read("k4", again.load)).toBe("k4@x");
    expect(await cache.read("k1", again.load)).toBe("reloaded");
  });

  it("trusts nothing while messages may be missed, and forgets what it held when they were", async () => {
    const state = new MemoryState();
    let live = true;
    let listener: ChannelListener | undefined;
    state.subscribe = async (_channel, heard) => {
      listener = heard;
      return {
        get live() {
          return live;
        },
        close: async () => undefined,
      };
    };
    const { cache } = await instance(state);
    const row = source("ann@a");
    await cache.read("user:1", row.load);
    live = false;
    listener?.interrupted();
    await cache.read("user:1", row.load);
    await cache.read("user:1", row.load);
    expect(row.calls).toBe(3);
    live = true;
    await cache.read("user:1", row.load);
    await cache.read("user:1", row.load);
    expect(row.calls).toBe(4);
  });

  it("forgets everything when another store is installed, and listens to the new one", async () => {
    let state: SharedState = new MemoryState();
    const bus = new InvalidationBus("test", () => state);
    const cache = new InvalidatedCache<string>({ bus, ttlMs: 60_000, maxEntries: 10 });
    await bus.ready();
    const row = source("ann@a");
    await cache.read("user:1", row.load);
    state = new MemoryState();
    await cache.read("user:1", row.load);
    expect(row.calls).toBe(2);
    await bus.ready();
    await cache.read("user:1", row.load);
    await cache.read("user:1", row.load);
    expect(row.calls).toBe(3);
    await state.publish("test", "user:1");
    await cache.read("user:1", row.load);
    expect(row.calls).toBe(4);
  });
});
