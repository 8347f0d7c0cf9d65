/**
 * Every speed figure of docs/benchmarks.md in one run, each beside its anchor measured in the same run on the
 * same machine, so a busy machine moves both and the ratio stays readable:
 *   npm run bench:all -- [--load-seconds 60] [--port 3162] [--skip-load]
 * Starts the simulators at their demo sizes (2,000 extensions, 20,000 vouchers, 92 days of calls) and the
 * production build (building first if there is none; BENCH_LOCK as in bench/load.ts), then measures through
 * HTTP, as a browser or script would:
 *  1. latency, requests interleaved round by round: a bare route handler (`/api/health`), an authenticated
 *     read (`/api/v1/account`), two Kerio extensions pages (one holding groups, whose lines cost a second
 *     appliance call, and one without), and each page asked of the appliance directly (the page holding
 *     groups both with its one page call and with the same two calls the console makes);
 *  2. the Kiwire voucher page at 20,000 vouchers, plain and filtered (anchor: the bare route);
 *  3. the load run at 40 and 100 operators (bench/load/mix.ts: list reads, paced writes), each right after
 *     the bare route's throughput at the same concurrency, with the console's resident memory sampled;
 *  4. the KalliopePBX CSV export of a month, in rows per second.
 * Prints Markdown for docs/benchmarks.md and writes the figures to .data/bench/all-<time>.json. Takes about
 * 7 minutes with a build in place (plus the build).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { Agent, fetch as fetchInsecure } from "undici";
import { type ConsoleServer, prepareBuild, settled, startConsole } from "./load/console-server";
import { rssBytes } from "./load/memory";
import { loadMix, shareConnections } from "./load/mix";
import { type CredentialPools, createOperators } from "./load/operators";
import { runMix } from "./load/run";
import { type SimulatorsProcess, startSimulators, writeConnectionsFile } from "./load/simulators";
import { percentile } from "./load/stats";

/** A page that holds multi-registration groups, so the console also asks for their lines (two calls). */
const KERIO_PAGE = { page: 7, pageSize: 50 };
const KERIO_PAGES_SEARCHED = 40;
/** `lineType` of a multi-registration group (Kerio Operator notes §4.1). */
const MULTI_REGISTRATION_GROUP = 2;
const MIB = 2 ** 20;

function options() {
  const { values } = parseArgs({
    options: {
      "load-seconds": { type: "string" },
      port: { type: "string" },
      "skip-load": { type: "boolean" },
    },
  });
  const number = (name: string, text: string | undefined, fallback: number) => {
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`--${name} must be a whole number above 0, got "${text}"`);
    return value;
  };
  return {
    loadSeconds: number("load-seconds", values["load-seconds"], 60),
    port: number("port", values.port, 3162),
    skipLoad: values["skip-load"] === true,
  };
}

interface Series {
  p50: number;
  p99: number;
  count: number;
}

const summary = (latencies: number[]): Series => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), count: sorted.length };
};

/** One request, read to its last byte; throws on anything but success, so no failure is timed as an answer. */
type Probe = () => Promise<void>;

async function timed(probe: Probe): Promise<number> {
  const started = performance.now();
  await probe();
  return performance.now() - started;
}

const get =
  (url: string, headers: Record<string, string> = {}): Probe =>
  async () => {
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  };

/**
 * Runs every request once per round, in turn, for `rounds` rounds (after `warmUp` unmeasured rounds) or until
 * `maxSeconds` pass: each series then saw the same moments of the machine's load.
 */
async function interleaved(
  requests: Record<string, Probe>,
  settings: { rounds: number; warmUp: number; maxSeconds: number },
): Promise<Record<string, Series>> {
  const latencies: Record<string, number[]> = Object.fromEntries(
    Object.keys(requests).map((name) => [name, []]),
  );
  const started = Date.now();
  for (let round = 0; round < settings.warmUp + settings.rounds; round++) {
    for (const [name, request] of Object.entries(requests)) {
      const elapsed = await timed(request);
      if (round >= settings.warmUp) latencies[name]!.push(elapsed);
    }
    if (round >= settings.warmUp + 5 && Date.now() - started > settings.maxSeconds * 1000) break;
  }
  return Object.fromEntries(Object.entries(latencies).map(([name, values]) => [name, summary(values)]));
}

/**
 * A JSON-RPC session on the Kerio Operator simulator, as the console's client opens one (notes §2), asking for
 * one page of extensions. With `groupLines`, also the second call a page holding multi-registration groups
 * needs (their lines, asked for by the groups' numbers as the console asks), made only when the page holds one.
 */
