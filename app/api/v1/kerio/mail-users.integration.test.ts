import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { MailDomainDto, MailUserDto, MailUserPageDto } from "@/lib/api/kerio-connect";
import { installFileConnections } from "@/lib/server/connections/file-source";
import type { Database } from "@/lib/server/db/client";
import { auditEvents } from "@/lib/server/db/schema";
import { type RunningKerioConnectSimulator, startKerioConnectSimulator } from "@/simulators/kerio/simulator";
import { CONNECT_VARIANT_MATRIX } from "@/simulators/kerio/variants";
import { connectionFor } from "@/testing/connection-fixtures";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";
import { POST as CREATE_CONNECTION } from "../connections/route";
import { GET as DOMAINS } from "./[connectionId]/mail-domains/route";
import { DELETE, PATCH } from "./[connectionId]/mail-users/[userId]/route";
import { GET as LIST, POST } from "./[connectionId]/mail-users/route";

process.env.CONSOLE_SECRET_KEY ??= "integration-test-master-key-integration-test";

let simulator: RunningKerioConnectSimulator;
let db: Database;
let operator: string;
let viewer: string;
let connectionId: string;
let counter = 0;

async function connect(): Promise<void> {
  simulator.store.licenseUserLimit = 500;
  db = await freshDatabase();
  installFileConnections([]);
  const admin = (await userWithSession(db, "admin")).cookie;
  operator = (await userWithSession(db, "operator")).cookie;
  viewer = (await userWithSession(db, "viewer")).cookie;
  connectionId = `mail-${++counter}-${Date.now().toString(36)}`;
  const response = await call(CREATE_CONNECTION, {
    method: "POST",
    headers: { cookie: admin },
    body: connectionFor(simulator, { id: connectionId }),
  });
  expect(response.status).toBe(201);
}

async function domains(): Promise<MailDomainDto[]> {
  const response = await call(DOMAINS, { headers: { cookie: operator }, params: { connectionId } });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()).items;
}

