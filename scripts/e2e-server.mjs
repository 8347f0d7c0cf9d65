// Starts the built console for the end-to-end suite on an empty data directory with the demo accounts:
// `node scripts/e2e-server.mjs [port] [data directory]` (a spec with a console of its own names another
// directory, e2e/private-console.ts).
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";

const port = process.argv[2] ?? "3100";
const dataDir = process.argv[3] ?? ".data/e2e";
rmSync(dataDir, { recursive: true, force: true });

const child = spawn(
  process.execPath,
  ["node_modules/next/dist/bin/next", "start", "-p", port, "-H", "127.0.0.1"],
  {
    stdio: "inherit",
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DEMO_ACCOUNTS: "1",
      // The specs' simulators listen on 127.0.0.1.
      ALLOW_LOOPBACK_CONNECTIONS: "1",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
