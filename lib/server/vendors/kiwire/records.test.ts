import { describe, expect, it } from "vitest";
import { toRows } from "./client";
import { kiwireStatus, textOrNull } from "./records";

describe("Kiwire record normalisation (notes D9, D10)", () => {
  it("maps v2 codes, v3 long forms and UI words to one enum, anything else to unknown", () => {
    expect(["act", "ACTIVE", "y"].map(kiwireStatus)).toEqual(["active", "active", "active"]);
    expect(["exp", "expired"].map(kiwireStatus)).toEqual(["expired", "expired"]);
    expect(["sus", "suspend", "Suspended", "n"].map(kiwireStatus)).toEqual(Array(4).fill("suspended"));
    expect([undefined, null, 3, "zzz"].map(kiwireStatus)).toEqual(Array(4).fill("unknown"));
  });

  it("accepts ret_data as an array, one object, null or missing", () => {
    expect(toRows([{ a: 1 }, null, "x", { b: 2 }])).toEqual([{ a: 1 }, { b: 2 }]);
    expect(toRows({ a: 1 })).toEqual([{ a: 1 }]);
    expect(toRows(null)).toEqual([]);
    expect(toRows(undefined)).toEqual([]);
  });

  it("treats MySQL's zero date as no date", () => {
    expect(textOrNull("0000-00-00 00:00:00")).toBeNull();
    expect(textOrNull("2024-01-31 09:30:05")).toBe("2024-01-31 09:30:05");
  });
});
