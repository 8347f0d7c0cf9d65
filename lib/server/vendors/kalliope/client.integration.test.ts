import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { VendorError } from "@/lib/server/errors/vendor-error";
import { HttpClient } from "@/lib/server/http/client";
import { type RunningKalliopeSimulator, startKalliopeSimulator } from "@/simulators/kalliope/simulator";
import { KALLIOPE_VARIANTS } from "@/simulators/kalliope/variants";
import { freshDatabase } from "@/testing/test-db";
import {
  cacheWritesSettled,
  callsForDays,
  type DayFetchStats,
  forgetParsedDays,
  MAX_RANGE_DAYS,
} from "./cdr-days";
import { KalliopeClient, resetKalliopeCaches } from "./client";

const TODAY = new Date().toISOString().slice(0, 10);
const dayBefore = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

let sim: RunningKalliopeSimulator;
let http: HttpClient;

const credentials = () => ({ username: "privacyadmin", password: "privacyadmin", domain: "default" });
const client = (extra: Partial<ConstructorParameters<typeof KalliopeClient>[0]> = {}) =>
  new KalliopeClient({ http, credentials: credentials(), cacheKey: "test", ...extra });

describe.each(KALLIOPE_VARIANTS)("a PBX $name", ({ options }) => {
  beforeAll(async () => {
    // Opening the embedded database is slow the first time: do it under the hook's time limit, not a test's.
    await freshDatabase();
    sim = await startKalliopeSimulator({
      port: 0,
      callsPerDay: 60,
      days: 5,
      dailyVariation: false,
      ...options,
    });
    http = new HttpClient({
      baseUrl: sim.baseUrl,
      tls: { mode: "verify" },
      connectTimeoutMs: 2000,
      readTimeoutMs: 10_000,
    });
  });
  afterAll(async () => {
    await http.close();
    await sim.close();
  });
  beforeEach(() => {
    resetKalliopeCaches();
    forgetParsedDays();
  });
  afterEach(() => {
    sim.clock.offsetMs = 0;
  });

  describe("KalliopeClient against the simulator", () => {
    it("fetches a whole day (detailed) equal to the PBX's records, paths included", async () => {
      const day = dayBefore(1);
      const calls = await client().fetchDay(day);
      const dayNumber = Math.floor(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
      const stored = sim.cdr.callsForDay("default", dayNumber);
      expect(calls.map((c) => c.id)).toEqual(stored.map((c) => c.summary.id));
      expect(calls.every((c) => c.startTime.startsWith(day))).toBe(true);
      // Every step of every call's path, whichever way the PBX lays the path out.
      expect(calls.map((c) => c.path.map((step) => step.destinationType))).toEqual(
        stored.map((c) => c.details.map((step) => step.detail_destination_type)),
      );
      expect(calls.some((c) => c.path.length > 1)).toBe(true);
    });

    it("fetches a sub-day window by POST begin/end and one call by unique id", async () => {
      const day = dayBefore(1);
      const calls = await client().fetchWindow({ begin: `${day} 09:00:00`, end: `${day} 10:59:59` });
      expect(calls.length).toBeGreaterThan(0);
      for (const call of calls)
        expect(call.startTime >= `${day} 09:00:00` && call.startTime <= `${day} 10:59:59`).toBe(true);
      const target = calls[0];
      const one = await client().fetchWindow({
        begin: `${day} 00:00:00`,
        end: `${day} 23:59:59`,
        uniqueId: target?.id,
      });
      expect(one.map((c) => c.id)).toEqual([target?.id]);
    });

    it("shows masked numbers as the PBX sends them to a user without privacy rights", async () => {
      const calls = await client({
        credentials: { username: "admin", password: "admin", domain: "default" },
      }).fetchDay(dayBefore(1));
      expect(calls.some((c) => /xxx$/.test(c.caller) || /xxx$/.test(c.called))).toBe(true);
    });

    it("signs concurrent requests with distinct nonces (all accepted)", async () => {
      const before = sim.rememberedNonces();
      const failures = sim.authFailures.length;
      const c = client();
      await Promise.all(
        Array.from({ length: 12 }, () =>
          c.fetchWindow({ begin: `${dayBefore(1)} 12:00:00`, end: `${dayBefore(1)} 12:00:10` }),
        ),
      );
      expect(sim.rememberedNonces() - before).toBe(12);
      expect(sim.authFailures.length).toBe(failures);
    });

    it("recovers from a refused replayed nonce with a new one", async () => {
      const nonces = ["aaaaaaaa11111111", "aaaaaaaa11111111", "bbbbbbbb22222222"];
      const c = client({ nonce: () => nonces.shift() ?? "cccccccc33333333" });
      await c.fetchDay(dayBefore(1));
      const calls = await c.fetchDay(dayBefore(1));
      expect(calls.length).toBeGreaterThan(0);
      expect(sim.authFailures.at(-1)?.reason).toBe("replayed-nonce");
    });

    it("works with the PBX clock 4 minutes off, and signs on the PBX's time after a refusal", async () => {
      sim.clock.offsetMs = 4 * 60_000;
      const nonces = ["dddddddd44444444", "dddddddd44444444"];
      const c = client({
        nonce: () => nonces.shift() ?? Math.random().toString(16).slice(2).padEnd(16, "0"),
      });
      await c.fetchDay(dayBefore(1));
      // The replay is refused; the PBX's Date shows the 4 minutes, which the client adopts from then on.
      await c.fetchDay(dayBefore(1));
      expect(Math.abs(c.pbxNow() - sim.clock.now())).toBeLessThan(3_000);
    });

    it("reports a PBX clock 10 minutes off as a clock error", async () => {
      sim.clock.offsetMs = -10 * 60_000;
      const error = await client()
        .fetchDay(dayBefore(1))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VendorError);
      expect((error as VendorError).outcome).toBe("clock_skew");
      expect((error as VendorError).message).toMatch(/10 minutes behind/);
    });

    it("fetches the salt again after a refusal and then reports wrong credentials", async () => {
      const logins = sim.stats.logins;
      const error = await client({ credentials: { ...credentials(), password: "wrong" } })
        .fetchDay(dayBefore(1))
        .catch((e: unknown) => e);
      expect((error as VendorError).outcome).toBe("wrong_credentials");
      expect(sim.stats.logins - logins).toBe(2);
    });

    it("answers a request the PBX refuses for itself (an impossible date) once, not as a credential problem", async () => {
      const requests = sim.stats.requests;
      const error = await client()
        .fetchDayAnswer("2024-13-01", "summary")
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VendorError);
      expect((error as VendorError).outcome).toBe("unexpected_response");
      expect((error as VendorError).message).toMatch(/HTTP 400 to the call records request for 2024-13-01/);
      // A 400 that may be a refused signature is retried once and probed once; the salt fetches add two.
      expect(sim.stats.requests - requests).toBeLessThanOrEqual(5);
    });
  });

  describe("the CDR day cache", () => {
    it("fetches past days once, serves them from memory or the database after, and refreshes today", async () => {
      const db = await freshDatabase();
      const source = { db, client: client(), connectionId: "c1", cacheKey: "c1:key" };
      const first: DayFetchStats = { fromPbx: 0, fromDatabase: 0, fromMemory: 0 };
      const days = await callsForDays(source, dayBefore(3), TODAY, first);
      expect(days).toHaveLength(4);
      expect(first).toEqual({ fromPbx: 4, fromDatabase: 0, fromMemory: 0 });

      const requests = sim.stats.requests;
      const second: DayFetchStats = { fromPbx: 0, fromDatabase: 0, fromMemory: 0 };
      await callsForDays(source, dayBefore(4), dayBefore(1), second);
      expect(second).toEqual({ fromPbx: 1, fromDatabase: 0, fromMemory: 3 });
      expect(sim.stats.requests - requests).toBe(1);

      // The database copy is written after the answer; the next process (here: a cleared memory) reads it.
      await cacheWritesSettled();
      forgetParsedDays();
      const third: DayFetchStats = { fromPbx: 0, fromDatabase: 0, fromMemory: 0 };
      const again = await callsForDays(source, dayBefore(3), TODAY, third);
      expect(third).toEqual({ fromPbx: 1, fromDatabase: 3, fromMemory: 0 });
      expect(again.slice(0, 3)).toEqual(days.slice(0, 3));
    });

    it("caps the range one query may pull and says so", async () => {
      const db = await freshDatabase();
      const source = { db, client: client(), connectionId: "c1", cacheKey: "c1:key" };
      await expect(callsForDays(source, dayBefore(MAX_RANGE_DAYS), TODAY)).rejects.toThrow(
        new RegExp(`at most ${MAX_RANGE_DAYS} days`),
      );
    });
  });

  describe("concurrent queries over the same uncached days", () => {
    it("fetch each day from the PBX once", async () => {
      const db = await freshDatabase();
      const source = { db, client: client(), connectionId: "c2", cacheKey: "c2:key" };
      const requests = sim.stats.requests - sim.stats.logins;
      const [a, b] = await Promise.all([
        callsForDays(source, dayBefore(3), dayBefore(1)),
        callsForDays(source, dayBefore(3), dayBefore(1)),
      ]);
      expect(a).toEqual(b);
      // Salt fetches count as requests too; only the signed CDR requests matter here.
      expect(sim.stats.requests - sim.stats.logins - requests).toBe(3);
    });
  });
});
