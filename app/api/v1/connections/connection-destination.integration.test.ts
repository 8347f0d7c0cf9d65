import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ConnectionDto, CreateConnectionInput } from "@/lib/api/connections";
import { installFileConnections } from "@/lib/server/connections/file-source";
import type { Database } from "@/lib/server/db/client";
import type { RunningSimulator } from "@/simulators/shared/types";
import { connectionFor, startSmallSimulator } from "@/testing/connection-fixtures";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";
import { PATCH } from "./[id]/route";
import { POST as TEST } from "./[id]/test/route";
import { POST } from "./route";

/**
 * Secrets cannot be redirected (docs/security.md): a stored connection whose address, scheme or TLS settings
 * change takes its secrets again in the same request, so whoever moves it must know what it sends.
 */

process.env.CONSOLE_SECRET_KEY ??= "integration-test-master-key-integration-test";

let original: RunningSimulator;
let elsewhere: RunningSimulator;
let kiwire: RunningSimulator;
beforeAll(async () => {
  [original, elsewhere, kiwire] = await Promise.all([
    startSmallSimulator("kerio-operator", true),
    startSmallSimulator("kerio-operator", true),
    startSmallSimulator("kiwire", false),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([original, elsewhere, kiwire].map((simulator) => simulator?.close()));
});

let db: Database;
let admin: string;
beforeEach(async () => {
  db = await freshDatabase();
  installFileConnections([]);
  admin = (await userWithSession(db, "admin")).cookie;
});

async function create(body: CreateConnectionInput): Promise<ConnectionDto> {
  const response = await call(POST, { method: "POST", headers: { cookie: admin }, body });
  expect(response.status, await response.clone().text()).toBe(201);
  return response.json();
}

const patch = (id: string, body: unknown) =>
  call(PATCH, { method: "PATCH", headers: { cookie: admin }, params: { id }, body });

const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string; details?: unknown[] } }).error;

describe("a moved connection asks for its secrets again", () => {
  it("refuses a new address without the password (422 naming it) and sends nothing there", async () => {
    const created = await create(connectionFor(original, { id: "pbx" }));
    const before = elsewhere.stats.requests;
    const moved = await patch("pbx", {
      kind: "kerio-operator",
      baseUrl: elsewhere.baseUrl,
      tls: { mode: "pin", fingerprint256: elsewhere.tls?.fingerprint256 },
    });
    expect(moved.status).toBe(422);
    const error = await errorOf(moved);
    expect(error.message).toContain("enter password again");
    expect(error.details).toEqual([
      { field: "password", message: expect.stringContaining("Enter it again") },
    ]);
    // Nothing changed: the connection still points where it did, and the new host heard nothing.
    const test = await call(TEST, { method: "POST", headers: { cookie: admin }, params: { id: created.id } });
    expect(await test.json()).toMatchObject({
      ok: true,
      certificate: { fingerprint256: original.tls?.fingerprint256 },
    });
    expect(elsewhere.stats.requests).toBe(before);
  });

  it("takes the new address together with the password, and then logs in there", async () => {
    await create(connectionFor(original, { id: "pbx" }));
    const moved = await patch("pbx", {
      kind: "kerio-operator",
      baseUrl: elsewhere.baseUrl,
      tls: { mode: "pin", fingerprint256: elsewhere.tls?.fingerprint256 },
      password: elsewhere.credentials.password,
    });
    expect(moved.status, await moved.clone().text()).toBe(200);
    const logins = elsewhere.stats.logins;
    const test = await call(TEST, { method: "POST", headers: { cookie: admin }, params: { id: "pbx" } });
    expect(await test.json()).toMatchObject({ ok: true });
    expect(elsewhere.stats.logins).toBe(logins + 1);
  });

  it("treats the port, the scheme and every TLS change as a new destination, and names each secret", async () => {
    await create(connectionFor(original, { id: "pbx" }));
    const port = new URL(original.baseUrl);
    port.port = String(Number(port.port) + 1);
    const changes = [
      { baseUrl: port.origin },
      { tls: { mode: "insecure" } },
      { tls: { mode: "verify", ca: original.tls?.certPem } },
      { tls: { mode: "pin", fingerprint256: "AB".repeat(32) } },
    ];
    for (const change of changes) {
      const response = await patch("pbx", { kind: "kerio-operator", ...change });
      expect(response.status, JSON.stringify(change)).toBe(422);
    }
    // Kiwire holds two secrets: both are asked for.
    await create(connectionFor(kiwire, { id: "hotspot" }));
    const url = new URL(kiwire.baseUrl);
    const partly = await patch("hotspot", {
      kind: "kiwire",
      baseUrl: `http://localhost:${url.port}`,
      password: kiwire.credentials.password,
    });
    expect(partly.status).toBe(422);
    expect((await errorOf(partly)).details).toEqual([
      { field: "apiKey", message: expect.stringContaining("address changed") },
    ]);
  });

  it("lets everything else change without secrets, the same address and TLS sent back included", async () => {
    await create(connectionFor(original, { id: "pbx" }));
    // What the edit form sends on a rename: the unchanged address (here without its trailing slash) and TLS.
    const renamed = await patch("pbx", {
      kind: "kerio-operator",
      name: "Renamed",
      baseUrl: `${original.baseUrl}/`,
      tls: { mode: "pin", fingerprint256: original.tls?.fingerprint256 },
      timeouts: { readMs: 9000 },
    });
    expect(renamed.status, await renamed.clone().text()).toBe(200);
    expect(await renamed.json()).toMatchObject({ name: "Renamed", settings: { timeouts: { readMs: 9000 } } });
  });
});

