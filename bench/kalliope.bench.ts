import { rmSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { POST as CREATE_CONNECTION } from "@/app/api/v1/connections/route";
import { GET as EXPORT } from "@/app/api/v1/kalliope/[connectionId]/calls/export/route";
import { GET as LIST } from "@/app/api/v1/kalliope/[connectionId]/calls/route";
import { installFileConnections } from "@/lib/server/connections/file-source";
import { database, installTestDatabase, openPglite, openPostgres } from "@/lib/server/db/client";
import { cacheWritesSettled, forgetParsedDays } from "@/lib/server/vendors/kalliope/cdr-days";
import { call, userWithSession } from "@/testing/test-db";
import { peakRssOf, type SimulatorProcess, startSimulatorProcess } from "./kalliope-simulator-process";

/**
 * Run: `npx vitest bench --run bench/kalliope.bench.ts`. The simulator runs in its own process with its
 * default data (92 days, about 300,000 calls), so the memory figures are the console's alone: this process
 * holds the BFF route handlers, the HTTP client, the day cache and the embedded database, as the server does.
 * A one-month query (the last 30 days): the cold first page (every day fetched from the PBX, parsed, stored)
 * once, the first page from the database cache once, the export of the whole month once; then the warm first
 * page and a re-filter as benchmarks. Peak RSS is the kernel's high-water mark (`VmHWM`), also sampled.
 *
 * The database is the server's: an embedded PGlite folder created afresh (as on a console's first start,
 * initdb in a child process), or with `BENCH_DATABASE_URL=postgres://…` that PostgreSQL server (a separate
 * process, as with `DATABASE_URL` in production), so the figure is the console's own working set.
 */

process.env.CONSOLE_SECRET_KEY ??= "bench-master-key-bench-master-key-bench";
process.env.NEXTAUTH_SECRET ??= "bench-auth-secret-bench-auth-secret-0123";

const BENCH_PGLITE_DIR = ".data/bench/pglite";

let simulator: SimulatorProcess;
let cookie = "";
const connectionId = "kalliope-bench";
const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const MONTH = `from=${day(30)}&to=${day(0)}`;
const MB = 1024 * 1024;
const peak = { rss: 0, heap: 0, external: 0 };
function sample() {
  const usage = process.memoryUsage();
  peak.rss = Math.max(peak.rss, usage.rss);
  peak.heap = Math.max(peak.heap, usage.heapUsed);
  peak.external = Math.max(peak.external, usage.external + usage.arrayBuffers);
}
const sampler = setInterval(sample, 20);

async function list(query: string) {
  const response = await call(LIST, {
    path: `/x?${MONTH}&${query}`,
    headers: { cookie },
    params: { connectionId },
  });
  if (response.status !== 200) throw new Error(await response.text());
  return (await response.json()) as { totalItems: number };
}

/**
 * Reads a streamed answer as a browser downloading it would, counting lines, without keeping it: a copy of
 * the whole CSV in this process would be counted as the server's memory.
 */
async function countLines(response: Response): Promise<number> {
  let lines = 0;
  // indexOf, not a loop over every byte: counting byte by byte in JavaScript cost as much as writing the CSV,
  // and the bench then reported its own counting as the console's export speed.
  for await (const chunk of response.body ?? []) {
    const bytes = chunk as Uint8Array;
    for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) lines++;
  }
  return lines;
}

async function timed<T>(job: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await job();
  return [result, performance.now() - started];
}

beforeAll(async () => {
  simulator = await startSimulatorProcess();
  const url = process.env.BENCH_DATABASE_URL;
  rmSync(BENCH_PGLITE_DIR, { recursive: true, force: true });
  installTestDatabase(url ? openPostgres(url) : openPglite(BENCH_PGLITE_DIR));
  const db = await database();
  await db.execute(sql`TRUNCATE users, connections, connection_health, kalliope_cdr_days CASCADE`);
  installFileConnections([]);
  const admin = (await userWithSession(db, "admin")).cookie;
  cookie = (await userWithSession(db, "viewer")).cookie;
  const created = await call(CREATE_CONNECTION, {
    method: "POST",
    headers: { cookie: admin },
    body: {
      kind: "kalliope",
      id: connectionId,
      name: "Bench PBX",
      baseUrl: simulator.baseUrl,
      username: "privacyadmin",
      password: "privacyadmin",
      domain: "default",
      timeZone: "UTC",
      tls: { mode: "insecure" },
    },
  });
  if (created.status !== 201) throw new Error(`connection not created: ${await created.text()}`);
  global.gc?.();
  sample();
  const before = process.memoryUsage();
  const [cold, coldMs] = await timed(() => list("page=1&pageSize=50"));
  sample();
  const afterCold = process.memoryUsage();
  const [, writesMs] = await timed(cacheWritesSettled);
  forgetParsedDays();
  const [, dbMs] = await timed(() => list("page=1&pageSize=50"));
  const [lines, exportMs] = await timed(async () => {
    const response = await call(EXPORT, {
      path: `/x?${MONTH}`,
      headers: { cookie },
      params: { connectionId },
    });
    return countLines(response);
  });
  const rows = lines - 1;
  console.log(
    `[kalliope] ${simulator.totalCalls} calls in the simulator; one month = ${cold.totalItems} calls; database: ${url ? "PostgreSQL" : "PGlite (embedded)"}\n` +
      `[kalliope] before the first query: RSS ${(before.rss / MB).toFixed(0)} MB, heap ${(before.heapUsed / MB).toFixed(0)} MB\n` +
      `[kalliope] cold first page (PBX fetch): ${coldMs.toFixed(0)} ms; cache writes done ${writesMs.toFixed(0)} ms later; first page from the database cache: ${dbMs.toFixed(0)} ms\n` +
      `[kalliope] after the cold query: RSS ${(afterCold.rss / MB).toFixed(0)} MB, heap ${(afterCold.heapUsed / MB).toFixed(0)} MB\n` +
      `[kalliope] export: ${rows} rows in ${exportMs.toFixed(0)} ms = ${Math.round(rows / (exportMs / 1000))} rows/s`,
  );
}, 600_000);

afterAll(async () => {
  clearInterval(sampler);
  sample();
  console.log(
    `[kalliope] console peak RSS ${(peakRssOf("self") / MB).toFixed(0)} MB (sampled ${(peak.rss / MB).toFixed(0)} MB), ` +
      `peak heap ${(peak.heap / MB).toFixed(0)} MB, peak external+buffers ${(peak.external / MB).toFixed(0)} MB; ` +
      `simulator process peak RSS ${(simulator.peakRss() / MB).toFixed(0)} MB`,
  );
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
