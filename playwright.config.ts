import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: BASE_URL,
    // English unless a journey asks for Italian (the console follows the browser's language by default).
    locale: "en-US",
    trace: { mode: "retain-on-failure", screenshots: false },
    launchOptions: {
      // Debian's Chromium headless shell (package chromium-headless-shell), the old headless mode Playwright itself
      // runs headless tests in: a third less CPU than the full browser for the same suite. Playwright's own browser
      // download is not reachable here. CHROMIUM_PATH=/usr/bin/chromium for a run with --headed.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  // One project: a spec that changes a console-wide setting (e2e/two-factor.spec.ts requires two-factor sign-in
  // of everyone) runs on a console of its own (e2e/private-console.ts), so it needs no turn after the others.
  webServer: {
    // The suite runs against the production build (`npm test` builds first) on a fresh data directory.
    command: `node scripts/e2e-server.mjs ${PORT}`,
    url: `${BASE_URL}/api/ready`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});
