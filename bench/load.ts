/**
 * Load and soak bench of the BFF: many operators at once against the vendor simulators.
 *   npm run bench:load -- [--duration 60] [--connections 50] [--people 20] [--port 3161] [--soak 600]
 * Starts the simulators and the production build (building first if there is none; BENCH_LOCK=/tmp/e2e.lock
 * holds that lock while building), signs operators in and makes API tokens, then drives a mix of reads and
 * writes (bench/load/mix.ts) and prints per-endpoint and overall throughput, latency and errors. `--soak N`
 * runs N seconds and judges the console's memory trend. Prints Markdown for docs/benchmarks.md and writes the
 * figures as JSON under .data/bench/. Exits non-zero on any error, timeout or non-2xx answer, or on growth.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { type ConsoleServer, prepareBuild, startConsole } from "./load/console-server";
import { sampleMemory } from "./load/memory";
import { loadMix, shareConnections } from "./load/mix";
import { createOperators } from "./load/operators";
import { loadTable, memoryTable } from "./load/report";
import { runMix } from "./load/run";
import { type SimulatorsProcess, startSimulators, writeConnectionsFile } from "./load/simulators";
import { type MemorySample, memoryTrend } from "./load/stats";

const SAMPLE_EVERY_SECONDS = 10;

function positive(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a whole number above 0, got "${text}"`);
  return value;
}

function options() {
  const { values } = parseArgs({
    options: {
      duration: { type: "string" },
      connections: { type: "string" },
      people: { type: "string" },
      port: { type: "string" },
      soak: { type: "string" },
    },
  });
  const connections = positive("connections", values.connections, 50);
  const soakSeconds = values.soak === undefined ? undefined : positive("soak", values.soak, 600);
  return {
    durationSeconds: soakSeconds ?? positive("duration", values.duration, 60),
    soak: soakSeconds !== undefined,
    connections,
    people: positive("people", values.people, Math.min(20, connections)),
    port: positive("port", values.port, 3161),
  };
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

async function fetchJson<T>(server: ConsoleServer, cookie: string, pathname: string): Promise<T> {
  const response = await fetch(`${server.baseUrl}${pathname}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`GET ${pathname} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function main() {
  const settings = options();
  const workDir = mkdtempSync(path.join(os.tmpdir(), "console-load-"));
  const appDir = path.join(workDir, "app");
  const dataDir = path.join(workDir, "data");
  mkdirSync(dataDir, { recursive: true });
  let simulators: SimulatorsProcess | undefined;
  let server: ConsoleServer | undefined;
  const cleanUp = async () => {
    await server?.stop();
    await simulators?.stop();
    // The data directory holds the console's log: kept when the run failed, so the failure can be read.
    rmSync(process.exitCode ? appDir : workDir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void cleanUp().then(() => process.exit(130)));

  try {
    console.error("Preparing the build...");
    prepareBuild(appDir);
    console.error("Starting the simulators...");
    simulators = await startSimulators();
    const connectionsFile = path.join(dataDir, "connections.json");
    writeConnectionsFile(connectionsFile, simulators.description);
    console.error(`Starting the console on port ${settings.port}...`);
    server = await startConsole({ appDir, dataDir, port: settings.port, connectionsFile });
    console.error(`Signing in ${settings.people} operators and making as many API tokens...`);
    const pools = await createOperators(server.baseUrl, settings.people);

    const profiles = await fetchJson<{ items: { name: string }[] }>(
      server,
      pools.adminCookie,
      "/api/v1/kiwire/load-kiwire/profiles",
    );
    let extensionNumber = 880_000;
    const today = new Date();
    const endpoints = loadMix({
      connections: {
        kerio: "load-kerio-operator",
        kiwire: "load-kiwire",
        kalliope: "load-kalliope",
        kayako: "load-kayako",
      },
      callDays: { from: isoDay(new Date(today.getTime() - 86_400_000)), to: isoDay(today) },
      voucherProfile: profiles.items[0]?.name ?? "",
      nextExtensionNumber: () => String(extensionNumber++),
    });
    const connections = shareConnections(endpoints, settings.connections);
    console.error("Warming up (vendor logins, first fetches)...");
    for (const endpoint of endpoints) {
      if (!endpoint.warmUpPath) continue;
      const response = await fetch(`${server.baseUrl}${endpoint.warmUpPath}`, {
        headers: { cookie: pools.adminCookie },
      });
      await response.arrayBuffer();
      if (!response.ok) console.error(`  warm-up of ${endpoint.name} answered ${response.status}`);
    }

    const samples: MemorySample[] = [];
    const started = Date.now();
    const sample = async () => {
      const current = await sampleMemory(
        server!.serverPid,
        server!.reportDirectory,
        Math.round((Date.now() - started) / 1000),
      );
      samples.push(current);
      if (settings.soak)
        console.error(
          `  ${current.atSeconds}s  RSS ${(current.rssBytes / 2 ** 20).toFixed(0)} MiB  heap ${((current.heapUsedBytes ?? 0) / 2 ** 20).toFixed(0)} MiB  load ${os.loadavg()[0]!.toFixed(1)}`,
        );
    };
    await sample();
    const loadBefore = os.loadavg();
    console.error(
      `Load: ${connections.reduce((a, b) => a + b, 0)} connections for ${settings.durationSeconds} s (load average before: ${loadBefore.map((value) => value.toFixed(2)).join(" ")})...`,
    );
    let sampling = Promise.resolve();
    const timer = setInterval(() => {
      sampling = sampling.then(sample);
    }, SAMPLE_EVERY_SECONDS * 1000);
    const results = await runMix({
      baseUrl: server.baseUrl,
      endpoints,
      connections,
      durationSeconds: settings.durationSeconds,
      pools,
    });
    clearInterval(timer);
    await sampling;
    const loadAfter = os.loadavg();

    const { table, totals } = loadTable(results, settings.durationSeconds);
    const trend = memoryTrend(samples);
    const conditions = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node.js ${process.version}, load average ${loadBefore[0]!.toFixed(1)} before and ${loadAfter[0]!.toFixed(1)} (1 min) / ${loadAfter[2]!.toFixed(1)} (15 min) at the end; ${settings.people} signed-in operators and ${settings.people} operator API tokens, ${settings.durationSeconds} s.`;
    console.log(`\n${conditions}\n\n${table}\n\n${memoryTable(samples, trend)}`);

    mkdirSync(".data/bench", { recursive: true });
    const file = `.data/bench/load-${new Date().toISOString().replaceAll(":", "-")}.json`;
    writeFileSync(
      file,
      `${JSON.stringify(
        {
          settings,
          conditions,
          totals,
          trend,
          samples,
          endpoints: results.map((result) => ({
            name: result.endpoint.name,
            connections: result.connections,
            result: result.result,
          })),
        },
        null,
        2,
      )}\n`,
    );
    console.error(`Figures written to ${file}`);

    // An error the console logged while answering 2xx is still a bug worth reading. "aborted" is a request
    // whose client went away: autocannon closes its connections mid-request when the time is up, and a client
    // giving up earlier is already counted above as a timeout.
    const logLines = readFileSync(server.logFile, "utf8").split("\n");
    const clientAborts = logLines.filter((line) => /Error: aborted/.test(line)).length;
    const loggedErrors = logLines.filter(
      (line) => /error|⨯|unhandled/i.test(line) && !/Error: aborted/.test(line),
    );
    if (clientAborts > 0) console.log(`\nRequests cut off by the end of the run: ${clientAborts}`);
    console.log(`\nConsole log: ${loggedErrors.length} error lines`);
    for (const line of loggedErrors.slice(0, 10)) console.log(`  ${line}`);

    const failures = [
      totals.errors > 0 && `${totals.errors} connection errors (${totals.timeouts} timeouts)`,
      totals.non2xx > 0 && `${totals.non2xx} non-2xx answers ${JSON.stringify(totals.unexpectedStatuses)}`,
      loggedErrors.length > 0 && `${loggedErrors.length} error lines in the console log`,
      trend.verdict === "growth" && "memory grew during the soak",
    ].filter(Boolean);
    if (failures.length > 0) {
      console.error(`\nThe console did not hold up: ${failures.join("; ")}. See ${server.logFile}.`);
      process.exitCode = 1;
    }
  } catch (error) {
    process.exitCode = 1; // keeps the console's log for reading
    throw error;
  } finally {
    await cleanUp();
  }
}

main().catch((error: Error) => {
  console.error(`The load bench failed: ${error.message}`);
  process.exit(1);
});
