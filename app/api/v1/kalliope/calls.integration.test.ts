import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CallPageDto, CallStatsDto, KalliopeCall } from "@/lib/api/kalliope";
import { installFileConnections } from "@/lib/server/connections/file-source";
import { forgetParsedDays } from "@/lib/server/vendors/kalliope/cdr-days";
import { type RunningKalliopeSimulator, startKalliopeSimulator } from "@/simulators/kalliope/simulator";
import { KALLIOPE_VARIANTS } from "@/simulators/kalliope/variants";
import { connectionFor } from "@/testing/connection-fixtures";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";
import { POST as CREATE_CONNECTION } from "../connections/route";
import { GET as GET_ONE } from "./[connectionId]/calls/[callId]/route";
import { GET as EXPORT } from "./[connectionId]/calls/export/route";
import { GET as LIST } from "./[connectionId]/calls/route";
import { GET as STATS } from "./[connectionId]/calls/stats/route";

process.env.CONSOLE_SECRET_KEY ??= "integration-test-master-key-integration-test";

const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const D1 = day(2);
const D2 = day(1);

let simulator: RunningKalliopeSimulator;
let admin: string;
let viewer: string;
let connectionId: string;
let counter = 0;
/** The simulator's own records of D1..D2, as the console's DTO, to check the filters against. */
let known: KalliopeCall[];

/** The simulator's records of D1..D2 as the console's DTO (path steps as their destination types). */
function knownCalls(): KalliopeCall[] {
  return [D1, D2].flatMap((d) =>
    simulator.cdr
      .callsForDay("default", Math.floor(Date.parse(`${d}T00:00:00Z`) / 86_400_000))
      .map(({ summary: s, details }) => ({
        id: s.id,
        source: s.source,
        destination: s.destination,
        startTime: s.start_time,
        answerTime: s.answer_time,
        endTime: s.end_time,
        accountCode: s.account_code,
        caller: s.caller,
        called: s.called,
        gateway: s.gateway_name,
        status: s.status,
        answeredBy: s.answered_by,
        billSeconds: s.bill_secs,
        durationSeconds: s.duration,
        path: details.map((step) => ({ destinationType: step.detail_destination_type }) as never),
      })),
  );
}

