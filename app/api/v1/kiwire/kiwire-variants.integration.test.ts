import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  AccountDto,
  CreatedVouchersDto,
  HotspotProfileDto,
  HotspotUserPageDto,
  NasDto,
  SessionPageDto,
  VoucherPageDto,
} from "@/lib/api/kiwire";
import { installFileConnections } from "@/lib/server/connections/file-source";
import type { Database } from "@/lib/server/db/client";
import { auditEvents, kiwireIndexAccounts, kiwireIndexTables } from "@/lib/server/db/schema";
import { clearKiwireTokens } from "@/lib/server/vendors/kiwire/client";
import { type RunningKiwireSimulator, startKiwireSimulator } from "@/simulators/kiwire/simulator";
import { KIWIRE_VARIANTS } from "@/simulators/kiwire/variants";
import { connectionFor } from "@/testing/connection-fixtures";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";
import { DELETE as DELETE_CONNECTION } from "../connections/[id]/route";
import { POST as CREATE_CONNECTION } from "../connections/route";
import { POST as REFRESH_USERS } from "./[connectionId]/index/users/route";
import { POST as REFRESH_VOUCHERS } from "./[connectionId]/index/vouchers/route";
import { GET as HISTORY } from "./[connectionId]/login-history/route";
import { GET as NAS } from "./[connectionId]/nas/route";
import { GET as PROFILES } from "./[connectionId]/profiles/route";
import { DELETE as DELETE_USER, GET as GET_USER } from "./[connectionId]/users/[username]/route";
import { POST as CREATE_USER, GET as LIST_USERS } from "./[connectionId]/users/route";
import { DELETE as DELETE_VOUCHER } from "./[connectionId]/vouchers/[code]/route";
import { GET as EXPORT } from "./[connectionId]/vouchers/export/route";
import { POST as CREATE_VOUCHERS, GET as LIST_VOUCHERS } from "./[connectionId]/vouchers/route";

/**
 * Every flow of the Kiwire pages, through the BFF, against every reading of the documents the simulator can
 * take where they are silent (simulators/kiwire/README.md, "Switches"; `KIWIRE_VARIANTS` takes every value of
 * every switch). Each flow asserts the three things a wrong guess breaks: no duplicate write, no false failure,
 * no silent truncation. The voucher and user lists answer from the console's index of Kiwire's tables: its
 * build, its write-through, its refresh and its removal are checked under every variant too. Each connection
 * is set up as its appliance needs (zone, time spelling, signing: `connectionFor`), as its admin would.
 */

process.env.CONSOLE_SECRET_KEY ??= "integration-test-master-key-integration-test";

/** Larger than the 200 cap, so that a capped page is short although rows remain. */
const USERS = 230;
const VOUCHERS = 260;

let db: Database;
let admin: string;
let operator: string;
let viewer: string;

beforeAll(async () => {
  db = await freshDatabase();
  installFileConnections([]);
  // A fresh shared state first: it also holds the sessions the cookies below start.
  clearKiwireTokens();
  admin = (await userWithSession(db, "admin")).cookie;
  operator = (await userWithSession(db, "operator")).cookie;
  viewer = (await userWithSession(db, "viewer")).cookie;
}, 60_000);

async function ok<T>(response: Response, status = 200): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(status);
  return response.json() as Promise<T>;
}

