import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";

/**
 * The KalliopePBX simulator in its own process, so a bench's memory figures are the console's alone: the
 * simulator generates and serialises every call it sends, which would otherwise count against the console.
 */

export interface SimulatorProcess {
  baseUrl: string;
  /** Calls per tenant over the data window, as the simulator printed it. */
  totalCalls: number;
  /** Peak resident memory of the simulator process so far (Linux `VmHWM`), in bytes; 0 elsewhere. */
  peakRss(): number;
  close(): Promise<void>;
}

export function peakRssOf(pid: number | "self"): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export async function startSimulatorProcess(args: string[] = []): Promise<SimulatorProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "simulators/kalliope/main.ts", ...args],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const { baseUrl, totalCalls } = await new Promise<{ baseUrl: string; totalCalls: number }>(
    (resolve, reject) => {
      let output = "";
      const timer = setTimeout(() => reject(new Error(`simulator did not start:\n${output}`)), 60_000);
      child.once("exit", (code) => reject(new Error(`simulator exited (${code}):\n${output}`)));
      child.stdout?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const url = /listening on (\S+)/.exec(output)?.[1];
        const calls = /about ([\d,]+) calls per tenant/.exec(output)?.[1];
        if (url && calls) {
          clearTimeout(timer);
          resolve({ baseUrl: url, totalCalls: Number(calls.replaceAll(",", "")) });
        }
      });
    },
  );
  return {
    baseUrl,
    totalCalls,
    peakRss: () => (child.pid === undefined ? 0 : peakRssOf(child.pid)),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