async function list(query: string): Promise<CallPageDto> {
  const response = await call(LIST, {
    path: query.includes("from=") ? `/x?${query}` : `/x?from=${D1}&to=${D2}&${query}`,
    headers: { cookie: viewer },
    params: { connectionId },
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

const ids = (calls: { id: string }[]) => calls.map((c) => c.id).sort();

describe.each(KALLIOPE_VARIANTS)("call records through the BFF, a PBX $name", ({ options }) => {
  beforeAll(async () => {
    simulator = await startKalliopeSimulator({
      port: 0,
      callsPerDay: 400,
      days: 4,
      dailyVariation: false,
      ...options,
    });
    known = knownCalls();
    // The database and its people live as long as one PBX variant; each test gets its own connection.
    const db = await freshDatabase();
    installFileConnections([]);
    admin = (await userWithSession(db, "admin")).cookie;
    viewer = (await userWithSession(db, "viewer")).cookie;
  }, 60_000);
  afterAll(async () => {
    await simulator?.close();
  });

  beforeEach(async () => {
    forgetParsedDays();
    connectionId = `pbx-${++counter}-${Date.now().toString(36)}`;
    const response = await call(CREATE_CONNECTION, {
      method: "POST",
      headers: { cookie: admin },
      body: connectionFor(simulator, { id: connectionId }),
    });
    expect(response.status).toBe(201);
  });

  it("applies every filter exactly as the known data says", async () => {
    const withCaller = known.find((c) => c.caller.length >= 6) as KalliopeCall;
    const part = withCaller.caller.slice(1, 4);
    const cases: Array<[string, (c: KalliopeCall) => boolean]> = [
      ["status=OK,BUSY", (c) => c.status === "OK" || c.status === "BUSY"],
      [
        `caller=${withCaller.caller.slice(0, 3)}&callerMode=begins`,
        (c) => c.caller.startsWith(withCaller.caller.slice(0, 3)),
      ],
      [`caller=${part}&callerMode=contains`, (c) => c.caller.includes(part)],
      [
        `caller=${withCaller.caller.slice(-3)}&callerMode=ends`,
        (c) => c.caller.endsWith(withCaller.caller.slice(-3)),
      ],
      [`caller=${withCaller.caller}&callerMode=exact`, (c) => c.caller === withCaller.caller],
      [`called=2&calledMode=not`, (c) => !c.called.includes("2")],
      ["source=ibl", (c) => c.source === "ibl"],
      ["destination=queue", (c) => c.destination === "queue"],
      ["gateway=TIM", (c) => c.gateway.toLowerCase().includes("tim")],
      ["accountCode=COMM", (c) => c.accountCode === "COMM"],
      ["answeredBy=20", (c) => c.answeredBy.includes("20")],
      ["minDuration=60&maxDuration=300", (c) => c.durationSeconds >= 60 && c.durationSeconds <= 300],
      ["minBill=1&maxBill=30", (c) => c.billSeconds >= 1 && c.billSeconds <= 30],
      [`uniqueId=${withCaller.id}`, (c) => c.id === withCaller.id],
      [
        `from=${D2}T09:00&to=${D2}T11:30`,
        (c) => c.startTime >= `${D2} 09:00:00` && c.startTime <= `${D2} 11:30:59`,
      ],
    ];
    for (const [query, keep] of cases) {
      const page = await list(`${query}&pageSize=500`);
      const expected = known.filter(keep);
      expect(page.totalItems, query).toBe(expected.length);
      if (expected.length <= 500) expect(ids(page.items), query).toEqual(ids(expected));
    }
    expect((await list("status=OK")).totalItems).toBeGreaterThan(0);
  });

  it("sorts by any column, pages stably, and pulls each past day from the PBX once", async () => {
    const first = await list("sort=durationSeconds&dir=desc&pageSize=100");
    expect(first.range.fromPbx).toBe(2);
    const durations = first.items.map((c) => c.durationSeconds);
    expect(durations).toEqual([...durations].sort((a, b) => b - a));
    expect(durations[0]).toBe(Math.max(...known.map((c) => c.durationSeconds)));
    const byCaller = await list("sort=caller&dir=asc&pageSize=50&page=2");
    const callers = byCaller.items.map((c) => c.caller);
    expect(callers).toEqual([...callers].sort());
    expect(byCaller.range.fromPbx).toBe(0);
    const all = [];
    for (let page = 1; page <= Math.ceil(known.length / 500); page++)
      all.push(...(await list(`sort=status&page=${page}&pageSize=500`)).items);
    expect(ids(all)).toEqual(ids(known));
  });

  it("refuses a range beyond the cap with a message naming it", async () => {
    const response = await call(LIST, {
      path: `/x?from=2020-01-01&to=2020-12-31`,
      headers: { cookie: viewer },
      params: { connectionId },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/at most 62 days/);
  });

  it("returns one call with its path", async () => {
    const target = known.find((c) => c.path.length > 2) as KalliopeCall;
    const response = await call(GET_ONE, {
      headers: { cookie: viewer },
      params: { connectionId, callId: target.id },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as KalliopeCall;
    expect(body.caller).toBe(target.caller);
    // The whole path, step by step, whichever way the PBX lays `detailed` out.
    expect(body.path.map((step) => step.destinationType)).toEqual(
      target.path.map((step) => step.destinationType),
    );
    const missing = await call(GET_ONE, {
      headers: { cookie: viewer },
      params: { connectionId, callId: `${Math.floor(Date.parse(`${D1}T00:00:00Z`) / 1000)}.99999` },
    });
    expect(missing.status).toBe(404);
  });

  it("returns a call of today (not cached) by asking the PBX for its unique id", async () => {
    const now = new Date(Date.now() - 10 * 60_000).toISOString().replace("T", " ").slice(0, 19);
    const today = simulator.cdr
      .callsForDay("default", Math.floor(Date.now() / 86_400_000))
      .find((c) => c.summary.end_time < now && c.details.length > 0);
    // Just after midnight the simulator has no finished call today yet.
    if (!today) return;
    const requests = simulator.stats.requests;
    const response = await call(GET_ONE, {
      headers: { cookie: viewer },
      params: { connectionId, callId: today.summary.id },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as KalliopeCall;
    expect(body.id).toBe(today.summary.id);
    expect(body.path).toHaveLength(today.details.length);
    expect(simulator.stats.requests).toBeGreaterThan(requests);
  });

  it("sums the filtered set", async () => {
    const response = await call(STATS, {
      path: `/x?from=${D1}&to=${D2}&source=ibl`,
      headers: { cookie: viewer },
      params: { connectionId },
    });
    const stats = (await response.json()) as CallStatsDto;
    const set = known.filter((c) => c.source === "ibl");
    expect(stats.calls).toBe(set.length);
    expect(stats.answered).toBe(set.filter((c) => c.status === "OK").length);
    expect(stats.totalDurationSeconds).toBe(set.reduce((s, c) => s + c.durationSeconds, 0));
    expect(stats.bucket).toBe("hour");
    expect(stats.buckets.reduce((s, b) => s + b.total, 0)).toBe(set.length);
  });

  it("exports exactly the filtered set as CSV", async () => {
    const response = await call(EXPORT, {
      path: `/x?from=${D1}&to=${D2}&status=OK,NOANSWER&sort=id&dir=asc`,
      headers: { cookie: viewer },
      params: { connectionId },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    const lines = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    const expected = known.filter((c) => c.status === "OK" || c.status === "NOANSWER");
    expect(lines[0]).toMatch(/^id,startTime/);
    expect(lines).toHaveLength(expected.length + 1);
    expect(response.headers.get("x-total-count")).toBe(String(expected.length));
    expect(
      lines
        .slice(1)
        .map((l) => l.split(",")[0])
        .sort(),
    ).toEqual(ids(expected));
  });
});
