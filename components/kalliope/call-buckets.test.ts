import { describe, expect, it } from "vitest";
import type { CallStatsDto } from "@/lib/api/kalliope";
import { callBars, outcomeSeries } from "./call-buckets";

const range = (from: string, to: string): CallStatsDto["range"] => ({
  from,
  to,
  timeZone: "Europe/Rome",
  days: 1,
  maxDays: 62,
  fromPbx: 0,
});

describe("callBars", () => {
  it("gives every hour of the day a bar, quiet hours empty, in order", () => {
    const bars = callBars({
      bucket: "hour",
      range: range("2026-12-03 00:00:00", "2026-12-03 23:59:59"),
      buckets: [
        { key: "2026-12-03 14", counts: { OK: 3 }, total: 3 },
        { key: "2026-12-03 09", counts: { BUSY: 1 }, total: 1 },
      ],
    });
    expect(bars).toHaveLength(24);
    expect(bars[0]).toEqual({
      key: "2026-12-03 00",
      label: "00:00",
      title: "2026-12-03 00:00–00:59",
      values: {},
    });
    expect(bars[9]?.values).toEqual({ BUSY: 1 });
    expect(bars[14]?.values).toEqual({ OK: 3 });
    expect(bars[10]?.values).toEqual({});
  });

  it("gives every day of a longer range a bar, labelled by month and day", () => {
    const bars = callBars({
      bucket: "day",
      range: range("2026-11-27 00:00:00", "2026-12-03 23:59:59"),
      buckets: [{ key: "2026-11-30", counts: { OK: 2 }, total: 2 }],
    });
    expect(bars.map((bar) => bar.label)).toEqual([
      "11-27",
      "11-28",
      "11-29",
      "11-30",
      "12-01",
      "12-02",
      "12-03",
    ]);
    expect(bars[3]?.values).toEqual({ OK: 2 });
  });

  it("keeps a bucket outside the stated range rather than dropping calls", () => {
    const bars = callBars({
      bucket: "day",
      range: range("2026-12-01 00:00:00", "2026-12-02 23:59:59"),
      buckets: [{ key: "2026-12-05", counts: { OK: 1 }, total: 1 }],
    });
    expect(bars.map((bar) => bar.key)).toEqual(["2026-12-01", "2026-12-02", "2026-12-05"]);
  });
});

describe("outcomeSeries", () => {
  it("stacks the outcomes present in the vocabulary's order, unknown codes last, each named by the label given", () => {
    const series = outcomeSeries(
      {
        buckets: [
          { key: "a", counts: { BUSY: 1, ZZZ: 2 }, total: 3 },
          { key: "b", counts: { OK: 1, FORBIDDEN: 1 }, total: 2 },
        ],
      },
      (status) => `label of ${status}`,
    );
    expect(series.map((s) => s.id)).toEqual(["OK", "BUSY", "FORBIDDEN", "ZZZ"]);
    expect(series.map((s) => s.colour)).toEqual(["green", "red", "pink", "teal"]);
    expect(series[1]?.label).toBe("label of BUSY");
  });
});