describe.each(KIWIRE_VARIANTS)("Kiwire flows when $name", (variant) => {
  let sim: RunningKiwireSimulator;
  let connectionId: string;
  const prefix = `T${KIWIRE_VARIANTS.indexOf(variant)}x`;

  beforeAll(async () => {
    sim = await startKiwireSimulator({ port: 0, users: USERS, vouchers: VOUCHERS, ...variant.options });
    connectionId = `kiwire-variant-${KIWIRE_VARIANTS.indexOf(variant)}`;
    await ok(
      await call(CREATE_CONNECTION, {
        method: "POST",
        headers: { cookie: admin },
        body: connectionFor(sim, { id: connectionId }),
      }),
      201,
    );
  });
  afterAll(() => sim?.close());

  /** Where the variant restarts the appliance, the next call logs in exactly once more, and no more. */
  async function afterRestart<T>(action: () => Promise<T>): Promise<T> {
    if (!variant.restarts) return action();
    await ok(await get(PROFILES, "/x"));
    sim.restart();
    const logins = sim.stats.logins;
    const result = await action();
    expect(sim.stats.logins).toBe(logins + 1);
    return result;
  }

  const get = (handler: typeof LIST_VOUCHERS, path: string, params: Record<string, string> = {}) =>
    call(handler, { path, headers: { cookie: viewer }, params: { connectionId, ...params } });
  const listVouchers = async (query: string) => ok<VoucherPageDto>(await get(LIST_VOUCHERS, `/x?${query}`));
  const listUsers = async (query: string) => ok<HotspotUserPageDto>(await get(LIST_USERS, `/x?${query}`));

  it("lists every profile and NAS, each NAS with a zone to restrict to, and no secret", async () => {
    const profiles = await afterRestart(async () =>
      ok<{ items: HotspotProfileDto[] }>(await get(PROFILES, "/x")),
    );
    expect(profiles.items.map((p) => p.name).sort()).toEqual([...sim.store.profiles.keys()].sort());
    const nas = await ok<{ items: NasDto[] }>(await get(NAS, "/x"));
    expect(nas.items.map((n) => n.shortName).sort()).toEqual([...sim.store.nas.keys()].sort());
    expect(nas.items.every((n) => n.zone !== "")).toBe(true);
    // Under `includeSecrets` the appliance sends each NAS's RADIUS secret and password: neither may pass on.
    const answer = JSON.stringify(nas.items);
    expect(answer).not.toMatch(/secret|password/);
    const secrets = [...sim.store.nas.values()].flatMap((n) => [n.secret, n.password]);
    expect(secrets.filter((secret) => answer.includes(secret))).toEqual([]);
  });

  it("generates a batch once, reports exactly it, and lists, filters, exports and deletes it", async () => {
    const [nas] = (await ok<{ items: NasDto[] }>(await get(NAS, "/x"))).items;
    const zone = nas?.zone ?? "";
    const before = sim.store.vouchers.size;
    const created = await afterRestart(async () =>
      ok<CreatedVouchersDto>(
        await call(CREATE_VOUCHERS, {
          method: "POST",
          headers: { cookie: operator },
          params: { connectionId },
          body: { prefix, quantity: 45, profile: "wx_temp", zone, remark: "matrix" },
        }),
        201,
      ),
    );
    // Made once, and the console reports exactly what the appliance made.
    const made = [...sim.store.vouchers.values()].filter((v) => v.username.startsWith(prefix));
    expect(sim.store.vouchers.size).toBe(before + 45);
    expect(made).toHaveLength(45);
    expect(created.requested).toBe(45);
    expect(created.items.map((v) => v.username).sort()).toEqual(made.map((v) => v.username).sort());
    expect(created.batch).toBe(made[0]?.tag);
    expect(created.readBack).toBe(variant.options.voucherCreateData !== undefined);
    expect(created.items.every((v) => v.zone === zone && v.profile === "wx_temp")).toBe(true);
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "vouchers.create"), eq(auditEvents.targetId, created.batch)));
    expect(JSON.stringify(audit?.input)).toContain('"count":45');

    // The whole table, whatever page size the appliance honours.
    const all = await listVouchers("pageSize=1000");
    expect(all.totalItems).toBe(sim.store.vouchers.size);
    expect(all.table.rowsRead).toBe(sim.store.vouchers.size);
    expect(all.table.complete).toBe(true);
    const total = variant.options.listTotal;
    expect(all.table.reportedTotal).toBe(
      total === "table"
        ? sim.store.vouchers.size + sim.store.users.size
        : total === "rows"
          ? sim.store.vouchers.size
          : null,
    );
    expect(all.batches[0]).toBe(created.batch);

    const batch = await listVouchers(`batch=${created.batch}&pageSize=1000`);
    expect(batch.totalItems).toBe(45);
    const filtered = await listVouchers(`q=${prefix}&status=active&profile=wx_temp&pageSize=10&page=5`);
    expect(filtered.totalItems).toBe(45);
    expect(filtered.items).toHaveLength(5);

    const csv = await (await get(EXPORT, `/x?batch=${created.batch}`)).text();
    expect(csv.trim().split(/\r?\n/)).toHaveLength(46);

    const code = created.items[0]?.username ?? "";
    await afterRestart(async () =>
      ok(
        await call(DELETE_VOUCHER, {
          method: "DELETE",
          headers: { cookie: operator },
          params: { connectionId, code },
        }),
      ),
    );
    // The list shows what the appliance kept: the voucher as expired, or nothing where it erased it.
    const kept = sim.store.vouchers.get(code);
    expect(kept === undefined).toBe(sim.config.voucherDelete === "erase");
    const expired = await listVouchers(`batch=${created.batch}&status=expired`);
    expect(expired.items.map((v) => v.username)).toEqual(kept ? [code] : []);
    expect((await listVouchers(`batch=${created.batch}&pageSize=1000`)).totalItems).toBe(kept ? 45 : 44);
  });

  it("pages users without losing any, filters the whole table, and creates, reads and deletes a user", async () => {
    const seen: AccountDto[] = [];
    for (let page = 1; ; page++) {
      const users = await listUsers(`page=${page}&pageSize=100`);
      seen.push(...users.items);
      if (!users.hasMore) break;
      expect(users.items).toHaveLength(100);
    }
    expect(new Set(seen.map((u) => u.username))).toEqual(new Set(sim.store.users.keys()));
    const pages = JSON.stringify(seen);
    expect([...sim.store.users.values()].filter((u) => pages.includes(`"${u.password}"`))).toEqual([]);

    const active = await listUsers("status=active&sort=username&dir=desc&pageSize=500");
    expect(active.totalItems).toBe(seen.filter((u) => u.status === "active").length);
    expect(active.table?.rowsRead).toBe(sim.store.users.size);
    const names = active.items.map((u) => u.username);
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a)));

    const username = `${prefix}.guest`;
    const created = await afterRestart(async () =>
      ok<AccountDto>(
        await call(CREATE_USER, {
          method: "POST",
          headers: { cookie: operator },
          params: { connectionId },
          body: { username, password: "pw-123456", profile: "wx_temp", mac: "AA:BB:CC:DD:EE:FF" },
        }),
        201,
      ),
    );
    expect(created).toMatchObject({
      username,
      profile: "wx_temp",
      status: "active",
      mac: "aa:bb:cc:dd:ee:ff",
    });
    expect(sim.store.users.get(username)?.status).toBe("act");
    const got = await ok<AccountDto>(await get(GET_USER, "/x", { username }));
    expect(got.username).toBe(username);
    await afterRestart(async () =>
      ok(
        await call(DELETE_USER, {
          method: "DELETE",
          headers: { cookie: operator },
          params: { connectionId, username },
        }),
      ),
    );
    expect(sim.store.users.has(username)).toBe(false);
    expect((await get(GET_USER, "/x", { username })).status).toBe(404);
  });

  it("pages the login history of everyone and of one user", async () => {
    const first = await afterRestart(async () => ok<SessionPageDto>(await get(HISTORY, "/x?pageSize=120")));
    expect(first.items).toHaveLength(120);
    expect(first.hasMore).toBe(true);
    const second = await ok<SessionPageDto>(await get(HISTORY, "/x?pageSize=120&page=2"));
    expect(second.items.length).toBeGreaterThan(0);
    const ids = new Set([...first.items, ...second.items].map((s) => s.id));
    expect(ids.size).toBe(first.items.length + second.items.length);
    const username = first.items[0]?.username ?? "";
    const own = await ok<SessionPageDto>(
      await get(HISTORY, `/x?pageSize=500&username=${encodeURIComponent(username)}`),
    );
    expect(own.items.length).toBe(sim.history.query({ username }).length);
    expect(own.items.every((s) => s.username === username)).toBe(true);
  });
  /** What the index holds for a connection's list: usernames and statuses, and how it was read. */
  async function indexed(id: string, kind: "user" | "voucher") {
    const rows = await db
      .select({ username: kiwireIndexAccounts.username, status: kiwireIndexAccounts.status })
      .from(kiwireIndexAccounts)
      .where(and(eq(kiwireIndexAccounts.connectionId, id), eq(kiwireIndexAccounts.kind, kind)));
    return new Map(rows.map((row) => [row.username, row.status]));
  }
  const refresh = (handler: typeof REFRESH_VOUCHERS, id = connectionId) =>
    call(handler, { method: "POST", headers: { cookie: viewer }, params: { connectionId: id } });

  it("indexes every voucher and user however the appliance pages, and lists from the index alone", async () => {
    await listVouchers("pageSize=1");
    await listUsers("pageSize=1");
    expect(new Set((await indexed(connectionId, "voucher")).keys())).toEqual(
      new Set(sim.store.vouchers.keys()),
    );
    expect(new Set((await indexed(connectionId, "user")).keys())).toEqual(new Set(sim.store.users.keys()));
    // Once built, a page, a filter, a sort and an export ask Kiwire nothing.
    const requests = sim.stats.requests;
    await listVouchers("status=active&pageSize=7&page=2");
    await listUsers("q=a&sort=expiry&dir=desc");
    await (await get(EXPORT, "/x?status=expired")).text();
    expect(sim.stats.requests).toBe(requests);
  });

  it("shows a change made behind the console's back after a refresh, and not before", async () => {
    const [voucher] = [...sim.store.vouchers.values()];
    const [user] = [...sim.store.users.values()];
    if (!voucher || !user) throw new Error("the simulator seeded no accounts");
    await listVouchers("pageSize=1");
    await listUsers("pageSize=1");
    // On the appliance itself: one voucher suspended, one user erased, one user added.
    voucher.status = "sus";
    sim.store.users.delete(user.username);
    const added = `${prefix}.behind`;
    sim.store.users.set(added, { ...user, username: added, user_id: user.user_id + 100_000 });

    expect((await listVouchers(`q=${voucher.username}`)).items[0]?.status).not.toBe("suspended");
    const read = await ok<VoucherPageDto["table"]>(await refresh(REFRESH_VOUCHERS));
    expect(read.rowsRead).toBe(sim.store.vouchers.size);
    expect(Date.parse(read.asOf)).toBeLessThanOrEqual(Date.now());
    expect((await listVouchers(`q=${voucher.username}`)).items[0]?.status).toBe("suspended");

    await ok(await refresh(REFRESH_USERS));
    const users = await indexed(connectionId, "user");
    expect(users.has(user.username)).toBe(false);
    expect(users.has(added)).toBe(true);
    expect(new Set(users.keys())).toEqual(new Set(sim.store.users.keys()));
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "kiwire-index.refresh"), eq(auditEvents.targetId, "users")));
    expect(audit?.result).toBe("success");
  });

  it("drops a removed connection's index", async () => {
    const id = `${connectionId}-removed`;
    await ok(
      await call(CREATE_CONNECTION, {
        method: "POST",
        headers: { cookie: admin },
        body: connectionFor(sim, { id }),
      }),
      201,
    );
    await ok(
      await call(LIST_VOUCHERS, { path: "/x", headers: { cookie: viewer }, params: { connectionId: id } }),
    );
    await ok(await refresh(REFRESH_USERS, id));
    expect((await indexed(id, "voucher")).size).toBe(sim.store.vouchers.size);
    await ok(await call(DELETE_CONNECTION, { method: "DELETE", headers: { cookie: admin }, params: { id } }));
    expect((await indexed(id, "voucher")).size).toBe(0);
    expect((await indexed(id, "user")).size).toBe(0);
    expect(await db.select().from(kiwireIndexTables).where(eq(kiwireIndexTables.connectionId, id))).toEqual(
      [],
    );
  });
});