async function kerioDirect(
  baseUrl: string,
  credentials: { username?: string; password?: string },
  page: number,
  groupLines = false,
): Promise<Probe> {
  // The simulators present self-signed certificates; the console pins them, this anchor only needs the bytes.
  const dispatcher = new Agent({ connect: { rejectUnauthorized: false } });
  const apiUrl = `${baseUrl}/admin/api/jsonrpc/`;
  const rpc = (body: object, headers: Record<string, string> = {}) =>
    fetchInsecure(apiUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, ...body }),
      dispatcher,
    });
  const login = await rpc({
    method: "Session.login",
    params: {
      userName: credentials.username,
      password: credentials.password,
      application: { name: "bench", vendor: "bench", version: "1" },
    },
  });
  const token = ((await login.json()) as { result: { token: string } }).result.token;
  const cookie = login.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const query = {
    conditions: [{ fieldName: "lineType", comparator: "NotEq", value: "1" }],
    combining: "And",
    orderBy: [{ columnName: "telNum", direction: "Asc" }],
    start: (page - 1) * KERIO_PAGE.pageSize,
    limit: KERIO_PAGE.pageSize,
  };
  type Row = { telNum: string; lineType: number };
  const extensions = async (params: object) => {
    const response = await rpc({ method: "Extensions.get", params }, { "x-token": token, cookie });
    const answer = (await response.json()) as { error?: unknown; result?: { sipExtensionList: Row[] } };
    if (answer.error || !answer.result)
      throw new Error(`Extensions.get failed: ${JSON.stringify(answer.error)}`);
    return answer.result.sipExtensionList;
  };
  return async () => {
    const rows = await extensions({ query });
    const groups = rows.filter((row) => row.lineType === MULTI_REGISTRATION_GROUP);
    if (!groupLines || groups.length === 0) return;
    await extensions({
      query: {
        conditions: groups.map((group) => ({ fieldName: "telNum", comparator: "Eq", value: group.telNum })),
        combining: "Or",
        orderBy: [{ columnName: "sipUsername", direction: "Asc" }],
        start: 0,
        limit: -1,
      },
    });
  };
}

interface LoadFigures {
  operators: number;
  bare: { perSecond: number; p99: number };
  reads: { perSecond: number; p50: number; p99: number; count: number };
  writes: { perSecond: number; p50: number; p99: number; count: number };
  failures: { errors: number; timeouts: number; non2xx: number };
  memory: { startMiB: number; peakMiB: number; endMiB: number };
}

async function loadRun(
  server: ConsoleServer,
  pools: CredentialPools,
  endpoints: ReturnType<typeof loadMix>,
  operators: number,
  seconds: number,
): Promise<LoadFigures> {
  console.error(`Settled after ${(await settled(server)).toFixed(0)} s.`);
  console.error(`Bare route throughput at ${operators} connections (10 s)...`);
  const bare = await autocannon({
    url: `${server.baseUrl}/api/health`,
    connections: operators,
    duration: 10,
  });
  console.error(`Mixed load at ${operators} operators (${seconds} s)...`);
  const rss: number[] = [rssBytes(server.serverPid)];
  const sampler = setInterval(() => rss.push(rssBytes(server.serverPid)), 2000);
  const results = await runMix({
    baseUrl: server.baseUrl,
    endpoints,
    connections: shareConnections(endpoints, operators),
    durationSeconds: seconds,
    pools,
  });
  clearInterval(sampler);
  rss.push(rssBytes(server.serverPid));
  const part = (write: boolean) => {
    const latencies = results
      .filter((result) => result.endpoint.write === write)
      .flatMap((r) => r.latenciesMs);
    return { perSecond: latencies.length / seconds, ...summary(latencies) };
  };
  const sum = (key: "errors" | "timeouts" | "non2xx") =>
    results.reduce((total, result) => total + result.result[key], 0);
  return {
    operators,
    bare: { perSecond: bare.requests.average, p99: bare.latency.p99 },
    reads: part(false),
    writes: part(true),
    failures: { errors: sum("errors"), timeouts: sum("timeouts"), non2xx: sum("non2xx") },
    memory: { startMiB: rss[0]! / MIB, peakMiB: Math.max(...rss) / MIB, endMiB: rss.at(-1)! / MIB },
  };
}