async function list(query: string, cookie = operator): Promise<MailUserPageDto> {
  const response = await call(LIST, { path: `/x?${query}`, headers: { cookie }, params: { connectionId } });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

function create(body: Record<string, unknown>, cookie = operator) {
  return call(POST, { method: "POST", headers: { cookie }, params: { connectionId }, body });
}

const enc = encodeURIComponent;

// Every flow against every Connect build the documents allow (simulators/kerio/variants.ts).
describe.each(CONNECT_VARIANT_MATRIX)("Kerio Connect users through the BFF: $name", ({ variant }) => {
  beforeAll(async () => {
    simulator = await startKerioConnectSimulator({ port: 0, domains: 2, usersPerDomain: 120, variant });
  }, 60_000);
  afterAll(async () => {
    await simulator?.close();
  });
  beforeEach(connect);

  it("lists domains, pages, sorts and quick-searches one domain's users on the server", async () => {
    const all = await domains();
    expect(all.map((domain) => domain.name)).toEqual(["example.com", "example.org"]);
    const domainId = all[0]?.id ?? "";
    const first = await list(`domainId=${enc(domainId)}&page=1&pageSize=50&sort=loginName`);
    const second = await list(`domainId=${enc(domainId)}&page=2&pageSize=50&sort=loginName`);
    expect(first.totalItems).toBe(120);
    expect(first.items).toHaveLength(50);
    const names = [...first.items, ...second.items].map((user) => user.loginName.toLowerCase());
    expect(new Set(names).size).toBe(100);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en", { numeric: true })));
    const target = second.items[3] as MailUserDto;
    const found = await list(`domainId=${enc(domainId)}&q=${enc(target.loginName)}`);
    expect(found.items.map((user) => user.id)).toContain(target.id);
    expect(found.totalItems).toBeLessThan(120);
    expect(target.consumedBytes).toEqual(expect.any(Number));
  });

  it("creates, disables, enables and removes a user keeping the folder, confirmed by name", async () => {
    const domainId = (await domains())[1]?.id ?? "";
    const loginName = `new.user${counter}`;
    const response = await create({ domainId, loginName, fullName: "New User", password: "s3cret!" });
    expect(response.status, await response.clone().text()).toBe(201);
    const created: MailUserDto = await response.json();
    expect(created).toMatchObject({ loginName, fullName: "New User", enabled: true, domainId });
    expect(simulator.store.users.get(created.id)?.password).toBe("s3cret!");

    const disable = await call(PATCH, {
      method: "PATCH",
      headers: { cookie: operator },
      params: { connectionId, userId: enc(created.id) },
      body: { enabled: false },
    });
    expect(disable.status, await disable.clone().text()).toBe(200);
    expect((await disable.json()).enabled).toBe(false);
    expect(simulator.store.users.get(created.id)?.isEnabled).toBe(false);
    const enable = await call(PATCH, {
      method: "PATCH",
      headers: { cookie: operator },
      params: { connectionId, userId: created.id },
      body: { enabled: true, fullName: "Renamed User" },
    });
    expect(enable.status, await enable.clone().text()).toBe(200);
    expect(await enable.json()).toMatchObject({ enabled: true, fullName: "Renamed User" });
    expect(simulator.store.users.get(created.id)?.isEnabled).toBe(true);

    const wrongName = await call(DELETE, {
      method: "DELETE",
      path: `/x?mode=keepFolder&confirm=someone`,
      headers: { cookie: operator },
      params: { connectionId, userId: enc(created.id) },
    });
    expect(wrongName.status).toBe(422);
    expect(simulator.store.users.has(created.id)).toBe(true);

    const removed = await call(DELETE, {
      method: "DELETE",
      path: `/x?mode=keepFolder&confirm=${enc(loginName)}`,
      headers: { cookie: operator },
      params: { connectionId, userId: enc(created.id) },
    });
    expect(removed.status, await removed.clone().text()).toBe(200);
    expect(simulator.store.users.has(created.id)).toBe(false);
    expect(simulator.store.removals.at(-1)).toMatchObject({ userId: created.id, method: "UDeleteUser" });
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.action, "mail-users.remove"));
    expect(audit.at(-1)).toMatchObject({
      targetConnection: connectionId,
      targetId: created.id,
      result: "success",
    });
  });

  it("removes with the mailbox when asked", async () => {
    const domainId = (await domains())[0]?.id ?? "";
    const victim = (await list(`domainId=${enc(domainId)}&pageSize=1&sort=loginName&dir=desc`)).items[0];
    const removed = await call(DELETE, {
      method: "DELETE",
      path: `/x?mode=deleteMailbox&confirm=${enc(victim?.loginName ?? "")}`,
      headers: { cookie: operator },
      params: { connectionId, userId: victim?.id ?? "" },
    });
    expect(removed.status, await removed.clone().text()).toBe(200);
    expect(simulator.store.removals.at(-1)).toMatchObject({ userId: victim?.id, method: "UDeleteFolder" });
  });

  it("shows the licence's user limit and a duplicate login on the right fields", async () => {
    const domainId = (await domains())[0]?.id ?? "";
    const enabled = [...simulator.store.users.values()].filter((user) => user.isEnabled).length;
    simulator.store.licenseUserLimit = enabled;
    const refused = await create({ domainId, loginName: `over${counter}`, password: "x" });
    expect(refused.status).toBe(409);
    const body = await refused.json();
    expect(body.error.message).toContain("licence's user limit is reached");
    expect(body.error.details).toEqual([{ field: "enabled", message: body.error.message }]);
    // A disabled account does not count against the licence.
    const disabled = await create({ domainId, loginName: `over${counter}`, password: "x", enabled: false });
    expect(disabled.status, await disabled.clone().text()).toBe(201);

    const duplicate = await create({ domainId, loginName: `OVER${counter}`, password: "x", enabled: false });
    expect(duplicate.status).toBe(409);
    expect((await duplicate.json()).error.details[0].field).toBe("loginName");
  });

  it("creates exactly one user when the session expires during the create", async () => {
    const domainId = (await domains())[0]?.id ?? "";
    simulator.expireAllSessions();
    const loginName = `relogin${counter}`;
    const response = await create({ domainId, loginName, password: "x" });
    expect(response.status, await response.clone().text()).toBe(201);
    const matches = [...simulator.store.users.values()].filter((user) => user.loginName === loginName);
    expect(matches).toHaveLength(1);
  });

  it("lets a viewer read but not write", async () => {
    const domainId = (await domains())[0]?.id ?? "";
    expect((await list(`domainId=${enc(domainId)}&pageSize=1`, viewer)).items).toHaveLength(1);
    const refused = await create({ domainId, loginName: "nope", password: "x" }, viewer);
    expect(refused.status).toBe(403);
  });
});
