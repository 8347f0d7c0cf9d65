import { describe, expect, it } from "vitest";
import {
  assertTimeZone,
  endOfDayAfter,
  formatApplianceTime,
  formatDateTime,
  parseApplianceTime,
  parseDateParameter,
} from "./appliance-time";

const INSTANT = Date.UTC(2024, 0, 31, 9, 30, 5);

describe("appliance time", () => {
  it("formats in the appliance zone in both spellings", () => {
    expect(formatApplianceTime(INSTANT, "UTC", "YmdHis")).toBe("20240131093005");
    expect(formatApplianceTime(INSTANT, "Asia/Kuala_Lumpur", "YmdHis")).toBe("20240131173005");
    expect(formatApplianceTime(INSTANT, "Asia/Kuala_Lumpur", "Y-m-d H:i:s")).toBe("2024-01-31 17:30:05");
    expect(formatDateTime(Date.UTC(2024, 0, 31, 23, 0, 0), "Asia/Kuala_Lumpur")).toBe("2024-02-01 07:00:00");
  });

  it("parses back to the same instant, only in the accepted spellings", () => {
    expect(parseApplianceTime("20240131173005", "Asia/Kuala_Lumpur", ["YmdHis"])).toBe(INSTANT);
    expect(parseApplianceTime("2024-01-31 17:30:05", "Asia/Kuala_Lumpur", ["YmdHis"])).toBeNull();
    expect(parseApplianceTime("2024-01-31 17:30:05", "Asia/Kuala_Lumpur", ["YmdHis", "Y-m-d H:i:s"])).toBe(
      INSTANT,
    );
  });

  it("handles daylight saving time in zones that have it", () => {
    // 2024-07-01 12:00 in Berlin is CEST (UTC+2); 2024-01-01 12:00 is CET (UTC+1).
    expect(parseApplianceTime("20240701120000", "Europe/Berlin", ["YmdHis"])).toBe(Date.UTC(2024, 6, 1, 10));
    expect(parseApplianceTime("20240101120000", "Europe/Berlin", ["YmdHis"])).toBe(Date.UTC(2024, 0, 1, 11));
  });

  it("refuses dates that do not exist", () => {
    for (const text of ["20240230120000", "20241301000000", "20240131250000", "2024013109300", "abc"]) {
      expect(parseApplianceTime(text, "UTC", ["YmdHis"])).toBeNull();
    }
  });

  it("reads date parameters as start or end of day", () => {
    expect(parseDateParameter("2024-01-31", "UTC", "start-of-day")).toBe(Date.UTC(2024, 0, 31));
    expect(parseDateParameter("2024-01-31", "UTC", "end-of-day")).toBe(Date.UTC(2024, 0, 31, 23, 59, 59));
    expect(parseDateParameter("2024-01-31 10:00:00", "UTC", "end-of-day")).toBe(Date.UTC(2024, 0, 31, 10));
    expect(parseDateParameter("31/01/2024", "UTC", "end-of-day")).toBeNull();
  });

  it("finds tomorrow's end of day on the appliance calendar", () => {
    // 23:00 UTC on Jan 31 is already Feb 1 in Kuala Lumpur, so "tomorrow" there is Feb 2.
    const lateUtc = Date.UTC(2024, 0, 31, 23, 0, 0);
    expect(formatDateTime(endOfDayAfter(lateUtc, 1, "UTC"), "UTC")).toBe("2024-02-01 23:59:59");
    expect(formatDateTime(endOfDayAfter(lateUtc, 1, "Asia/Kuala_Lumpur"), "Asia/Kuala_Lumpur")).toBe(
      "2024-02-02 23:59:59",
    );
  });

  it("rejects unknown zones with a readable error", () => {
    expect(() => assertTimeZone("Mars/Olympus")).toThrow(/unknown time zone/);
  });
});
