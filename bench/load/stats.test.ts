import { describe, expect, it } from "vitest";
import { type MemorySample, memoryTrend, percentile, slope, summarizeLatencies } from "./stats";

const MIB = 1024 * 1024;

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 97.5)).toBe(98);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it("summarises unsorted latencies", () => {
    expect(summarizeLatencies([30, 10, 20, 40])).toEqual({ p50: 20, p97_5: 40, p99: 40, max: 40 });
  });
});

describe("slope", () => {
  it("fits a line", () => {
    expect(slope([0, 1, 2, 3].map((x) => ({ x, y: 2 * x + 5 })))).toBeCloseTo(2);
    expect(slope([{ x: 1, y: 3 }])).toBe(0);
  });
});

/** One sample every 10 s for `seconds`, memory from `mib(atSeconds)`. */
const series = (seconds: number, mib: (atSeconds: number) => number): MemorySample[] =>
  Array.from({ length: seconds / 10 + 1 }, (_, index) => ({
    atSeconds: index * 10,
    rssBytes: mib(index * 10) * MIB,
    heapUsedBytes: (mib(index * 10) / 2) * MIB,
  }));

describe("memoryTrend", () => {
  it("finds no growth when memory levels off after the warm-up, however high the warm-up climbs", () => {
    const trend = memoryTrend(series(600, (t) => (t < 60 ? 200 + t * 3 : 380 + (t % 20 === 0 ? 4 : -4))));
    expect(trend.verdict).toBe("no growth");
    expect(trend.rss.firstMinuteMiB).toBeCloseTo(380, 0);
    expect(Math.abs(trend.rss.slopeMiBPerMinute)).toBeLessThan(0.5);
  });

  it("calls steady growth after the warm-up growth, and reports it per minute", () => {
    const trend = memoryTrend(series(600, (t) => 300 + t / 30)); // 2 MiB per minute
    expect(trend.verdict).toBe("growth");
    expect(trend.rss.slopeMiBPerMinute).toBeCloseTo(2);
    expect(trend.rss.lastMinuteMiB).toBeGreaterThan(trend.rss.firstMinuteMiB);
    expect(trend.heapUsed?.growing).toBe(true);
  });

  it("does not call a slow drift of a few percent growth", () => {
    expect(memoryTrend(series(600, (t) => 300 + t / 600)).verdict).toBe("no growth"); // 0.1 MiB/min
  });

  it("refuses a verdict on a run too short to compare a first and a last minute", () => {
    expect(memoryTrend(series(150, () => 300)).verdict).toBe("too short");
  });

  it("leaves the heap out when some samples lack it", () => {
    const samples = series(300, () => 300).map((sample, index) =>
      index === 3 ? { ...sample, heapUsedBytes: undefined } : sample,
    );
    expect(memoryTrend(samples).heapUsed).toBeUndefined();
  });
});
