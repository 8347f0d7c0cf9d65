import { setTimeout as sleep } from "node:timers/promises";
import { expect, it } from "vitest";
import type { SharedState } from "@/lib/server/shared-state/store";

/** What every shared-state store must do; run against the in-memory and the Redis implementation. */
export function sharedStateContract(store: () => SharedState): void {
  it("stores values until their TTL runs out, and deletes them", async () => {
    const state = store();
    expect(await state.get("missing")).toBeNull();
    await state.set("a", "one", 60_000);
    await state.set("short", "lived", 40);
    expect(await state.get("a")).toBe("one");
    expect(await state.get("short")).toBe("lived");
    await sleep(120);
    expect(await state.get("short")).toBeNull();
    await state.delete("a");
    expect(await state.get("a")).toBeNull();
  });

  it("deletes only the value it was asked to (compare-and-delete)", async () => {
    const state = store();
    await state.set("session", "second", 60_000);
    expect(await state.deleteIfEquals("session", "first")).toBe(false);
    expect(await state.get("session")).toBe("second");
    expect(await state.deleteIfEquals("session", "second")).toBe(true);
    expect(await state.get("session")).toBeNull();
    expect(await state.deleteIfEquals("session", "second")).toBe(false);
  });

  it("replaces a value only while it exists, and never brings back one that expired or was deleted", async () => {
    const state = store();
    expect(await state.setIfPresent("absent", "x", 60_000)).toBe(false);
    expect(await state.get("absent")).toBeNull();
    await state.set("live", "first", 40);
    expect(await state.setIfPresent("live", "second", 60_000)).toBe(true);
    await sleep(80);
    // The TTL was replaced too: it outlived its first 40 ms.
    expect(await state.get("live")).toBe("second");
    await state.set("brief", "one", 30);
    await sleep(80);
    expect(await state.setIfPresent("brief", "two", 60_000)).toBe(false);
    await state.delete("live");
    expect(await state.setIfPresent("live", "third", 60_000)).toBe(false);
    expect(await state.get("live")).toBeNull();
  });

  it("keeps a list newest first, capped at its length, deleted with its key and gone after its TTL", async () => {
    const state = store();
    expect(await state.listItems("log")).toEqual([]);
    for (const item of ["1", "2", "3", "4", "5"]) await state.pushCapped("log", item, 3, 60_000);
    expect(await state.listItems("log")).toEqual(["5", "4", "3"]);
    await state.pushCapped("other", "x", 3, 60_000);
    await state.delete("log");
    expect(await state.listItems("log")).toEqual([]);
    expect(await state.listItems("other")).toEqual(["x"]);
    await state.pushCapped("short", "y", 3, 40);
    await sleep(120);
    expect(await state.listItems("short")).toEqual([]);
  });

  it("runs the holders of one lock one after the other, never interleaved, even when one fails", async () => {
    const state = store();
    const log: string[] = [];
    const holder = (name: string, fail = false) =>
      state.withLock("change", { leaseMs: 5_000, waitMs: 5_000 }, async () => {
        log.push(`${name} start`);
        await sleep(30);
        log.push(`${name} end`);
        if (fail) throw new Error(`${name} failed`);
        return name;
      });
    const results = await Promise.allSettled([holder("a"), holder("b", true), holder("c")]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    for (let i = 0; i < log.length; i += 2) {
      expect(log[i]?.replace(" start", "")).toBe(log[i + 1]?.replace(" end", ""));
    }
    expect(log).toHaveLength(6);
  });

  it("lets tryWithLock pass over a lock that is held, and take it once it is free", async () => {
    const state = store();
    let release = () => {};
    const held = state.withLock(
      "runner",
      { leaseMs: 5_000, waitMs: 5_000 },
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    );
    await sleep(20);
    let ran = false;
    expect(await state.tryWithLock("runner", 5_000, async () => (ran = true))).toEqual({ acquired: false });
    expect(ran).toBe(false);
    release();
    await held;
    expect(await state.tryWithLock("runner", 5_000, async () => "ran")).toEqual({
      acquired: true,
      value: "ran",
    });
    // Another key is another lock.
    expect((await state.tryWithLock("other", 5_000, async () => 1)).acquired).toBe(true);
  });

  it("delivers a published message to every subscriber of its channel, and none after it unsubscribed", async () => {
    const state = store();
    const heard: string[] = [];
    const listener = (name: string) => ({
      message: (message: string) => heard.push(`${name}:${message}`),
      interrupted: () => heard.push(`${name}:interrupted`),
    });
    const first = await state.subscribe("news", listener("first"));
    const second = await state.subscribe("news", listener("second"));
    await state.subscribe("elsewhere", listener("other"));
    expect(first.live).toBe(true);
    await state.publish("news", "user:1");
    await until(() => heard.length >= 2);
    expect(heard.sort()).toEqual(["first:user:1", "second:user:1"]);
    await second.close();
    await state.publish("news", "user:2");
    await until(() => heard.length >= 3);
    await sleep(30);
    expect(heard.slice(2)).toEqual(["first:user:2"]);
  });
}

/** Waits for a message to arrive (Redis delivers asynchronously), failing after a second. */
async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done(); waited += 5) {
    if (waited > 1_000) throw new Error("no message arrived within a second");
    await sleep(5);
  }
}