const EXPORT_RUNS = 5;
/** Unmeasured exports first, as the latency series have warm-up rounds: the first ones run unoptimised code. */
const EXPORT_WARM_UP = 2;

/** One export of the month, as a browser asks for it (gzip), timed from the request to the last byte. */
async function timedExport(server: ConsoleServer, cookie: string, connectionId: string, month: string) {
  const started = performance.now();
  const response = await fetch(`${server.baseUrl}/api/v1/kalliope/${connectionId}/calls/export?${month}`, {
    headers: { cookie },
  });
  if (!response.ok) throw new Error(`the export answered ${response.status}`);
  let lines = 0;
  for await (const chunk of response.body ?? []) {
    const bytes = chunk as Uint8Array;
    for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  return { rows: lines - 1, rowsPerSecond: (lines - 1) / seconds };
}

/**
 * The month's export, several times one after another: one export is half a second, so a single one reads the
 * machine's moment as much as the console. The median is the figure; every measured run is kept.
 */
async function exportRate(server: ConsoleServer, cookie: string, connectionId: string) {
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const month = `from=${day(30)}&to=${day(0)}`;
  // The first read fetches the month from the PBX; the export is timed once the days are held, and stored in
  // the day cache, and whatever the load runs left behind is done.
  await get(`${server.baseUrl}/api/v1/kalliope/${connectionId}/calls?${month}`, { cookie })();
  console.error(`Settled after ${(await settled(server)).toFixed(0)} s.`);
  for (let run = 0; run < EXPORT_WARM_UP; run++) await timedExport(server, cookie, connectionId, month);
  const runs: Awaited<ReturnType<typeof timedExport>>[] = [];
  for (let run = 0; run < EXPORT_RUNS; run++)
    runs.push(await timedExport(server, cookie, connectionId, month));
  const rates = runs.map((run) => run.rowsPerSecond).sort((a, b) => a - b);
  return {
    rows: runs[0]?.rows ?? 0,
    rowsPerSecond: rates[Math.floor(rates.length / 2)] ?? Number.NaN,
    runs: runs.map((run) => Math.round(run.rowsPerSecond)),
  };
}

// A series with no answers (every request timed out) has no percentiles: shown as "-", not NaN.
const ms = (value: number) =>
  !Number.isFinite(value) ? "-" : value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
const ratio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : "-");
const rate = (value: number) => `${Math.round(value)}/s`;

