import { describe, expect, it } from "vitest";
import { presetRange } from "./kalliope-range";

const TODAY = "2024-03-14"; // a Thursday, on the PBX's calendar

describe("call browser presets", () => {
  it("turns each preset into whole days of the PBX's calendar", () => {
    const none = { from: "", to: "" };
    expect(presetRange("today", none, TODAY)).toEqual({ from: "2024-03-14", to: "2024-03-14" });
    expect(presetRange("yesterday", none, TODAY)).toEqual({ from: "2024-03-13", to: "2024-03-13" });
    expect(presetRange("week", none, TODAY)).toEqual({ from: "2024-03-11", to: "2024-03-14" });
    expect(presetRange("last7", none, TODAY)).toEqual({ from: "2024-03-08", to: "2024-03-14" });
    expect(presetRange("month", none, TODAY)).toEqual({ from: "2024-03-01", to: "2024-03-14" });
    expect(presetRange("lastMonth", none, TODAY)).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(presetRange("lastMonth", none, "2024-01-05")).toEqual({ from: "2023-12-01", to: "2023-12-31" });
    expect(presetRange("week", none, "2024-03-10")).toEqual({ from: "2024-03-04", to: "2024-03-10" });
  });

  it("keeps custom values, the end defaulting to the start", () => {
    expect(presetRange("custom", { from: "2024-01-02T09:00", to: "" }, TODAY)).toEqual({
      from: "2024-01-02T09:00",
      to: "2024-01-02",
    });
  });
});
