import { describe, expect, it } from "vitest";
import { buildDirectory, CdrStore, type CdrStoreOptions, generateDay } from "./cdr-data";
import { dayNumberOf } from "./dates";
import { startKalliopeSimulator } from "./simulator";
import { signedFetch } from "./test-support";

const options = (overrides: Partial<CdrStoreOptions> = {}): CdrStoreOptions => ({
  seed: 42,
  callsPerDay: 40,
  dailyVariation: true,
  utcOffsetMinutes: 0,
  cacheDays: 4,
  ...overrides,
});

const day = dayNumberOf("2024-03-13")!;

describe("deterministic generation", () => {
  it("same seed, same calls; another seed, other calls", () => {
    const a = new CdrStore(options()).callsForDay("default", day);
    const b = new CdrStore(options()).callsForDay("default", day);
    const c = new CdrStore(options({ seed: 43 })).callsForDay("default", day);
    expect(a.length).toBeGreaterThan(20);
    expect(b).toEqual(a);
    expect(c.map((call) => call.summary.id)).not.toEqual(a.map((call) => call.summary.id));
  });

  it("a day does not depend on which days were generated before it, or on the cache", () => {
    const fresh = new CdrStore(options({ cacheDays: 1 }));
    const expected = fresh.callsForDay("default", day);
    const busy = new CdrStore(options({ cacheDays: 1 }));
    for (let other = day - 10; other < day + 3; other++) busy.callsForDay("default", other);
    expect(busy.callsForDay("default", day)).toEqual(expected);
    expect(busy.cachedDays).toBe(1);
  });

  it("is a pure function of (seed, tenant, date, calls per day)", () => {
    const volume = { seed: 42, domain: "default", callsPerDay: 40, dailyVariation: true };
    const directory = buildDirectory(42, "default");
    const first = generateDay({ ...volume, directory, utcOffsetMinutes: 0 }, day);
    const again = generateDay(
      { ...volume, directory: buildDirectory(42, "default"), utcOffsetMinutes: 0 },
      day,
    );
    expect(again).toEqual(first);
    const bigger = generateDay({ ...volume, callsPerDay: 80, directory, utcOffsetMinutes: 0 }, day);
    expect(bigger.length).toBeGreaterThan(first.length);
  });

  it("gives unique, stable `epoch.sequence` ids in start order", () => {
    const store = new CdrStore(options({ cacheDays: 100 }));
    const seen = new Set<string>();
    for (let current = day - 30; current <= day; current++) {
      const calls = store.callsForDay("default", current);
      let previous = Number.NEGATIVE_INFINITY;
      for (const call of calls) {
        const match = /^(\d{10})\.(\d+)$/.exec(call.summary.id);
        expect(match).not.toBeNull();
        // With the PBX on UTC, the epoch is the start time itself.
        expect(Number(match![1]) * 1000).toBe(Date.parse(`${call.summary.start_time.replace(" ", "T")}Z`));
        expect(call.startLocal).toBeGreaterThanOrEqual(previous);
        previous = call.startLocal;
        expect(seen.has(call.summary.id)).toBe(false);
        seen.add(call.summary.id);
      }
    }
    expect(seen.size).toBeGreaterThan(800);
  });

  it("keeps times local and ids UTC when the PBX is not on UTC", () => {
    const utc = new CdrStore(options()).callsForDay("default", day);
    const rome = new CdrStore(options({ utcOffsetMinutes: 60 })).callsForDay("default", day);
    expect(rome.map((call) => call.summary.start_time)).toEqual(utc.map((call) => call.summary.start_time));
    const [utcEpoch] = utc[0]!.summary.id.split(".");
    const [romeEpoch] = rome[0]!.summary.id.split(".");
    expect(Number(utcEpoch) - Number(romeEpoch)).toBe(3600);
  });

  it("follows an IANA zone's daylight-saving changes: ids are the real instants of the wall-clock starts", () => {
    const rome = new Intl.DateTimeFormat("sv-SE", {
      timeZone: "Europe/Rome",
      dateStyle: "short",
      timeStyle: "medium",
    });
    const store = new CdrStore(options({ timeZone: "Europe/Rome", callsPerDay: 400, dailyVariation: false }));
    for (const date of ["2026-03-29", "2026-10-25", "2026-07-01"]) {
      const calls = store.callsForDay("default", dayNumberOf(date)!);
      expect(calls.length).toBeGreaterThan(300);
      for (const call of calls) {
        const epoch = Number(call.summary.id.split(".")[0]);
        expect(rome.format(epoch * 1000)).toBe(call.summary.start_time);
      }
    }
    // Spring forward: 02:00–02:59 does not exist on the PBX's clock, so no call starts then.
    const spring = store.callsForDay("default", dayNumberOf("2026-03-29")!);
    expect(spring.some((call) => call.summary.start_time.startsWith("2026-03-29 02:"))).toBe(false);
    expect(() => new CdrStore(options({ timeZone: "Nowhere/Else" })).callsForDay("default", day)).toThrow();
  });

  it("gives exactly callsPerDay a day without daily variation", () => {
    const store = new CdrStore(options({ dailyVariation: false, callsPerDay: 17 }));
    for (let current = day - 7; current <= day; current++)
      expect(store.callsForDay("default", current).length).toBe(17);
  });

  it("follows the week: Sundays and holidays are quieter than weekdays", () => {
    const store = new CdrStore(options({ callsPerDay: 1000 }));
    const wednesday = store.countForDay("default", dayNumberOf("2024-03-13")!);
    const sunday = store.countForDay("default", dayNumberOf("2024-03-17")!);
    const christmas = store.countForDay("default", dayNumberOf("2023-12-25")!);
    expect(wednesday).toBeGreaterThan(1100);
    expect(sunday).toBeLessThan(300);
    expect(christmas).toBeLessThan(250);
  });
});