async function main() {
  const settings = options();
  const workDir = mkdtempSync(path.join(os.tmpdir(), "console-bench-all-"));
  const appDir = path.join(workDir, "app");
  const dataDir = path.join(workDir, "data");
  mkdirSync(dataDir, { recursive: true });
  let simulators: SimulatorsProcess | undefined;
  let server: ConsoleServer | undefined;
  const cleanUp = async () => {
    await server?.stop();
    await simulators?.stop();
    rmSync(process.exitCode ? appDir : workDir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void cleanUp().then(() => process.exit(130)));

  try {
    const loadBefore = os.loadavg()[0]!;
    console.error("Preparing the build...");
    prepareBuild(appDir);
    console.error("Starting the simulators...");
    simulators = await startSimulators();
    const connectionsFile = path.join(dataDir, "connections.json");
    writeConnectionsFile(connectionsFile, simulators.description);
    console.error(`Starting the console on port ${settings.port}...`);
    server = await startConsole({ appDir, dataDir, port: settings.port, connectionsFile });
    const live = server;
    // 20 signed-in operators and 20 operator API tokens: 40 people, one per connection of the 40-operator run;
    // in the 100-operator run each has two or three tabs open. (Each account costs two scrypt hashes, about
    // 1.5 s on an idle 2-core machine: 100 accounts would take most of the run's time budget.)
    console.error("Signing in 20 operators and making 20 API tokens...");
    const pools = await createOperators(live.baseUrl, 20);
    const operatorCookie = pools.next("session").cookie!;
    const asOperator = (pathname: string) => get(`${live.baseUrl}${pathname}`, { cookie: operatorCookie });
    const kerio = simulators.description.simulators.find((simulator) => simulator.kind === "kerio-operator");
    if (!kerio) throw new Error("the simulators did not include Kerio Operator");

    const extensionsPage = (page: number) =>
      `/api/v1/kerio/load-kerio-operator/extensions?page=${page}&pageSize=${KERIO_PAGE.pageSize}&sort=number`;
    // About 5 % of the seeded extensions are groups: a few pages of 50 hold none, and need one call only.
    let singleLinePage: number | undefined;
    for (let page = 1; page <= KERIO_PAGES_SEARCHED && !singleLinePage; page++) {
      const response = await fetch(`${live.baseUrl}${extensionsPage(page)}`, {
        headers: { cookie: operatorCookie },
      });
      if (!response.ok)
        throw new Error(`extensions page ${page} answered ${response.status}: ${await response.text()}`);
      const { items } = (await response.json()) as { items: { multiRegistration: boolean }[] };
      if (items.length > 0 && items.every((item) => !item.multiRegistration)) singleLinePage = page;
    }
    if (!singleLinePage)
      throw new Error(`none of the first ${KERIO_PAGES_SEARCHED} extension pages is free of groups`);

    console.error(
      "Latency: bare route, authenticated read, Kerio extensions pages and the appliance calls...",
    );
    const latency = await interleaved(
      {
        bare: get(`${live.baseUrl}/api/health`),
        account: asOperator("/api/v1/account"),
        extensions: asOperator(extensionsPage(KERIO_PAGE.page)),
        appliance: await kerioDirect(kerio.baseUrl, kerio.credentials, KERIO_PAGE.page),
        applianceWithLines: await kerioDirect(kerio.baseUrl, kerio.credentials, KERIO_PAGE.page, true),
        singleLine: asOperator(extensionsPage(singleLinePage)),
        singleLineAppliance: await kerioDirect(kerio.baseUrl, kerio.credentials, singleLinePage),
      },
      { rounds: 300, warmUp: 10, maxSeconds: 60 },
    );

    console.error("Kiwire voucher page at 20,000 vouchers, plain and filtered...");
    const vouchers = await interleaved(
      {
        bare: get(`${live.baseUrl}/api/health`),
        page: asOperator("/api/v1/kiwire/load-kiwire/vouchers?page=2&pageSize=50"),
        filtered: asOperator("/api/v1/kiwire/load-kiwire/vouchers?status=active&q=A&page=1&pageSize=50"),
      },
      { rounds: 60, warmUp: 2, maxSeconds: 60 },
    );

    const loads: LoadFigures[] = [];
    if (!settings.skipLoad) {
      const profiles = (await (
        await fetch(`${live.baseUrl}/api/v1/kiwire/load-kiwire/profiles`, {
          headers: { cookie: operatorCookie },
        })
      ).json()) as { items: { name: string }[] };
      let extensionNumber = 880_000;
      const isoDay = (date: Date) => date.toISOString().slice(0, 10);
      const endpoints = loadMix({
        connections: {
          kerio: "load-kerio-operator",
          kiwire: "load-kiwire",
          kalliope: "load-kalliope",
          kayako: "load-kayako",
        },
        callDays: { from: isoDay(new Date(Date.now() - 86_400_000)), to: isoDay(new Date()) },
        voucherProfile: profiles.items[0]?.name ?? "",
        nextExtensionNumber: () => String(extensionNumber++),
      });
      for (const endpoint of endpoints) {
        // As an admin, who may read every endpoint of the mix (the audit log is admin-only).
        if (endpoint.warmUpPath)
          await get(`${live.baseUrl}${endpoint.warmUpPath}`, { cookie: pools.adminCookie })().catch(
            () => undefined,
          );
      }
      for (const operators of [40, 100])
        loads.push(await loadRun(live, pools, endpoints, operators, settings.loadSeconds));
    }

    console.error("KalliopePBX export of a month...");
    const exported = await exportRate(live, operatorCookie, "load-kalliope");
    const loadAfter = os.loadavg()[0]!;

    const overhead = latency.account!.p50 - latency.bare!.p50;
    const kerioRatio = latency.extensions!.p50 / (latency.appliance!.p50 + latency.bare!.p50);
    const withLinesRatio = latency.extensions!.p50 / (latency.applianceWithLines!.p50 + latency.bare!.p50);
    const singleLineRatio = latency.singleLine!.p50 / (latency.singleLineAppliance!.p50 + latency.bare!.p50);
    const conditions = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node.js ${process.version}, load average ${loadBefore.toFixed(1)} before and ${loadAfter.toFixed(1)} after (1 min), ${new Date().toISOString().slice(0, 16)}Z.`;
    const lines = [
      conditions,
      "",
      "| figure | measured | anchor (same run) | ratio | target |",
      "|---|---|---|---|---|",
      `| voucher page at 20,000 vouchers, p50 | ${ms(vouchers.page!.p50)} (p99 ${ms(vouchers.page!.p99)}, n=${vouchers.page!.count}) | bare route ${ms(vouchers.bare!.p50)} | ${ratio(vouchers.page!.p50 / vouchers.bare!.p50)} | ≤ 60 ms |`,
      `| filtered voucher page, p50 | ${ms(vouchers.filtered!.p50)} (p99 ${ms(vouchers.filtered!.p99)}) | bare route ${ms(vouchers.bare!.p50)} | ${ratio(vouchers.filtered!.p50 / vouchers.bare!.p50)} | ≤ 100 ms |`,
      `| authenticated read (\`/api/v1/account\`), p50 | ${ms(latency.account!.p50)} (p99 ${ms(latency.account!.p99)}, n=${latency.account!.count}) | bare route ${ms(latency.bare!.p50)} (p99 ${ms(latency.bare!.p99)}) | ${overhead < 0 ? "−" : "+"}${ms(Math.abs(overhead))} | ≤ +3 ms |`,
      `| Kerio extensions page (50 of 2,000, page ${KERIO_PAGE.page}: holds groups, two appliance calls), p50 | ${ms(latency.extensions!.p50)} (p99 ${ms(latency.extensions!.p99)}) | appliance (one call) ${ms(latency.appliance!.p50)} + bare route ${ms(latency.bare!.p50)} | ${ratio(kerioRatio)} | ≤ 1.3× |`,
      `| the same page against both of its appliance calls, made directly | ${ms(latency.extensions!.p50)} | appliance (page and its groups' lines) ${ms(latency.applianceWithLines!.p50)} + bare route ${ms(latency.bare!.p50)} | ${ratio(withLinesRatio)} | ≤ 1.3× |`,
      `| Kerio extensions page (50 of 2,000, page ${singleLinePage}: no groups, one appliance call), p50 | ${ms(latency.singleLine!.p50)} (p99 ${ms(latency.singleLine!.p99)}) | appliance ${ms(latency.singleLineAppliance!.p50)} + bare route ${ms(latency.bare!.p50)} | ${ratio(singleLineRatio)} | ≤ 1.3× |`,
      ...loads.map(
        (load) =>
          `| ${load.operators} operators, mixed list reads | p50 ${ms(load.reads.p50)}, p99 ${ms(load.reads.p99)}, ${rate(load.reads.perSecond)} (writes p99 ${ms(load.writes.p99)}, ${rate(load.writes.perSecond)}) | bare route ${rate(load.bare.perSecond)}, p99 ${ms(load.bare.p99)} | ${load.bare.perSecond > 0 ? `${(load.reads.perSecond / load.bare.perSecond).toFixed(3)} of bare` : "-"} | ${load.operators === 40 ? "p99 ≤ 400 ms, ≥ 300/s" : "-"} |`,
      ),
      ...loads.map(
        (load) =>
          `| console resident memory, ${load.operators}-operator load (embedded database) | peak ${Math.round(load.memory.peakMiB)} MiB, end ${Math.round(load.memory.endMiB)} MiB | ${Math.round(load.memory.startMiB)} MiB before the run | - | ≤ 450 MiB |`,
      ),
      `| KalliopePBX CSV export (${exported.rows.toLocaleString("en")} rows) | ${rate(exported.rowsPerSecond).replace("/s", " rows/s")} (median of ${exported.runs.join(", ")}) | - | - | ≥ 200,000 rows/s |`,
    ];
    const failures = loads.flatMap((load) =>
      load.failures.errors + load.failures.timeouts + load.failures.non2xx > 0
        ? [`${load.operators} operators: ${JSON.stringify(load.failures)}`]
        : [],
    );
    console.log(lines.join("\n"));
    if (failures.length > 0) console.log(`\nFailed requests during the load: ${failures.join("; ")}`);

    mkdirSync(".data/bench", { recursive: true });
    const file = `.data/bench/all-${new Date().toISOString().replaceAll(":", "-")}.json`;
    writeFileSync(
      file,
      `${JSON.stringify({ conditions, latency, vouchers, loads, export: exported }, null, 2)}\n`,
    );
    console.error(`Figures written to ${file}`);
  } catch (error) {
    process.exitCode = 1; // keeps the console's log for reading
    throw error;
  } finally {
    await cleanUp();
  }
}

main().catch((error: Error) => {
  console.error(`The benchmarks failed: ${error.message}`);
  process.exit(1);
});
