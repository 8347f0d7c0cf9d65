import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import path from "node:path";
import { nextStartArguments } from "@/scripts/next-start";
import { reportOnSignalOptions } from "./memory";

/**
 * The console under load: the production build, started with `next start` in its own session (so the bench
 * can stop its whole process group) on a fresh data directory with the demo accounts and a connections file.
 * It runs from a private copy of `.next`, so a rebuild in the working tree during a long soak cannot pull the
 * files from under the running server.
 */

const REPO = process.cwd();
const NEXT_BIN = path.join(REPO, "node_modules/next/dist/bin/next");
/** What `next start` needs beside the build output, linked rather than copied. */
const LINKED = ["node_modules", "drizzle", "lib", "public", "package.json", "next.config.mjs"];

/**
 * Builds if there is no build yet, then copies the build into `appDir`. BENCH_LOCK names a lock file (e.g.
 * /tmp/e2e.lock) to hold while building and copying, when other work may build in the same tree.
 */
export function prepareBuild(appDir: string): void {
  const script = [
    `test -f .next/BUILD_ID || "${process.execPath}" "${NEXT_BIN}" build >&2`,
    `tar -C . --exclude=.next/cache --exclude=.next/dev -cf - .next | tar -C "${appDir}" -xf -`,
  ].join(" && ");
  const lock = process.env.BENCH_LOCK;
  const [command, args] = lock ? ["flock", [lock, "sh", "-c", script]] : ["sh", ["-c", script]];
  mkdirSync(appDir, { recursive: true });
  const result = spawnSync(command, args, {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("building or copying the console failed (see above)");
  for (const name of LINKED)
    if (existsSync(path.join(REPO, name))) symlinkSync(path.join(REPO, name), path.join(appDir, name));
}

/**
 * BENCH_CONSOLE_NODE_ARGS passes flags to the console's Node.js, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to
 * see where the console spends its time under load (Node refuses those flags in NODE_OPTIONS).
 */
const nodeArguments = () => process.env.BENCH_CONSOLE_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];

export interface ConsoleServer {
  baseUrl: string;
  /** The process that serves requests (the one whose memory is sampled). */
  serverPid: number;
  logFile: string;
  reportDirectory: string;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fields of /proc/<pid>/stat that the bench reads, counted from the state (field 3 in proc(5)) as 0. */
const STAT = { processGroup: 2, userTime: 11, systemTime: 12 } as const;

/** /proc/<pid>/stat after the command name, which may itself contain spaces and parentheses. */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

function processGroupMembers(pgid: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        return Number(statFields(pid)[STAT.processGroup]) === pgid;
      } catch {
        return false;
      }
    });
}

function rssOf(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

export async function startConsole(options: {
  appDir: string;
  dataDir: string;
  port: number;
  connectionsFile: string;
}): Promise<ConsoleServer> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const logFile = path.join(options.dataDir, "console.log");
  const reportDirectory = path.join(options.dataDir, "reports");
  mkdirSync(reportDirectory, { recursive: true });
  const log = openSync(logFile, "a");
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArguments(), ...nextStartArguments(NEXT_BIN, options.port, "127.0.0.1")],
    {
      cwd: options.appDir,
      detached: true, // setsid: its own session and process group
      stdio: ["ignore", log, log],
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATA_DIR: options.dataDir,
        DEMO_ACCOUNTS: "1",
        CONNECTIONS_FILE: options.connectionsFile,
        // The simulators listen on 127.0.0.1.
        ALLOW_LOOPBACK_CONNECTIONS: "1",
        NEXTAUTH_URL: baseUrl,
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_OPTIONS: reportOnSignalOptions(reportDirectory),
      },
    },
  );
  const pgid = child.pid!;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-pgid, "SIGTERM");
    await Promise.race([exited, sleep(10_000)]);
    if (child.exitCode === null) process.kill(-pgid, "SIGKILL");
  };

  for (let waited = 0; ; waited += 500) {
    if (child.exitCode !== null) throw new Error(`the console exited (${child.exitCode}); see ${logFile}`);
    if (waited > 120_000) {
      await stop();
      throw new Error(`the console was not ready within two minutes; see ${logFile}`);
    }
    const ready = await fetch(`${baseUrl}/api/ready`).catch(() => undefined);
    if (ready?.ok) break;
    await sleep(500);
  }
  // `next start` may serve from a child process: sample the biggest process of the group.
  const serverPid = processGroupMembers(pgid).sort((a, b) => rssOf(b) - rssOf(a))[0] ?? pgid;
  return { baseUrl, serverPid, logFile, reportDirectory, stop };
}

/** CPU time the process has used so far (user and system), in milliseconds, from /proc/<pid>/stat. */
function cpuMilliseconds(pid: number): number {
  const fields = statFields(pid);
  // In clock ticks of 10 ms.
  return (Number(fields[STAT.userTime]) + Number(fields[STAT.systemTime])) * 10;
}

/**
 * Waits until the console has used under a tenth of a core for a whole second, at most `maxSeconds`: after a
 * load run it still answers the requests whose clients gave up, and stores what it fetched, so a figure
 * measured at once would read that work as its own. Returns the seconds waited.
 */
export async function settled(server: ConsoleServer, maxSeconds = 60): Promise<number> {
  const started = Date.now();
  let before = cpuMilliseconds(server.serverPid);
  while (Date.now() - started < maxSeconds * 1000) {
    await sleep(1000);
    const now = cpuMilliseconds(server.serverPid);
    if (now - before < 100) break;
    before = now;
  }
  return (Date.now() - started) / 1000;
}
