import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";

describe("npm run simulators -- --json", () => {
  it("starts all six simulators and prints one JSON document with URLs and credentials that work", async () => {
    const child = spawn(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "simulators/cli.ts", "--json", "--ports", "free"],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once("line", resolve);
        child.once("exit", (code) => reject(new Error(`exited with ${code}`)));
      });
      const { simulators } = JSON.parse(firstLine) as {
        simulators: { kind: string; baseUrl: string; credentials: Record<string, string> }[];
      };
      expect(simulators.map((s) => s.kind)).toEqual([
        "kerio-operator",
        "kerio-connect",
        "kerio-control",
        "kiwire",
        "kalliope",
        "kayako",
      ]);
      // One real round trip: the Kerio Operator login with the printed credentials.
      const operator = simulators[0];
      const response = await fetch(`${operator?.baseUrl}/admin/api/jsonrpc/`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          jsonrpc: "2.0",
          id: 1,
          method: "Session.login",
          params: {
            userName: operator?.credentials.username,
            password: operator?.credentials.password,
            application: { name: "cli test", vendor: "console", version: "1" },
          },
        }),
      });
      expect((await response.json()).result.token).toEqual(expect.any(String));
    } finally {
      child.kill("SIGTERM");
    }
  });
});
