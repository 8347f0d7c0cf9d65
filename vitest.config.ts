import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside a React Server Components bundle; tests run server modules directly.
      "server-only": fileURLToPath(new URL("./testing/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**"],
    // The simulators listen on 127.0.0.1, which connections may only reach when the deployment allows it;
    // warnings and errors only, since a line per request of every test would bury the results (log tests lower it).
    env: { TZ: "UTC", ALLOW_LOOPBACK_CONNECTIONS: "1", LOG_LEVEL: "warn" },
    // Vitest's default is one worker per core but one, so a 2-core machine ran every file in turn; the files
    // mostly wait on simulators and the embedded database, so two workers share the cores well.
    maxWorkers: 2,
    // Worker threads, not child processes: each file still gets fresh modules, and the suite took 188 instead of
    // 247 s (334 instead of 461 CPU seconds) on two cores, most of it in starting and importing.
    pool: "threads",
    // One migrated database made before the files run, which each database test file loads (testing/test-db.ts).
    globalSetup: ["testing/database-template.global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
