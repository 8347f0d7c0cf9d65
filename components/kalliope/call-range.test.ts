import { describe, expect, it } from "vitest";
import { presetRange } from "./call-range";

const NOW = new Date(2024, 2, 14, 10, 0); // Thursday 14 March 2024, local time

describe("call browser presets", () => {
  it("turns each preset into whole days", () => {
    const none = { from: "", to: "" };
    expect(presetRange("today", none, NOW)).toEqual({ from: "2024-03-14", to: "2024-03-14" });
    expect(presetRange("yesterday", none, NOW)).toEqual({ from: "2024-03-13", to: "2024-03-13" });
    expect(presetRange("week", none, NOW)).toEqual({ from: "2024-03-11", to: "2024-03-14" });
    expect(presetRange("last7", none, NOW)).toEqual({ from: "2024-03-08", to: "2024-03-14" });
    expect(presetRange("month", none, NOW)).toEqual({ from: "2024-03-01", to: "2024-03-14" });
    expect(presetRange("lastMonth", none, NOW)).toEqual({ from: "2024-02-01", to: "2024-02-29" });
  });

  it("keeps custom values, the end defaulting to the start", () => {
    expect(presetRange("custom", { from: "2024-01-02T09:00", to: "" }, NOW)).toEqual({
      from: "2024-01-02T09:00",
      to: "2024-01-02",
    });
  });
});