describe("plain HTTP is insecure", () => {
  it("is flagged like TLS switched off, and refused with verify or pin", async () => {
    const created = await create(connectionFor(kiwire, { id: "hotspot" }));
    expect(created).toMatchObject({ insecure: true, insecureReason: "plain_http" });

    const verify = await call(POST, {
      method: "POST",
      headers: { cookie: admin },
      body: connectionFor(kiwire, { id: "verify", tls: { mode: "verify" } }),
    });
    expect(verify.status).toBe(400);
    expect((await errorOf(verify)).details).toEqual([
      expect.objectContaining({
        field: "tls",
        message: expect.stringContaining("http:// address has no TLS"),
      }),
    ]);

    // Moving an https connection to http:// while keeping its pin is refused even with the secrets.
    await create(connectionFor(original, { id: "pbx" }));
    const downgraded = await patch("pbx", {
      kind: "kerio-operator",
      baseUrl: original.baseUrl.replace("https:", "http:"),
      password: original.credentials.password,
    });
    expect(downgraded.status).toBe(400);
    expect((await errorOf(downgraded)).details).toEqual([
      expect.objectContaining({ field: "tls", message: expect.stringContaining('"pin" checks nothing') }),
    ]);
  });
});

describe("addresses where secrets never go", () => {
  it.each([
    ["https://169.254.169.254", "cloud metadata service"],
    ["http://169.254.169.254:80", "cloud metadata service"],
    ["https://metadata.google.internal", "cloud metadata service"],
    ["https://[fd00:ec2::254]", "cloud metadata service"],
    ["https://169.254.10.1:4021", "link-local"],
    ["https://[fe80::1]:4021", "link-local"],
    ["https://[::ffff:169.254.169.254]", "cloud metadata service"],
  ])("refuses %s when creating and when moving a connection there", async (baseUrl, why) => {
    const body = connectionFor(original, { id: "pbx", baseUrl, tls: { mode: "insecure" } });
    const created = await call(POST, { method: "POST", headers: { cookie: admin }, body });
    expect(created.status).toBe(422);
    expect((await errorOf(created)).details).toEqual([
      { field: "baseUrl", message: expect.stringContaining(why) },
    ]);

    await create(connectionFor(original, { id: "pbx" }));
    const moved = await patch("pbx", {
      kind: "kerio-operator",
      baseUrl,
      tls: { mode: "insecure" },
      password: original.credentials.password,
    });
    expect(moved.status).toBe(422);
    expect((await errorOf(moved)).message).toContain(why);
  });
});
