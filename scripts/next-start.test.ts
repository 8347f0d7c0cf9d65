import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { KEEP_ALIVE_TIMEOUT_MS, nextStartArguments } from "./next-start";

describe("how the console is started", () => {
  it("keeps idle connections as long in `npm start` as in the demo and the benches", () => {
    const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(scripts.start).toBe(`next start --keepAliveTimeout ${KEEP_ALIVE_TIMEOUT_MS}`);
    expect(nextStartArguments("next", 3000, "127.0.0.1")).toEqual([
      "next",
      "start",
      "-p",
      "3000",
      "-H",
      "127.0.0.1",
      "--keepAliveTimeout",
      String(KEEP_ALIVE_TIMEOUT_MS),
    ]);
  });

  it("keeps them longer than the reverse proxy in the deployment guide keeps its pooled connections", () => {
    const guide = readFileSync("docs/deployment.md", "utf8");
    const proxySeconds = Number(/keepalive_timeout (\d+)s;/.exec(guide)?.[1]);
    expect(proxySeconds).toBeGreaterThan(0);
    expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(proxySeconds * 1000);
    expect(guide).toContain(`--keepAliveTimeout ${KEEP_ALIVE_TIMEOUT_MS}`);
  });
});
