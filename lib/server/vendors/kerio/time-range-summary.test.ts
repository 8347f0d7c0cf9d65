import { describe, expect, it } from "vitest";
import { localize } from "@/lib/i18n/api-messages/localize";
import { type TimeRangeParts, timeRangeSummary } from "./time-range-summary";

const range = (parts: Partial<TimeRangeParts>): TimeRangeParts => ({
  type: "Daily",
  days: [],
  fromTime: "08:00",
  toTime: "17:00",
  fromDate: "",
  toDate: "",
  ...parts,
});

describe("a Kerio Control time range in words", () => {
  it("names Kerio's days in the reader's language", () => {
    const summary = timeRangeSummary(range({ days: ["Monday", "Tuesday", "Saturday"] }));
    expect(String(summary)).toBe("Monday, Tuesday, Saturday 08:00–17:00");
    expect(localize(summary, "it")).toBe("lunedì, martedì, sabato 08:00–17:00");
  });

  it("says every day when Kerio lists none, and weekly, absolute and included ranges", () => {
    expect(localize(timeRangeSummary(range({})), "it")).toBe("Ogni giorno 08:00–17:00");
    expect(String(timeRangeSummary(range({ type: "Weekly", fromDay: "Friday", toDay: "Monday" })))).toBe(
      "Friday 08:00 – Monday 17:00",
    );
    expect(
      String(timeRangeSummary(range({ type: "Absolute", fromDate: "2026-12-24", toDate: "2026-12-26" }))),
    ).toBe("2026-12-24 08:00 – 2026-12-26 17:00");
    expect(localize(timeRangeSummary(range({ type: "ChildGroup", childGroupName: "Office" })), "it")).toBe(
      "Include Office",
    );
  });

  it("quotes a day Kerio names in a way the console does not know", () => {
    expect(localize(timeRangeSummary(range({ days: ["Holiday"] })), "it")).toBe("Holiday 08:00–17:00");
  });
});
