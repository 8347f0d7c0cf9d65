import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CallPageDto } from "@/lib/api/kalliope";
import { installFileConnections } from "@/lib/server/connections/file-source";
import { kalliopeCdrDays, kayakoStaffMap } from "@/lib/server/db/schema";
import { cacheWritesSettled, forgetParsedDays } from "@/lib/server/vendors/kalliope/cdr-days";
import { type RunningKalliopeSimulator, startKalliopeSimulator } from "@/simulators/kalliope/simulator";
import { connectionFor } from "@/testing/connection-fixtures";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";
import { GET as LIST_CALLS } from "../kalliope/[connectionId]/calls/route";
import { DELETE } from "./[id]/route";
import { POST as CREATE } from "./route";

/**
 * Removing a connection removes what the console kept under its id: the cached KalliopePBX days and Kayako
 * staff mappings in the database (a trigger, migration 0005) and the parsed days in memory.
 */

process.env.CONSOLE_SECRET_KEY ??= "integration-test-master-key-integration-test";

const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
let simulator: RunningKalliopeSimulator;

beforeAll(async () => {
  simulator = await startKalliopeSimulator({ port: 0, callsPerDay: 30, days: 5, dailyVariation: false });
}, 60_000);
afterAll(async () => {
  await simulator?.close();
});

describe("removing a connection", () => {
  it("deletes its cached days, its staff mappings and its in-memory days, and nothing of others", async () => {
    const db = await freshDatabase();
    forgetParsedDays();
    installFileConnections([]);
    const admin = await userWithSession(db, "admin");
    const viewer = (await userWithSession(db, "viewer")).cookie;
    const create = async (id: string) => {
      const response = await call(CREATE, {
        method: "POST",
        headers: { cookie: admin.cookie },
        body: connectionFor(simulator, { id }),
      });
      expect(response.status).toBe(201);
    };
    const list = async (connectionId: string): Promise<CallPageDto> => {
      const response = await call(LIST_CALLS, {
        path: `/x?from=${day(3)}&to=${day(1)}`,
        headers: { cookie: viewer },
        params: { connectionId },
      });
      expect(response.status).toBe(200);
      return response.json();
    };
    await create("pbx-gone");
    await create("pbx-kept");
    expect((await list("pbx-gone")).range.fromPbx).toBe(3);
    expect((await list("pbx-kept")).range.fromPbx).toBe(3);
    await cacheWritesSettled();
    // Staff mappings are keyed by connection id only; "helpdesk-in-file" stands for a file connection's.
    for (const connectionId of ["pbx-gone", "pbx-kept", "helpdesk-in-file"])
      await db.insert(kayakoStaffMap).values({ connectionId, userId: admin.user.id, staffId: 7 });
    const cachedDays = async (id: string) =>
      (await db.select().from(kalliopeCdrDays).where(eq(kalliopeCdrDays.connectionId, id))).length;
    const mappings = async (id: string) =>
      (await db.select().from(kayakoStaffMap).where(eq(kayakoStaffMap.connectionId, id))).length;
    expect(await cachedDays("pbx-gone")).toBe(3);

    const removed = await call(DELETE, {
      method: "DELETE",
      headers: { cookie: admin.cookie },
      params: { id: "pbx-gone" },
    });
    expect(removed.status).toBe(200);

    expect(await cachedDays("pbx-gone")).toBe(0);
    expect(await mappings("pbx-gone")).toBe(0);
    expect(await cachedDays("pbx-kept")).toBe(3);
    expect(await mappings("pbx-kept")).toBe(1);
    expect(await mappings("helpdesk-in-file")).toBe(1);
    // The same id and settings again: neither memory nor the database may still hold the old days.
    await create("pbx-gone");
    expect((await list("pbx-gone")).range.fromPbx).toBe(3);
    expect((await list("pbx-kept")).range.fromPbx).toBe(0);
    // Two connections, three days each, both caches and two sign-ins: more than the default on a busy machine.
  }, 90_000);
});
