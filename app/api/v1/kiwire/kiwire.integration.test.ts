import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CreatedVouchersDto, VoucherPageDto, VoucherPrintSettingsDto } from "@/lib/api/kiwire";
import { installFileConnections } from "@/lib/server/connections/file-source";
import { refreshDueIndexes } from "@/lib/server/connections/kiwire-index-runner";
import type { Database } from "@/lib/server/db/client";
import { auditEvents } from "@/lib/server/db/schema";
import { sharedState } from "@/lib/server/shared-state/shared-state";
import { clearKiwireTokens } from "@/lib/server/vendors/kiwire/client";
import { lockKeyOf } from "@/lib/server/vendors/kiwire/index-refresh";
import { allPermissions } from "@/simulators/kiwire/protocol";
import { type RunningKiwireSimulator, startKiwireSimulator } from "@/simulators/kiwire/simulator";
import { connectionFor } from "@/testing/connection-fixtures";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";
import { PATCH as UPDATE_CONNECTION } from "../connections/[id]/route";
import { POST as CREATE_CONNECTION } from "../connections/route";
import { POST as REFRESH_VOUCHERS } from "./[connectionId]/index/vouchers/route";
import { POST as CREATE_USER } from "./[connectionId]/users/route";
import { GET as PRINT_SETTINGS } from "./[connectionId]/voucher-print-settings/route";
import { DELETE as DELETE_VOUCHER } from "./[connectionId]/vouchers/[code]/route";
import { GET as EXPORT } from "./[connectionId]/vouchers/export/route";
import { POST as CREATE_VOUCHERS, GET as LIST_VOUCHERS } from "./[connectionId]/vouchers/route";

process.env.CONSOLE_SECRET_KEY ??= "integration-test-master-key-integration-test";

let simulator: RunningKiwireSimulator;
let db: Database;
let admin: string;
let operator: string;
let viewer: string;
let connectionId: string;
let counter = 0;

beforeAll(async () => {
  simulator = await startKiwireSimulator({ port: 0, users: 300, vouchers: 600 });
}, 60_000);
afterAll(async () => {
  await simulator?.close();
});

