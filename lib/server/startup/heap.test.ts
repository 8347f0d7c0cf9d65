import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { HEAP_GROWTH_FLAG, HEAP_GROWTH_PERCENT } from "./heap";

/**
 * A fresh Node.js process keeps about 55 MiB alive while it replaces those objects, one at a time, ten times
 * over. It reports the live heap after a full collection and the most the heap held while it churned (left
 * to itself V8 let it reach about 270 MB). The flag is set the way the console sets it: in the running process.
 */
const churn = `
const v8 = require("node:v8");
if (process.argv[1]) v8.setFlagsFromString(process.argv[1]);
// Objects that outlive two scavenges reach the old generation and die there, as a busy server's requests do.
const recent = Array.from({ length: 400_000 }, (_, round) => ({ round, pair: [round, String(round)] }));
globalThis.gc();
const liveBytes = v8.getHeapStatistics().used_heap_size;
let peakBytes = 0;
for (let round = 0; round < 4_000_000; round++) {
  recent[round % recent.length] = { round, pair: [round, String(round)] };
  if (round % 5_000 === 0) peakBytes = Math.max(peakBytes, v8.getHeapStatistics().used_heap_size);
}
process.stdout.write(JSON.stringify({ liveBytes, peakBytes }));
`;

function churnHeap(flag: string): { liveBytes: number; peakBytes: number } {
  const run = spawnSync(process.execPath, ["--expose-gc", "-e", churn, flag], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`the churn process failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const MIB = 2 ** 20;

describe("boundHeapGrowth", () => {
  it("keeps the heap within its growth of the live heap, plus the young generation", () => {
    const { liveBytes, peakBytes } = churnHeap(HEAP_GROWTH_FLAG);
    // The young generation (up to 16 MiB in use) is counted in the heap but not in the growth, and the old
    // generation goes on filling while a collection marks it.
    expect(peakBytes).toBeLessThan(liveBytes * (1 + HEAP_GROWTH_PERCENT / 100) + 64 * MIB);
  });
});
