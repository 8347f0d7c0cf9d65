import { describe, expect, it } from "vitest";
import {
  formatOffset,
  instantOf,
  isTimeZone,
  offsetMinutesAt,
  pbxDateAt,
  startOffset,
  wallTimeAt,
} from "./pbx-time";

const ROME = "Europe/Rome";
const utc = (iso: string) => Date.parse(iso);

describe("PBX wall clock in its IANA zone", () => {
  it("names the PBX's day, which differs from the UTC day around midnight", () => {
    expect(pbxDateAt(utc("2026-07-01T22:30:00Z"), ROME)).toBe("2026-07-02");
    expect(pbxDateAt(utc("2026-07-01T22:30:00Z"), "UTC")).toBe("2026-07-01");
    expect(pbxDateAt(utc("2026-07-02T03:00:00Z"), "America/New_York")).toBe("2026-07-01");
  });

  it("reads wall times into instants on an ordinary day", () => {
    expect(instantOf("2026-07-02 00:30:00", ROME)).toBe(utc("2026-07-01T22:30:00Z"));
    expect(instantOf("2026-01-15 12:00:00", ROME)).toBe(utc("2026-01-15T11:00:00Z"));
    expect(instantOf("2026-01-15 12:00:00", "UTC")).toBe(utc("2026-01-15T12:00:00Z"));
    expect(instantOf("not a time", ROME)).toBeNull();
  });

  it("spring forward (Rome, 29 March 2026): a 23-hour day, 02:xx does not exist", () => {
    expect(offsetMinutesAt(utc("2026-03-29T00:59:59Z"), ROME)).toBe(60);
    expect(offsetMinutesAt(utc("2026-03-29T01:00:00Z"), ROME)).toBe(120);
    expect(wallTimeAt(utc("2026-03-29T00:59:59Z"), ROME)).toBe("2026-03-29 01:59:59");
    expect(wallTimeAt(utc("2026-03-29T01:00:00Z"), ROME)).toBe("2026-03-29 03:00:00");
    expect(instantOf("2026-03-29 01:30:00", ROME)).toBe(utc("2026-03-29T00:30:00Z"));
    expect(instantOf("2026-03-29 03:30:00", ROME)).toBe(utc("2026-03-29T01:30:00Z"));
    const start = instantOf("2026-03-29 00:00:00", ROME) ?? 0;
    const end = instantOf("2026-03-30 00:00:00", ROME) ?? 0;
    expect((end - start) / 3_600_000).toBe(23);
  });

  it("fall back (Rome, 25 October 2026): a 25-hour day whose 02:xx repeats, told apart by the id", () => {
    const firstPass = utc("2026-10-25T00:30:00Z"); // 02:30 CEST
    const secondPass = utc("2026-10-25T01:30:00Z"); // 02:30 CET
    expect(wallTimeAt(firstPass, ROME)).toBe("2026-10-25 02:30:00");
    expect(wallTimeAt(secondPass, ROME)).toBe("2026-10-25 02:30:00");
    expect(instantOf("2026-10-25 02:30:00", ROME)).toBe(firstPass);
    expect(instantOf("2026-10-25 02:30:00", ROME, secondPass + 2000)).toBe(secondPass);
    const start = instantOf("2026-10-25 00:00:00", ROME) ?? 0;
    const end = instantOf("2026-10-26 00:00:00", ROME) ?? 0;
    expect((end - start) / 3_600_000).toBe(25);
  });

  it("gives each call's start an offset, the repeated hour by the id's epoch", () => {
    const offsetOf = (startTime: string, id: string) => startOffset(startTime, id, ROME);
    expect(offsetOf("2026-10-25 01:59:00", `${utc("2026-10-24T23:59:00Z") / 1000}.4`)).toBe("+02:00");
    expect(offsetOf("2026-10-25 02:30:00", `${utc("2026-10-25T00:30:00Z") / 1000}.7`)).toBe("+02:00");
    expect(offsetOf("2026-10-25 02:30:00", `${utc("2026-10-25T01:30:00Z") / 1000}.9`)).toBe("+01:00");
    expect(offsetOf("2026-10-25 03:10:00", `${utc("2026-10-25T02:10:00Z") / 1000}.12`)).toBe("+01:00");
    // Asked again, the hours are remembered: the same answers, the repeated hour still told apart by the id.
    expect(offsetOf("2026-10-25 02:45:00", `${utc("2026-10-25T01:45:00Z") / 1000}.3`)).toBe("+01:00");
    expect(offsetOf("2026-10-25 02:45:00", `${utc("2026-10-25T00:45:00Z") / 1000}.2`)).toBe("+02:00");
    expect(startOffset("2026-05-01 10:00:00", "1", "Asia/Kathmandu")).toBe("+05:45");
    // The same wall hour in another zone is that zone's.
    expect(startOffset("2026-05-01 10:00:00", "1", ROME)).toBe("+02:00");
  });

  it("formats offsets and knows which zones exist", () => {
    expect(formatOffset(0)).toBe("+00:00");
    expect(formatOffset(-210)).toBe("-03:30");
    expect(isTimeZone("Europe/Rome")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});
