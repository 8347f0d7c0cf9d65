import { beforeEach, describe, expect, it } from "vitest";
import { installFileConnections } from "@/lib/server/connections/file-source";
import type { Database } from "@/lib/server/db/client";
import { connections } from "@/lib/server/db/schema";
import { consoleVault } from "@/lib/server/vault/vault";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";
import { POST as TEST } from "./[id]/test/route";
import { POST } from "./route";

// A deployment that has not set ALLOW_LOOPBACK_CONNECTIONS=1 (the suite's default sets it for the simulators).
process.env.ALLOW_LOOPBACK_CONNECTIONS = "0";
process.env.CONSOLE_SECRET_KEY ??= "integration-test-master-key-integration-test";

let db: Database;
let admin: string;
beforeEach(async () => {
  db = await freshDatabase();
  installFileConnections([]);
  admin = (await userWithSession(db, "admin")).cookie;
});

const pbx = (baseUrl: string) => ({
  kind: "kerio-operator",
  name: "PBX",
  baseUrl,
  username: "Admin",
  password: "a password",
  tls: { mode: "insecure" },
});

describe("loopback connections without ALLOW_LOOPBACK_CONNECTIONS", () => {
  it.each(["https://127.0.0.1:4021", "https://[::1]:4021", "https://localhost:4021", "https://0.0.0.0:4021"])(
    "refuses %s when saving, naming the setting",
    async (baseUrl) => {
      const response = await call(POST, { method: "POST", headers: { cookie: admin }, body: pbx(baseUrl) });
      expect(response.status).toBe(422);
      const { error } = await response.json();
      expect(error.details).toEqual([
        { field: "baseUrl", message: expect.stringContaining("ALLOW_LOOPBACK_CONNECTIONS=1") },
      ]);
    },
  );

  it("refuses to connect to a stored loopback connection (saved while it was allowed)", async () => {
    const id = "old-local";
    await db.insert(connections).values({
      id,
      kind: "kerio-operator",
      name: "Saved when allowed",
      settings: {
        baseUrl: "http://127.0.0.1:9",
        tls: { mode: "insecure" },
        timeouts: { connectMs: 500, readMs: 500 },
        username: "Admin",
      },
      secrets: { password: consoleVault().seal("a password", { connectionId: id, field: "password" }) },
      createdBy: "test",
    });
    const response = await call(TEST, { method: "POST", headers: { cookie: admin }, params: { id } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: false,
      outcome: "address_refused",
      message: expect.stringContaining("127.0.0.1 is this machine itself"),
    });
  });
});