describe("the default data set", () => {
  it("holds 300,000+ calls over the last three months, whatever the anchor day", async () => {
    for (const today of ["2024-03-15", "2024-01-10", "2023-08-31", "2025-06-30"]) {
      const sim = await startKalliopeSimulator({ today });
      try {
        expect(sim.dataWindow().last).toBe(today);
        expect(sim.dataWindow().lastDay - sim.dataWindow().firstDay + 1).toBe(92);
        expect(sim.totalCalls()).toBeGreaterThanOrEqual(300_000);
        expect(sim.cdr.generatedDays).toBe(0);
      } finally {
        await sim.close();
      }
    }
  });

  it("starts instantly and generates only the days a request touches", async () => {
    const started = performance.now();
    const sim = await startKalliopeSimulator({ today: "2024-03-15" });
    try {
      expect(performance.now() - started).toBeLessThan(1000);
      const response = await signedFetch(sim, "/rest/cdr/summary/2024/03/14", { accept: "application/json" });
      const calls = (await response.json()) as unknown[];
      expect(calls.length).toBe(sim.cdr.countForDay("default", dayNumberOf("2024-03-14")!));
      expect(calls.length).toBeGreaterThan(3000);
      expect(sim.cdr.generatedDays).toBe(1);
      // A unique_id search generates only the day its epoch falls on.
      const id = (calls[100] as { id: string }).id;
      const found = await signedFetch(sim, "/rest/cdr/summary", {
        accept: "application/json",
        contentType: "application/json",
        body: JSON.stringify({
          cdr: { begin: "2024-01-01 00:00:00", end: "2024-03-15 23:59:59", unique_id: id },
        }),
      });
      expect(((await found.json()) as Array<{ id: string }>).map((call) => call.id)).toEqual([id]);
      expect(sim.cdr.generatedDays).toBe(1);
    } finally {
      await sim.close();
    }
  });

  it("defaults the anchor day to the simulator clock's date", async () => {
    const sim = await startKalliopeSimulator({
      callsPerDay: 5,
      clockOffsetMs: Date.parse("2024-07-01T09:00:00Z") - Date.now(),
    });
    try {
      expect(sim.dataWindow().last).toBe("2024-07-01");
      sim.clock.offsetMs += 86_400_000;
      expect(sim.dataWindow().last).toBe("2024-07-02");
    } finally {
      await sim.close();
    }
  });
});
