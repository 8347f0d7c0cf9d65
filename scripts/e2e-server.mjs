// Starts the built console for the end-to-end suite on an empty data directory with the demo accounts:
// `node scripts/e2e-server.mjs [port] [data directory]` (a spec with a console of its own names another
// directory, e2e/private-console.ts).
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";

const port = process.argv[2] ?? "3100";
const dataDir = process.argv[3] ?? ".data/e2e";
rmSync(dataDir, { recursive: true, force: true });

// An idle keep-alive connection is closed after 5 s by default. A spec's request context that waits about that
// long between two requests (while its pages work) may send the second on the socket the server is closing
// at that moment, and gets ECONNRESET (seen in CI on a loaded machine: a PUT 6.1 s after the last answer).
// Longer than a test may run (60 s), so a test's request context never meets a closing socket.
const KEEP_ALIVE_MS = "120000";

const child = spawn(
  process.execPath,
  [
    "node_modules/next/dist/bin/next",
    "start",
    "-p",
    port,
    "-H",
    "127.0.0.1",
    "--keepAliveTimeout",
    KEEP_ALIVE_MS,
  ],
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
