import { describe, expect, it } from "vitest";
import { ConcurrencyGate } from "./concurrency";

/** Acquires `count` slots of one kind that are free now, in order. */
async function take(gate: ConcurrencyGate, count: number, kind: "read" | "write" = "read") {
  const slots: number[] = [];
  for (let n = 0; n < count; n++) slots.push(await gate.acquire(kind));
  return slots;
}

/** Whether an acquire is still waiting after the queue has had its turn. */
async function waits(acquired: Promise<number>): Promise<boolean> {
  const settled = await Promise.race([
    acquired.then(() => false),
    new Promise<true>((r) => setTimeout(r, 10, true)),
  ]);
  return settled;
}

describe("ConcurrencyGate", () => {
  it("lets the setting's most through, hands out the lowest free slot, and serves waiters in order", async () => {
    const gate = new ConcurrencyGate(3);
    expect(await take(gate, 3)).toEqual([0, 1, 2]);
    const fourth = gate.acquire("read");
    const fifth = gate.acquire("write");
    expect(await waits(fourth)).toBe(true);
    gate.release(1, "answered");
    expect(await fourth).toBe(1);
    expect(await waits(fifth)).toBe(true);
    gate.release(0, "failed");
    expect(await fifth).toBe(0);
    expect(gate.inUse(0) && gate.inUse(1) && gate.inUse(2)).toBe(true);
  });

  it("lowers both limits to one below what was in flight when the appliance turns one away", async () => {
    const gate = new ConcurrencyGate(16);
    const slots = await take(gate, 6);
    gate.release(slots[5]!, "overloaded");
    expect(gate.current).toEqual({ reads: 5, writes: 5 });
    // Five are still out: a sixth waits until one of them is back.
    const next = gate.acquire("read");
    expect(await waits(next)).toBe(true);
    gate.release(slots[0]!, "answered");
    expect(await next).toBe(0);
  });

  it("keeps its limit when a request alone at the appliance is turned away", async () => {
    const gate = new ConcurrencyGate(4);
    const [slot] = await take(gate, 1);
    gate.release(slot!, "overloaded");
    expect(gate.current).toEqual({ reads: 4, writes: 4 });
  });

  it("probes one more read at a time after a run of full answers, and lets writes follow only what was answered", async () => {
    const gate = new ConcurrencyGate(8);
    const first = await take(gate, 4);
    gate.release(first[3]!, "overloaded"); // limit 3, three still out
    expect(gate.current).toEqual({ reads: 3, writes: 3 });
    // 8 × 3 answers taken with all three places in use raise the read limit to 4; writes stay at 3.
    const out = first.slice(0, 3);
    for (let n = 0; n < 24; n++) {
      gate.release(out.shift()!, "answered");
      out.push(await gate.acquire("read"));
    }
    expect(gate.current).toEqual({ reads: 4, writes: 3 });
    // A fourth read may go; a write may not while three are out.
    const probe = await gate.acquire("read");
    const write = gate.acquire("write");
    expect(await waits(write)).toBe(true);
    // The probe answered with four in flight: four together are proven, so writes may go four at once.
    gate.release(probe, "answered");
    expect(gate.current.writes).toBe(4);
    expect(await write).toBe(probe);
  });
});
