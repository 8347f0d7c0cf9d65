import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { test as base } from "@playwright/test";

/** A free port on the loopback interface, as the system hands one out. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  await once(server, "close");
  if (address === null || typeof address === "string") throw new Error("no TCP port for the private console");
  return address.port;
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the private console stopped (exit code ${child.exitCode})`);
    const ready = await fetch(`${url}/api/ready`).then(
      (response) => response.ok,
      () => false, // not listening yet
    );
    if (ready) return;
    await sleep(250);
  }
  throw new Error(`the private console at ${url} was not ready within ${timeoutMs / 1000} s`);
}

/**
 * `test` for a spec that changes a console-wide setting (requiring two-factor sign-in of everyone): its pages
 * and requests go to a console of its own, the same build on a fresh data directory, started once per worker.
 * The specs on the shared server never see the setting, so this spec needs no turn of its own after them, and
 * a failure among them does not keep it from running.
 */
export const test = base.extend<object, { privateConsoleUrl: string }>({
  privateConsoleUrl: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's own fixtures from this pattern.
    async ({}, use, worker) => {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const dataDir = `.data/e2e-private-${worker.workerIndex}`;
      const child = spawn(process.execPath, ["scripts/e2e-server.mjs", String(port), dataDir], {
        stdio: ["ignore", "ignore", "inherit"],
      });
      try {
        await waitUntilReady(url, child, 120_000);
        await use(url);
      } finally {
        if (child.exitCode === null) {
          const exited = once(child, "exit");
          child.kill("SIGTERM");
          await exited;
        }
      }
    },
    { scope: "worker", timeout: 180_000 },
  ],
  baseURL: async ({ privateConsoleUrl }, use) => use(privateConsoleUrl),
});
