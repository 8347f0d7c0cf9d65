import { describe, expect, it } from "vitest";
import { compareClocks } from "./clock-check";

const consoleMs = Date.parse("2026-03-29T22:58:30Z");

describe("clock comparison", () => {
  it("shows both clocks and the appliance's wall clock in its zone, and finds nothing wrong when they agree", () => {
    const clock = compareClocks("kiwire", "Asia/Kuala_Lumpur", { applianceMs: consoleMs + 1_000, consoleMs });
    expect(clock).toEqual({
      applianceTime: "2026-03-29T22:58:31.000Z",
      consoleTime: "2026-03-29T22:58:30.000Z",
      // A Date header has 1 s resolution: one second is agreement.
      skewSeconds: 0,
      timeZone: "Asia/Kuala_Lumpur",
      applianceWallClock: "2026-03-30 06:58:31",
      problem: null,
    });
  });

  it("names KalliopePBX's 5-minute signature window and the day boundary when the PBX is far off", () => {
    const clock = compareClocks("kalliope", "Europe/Rome", {
      applianceMs: consoleMs + 7 * 60_000,
      consoleMs,
    });
    expect(clock.skewSeconds).toBe(420);
    // Daylight saving began that morning in Rome: 22:58 UTC is 00:58 local.
    expect(clock.applianceWallClock).toBe("2026-03-30 01:05:30");
    expect(clock.problem).toContain("KalliopePBX's clock is 7 minutes ahead of the console's");
    expect(clock.problem).toContain("5 minutes X-authenticate allows");
    expect(clock.problem).toContain("midnight Europe/Rome");
    expect(clock.problem).toContain("calls within 7 minutes of midnight land on the neighbouring day");
  });

  it("warns about day boundaries alone while signatures still pass", () => {
    const clock = compareClocks("kalliope", "Europe/Rome", {
      applianceMs: consoleMs - 3 * 60_000,
      consoleMs,
    });
    expect(clock.skewSeconds).toBe(-180);
    expect(clock.problem).not.toContain("X-authenticate");
    expect(clock.problem).toContain("within 3 minutes of midnight");
  });

  it("tells Kiwire's signed time would be off, without claiming a documented window", () => {
    const clock = compareClocks("kiwire", "Asia/Kuala_Lumpur", {
      applianceMs: consoleMs - 2 * 3_600_000,
      consoleMs,
    });
    expect(clock.problem).toContain("Kiwire's clock is 2 hours behind the console's");
    expect(clock.problem).toContain("documents do not say how much difference it allows");
  });

  it("says a connection without a zone runs on UTC, and shows the wall clock in UTC", () => {
    const clock = compareClocks("kalliope", null, { applianceMs: consoleMs, consoleMs });
    expect(clock.timeZone).toBeNull();
    expect(clock.applianceWallClock).toBe("2026-03-29 22:58:30");
    expect(clock.problem).toContain("No time zone is set for this KalliopePBX connection");
    expect(clock.problem).toContain("uses UTC");
  });
});
