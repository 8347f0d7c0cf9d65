import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import type { RunningSimulator } from "@/simulators/shared/types";
import { connectionFor, startSmallSimulator } from "@/testing/connection-fixtures";
import { captureLogs } from "@/testing/log-capture";
import { freshDatabase } from "@/testing/test-db";
import { installFileConnections } from "./file-source";
import { claimDueChecks, healthOf, runDueChecks } from "./health";
import { createConnection } from "./registry";

process.env.CONSOLE_SECRET_KEY ??= "integration-test-master-key-integration-test";

let kerio: RunningSimulator;
let db: Database;
const INTERVAL = 60_000;
const T0 = Date.parse("2030-01-01T00:00:00Z");

beforeAll(async () => {
  kerio = await startSmallSimulator("kerio-control", false);
});
afterAll(() => kerio.close());
beforeEach(async () => {
  db = await freshDatabase();
  installFileConnections([{ id: "from-file", config: connectionFor(kerio, { name: "From the file" }) }]);
  await createConnection(db, connectionFor(kerio, { id: "good" }), "test");
  await createConnection(
    db,
    connectionFor(kerio, { id: "down", baseUrl: "http://127.0.0.1:1", timeouts: { connectMs: 300 } }),
    "test",
  );
});

describe("background health checks", () => {
  it("checks every connection (file and console) once per interval and stores state and latency", async () => {
    const logs = captureLogs();
    const connectionLines = () =>
      logs.lines.map((line) => line.msg).filter((msg) => msg.startsWith("[connections]"));
    try {
      const first = await runDueChecks(db, { intervalMs: INTERVAL, now: () => T0 });
      expect([...first.keys()].sort()).toEqual(["down", "from-file", "good"]);
      const health = await healthOf(db, ["good", "down", "from-file"]);
      expect(health.get("good")).toMatchObject({ state: "ok", checkedAt: new Date(T0).toISOString() });
      expect(health.get("good")?.latencyMs).toEqual(expect.any(Number));
      expect(health.get("from-file")?.state).toBe("ok");
      expect(health.get("down")).toMatchObject({ state: "failing", outcome: "unreachable" });
      // Transitions are logged once, without settings or secrets.
      expect(connectionLines().sort()).toEqual([
        expect.stringMatching(/^\[connections\] down is failing: 127\.0\.0\.1:1 is unreachable/),
        "[connections] from-file is ok",
        "[connections] good is ok",
      ]);

      logs.lines.length = 0;
      expect((await runDueChecks(db, { intervalMs: INTERVAL, now: () => T0 + INTERVAL - 1 })).size).toBe(0);
      const again = await runDueChecks(db, { intervalMs: INTERVAL, now: () => T0 + INTERVAL });
      expect(again.size).toBe(3);
      expect(connectionLines()).toEqual([]);
    } finally {
      logs.restore();
    }
  });

  it("lets two runners on one database claim each due check once", async () => {
    const ids = ["good", "down", "from-file"];
    const [a, b] = await Promise.all([
      claimDueChecks(db, ids, T0, INTERVAL),
      claimDueChecks(db, ids, T0, INTERVAL),
    ]);
    expect([...a, ...b].sort()).toEqual([...ids].sort());
    expect(await claimDueChecks(db, ids, T0 + 1, INTERVAL)).toEqual([]);
  });
});
