/**
 * The newcomer's command (`npm run demo`): builds the console if it has not been built, starts every vendor
 * simulator, writes a connections file pointing at them, and starts the console with one demo account per
 * role. Ctrl+C stops everything it started.
 *   PORT=3000 (default)   the console's port
 *   DEMO_REBUILD=1        build again even if a build exists (after pulling changes)
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEMO_ACCOUNTS } from "@/lib/demo-accounts";
import { nextStartArguments } from "@/scripts/next-start";
import {
  connectionsFileFor,
  describeSimulators,
  type SimulatorsDescription,
  startAllSimulators,
} from "@/simulators/all";

const port = process.env.PORT ?? "3000";
const dataDir = path.resolve(process.env.DATA_DIR ?? ".data/demo");
const next = path.resolve("node_modules/next/dist/bin/next");

function build(): void {
  if (existsSync(".next/BUILD_ID") && process.env.DEMO_REBUILD !== "1") return;
  console.log("Building the console (once; DEMO_REBUILD=1 builds again)...");
  const result = spawnSync(process.execPath, [next, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("the build failed (see above)");
}

function writeConnectionsFile(description: SimulatorsDescription): string {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "connections.json");
  writeFileSync(file, connectionsFileFor(description, "demo", "demo simulator"), { mode: 0o600 });
  return file;
}

async function main() {
  build();
  const simulators = await startAllSimulators({ https: true, ports: "free" });
  const description = describeSimulators(simulators);
  const connectionsFile = writeConnectionsFile(description);
  for (const simulator of description.simulators)
    console.log(`simulator ${simulator.kind.padEnd(15)} ${simulator.baseUrl}`);

  const console_: ChildProcess = spawn(process.execPath, nextStartArguments(next, port), {
    stdio: "inherit",
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DEMO_ACCOUNTS: "1",
      CONNECTIONS_FILE: connectionsFile,
      // The simulators listen on 127.0.0.1.
      ALLOW_LOOPBACK_CONNECTIONS: "1",
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  console.log(`\nThe console starts on http://localhost:${port} — sign in with one of:`);
  for (const account of DEMO_ACCOUNTS)
    console.log(`  ${account.role.padEnd(9)} ${account.email}  /  ${account.password}`);
  console.log("Press Ctrl+C to stop the console and the simulators.\n");

  const stop = async (code: number) => {
    console_.kill("SIGTERM");
    await Promise.all(simulators.map((simulator) => simulator.close()));
    process.exit(code);
  };
  process.once("SIGINT", () => void stop(0));
  process.once("SIGTERM", () => void stop(0));
  console_.once("exit", (code) => void stop(code ?? 1));
}

main().catch((error: Error) => {
  console.error(`The demo could not start: ${error.message}`);
  process.exit(1);
});
