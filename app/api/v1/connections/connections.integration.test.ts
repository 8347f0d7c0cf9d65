import { createServer, type Server, type Socket } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ConnectionDto, ConnectionTestResultDto, CreateConnectionInput } from "@/lib/api/connections";
import { CONNECTION_KINDS, type ConnectionKind } from "@/lib/connection-kinds";
import { installFileConnections } from "@/lib/server/connections/file-source";
import type { Database } from "@/lib/server/db/client";
import { auditEvents, connections } from "@/lib/server/db/schema";
import type { RunningSimulator } from "@/simulators/shared/types";
import { connectionFor, startSmallSimulator } from "@/testing/connection-fixtures";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";
import { DELETE, GET as GET_ONE, PATCH } from "./[id]/route";
import { POST as TEST } from "./[id]/test/route";
import { GET, POST } from "./route";

process.env.CONSOLE_SECRET_KEY ??= "integration-test-master-key-integration-test";

const https = {} as Record<ConnectionKind, RunningSimulator>;
const http = {} as Record<ConnectionKind, RunningSimulator>;
let silent: Server;
const silentSockets = new Set<Socket>();
let silentPort = 0;

beforeAll(async () => {
  await Promise.all(
    CONNECTION_KINDS.flatMap((kind) => [
      startSmallSimulator(kind, true).then((simulator) => {
        https[kind] = simulator;
      }),
      startSmallSimulator(kind, false).then((simulator) => {
        http[kind] = simulator;
      }),
    ]),
  );
  silent = createServer((socket) => {
    silentSockets.add(socket);
    socket.on("close", () => silentSockets.delete(socket));
  });
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentPort = (silent.address() as { port: number }).port;
}, 60_000);

