import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CallDto, CallPageDto } from "@/lib/api/kalliope";
import { installFileConnections } from "@/lib/server/connections/file-source";
import { forgetParsedDays } from "@/lib/server/vendors/kalliope/cdr-days";
import { dayNumberOf } from "@/simulators/kalliope/dates";
import { type RunningKalliopeSimulator, startKalliopeSimulator } from "@/simulators/kalliope/simulator";
import { connectionFor } from "@/testing/connection-fixtures";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";
import { POST as CREATE_CONNECTION } from "../connections/route";
import { GET as GET_ONE } from "./[connectionId]/calls/[callId]/route";
import { GET as LIST } from "./[connectionId]/calls/route";

/**
 * A PBX in Rome: its CDR times are Rome's wall clock, its days Rome's days, daylight saving included. The
 * simulator's data ends on 27 October 2026 and reaches back past 29 March (spring forward); 25 October is
 * the 25-hour day whose 02:xx happens twice.
 */

process.env.CONSOLE_SECRET_KEY ??= "integration-test-master-key-integration-test";

const ZONE = "Europe/Rome";
let simulator: RunningKalliopeSimulator;
let viewer = "";
let admin = "";
let connectionId = "";
let counter = 0;

beforeAll(async () => {
  simulator = await startKalliopeSimulator({
    port: 0,
    timeZone: ZONE,
    today: "2026-10-27",
    days: 220,
    callsPerDay: 300,
    dailyVariation: false,
  });
}, 60_000);
afterAll(async () => {
  await simulator?.close();
});

beforeEach(async () => {
  const db = await freshDatabase();
  forgetParsedDays();
  installFileConnections([]);
  admin = (await userWithSession(db, "admin")).cookie;
  viewer = (await userWithSession(db, "viewer")).cookie;
  connectionId = `rome-${++counter}`;
  const response = await call(CREATE_CONNECTION, {
    method: "POST",
    headers: { cookie: admin },
    body: connectionFor(simulator, { id: connectionId, timeZone: ZONE }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
});

async function list(query: string): Promise<CallPageDto> {
  const response = await call(LIST, {
    path: `/x?${query}`,
    headers: { cookie: viewer },
    params: { connectionId },
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

/** The instant a listed start stands for: its wall-clock time read with its UTC offset. */
const instant = (call: { startTime: string; utcOffset: string }) =>
  Date.parse(`${call.startTime.replace(" ", "T")}${call.utcOffset}`);
const idEpochMs = (id: string) => Number(id.split(".")[0]) * 1000;

describe("a KalliopePBX in another time zone", () => {
  it("lists a DST day's calls with offsets that turn each wall-clock start into its real instant", async () => {
    for (const [day, hours] of [
      ["2026-03-29", 23],
      ["2026-10-25", 25],
    ] as const) {
      const page = await list(`from=${day}&to=${day}&pageSize=500&sort=startTime&dir=asc`);
      const expected = simulator.cdr.callsForDay("default", dayNumberOf(day) ?? 0);
      expect(page.totalItems).toBe(expected.length);
      expect(page.range.timeZone).toBe(ZONE);
      for (const item of page.items) expect(instant(item), item.id).toBe(idEpochMs(item.id));
      const offsets = new Set(page.items.map((item) => item.utcOffset));
      expect(offsets).toEqual(new Set(["+01:00", "+02:00"]));
      // The day's first and last instants are `hours` apart at most.
      const first = Date.parse(`${day}T00:00:00${day.endsWith("29") ? "+01:00" : "+02:00"}`);
      for (const item of page.items) expect(instant(item) - first).toBeLessThan(hours * 3_600_000);
    }
  });

  it("finds a call by id on the PBX's day, not the UTC one", async () => {
    // Just after midnight in Rome it is still the previous day in UTC.
    const early = simulator.cdr
      .callsForDay("default", dayNumberOf("2026-07-01") ?? 0)
      .concat(simulator.cdr.callsForDay("default", dayNumberOf("2026-07-02") ?? 0))
      .find((stored) => stored.summary.start_time.slice(11) < "02:00:00");
    expect(early, "the simulator has a call before 02:00").toBeDefined();
    const id = early?.summary.id ?? "";
    expect(new Date(idEpochMs(id)).toISOString().slice(0, 10)).not.toBe(
      early?.summary.start_time.slice(0, 10),
    );
    const response = await call(GET_ONE, {
      headers: { cookie: viewer },
      params: { connectionId, callId: id },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as CallDto;
    expect(body.startTime).toBe(early?.summary.start_time);
    expect(body.utcOffset).toBe("+02:00");
    expect(instant(body)).toBe(idEpochMs(id));
  });

  it("resolves a preset on the PBX's calendar", async () => {
    const romeToday = new Intl.DateTimeFormat("sv-SE", { timeZone: ZONE }).format(Date.now());
    const page = await list("preset=yesterday");
    const yesterday = new Date(Date.parse(`${romeToday}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(page.range.from).toBe(`${yesterday} 00:00:00`);
    expect(page.range.to).toBe(`${yesterday} 23:59:59`);
  });

  it("refuses an unknown time zone with a message that says what to enter", async () => {
    const response = await call(CREATE_CONNECTION, {
      method: "POST",
      headers: { cookie: admin },
      body: connectionFor(simulator, { id: "rome-bad", timeZone: "Europe/Atlantis" }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { details?: Array<{ field: string; message: string }> };
    };
    expect(body.error.details).toContainEqual(
      expect.objectContaining({ field: "timeZone", message: expect.stringMatching(/IANA time zone/) }),
    );
  });
});
