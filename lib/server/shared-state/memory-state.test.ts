import { describe, expect, it } from "vitest";
import { sharedStateContract } from "@/testing/shared-state-contract";
import { MemoryState } from "./memory-state";

describe("in-memory shared state (one instance, the default)", () => {
  sharedStateContract(() => new MemoryState());

  it("expires values on its own clock", async () => {
    const clock = { ms: 0 };
    const state = new MemoryState(() => clock.ms);
    await state.set("token", "t1", 1_000);
    clock.ms = 999;
    expect(await state.get("token")).toBe("t1");
    clock.ms = 1_000;
    expect(await state.get("token")).toBeNull();
  });

  it("queues lock holders in the order they asked", async () => {
    const state = new MemoryState();
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3, 4].map((n) =>
        state.withLock("fw", { leaseMs: 0, waitMs: 0 }, async () => {
          await new Promise((resolve) => setTimeout(resolve, 5 - n));
          order.push(n);
        }),
      ),
    );
    expect(order).toEqual([1, 2, 3, 4]);
  });
});
