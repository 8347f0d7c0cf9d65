import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { MemorySample } from "./stats";

/**
 * Memory of the console process, read from outside it: resident set size from /proc, and the V8 heap from
 * a Node.js diagnostic report the process writes when sent SIGUSR2 (started with --report-on-signal). No
 * endpoint in the console exposes memory, and the bench adds none.
 */

export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

/** Options for the console's NODE_OPTIONS so it writes a report into `directory` on SIGUSR2. */
export const reportOnSignalOptions = (directory: string) =>
  `--report-on-signal --report-signal=SIGUSR2 --report-directory=${directory} --report-compact`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks for a report and reads the heap in use from it; undefined if none arrives within two seconds. */
export async function heapUsedBytes(pid: number, directory: string): Promise<number | undefined> {
  for (const file of readdirSync(directory)) rmSync(path.join(directory, file), { force: true });
  process.kill(pid, "SIGUSR2");
  for (let waited = 0; waited < 2000; waited += 100) {
    await sleep(100);
    const file = readdirSync(directory).find((name) => name.endsWith(".json"));
    if (!file) continue;
    try {
      const report = JSON.parse(readFileSync(path.join(directory, file), "utf8")) as {
        javascriptHeap?: { usedMemory?: number };
      };
      rmSync(path.join(directory, file), { force: true });
      return report.javascriptHeap?.usedMemory;
    } catch {
      // The report is still being written; read it on the next turn.
    }
  }
  return undefined;
}

export async function sampleMemory(
  pid: number,
  reportDirectory: string,
  atSeconds: number,
): Promise<MemorySample> {
  return { atSeconds, rssBytes: rssBytes(pid), heapUsedBytes: await heapUsedBytes(pid, reportDirectory) };
}