beforeEach(async () => {
  // Every switch back to the default between tests.
  simulator.account.apiEnabled = true;
  simulator.account.tenantAvailable = true;
  simulator.account.disabledModules.clear();
  simulator.account.permissions = allPermissions(true);
  simulator.account.apiKey = simulator.credentials.apiKey;
  clearKiwireTokens();
  db = await freshDatabase();
  installFileConnections([]);
  admin = (await userWithSession(db, "admin")).cookie;
  operator = (await userWithSession(db, "operator")).cookie;
  viewer = (await userWithSession(db, "viewer")).cookie;
  connectionId = `kiwire-${++counter}-${Date.now().toString(36)}`;
  const response = await call(CREATE_CONNECTION, {
    method: "POST",
    headers: { cookie: admin },
    body: connectionFor(simulator, { id: connectionId }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
});

async function ok<T>(response: Response, status = 200): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(status);
  return response.json() as Promise<T>;
}

const listVouchers = (query: string, cookie = operator) =>
  call(LIST_VOUCHERS, { path: `/x?${query}`, headers: { cookie }, params: { connectionId } });
const generate = (body: Record<string, unknown>, cookie = operator) =>
  call(CREATE_VOUCHERS, { method: "POST", headers: { cookie }, params: { connectionId }, body });

describe("Kiwire vouchers through the BFF", () => {
  it("generates a 1,000-voucher batch, lists it by batch, exports it and audits count and batch", async () => {
    const created = await ok<CreatedVouchersDto>(
      await generate({ prefix: "LB", quantity: 1000, profile: "wx_temp", remark: "Lobby" }),
      201,
    );
    expect(created.items).toHaveLength(1000);
    expect(new Set(created.items.map((v) => v.username)).size).toBe(1000);
    expect(created.items.every((v) => v.username.startsWith("LB") && v.batch === created.batch)).toBe(true);
    const page = await ok<VoucherPageDto>(await listVouchers(`batch=${created.batch}&pageSize=1000`));
    expect(page.totalItems).toBe(1000);
    expect(page.batches[0]).toBe(created.batch);
    const csv = await (
      await call(EXPORT, {
        path: `/x?batch=${created.batch}`,
        headers: { cookie: viewer },
        params: { connectionId },
      })
    ).text();
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toContain("code");
    expect(lines).toHaveLength(1001);
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.action, "vouchers.create"));
    expect(audit?.targetId).toBe(created.batch);
    expect(JSON.stringify(audit?.input)).toContain('"count":1000');
  }, 60_000);

  it("names the export after a batch beyond Latin-1 with RFC 6266 filename*, instead of a 500", async () => {
    const response = await call(EXPORT, {
      path: `/x?batch=${encodeURIComponent("Café 会議")}`,
      headers: { cookie: viewer },
      params: { connectionId },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      "attachment; filename=\"vouchers-Cafe __.csv\"; filename*=UTF-8''vouchers-Caf%C3%A9%20%E4%BC%9A%E8%AD%B0.csv",
    );
  });

  it("re-logs in once and replays when the token expires mid-session, without a duplicate write", async () => {
    await ok(await listVouchers("pageSize=1"));
    const before = simulator.store.vouchers.size;
    const logins = simulator.stats.logins;
    simulator.expireAllTokens();
    const created = await ok<CreatedVouchersDto>(await generate({ quantity: 7, profile: "wx_temp" }), 201);
    expect(created.items).toHaveLength(7);
    expect(simulator.store.vouchers.size).toBe(before + 7);
    expect(simulator.stats.logins).toBe(logins + 1);
  });

  it("shares one login between concurrent requests and reuses the token", async () => {
    const logins = simulator.stats.logins;
    await Promise.all(
      Array.from({ length: 6 }, () => listVouchers("pageSize=1")).map(async (r) => ok(await r)),
    );
    await ok(await listVouchers("pageSize=1"));
    expect(simulator.stats.logins).toBe(logins + 1);
  });

  it("deletes a voucher (kept as expired) and refuses a viewer's writes", async () => {
    const created = await ok<CreatedVouchersDto>(await generate({ quantity: 2, profile: "wx_temp" }), 201);
    const code = created.items[0]?.username ?? "";
    expect((await generate({ quantity: 1, profile: "wx_temp" }, viewer)).status).toBe(403);
    expect(
      (
        await call(DELETE_VOUCHER, {
          method: "DELETE",
          headers: { cookie: viewer },
          params: { connectionId, code },
        })
      ).status,
    ).toBe(403);
    await ok(
      await call(DELETE_VOUCHER, {
        method: "DELETE",
        headers: { cookie: operator },
        params: { connectionId, code },
      }),
    );
    const page = await ok<VoucherPageDto>(await listVouchers(`batch=${created.batch}&status=expired`));
    expect(page.items.map((v) => v.username)).toEqual([code]);
  });
});

describe("what printed vouchers' QR codes hold", () => {
  const printSettings = (cookie = viewer, id = connectionId) =>
    call(PRINT_SETTINGS, { headers: { cookie }, params: { connectionId: id } });
  const setQr = (voucherQr: unknown) =>
    call(UPDATE_CONNECTION, {
      method: "PATCH",
      headers: { cookie: admin },
      params: { id: connectionId },
      body: { kind: "kiwire", voucherQr },
    });

  it("is the code until an admin sets a portal template, readable by anyone who reads vouchers", async () => {
    expect(await ok<VoucherPrintSettingsDto>(await printSettings())).toEqual({ qr: { content: "code" } });
    const template = "https://portal.example.com/login?voucher={code}";
    await ok(await setQr({ content: "portal-url", template }));
    const settings = await ok<VoucherPrintSettingsDto>(await printSettings(operator));
    expect(settings).toEqual({ qr: { content: "portal-url", template } });
    // Only the printable setting: nothing of the connection's address, user or secrets.
    const text = JSON.stringify(settings);
    for (const value of Object.values(simulator.credentials)) expect(text).not.toContain(value);
    expect(text).not.toContain(new URL(simulator.baseUrl).host);
    await ok(await setQr({ content: "code" }));
    expect(await ok<VoucherPrintSettingsDto>(await printSettings())).toEqual({ qr: { content: "code" } });
  });

  it("refuses a template that is not an http(s) URL with {code}, saying what to fix", async () => {
    const response = await setQr({ content: "portal-url", template: "javascript:alert('{code}')" });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("must start with https:// or http://");
  });

  it("answers 404 for a connection that does not exist", async () => {
    const response = await printSettings(viewer, "no-such-hotspot");
    expect(response.status).toBe(404);
  });
});

describe("the Kiwire index in the background", () => {
  const MINUTE = 60_000;

  it("refreshes a list once its interval has passed, not before, and skips one another refresh holds", async () => {
    await ok(await listVouchers("pageSize=1"));
    // The voucher list was just built; the user list was never asked for, so it is due at once.
    expect(await refreshDueIndexes(db)).toEqual([`${connectionId}/user`]);
    expect(await refreshDueIndexes(db)).toEqual([]);

    const created = await ok<CreatedVouchersDto>(await generate({ quantity: 1, profile: "wx_temp" }), 201);
    const code = created.items[0]?.username ?? "";
    const voucher = simulator.store.vouchers.get(code);
    if (!voucher) throw new Error(`the simulator holds no voucher ${code}`);
    voucher.status = "sus";
    const later = () => Date.now() + 5 * MINUTE + 1000;
    const held = { connectionId, kind: "voucher" as const, sourceKey: "" };
    // While a refresh of the voucher list runs elsewhere, the runner leaves it for the next tick.
    const whileHeld = await sharedState().withLock(lockKeyOf(held), { leaseMs: MINUTE, waitMs: MINUTE }, () =>
      refreshDueIndexes(db, later),
    );
    expect(whileHeld).toEqual([`${connectionId}/user`]);
    expect((await ok<VoucherPageDto>(await listVouchers(`q=${code}`))).items[0]?.status).toBe("active");
    // The clock moved on five minutes for both lists: the user list is due again too.
    expect(await refreshDueIndexes(db, later)).toEqual([`${connectionId}/voucher`, `${connectionId}/user`]);
    expect((await ok<VoucherPageDto>(await listVouchers(`q=${code}`))).items[0]?.status).toBe("suspended");
  }, 60_000);

  it("follows each connection's own interval", async () => {
    const response = await call(UPDATE_CONNECTION, {
      method: "PATCH",
      headers: { cookie: admin },
      params: { id: connectionId },
      body: { kind: "kiwire", indexRefreshMinutes: 60 },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await refreshDueIndexes(db)).toEqual([`${connectionId}/voucher`, `${connectionId}/user`]);
    expect(await refreshDueIndexes(db, () => Date.now() + 30 * MINUTE)).toEqual([]);
    expect(await refreshDueIndexes(db, () => Date.now() + 61 * MINUTE)).toHaveLength(2);
  }, 60_000);
});

describe("Kiwire's error table as typed errors", () => {
  async function errorOf(response: Response): Promise<{ status: number; message: string }> {
    const body = (await response.json()) as { error?: { message?: string }; message?: string };
    return { status: response.status, message: body.error?.message ?? body.message ?? JSON.stringify(body) };
  }

  it("names the permission toggle to switch on once a fresh login is refused too", async () => {
    await ok(await listVouchers("pageSize=1"));
    simulator.account.permissions.add_user = false;
    const logins = simulator.stats.logins;
    const vouchers = simulator.store.vouchers.size;
    const refused = await errorOf(await generate({ quantity: 1, profile: "wx_temp" }));
    // "permission denied" may mean "must login back" (error table): one fresh login and one replay first.
    expect(simulator.stats.logins).toBe(logins + 1);
    expect(simulator.store.vouchers.size).toBe(vouchers);
    expect(refused.status).toBe(502);
    expect(refused.message).toContain('"Add User"');
    simulator.account.permissions.user_information = false;
    // The list answers from the console's index, built before; reading Kiwire's table again names the toggle.
    expect((await ok<VoucherPageDto>(await listVouchers("pageSize=1"))).items).toHaveLength(1);
    const refresh = await call(REFRESH_VOUCHERS, {
      method: "POST",
      headers: { cookie: viewer },
      params: { connectionId },
    });
    expect((await errorOf(refresh)).message).toContain('"User Information"');
  });

  it("explains a disabled module, a disabled API, an unavailable tenant and a wrong API key", async () => {
    simulator.account.disabledModules.add("voucher");
    expect((await errorOf(await listVouchers("pageSize=1"))).message).toMatch(
      /"voucher" module is switched off/,
    );
    simulator.account.disabledModules.clear();
    simulator.account.apiEnabled = false;
    expect((await errorOf(await listVouchers("pageSize=1"))).message).toMatch(/Integrations → API/);
    simulator.account.apiEnabled = true;
    simulator.account.tenantAvailable = false;
    expect((await errorOf(await listVouchers("pageSize=1"))).message).toMatch(/not available/);
    simulator.account.tenantAvailable = true;
    simulator.account.apiKey = "rotated-key";
    expect((await errorOf(await listVouchers("pageSize=1"))).message).toMatch(/API key/);
  });

  it("answers 404 for an unknown voucher and 422 for a duplicate user", async () => {
    const missing = await call(DELETE_VOUCHER, {
      method: "DELETE",
      headers: { cookie: operator },
      params: { connectionId, code: "NOPE000000" },
    });
    expect(missing.status).toBe(404);
    const existing = [...simulator.store.users.keys()][0] ?? "";
    const duplicate = await call(CREATE_USER, {
      method: "POST",
      headers: { cookie: operator },
      params: { connectionId },
      body: { username: existing, password: "pw-123456", profile: "wx_temp" },
    });
    expect(duplicate.status).toBe(422);
    expect((await errorOf(duplicate)).message).toContain("already existed");
  });

  it("reports an unknown cloud ID at login", async () => {
    const id = `kiwire-bad-${Date.now().toString(36)}`;
    await ok(
      await call(CREATE_CONNECTION, {
        method: "POST",
        headers: { cookie: admin },
        body: connectionFor(simulator, { id, cloudId: "NOPE" }),
      }),
      201,
    );
    const response = await call(LIST_VOUCHERS, {
      path: "/x",
      headers: { cookie: operator },
      params: { connectionId: id },
    });
    expect((await errorOf(response)).message).toMatch(/cloud ID "NOPE"/);
  });
});
