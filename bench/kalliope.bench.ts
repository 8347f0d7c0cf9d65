import { afterAll, beforeAll, bench, describe } from "vitest";
import { POST as CREATE_CONNECTION } from "@/app/api/v1/connections/route";
import { GET as EXPORT } from "@/app/api/v1/kalliope/[connectionId]/calls/export/route";
import { GET as LIST } from "@/app/api/v1/kalliope/[connectionId]/calls/route";
import { installFileConnections } from "@/lib/server/connections/file-source";
import { forgetParsedDays } from "@/lib/server/vendors/kalliope/cdr-days";
import { connectionFor } from "@/lib/testing/connection-fixtures";
import { call, freshDatabase, userWithSession } from "@/lib/testing/test-db";
import { type RunningKalliopeSimulator, startKalliopeSimulator } from "@/simulators/kalliope/simulator";

/**
 * Run: `npx vitest bench --run bench/kalliope.bench.ts`. The simulator's default data (92 days, about
 * 300,000 calls); a one-month query (the last 30 days) through the BFF route handlers in-process. The cold
 * first page (every day fetched from the PBX, parsed, stored) is measured once in beforeAll and printed; then
 * the warm first page, a re-filter, and the export of the whole month. Peak RSS is sampled throughout.
 */

process.env.CONSOLE_SECRET_KEY ??= "bench-master-key-bench-master-key-bench";

let simulator: RunningKalliopeSimulator;
let cookie = "";
const connectionId = "kalliope-bench";
const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const MONTH = `from=${day(30)}&to=${day(0)}`;
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

async function list(query: string) {
  const response = await call(LIST, {
    path: `/x?${MONTH}&${query}`,
    headers: { cookie },
    params: { connectionId },
  });
  if (response.status !== 200) throw new Error(await response.text());
  return (await response.json()) as { totalItems: number };
}

beforeAll(async () => {
  simulator = await startKalliopeSimulator({ port: 0 });
  const db = await freshDatabase();
  installFileConnections([]);
  const admin = (await userWithSession(db, "admin")).cookie;
  cookie = (await userWithSession(db, "viewer")).cookie;
  const created = await call(CREATE_CONNECTION, {
    method: "POST",
    headers: { cookie: admin },
    body: connectionFor(simulator, { id: connectionId }),
  });
  if (created.status !== 201) throw new Error(`connection not created: ${await created.text()}`);
  let started = performance.now();
  const cold = await list("page=1&pageSize=50");
  const coldMs = performance.now() - started;
  forgetParsedDays();
  started = performance.now();
  await list("page=1&pageSize=50");
  const dbMs = performance.now() - started;
  started = performance.now();
  const response = await call(EXPORT, { path: `/x?${MONTH}`, headers: { cookie }, params: { connectionId } });
  const text = await response.text();
  const exportMs = performance.now() - started;
  const rows = text.split("\n").length - 2;
  console.log(
    `[kalliope] ${simulator.totalCalls("default")} calls in the simulator; one month = ${cold.totalItems} calls\n` +
      `[kalliope] cold first page (PBX fetch): ${coldMs.toFixed(0)} ms; from the database cache: ${dbMs.toFixed(0)} ms\n` +
      `[kalliope] export: ${rows} rows in ${exportMs.toFixed(0)} ms = ${Math.round(rows / (exportMs / 1000))} rows/s`,
  );
}, 600_000);

afterAll(async () => {
  clearInterval(sampler);
  console.log(`[kalliope] peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
  await simulator?.close();
});

describe("one month of KalliopePBX calls through the BFF", () => {
  bench("warm first page (cached days)", async () => {
    await list("page=1&pageSize=50");
  });
  bench("re-filter (status and caller, sorted by duration)", async () => {
    await list("status=OK,BUSY&caller=05&callerMode=begins&sort=durationSeconds&dir=desc");
  });
});
