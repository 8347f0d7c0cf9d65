import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ConnectionDto, ConnectionTestResultDto } from "@/lib/api/connections";
import { installFileConnections } from "@/lib/server/connections/file-source";
import type { Database } from "@/lib/server/db/client";
import { connections } from "@/lib/server/db/schema";
import { consoleVault } from "@/lib/server/vault/vault";
import type { RunningSimulator } from "@/simulators/shared/types";
import { connectionFor, startSmallSimulator } from "@/testing/connection-fixtures";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";
import { GET as GET_ONE, PATCH } from "./[id]/route";
import { POST as TEST } from "./[id]/test/route";
import { GET, POST } from "./route";

/**
 * Kiwire signs in its local time and KalliopePBX's call times carry no zone: the zone is required, a
 * connection saved before that keeps working on UTC and is flagged, and a test compares the clocks.
 */

process.env.CONSOLE_SECRET_KEY ??= "integration-test-master-key-integration-test";

let kalliope: RunningSimulator;
let kiwire: RunningSimulator;
beforeAll(async () => {
  [kalliope, kiwire] = await Promise.all([
    startSmallSimulator("kalliope", false),
    startSmallSimulator("kiwire", false),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([kalliope, kiwire].map((simulator) => simulator?.close()));
});
afterEach(() => {
  kalliope.clock.offsetMs = 0;
  kiwire.clock.offsetMs = 0;
});

let db: Database;
let admin: string;
beforeEach(async () => {
  db = await freshDatabase();
  installFileConnections([]);
  admin = (await userWithSession(db, "admin")).cookie;
});

async function test(id: string): Promise<ConnectionTestResultDto> {
  const response = await call(TEST, { method: "POST", headers: { cookie: admin }, params: { id } });
  expect(response.status).toBe(200);
  return response.json();
}

/** A KalliopePBX connection as it was stored before the zone was required: no timeZone in its settings. */
async function storeWithoutZone(id: string): Promise<void> {
  const { password, ...credentials } = kalliope.credentials;
  await db.insert(connections).values({
    id,
    kind: "kalliope",
    name: "Saved last year",
    settings: {
      baseUrl: kalliope.baseUrl,
      tls: { mode: "insecure" },
      timeouts: { connectMs: 5000, readMs: 30000 },
      ...credentials,
    },
    secrets: { password: consoleVault().seal(password ?? "", { connectionId: id, field: "password" }) },
    createdBy: "test",
  });
}

describe("the appliance's zone", () => {
  it("is required when a Kiwire or KalliopePBX connection is added", async () => {
    for (const simulator of [kalliope, kiwire]) {
      const { timeZone: _zone, ...withoutZone } = connectionFor(simulator) as Record<string, unknown>;
      const response = await call(POST, { method: "POST", headers: { cookie: admin }, body: withoutZone });
      expect(response.status, simulator.kind).toBe(400);
      expect((await response.json()).error.details).toEqual([
        { field: "timeZone", message: expect.stringContaining("IANA time zone") },
      ]);
    }
  });

  it("is missing on a connection saved before: it loads, works on UTC, is flagged, and an edit asks for it", async () => {
    await storeWithoutZone("old-pbx");
    const listed: ConnectionDto[] = (await (await call(GET, { headers: { cookie: admin } })).json()).items;
    expect(listed).toHaveLength(1);
    expect(listed[0]?.settings).not.toHaveProperty("timeZone");
    const one = await call(GET_ONE, { headers: { cookie: admin }, params: { id: "old-pbx" } });
    expect(one.status).toBe(200);

    const result = await test("old-pbx");
    expect(result).toMatchObject({ ok: true, clock: { timeZone: null } });
    expect(result.clock?.problem).toContain("No time zone is set");

    const patch = (body: unknown) =>
      call(PATCH, { method: "PATCH", headers: { cookie: admin }, params: { id: "old-pbx" }, body });
    const renamed = await patch({ kind: "kalliope", name: "Renamed" });
    expect(renamed.status).toBe(400);
    expect((await renamed.json()).error.details).toEqual([
      { field: "timeZone", message: expect.stringContaining("saved without one") },
    ]);
    const zoned = await patch({ kind: "kalliope", name: "Renamed", timeZone: "Europe/Rome" });
    expect(zoned.status).toBe(200);
    expect((await zoned.json()).settings).toMatchObject({ timeZone: "Europe/Rome" });
    expect((await test("old-pbx")).clock).toMatchObject({ timeZone: "Europe/Rome", problem: null });
  });
});

describe("test connection compares the clocks", () => {
  it("shows the appliance's clock, its wall clock in the zone, and what a difference breaks", async () => {
    const created = await call(POST, {
      method: "POST",
      headers: { cookie: admin },
      body: connectionFor(kalliope, { id: "pbx", timeZone: "Asia/Tokyo" }),
    });
    expect(created.status).toBe(201);
    kalliope.clock.offsetMs = 3 * 60_000;
    const ahead = await test("pbx");
    // Within X-authenticate's 5 minutes the login works, but days are cut 3 minutes apart.
    expect(ahead.ok).toBe(true);
    expect(ahead.clock?.skewSeconds).toBeGreaterThanOrEqual(178);
    expect(ahead.clock?.skewSeconds).toBeLessThanOrEqual(182);
    expect(ahead.clock?.timeZone).toBe("Asia/Tokyo");
    const applianceMs = Date.parse(ahead.clock?.applianceTime ?? "");
    const tokyo = new Date(applianceMs + 9 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");
    expect(ahead.clock?.applianceWallClock).toBe(tokyo);
    expect(ahead.clock?.problem).toContain("within 3 minutes of midnight land on the neighbouring day");
    expect(ahead.clock?.problem).not.toContain("X-authenticate");

    kalliope.clock.offsetMs = 10 * 60_000;
    const far = await test("pbx");
    expect(far).toMatchObject({ ok: false, outcome: "clock_skew" });
    expect(far.clock?.problem).toContain("beyond the 5 minutes X-authenticate allows");
  });

  it("does the same for Kiwire", async () => {
    await call(POST, {
      method: "POST",
      headers: { cookie: admin },
      body: connectionFor(kiwire, { id: "hotspot" }),
    });
    const result = await test("hotspot");
    expect(result).toMatchObject({ ok: true, clock: { timeZone: "UTC", skewSeconds: 0, problem: null } });
  });
});