afterAll(async () => {
  await Promise.all([...Object.values(https), ...Object.values(http)].map((simulator) => simulator.close()));
  for (const socket of silentSockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

let db: Database;
let admin: string;
beforeEach(async () => {
  db = await freshDatabase();
  installFileConnections([]);
  admin = (await userWithSession(db, "admin")).cookie;
});
afterEach(() => {
  for (const simulator of [...Object.values(https), ...Object.values(http)]) simulator.clock.offsetMs = 0;
});

async function create(body: CreateConnectionInput, cookie = admin): Promise<ConnectionDto> {
  const response = await call(POST, { method: "POST", headers: { cookie }, body });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  return response.json();
}

async function test(id: string, cookie = admin): Promise<ConnectionTestResultDto> {
  const response = await call(TEST, { method: "POST", headers: { cookie }, params: { id } });
  expect(response.status).toBe(200);
  return response.json();
}

async function list(cookie = admin): Promise<ConnectionDto[]> {
  const response = await call(GET, { headers: { cookie } });
  expect(response.status).toBe(200);
  return (await response.json()).items;
}

describe("test connection against the simulators", () => {
  it("logs in to every kind over HTTP and over HTTPS (pinned), and the health turns ok", async () => {
    for (const kind of CONNECTION_KINDS) {
      for (const simulator of [http[kind], https[kind]]) {
        const created = await create(connectionFor(simulator));
        expect(created.health.state).toBe("unknown");
        const result = await test(created.id);
        expect(result, `${kind} ${simulator.baseUrl}`).toMatchObject({ ok: true, outcome: "ok" });
        expect(result.detail).toBeTruthy();
        expect(result.latencyMs).toBeGreaterThanOrEqual(0);
        expect(result.certificate?.fingerprint256 ?? null).toBe(simulator.tls?.fingerprint256 ?? null);
      }
    }
    const items = await list();
    expect(items).toHaveLength(12);
    for (const item of items) {
      expect(item.health).toMatchObject({ state: "ok", outcome: "ok", checkedAt: expect.any(String) });
    }
    // Each appliance saw one real login (the Kalliope salt and the Kayako signed read count as theirs).
    for (const kind of ["kerio-operator", "kiwire", "kalliope"] as const) {
      expect(https[kind].stats.logins).toBeGreaterThanOrEqual(1);
    }
  });

  it("applies each TLS mode: verify refuses self-signed and shows the fingerprint; CA, pin and insecure work", async () => {
    const simulator = https["kerio-operator"];
    const fingerprint = simulator.tls?.fingerprint256 ?? "";
    const verify = await create(connectionFor(simulator, { id: "verify", tls: { mode: "verify" } }));
    const refused = await test(verify.id);
    expect(refused).toMatchObject({ ok: false, outcome: "certificate_untrusted" });
    expect(refused.message).toContain(fingerprint);
    expect(refused.certificate).toMatchObject({
      fingerprint256: fingerprint,
      selfSigned: true,
      trusted: false,
    });

    const withCa = await create(
      connectionFor(simulator, { id: "with-ca", tls: { mode: "verify", ca: simulator.tls?.certPem } }),
    );
    expect(await test(withCa.id)).toMatchObject({ ok: true, certificate: { trusted: true } });

    // "Pin this certificate": the fingerprint from the refused test, sent back as the pin, with the
    // password again (a change of whom the console trusts takes the secrets again).
    const pin = (secrets: Record<string, string>) =>
      call(PATCH, {
        method: "PATCH",
        headers: { cookie: admin },
        params: { id: verify.id },
        body: {
          kind: "kerio-operator",
          tls: { mode: "pin", fingerprint256: refused.certificate?.fingerprint256 },
          ...secrets,
        },
      });
    expect((await pin({})).status).toBe(422);
    expect((await pin({ password: simulator.credentials.password ?? "" })).status).toBe(200);
    expect(await test(verify.id)).toMatchObject({ ok: true });

    const insecure = await create(connectionFor(simulator, { id: "insecure", tls: { mode: "insecure" } }));
    expect(insecure.insecure).toBe(true);
    expect(await test(insecure.id)).toMatchObject({ ok: true });
  });

  it("refuses a wrong pinned fingerprint with both fingerprints in the message", async () => {
    const wrong = https.kayako.tls?.fingerprint256 ?? "";
    const created = await create(
      connectionFor(https.kalliope, { tls: { mode: "pin", fingerprint256: wrong } }),
    );
    const before = https.kalliope.stats.requests;
    const result = await test(created.id);
    expect(result).toMatchObject({ ok: false, outcome: "certificate_mismatch" });
    expect(result.message).toContain(wrong);
    expect(result.message).toContain(https.kalliope.tls?.fingerprint256);
    expect(https.kalliope.stats.requests).toBe(before);
  });

  it("reports a wrong password (or key) as such, for every kind", async () => {
    const wrong: Record<ConnectionKind, Record<string, string>> = {
      "kerio-operator": { password: "wrong" },
      "kerio-connect": { password: "wrong" },
      "kerio-control": { password: "wrong" },
      kiwire: { password: "wrong" },
      kalliope: { password: "wrong" },
      kayako: { secretKey: "wrong" },
    };
    for (const kind of CONNECTION_KINDS) {
      const created = await create(connectionFor(http[kind], wrong[kind]));
      const result = await test(created.id);
      expect(result, kind).toMatchObject({ ok: false, outcome: "wrong_credentials" });
      expect(result.message, kind).toMatch(/password|secret key/);
    }
    const kiwireKey = await create(connectionFor(http.kiwire, { apiKey: "not-the-key" }));
    expect((await test(kiwireKey.id)).message).toContain("rejected the signed API key");
  });

  it("says what a test found in the reader's language, then and in the health read later", async () => {
    const italian = { cookie: admin, "accept-language": "it-IT,it;q=0.9" };
    const created = await create(connectionFor(http.kiwire, { password: "wrong" }));
    const tested = await call(TEST, { method: "POST", headers: italian, params: { id: created.id } });
    const result: ConnectionTestResultDto = await tested.json();
    expect(result.outcome).toBe("wrong_credentials");
    const english = await test(created.id);
    expect(result.message).not.toBe(english.message);
    expect(result.message).toMatch(/password/i);
    // The stored health is rendered when it is read: Italian for this reader, English for another.
    const listed = await call(GET, { headers: italian });
    const health = (await listed.json()).items.find((item: ConnectionDto) => item.id === created.id)?.health;
    expect(health).toMatchObject({ state: "failing", message: result.message });
    expect((await list()).find((item) => item.id === created.id)?.health.message).toBe(english.message);

    const working = await create(connectionFor(http.kiwire));
    const ok = await call(TEST, { method: "POST", headers: italian, params: { id: working.id } });
    expect((await ok.json()).message).toMatch(/^Kiwire ha risposto e accettato le credenziali in \d+ ms\.$/);
  });

  it("tells clock skew from wrong credentials", async () => {
    const kalliope = await create(connectionFor(http.kalliope));
    http.kalliope.clock.offsetMs = 10 * 60_000;
    const result = await test(kalliope.id);
    expect(result).toMatchObject({ ok: false, outcome: "clock_skew" });
    expect(result.message).toContain("10 minutes ahead");

    const kiwire = await create(connectionFor(http.kiwire));
    http.kiwire.clock.offsetMs = -10 * 60_000;
    expect((await test(kiwire.id)).message).toMatch(/clock/);
  });

  it("reports an unreachable host within the timeout", async () => {
    const closed = await create(
      connectionFor(http["kerio-control"], { baseUrl: "http://127.0.0.1:1", timeouts: { connectMs: 500 } }),
    );
    const refused = await test(closed.id);
    expect(refused).toMatchObject({ ok: false, outcome: "unreachable" });

    const silentHost = await create(
      connectionFor(https["kerio-control"], {
        baseUrl: `https://127.0.0.1:${silentPort}`,
        timeouts: { connectMs: 300, readMs: 300 },
      }),
    );
    const started = Date.now();
    const timedOut = await test(silentHost.id);
    expect(timedOut).toMatchObject({ ok: false, outcome: "timeout" });
    expect(timedOut.message).toContain("0.3 s");
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((await list()).find((item) => item.id === silentHost.id)?.health.state).toBe("failing");
    // A viewer learns that it failed and why, but not the address (a setting).
    const { cookie } = await userWithSession(db, "viewer");
    const seen = (await list(cookie)).find((item) => item.id === closed.id);
    expect(seen?.health.message).toContain("is unreachable (ECONNREFUSED)");
    expect(seen?.health.message).not.toContain("127.0.0.1");
  });
});

describe("connections API", () => {
  it("shows operators and viewers names, kind and health only, and refuses them every write", async () => {
    const created = await create(connectionFor(http.kalliope, { id: "pbx" }));
    await test(created.id);
    for (const role of ["operator", "viewer"] as const) {
      const { cookie } = await userWithSession(db, role);
      const [item] = await list(cookie);
      expect(item).toEqual({
        id: "pbx",
        kind: "kalliope",
        name: created.name,
        source: "console",
        // The simulator speaks plain HTTP: flagged for every role, like TLS switched off.
        insecure: true,
        insecureReason: "plain_http",
        health: expect.objectContaining({ state: "ok" }),
      });
      const one = await call(GET_ONE, { headers: { cookie }, params: { id: "pbx" } });
      expect(await one.json()).not.toHaveProperty("settings");
      const writes = [
        call(POST, { method: "POST", headers: { cookie }, body: connectionFor(http.kalliope) }),
        call(PATCH, {
          method: "PATCH",
          headers: { cookie },
          params: { id: "pbx" },
          body: { kind: "kalliope" },
        }),
        call(DELETE, { method: "DELETE", headers: { cookie }, params: { id: "pbx" } }),
        call(TEST, { method: "POST", headers: { cookie }, params: { id: "pbx" } }),
      ];
      for (const response of await Promise.all(writes)) expect(response.status, role).toBe(403);
    }
    const denied = await db.select().from(auditEvents).where(eq(auditEvents.result, "denied"));
    expect(denied.map((event) => event.action).sort()).toEqual(
      ["connections.create", "connections.delete", "connections.test", "connections.update"].flatMap(
        (action) => [action, action],
      ),
    );
  });

  it("gives admins the settings with secrets as { set: true }", async () => {
    await create(connectionFor(http.kiwire, { id: "hotspot", timeZone: "Asia/Kuala_Lumpur" }));
    const response = await call(GET_ONE, { headers: { cookie: admin }, params: { id: "hotspot" } });
    const dto: ConnectionDto = await response.json();
    expect(dto.settings).toEqual({
      baseUrl: http.kiwire.baseUrl,
      tls: { mode: "insecure" },
      timeouts: { connectMs: 5000, readMs: 30000 },
      username: "hakim",
      cloudId: "DEMO",
      timeZone: "Asia/Kuala_Lumpur",
      timeFormat: "YmdHis",
      signing: "md5",
      indexRefreshMinutes: 5,
      // Not sent, so the default: printed vouchers' QR codes hold the code alone.
      voucherQr: { content: "code" },
      password: { set: true },
      apiKey: { set: true },
    });
  });

  it("makes ids from names, refuses a taken id, and names unknown fields", async () => {
    const body = connectionFor(http.kayako, { name: "Helpdesk (EU)" });
    expect((await create(body)).id).toBe("helpdesk-eu");
    expect((await create(body)).id).toBe("helpdesk-eu-2");
    const taken = await call(POST, {
      method: "POST",
      headers: { cookie: admin },
      body: { ...body, id: "helpdesk-eu" },
    });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.details).toEqual([{ field: "id", message: "Already in use" }]);
    const unknown = await call(POST, {
      method: "POST",
      headers: { cookie: admin },
      body: { ...body, apikey: "x" },
    });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.message).toContain("apikey");
  });

  it("replaces a secret only when one is sent, keeps the kind, merges timeouts", async () => {
    const created = await create(
      connectionFor(http["kerio-connect"], { password: "wrong", timeouts: { readMs: 9000 } }),
    );
    expect((await test(created.id)).outcome).toBe("wrong_credentials");
    const patch = (body: unknown) =>
      call(PATCH, { method: "PATCH", headers: { cookie: admin }, params: { id: created.id }, body });
    const renamed = await patch({ kind: "kerio-connect", name: "Mail", timeouts: { connectMs: 2000 } });
    expect((await renamed.json()).settings).toMatchObject({
      password: { set: true },
      timeouts: { connectMs: 2000, readMs: 9000 },
    });
    expect((await test(created.id)).outcome).toBe("wrong_credentials");
    expect(
      (await patch({ kind: "kerio-connect", password: http["kerio-connect"].credentials.password })).status,
    ).toBe(200);
    expect((await test(created.id)).ok).toBe(true);
    const otherKind = await patch({ kind: "kerio-control" });
    expect(otherKind.status).toBe(409);
    expect((await otherKind.json()).error.message).toContain("kind cannot change");
  });

  it("deletes a connection with its health", async () => {
    const created = await create(connectionFor(http.kayako));
    await test(created.id);
    const response = await call(DELETE, {
      method: "DELETE",
      headers: { cookie: admin },
      params: { id: created.id },
    });
    expect(response.status).toBe(200);
    expect(await list()).toEqual([]);
    expect(
      (await call(TEST, { method: "POST", headers: { cookie: admin }, params: { id: created.id } })).status,
    ).toBe(404);
  });

  it("lists file connections as read-only and tests them with the file's secrets", async () => {
    installFileConnections([
      { id: "pbx-main", config: connectionFor(https["kerio-operator"], { name: "Main PBX" }) },
    ]);
    const [item] = await list();
    expect(item).toMatchObject({ id: "pbx-main", source: "file", settings: { password: { set: true } } });
    expect(await test("pbx-main")).toMatchObject({ ok: true });
    const patch = await call(PATCH, {
      method: "PATCH",
      headers: { cookie: admin },
      params: { id: "pbx-main" },
      body: { kind: "kerio-operator", name: "x" },
    });
    expect(patch.status).toBe(409);
    expect((await patch.json()).error.message).toContain("connections file");
    const remove = await call(DELETE, {
      method: "DELETE",
      headers: { cookie: admin },
      params: { id: "pbx-main" },
    });
    expect(remove.status).toBe(409);
    const clash = await call(POST, {
      method: "POST",
      headers: { cookie: admin },
      body: connectionFor(http.kayako, { id: "pbx-main" }),
    });
    expect(clash.status).toBe(409);
  });

  it("stores secrets sealed to their connection: a copied ciphertext is refused, not used", async () => {
    // Kerio's demo password differs from its user name, so finding it in a row would mean plaintext.
    const password = http["kerio-operator"].credentials.password ?? "";
    await create(connectionFor(http["kerio-operator"], { id: "one" }));
    await create(connectionFor(http["kerio-operator"], { id: "two", password: "another" }));
    const rows = await db.select().from(connections);
    for (const row of rows) {
      expect(JSON.stringify(row)).not.toContain(password);
      expect(row.secrets.password).toMatch(/^v1\./);
    }
    const one = rows.find((row) => row.id === "one");
    await db
      .update(connections)
      .set({ secrets: one?.secrets ?? {} })
      .where(eq(connections.id, "two"));
    const result = await test("two");
    expect(result).toMatchObject({ ok: false, outcome: "secret_unavailable" });
    expect(result.message).toContain("copied from another connection");
  });
});
