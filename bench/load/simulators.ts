import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { connectionsFileFor, type SimulatorsDescription } from "@/simulators/all";

/**
 * Every vendor simulator, in its own process group (`npm run simulators -- --json`), so their CPU and memory
 * are neither the bench's nor the console's, and a connections file pointing the console at them, as the
 * demo writes it: self-signed HTTPS with the certificates pinned.
 */

type Description = SimulatorsDescription;

export interface SimulatorsProcess {
  description: Description;
  stop(): Promise<void>;
}

export async function startSimulators(): Promise<SimulatorsProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "simulators/cli.ts", "--json", "--https", "--ports", "free"],
    { detached: true, stdio: ["ignore", "pipe", "inherit"] },
  );
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid!, "SIGTERM");
    await exited;
  };
  const description = await new Promise<Description>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => reject(new Error(`the simulators did not start within 2 minutes:\n${output}`)),
      120_000,
    );
    child.once("exit", (code) => reject(new Error(`the simulators exited (${code}):\n${output}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const complete = output.split("\n").slice(0, -1);
      const line = complete.find((candidate) => candidate.startsWith("{"));
      if (!line) return;
      clearTimeout(timer);
      resolve(JSON.parse(line) as Description);
    });
  });
  return { description, stop };
}

/** Writes the connections file; the ids are `load-<kind>`. */
export function writeConnectionsFile(file: string, description: Description): void {
  writeFileSync(file, connectionsFileFor(description, "load", "load bench simulator"), { mode: 0o600 });
}
