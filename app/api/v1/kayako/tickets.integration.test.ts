import { and, eq, gt, max } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type {
  HelpdeskUserDto,
  TicketDetailDto,
  TicketLookupsDto,
  TicketPageDto,
  UpdateTicketResultDto,
} from "@/lib/api/kayako";
import { installFileConnections } from "@/lib/server/connections/file-source";
import type { Database } from "@/lib/server/db/client";
import { auditEvents } from "@/lib/server/db/schema";
import { createApiToken } from "@/lib/server/users/api-tokens";
import { kayakoSignature } from "@/lib/server/vendors/kayako/sign";
import { type RunningKayakoSimulator, startKayakoSimulator } from "@/simulators/kayako/simulator";
import { KAYAKO_VARIANTS } from "@/simulators/kayako/variants";
import { connectionFor } from "@/testing/connection-fixtures";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";
import { POST as CREATE_CONNECTION } from "../connections/route";
import { GET as LOOKUPS } from "./[connectionId]/lookups/route";
import { PUT as SET_MAPPING } from "./[connectionId]/staff-mappings/[userId]/route";
import { GET as LIST_MAPPINGS } from "./[connectionId]/staff-mappings/route";
import { POST as REPLY } from "./[connectionId]/tickets/[ticketId]/replies/route";
import { GET as GET_ONE, PATCH } from "./[connectionId]/tickets/[ticketId]/route";
import { GET as LIST } from "./[connectionId]/tickets/route";
import { GET as USERS } from "./[connectionId]/users/route";

// Salts are random; a test may queue chosen ones to force signatures with `+` and `/` into the form body.
const saltQueue: string[] = [];
vi.mock("@/lib/server/vendors/kayako/sign", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/server/vendors/kayako/sign")>();
  return {
    ...original,
    signedParams: (apiKey: string, secretKey: string, salt?: string) =>
      original.signedParams(apiKey, secretKey, salt ?? saltQueue.shift() ?? original.randomSalt()),
  };
});

process.env.CONSOLE_SECRET_KEY ??= "integration-test-master-key-integration-test";

let simulator: RunningKayakoSimulator;
let db: Database;
let admin: string;
let operator: string;
let operatorId: string;
let viewer: string;
let connectionId: string;
let counter = 0;
let auditedBefore = 0;

async function createConnection(overrides: Record<string, unknown> = {}): Promise<string> {
  const id = `help-${++counter}-${Date.now().toString(36)}`;
  const response = await call(CREATE_CONNECTION, {
    method: "POST",
    headers: { cookie: admin },
    body: connectionFor(simulator, { id, ...overrides }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return id;
}

/** The database and its people live as long as one helpdesk variant; each test gets its own connection. */
beforeAll(async () => {
  db = await freshDatabase();
  installFileConnections([]);
  admin = (await userWithSession(db, "admin")).cookie;
  const op = await userWithSession(db, "operator");
  operator = op.cookie;
  operatorId = op.user.id;
  viewer = (await userWithSession(db, "viewer")).cookie;
});

beforeEach(async () => {
  simulator.settings.apiEnabled = true;
  simulator.settings.junkBeforeXml = "";
  connectionId = await createConnection();
  const [last] = await db.select({ id: max(auditEvents.id) }).from(auditEvents);
  auditedBefore = last?.id ?? 0;
});

/** This test's audit records of one action. */
const auditsOf = (action: string) =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), gt(auditEvents.id, auditedBefore)));

/** The first item, or a failed test when there is none. */
function first<T>(items: readonly T[]): T {
  const [item] = items;
  if (item === undefined) throw new Error("expected at least one item");
  return item;
}

async function json<T>(response: Response, status = 200): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(status);
  return response.json() as Promise<T>;
}

const list = (query: string, cookie = viewer, id = connectionId) =>
  call(LIST, { path: `/x?${query}`, headers: { cookie }, params: { connectionId: id } });

async function mapOperator(staffId: number) {
  return call(SET_MAPPING, {
    method: "PUT",
    headers: { cookie: admin },
    params: { connectionId, userId: operatorId },
    body: { staffId },
  });
}

describe.each(KAYAKO_VARIANTS)("Kayako tickets API, $name", ({ options }) => {
  const countsTickets = options.ticketCountRoute !== false;
  beforeAll(async () => {
    simulator = await startKayakoSimulator({
      port: 0,
      tickets: 60,
      staff: 4,
      users: 20,
      organizations: 3,
      ...options,
    });
  }, 60_000);
  afterAll(async () => {
    await simulator?.close();
  });

  it("lists open tickets of every ticket department (ListAll requires them), paged to the end", async () => {
    const page = await json<TicketPageDto>(await list("status=open&pageSize=5"));
    const unresolved = new Set(
      simulator.store.statuses.filter((s) => s.markAsResolved === 0).map((s) => s.id),
    );
    expect(page.items.length).toBe(5);
    for (const ticket of page.items) expect(unresolved.has(ticket.statusId)).toBe(true);
    const all = await json<TicketPageDto>(await list("status=open&pageSize=200"));
    expect(all.hasMore).toBe(false);
    // A helpdesk that cannot count says so instead of showing a number.
    expect(page.total).toBe(countsTickets ? all.items.length : null);
    expect(new Set(all.items.map((t) => t.departmentId)).size).toBeGreaterThan(1);
    // Sorted by last activity, newest first, by default.
    const times = all.items.map((t) => t.lastActivity ?? "");
    expect([...times].sort().reverse()).toEqual(times);

    // Page by page, Next is offered exactly while tickets remain, with or without a total.
    const paged: number[] = [];
    for (let n = 1; ; n++) {
      const next = await json<TicketPageDto>(await list(`status=open&pageSize=7&page=${n}`));
      paged.push(...next.items.map((t) => t.id));
      if (!next.hasMore) break;
    }
    expect(paged).toEqual(all.items.map((t) => t.id));
  });

  it("learns once per connection whether the helpdesk counts tickets", async () => {
    await json<TicketPageDto>(await list("status=open&pageSize=5"));
    const before = simulator.stats.authenticated;
    const again = await json<TicketPageDto>(await list("status=open&pageSize=5&page=2"));
    // ListAll, plus GetTicketCount only where it exists: an older build is not asked again.
    expect(simulator.stats.authenticated - before).toBe(countsTickets ? 2 : 1);
    expect(again.items.length).toBe(5);
  });

  it("filters closed, unassigned and by priority, in Kayako's own terms", async () => {
    const closed = await json<TicketPageDto>(await list("status=closed&pageSize=200"));
    expect(closed.items.length).toBeGreaterThan(0);
    expect(closed.items.every((t) => t.resolved)).toBe(true);
    const unassigned = await json<TicketPageDto>(await list("status=all&owner=unassigned&pageSize=200"));
    expect(unassigned.items.every((t) => t.ownerStaffId === 0 && t.owner === null)).toBe(true);
    const priorityId = first(closed.items).priorityId;
    const byPriority = await json<TicketPageDto>(await list(`status=all&priority=${priorityId}&pageSize=3`));
    expect(byPriority.items.every((t) => t.priorityId === priorityId)).toBe(true);
    expect(byPriority.total).toBeGreaterThanOrEqual(byPriority.items.length);
  });

  it("searches free text and a requester's tickets", async () => {
    const one = first((await json<TicketPageDto>(await list("status=all&pageSize=1"))).items);
    const found = await json<TicketPageDto>(await list(`status=all&q=${encodeURIComponent(one.displayId)}`));
    expect(found.items.map((t) => t.id)).toContain(one.id);
    expect(found.truncated).toBe(false);
    const mine = await json<TicketPageDto>(await list(`status=all&user=${one.userId}&pageSize=200`));
    expect(mine.items.every((t) => t.userId === one.userId)).toBe(true);
  });

  it("never passes off a search cut at the helpdesk's result limit as complete", async () => {
    const limit = simulator.settings.searchResultLimit;
    const broad = await json<TicketPageDto>(await list("status=all&q=e&pageSize=200"));
    expect(broad.items.length).toBeGreaterThan(0);
    expect(broad.items.length).toBeLessThanOrEqual(limit);
    // Either the page says the search may have been cut, or it provably was not.
    expect(broad.truncated || broad.items.length < limit).toBe(true);
  });

  it("signs form bodies whose signature holds + and / (URL-encoded once)", async () => {
    const secret = simulator.credentials.secretKey;
    const salts: string[] = [];
    for (let n = 0; salts.length < 1; n++) {
      const signature = kayakoSignature(secret, String(1_000_000_000 + n));
      if (signature.includes("+") && signature.includes("/")) salts.push(String(1_000_000_000 + n));
    }
    const failuresBefore = simulator.stats.authFailures;
    saltQueue.push(...salts);
    // The user search's first signed request is its POST, so the queued salt signs a form body.
    const users = await json<{ items: HelpdeskUserDto[] }>(
      await call(USERS, {
        path: `/x?q=${encodeURIComponent(first(first(simulator.store.users).fullName.split(" ")))}`,
        headers: { cookie: viewer },
        params: { connectionId },
      }),
    );
    expect(saltQueue).toEqual([]);
    expect(users.items.length).toBeGreaterThan(0);
    expect(simulator.stats.authFailures).toBe(failuresBefore);
  });

  it("says the keys were rejected when the secret is wrong", async () => {
    const wrong = await createConnection({ secretKey: `${simulator.credentials.secretKey}x` });
    const response = await list("status=open", viewer, wrong);
    expect(response.status).toBe(502);
    const body = await response.json();
    expect(body.error.message).toMatch(/rejected the API key or secret key \(FAILED TO AUTHENTICATE\)/);
  });

  it("says the API is disabled on a 403, and reads through PHP notices", async () => {
    simulator.settings.apiEnabled = false;
    const disabled = await list("status=open", viewer, await createConnection());
    expect(disabled.status).toBe(502);
    expect((await disabled.json()).error.message).toMatch(/REST API is disabled in Kayako/);
    simulator.settings.apiEnabled = true;
    simulator.settings.junkBeforeXml = "<br />\n<b>Notice</b>: Undefined index: x in a.php on line 1<br />\n";
    const page = await json<TicketPageDto>(await list("status=open", viewer, await createConnection()));
    expect(page.items.length).toBeGreaterThan(0);
  });

  it("detects a silent no-op update and applies a valid one, audited", async () => {
    const ticket = first((await json<TicketPageDto>(await list("status=open&pageSize=1"))).items);
    const ignored = await json<UpdateTicketResultDto>(
      await call(PATCH, {
        method: "PATCH",
        headers: { cookie: operator },
        params: { connectionId, ticketId: String(ticket.id) },
        body: { statusId: 9999 },
      }),
    );
    expect(ignored.notApplied).toEqual([{ field: "statusId", requested: 9999, actual: ticket.statusId }]);

    const closedStatus = simulator.store.statuses.find((s) => s.markAsResolved === 1 && s.departmentId === 0);
    const applied = await json<UpdateTicketResultDto>(
      await call(PATCH, {
        method: "PATCH",
        headers: { cookie: operator },
        params: { connectionId, ticketId: String(ticket.id) },
        body: { statusId: closedStatus?.id },
      }),
    );
    expect(applied.notApplied).toEqual([]);
    expect(applied.ticket.resolved).toBe(true);
    const rows = await auditsOf("kayako.ticket.update");
    expect(rows.map((r) => r.result)).toEqual(["success", "success"]);
    expect(first(rows).targetConnection).toBe(connectionId);
    expect(first(rows).targetId).toBe(String(ticket.id));
  });

  it("replies as the mapped staff member only, and never for a viewer", async () => {
    const ticket = first((await json<TicketPageDto>(await list("status=open&pageSize=1"))).items);
    const reply = (
      cookie: string,
      body: Record<string, unknown> = { contents: "We are on it.", isPrivate: false },
    ) =>
      call(REPLY, {
        method: "POST",
        headers: { cookie },
        params: { connectionId, ticketId: String(ticket.id) },
        body,
      });

    const unmapped = await reply(operator);
    expect(unmapped.status).toBe(409);
    expect((await unmapped.json()).error.message).toMatch(/not mapped to a Kayako staff member/);

    expect((await mapOperator(424242)).status).toBe(409);
    const staff = simulator.store.staff.find((s) => s.isEnabled === 1);
    await json(await mapOperator(staff?.id ?? 1));
    const lookups = await json<TicketLookupsDto>(
      await call(LOOKUPS, { headers: { cookie: operator }, params: { connectionId } }),
    );
    expect(lookups.myStaffId).toBe(staff?.id);

    await json(await reply(operator), 201);
    await json(await reply(operator, { contents: "Internal: check the carrier.", isPrivate: true }), 201);
    const detail = await json<TicketDetailDto>(
      await call(GET_ONE, {
        headers: { cookie: viewer },
        params: { connectionId, ticketId: ticket.displayId },
      }),
    );
    // Each reply stored once, and the conversation oldest first whatever the helpdesk's post order.
    expect(detail.posts.filter((p) => p.contents === "We are on it.")).toHaveLength(1);
    expect(detail.posts.map((p) => p.id)).toEqual(detail.posts.map((p) => p.id).sort((a, b) => a - b));
    const lastTwo = detail.posts.slice(-2);
    expect(lastTwo.map((p) => [p.contents, p.isPrivate, p.fromStaff])).toEqual([
      ["We are on it.", false, true],
      ["Internal: check the carrier.", true, true],
    ]);

    expect((await reply(viewer)).status).toBe(403);
    const audits = await auditsOf("kayako.ticket.reply");
    expect(audits.map((a) => a.result).sort()).toEqual(["denied", "failure", "success", "success"]);
    // The reply text stays out of the audit log.
    expect(JSON.stringify(audits.map((a) => a.input))).not.toContain("We are on it");
  });

  it("refuses replies through an API token: there is no person to map", async () => {
    const { user } = await userWithSession(db, "admin");
    const { token } = await createApiToken(db, { name: "ci", role: "operator", expiresInDays: 1 }, user.id);
    const response = await call(REPLY, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      params: { connectionId, ticketId: "1" },
      body: { contents: "from a script" },
    });
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toMatch(/API tokens cannot reply/);
    const lookups = await json<TicketLookupsDto>(
      await call(LOOKUPS, { headers: { authorization: `Bearer ${token}` }, params: { connectionId } }),
    );
    expect(lookups.myStaffId).toBeNull();
  });

  it("keeps the staff mapping admin-only", async () => {
    const denied = await call(SET_MAPPING, {
      method: "PUT",
      headers: { cookie: operator },
      params: { connectionId, userId: operatorId },
      body: { staffId: 1 },
    });
    expect(denied.status).toBe(403);
    const mappings = await json<{ items: Array<{ userId: string; staffId: number | null }> }>(
      await call(LIST_MAPPINGS, { headers: { cookie: admin }, params: { connectionId } }),
    );
    expect(mappings.items.find((m) => m.userId === operatorId)?.staffId).toBeNull();
  });

  it("shows a post Kayako holds as HTML as its text, and plain posts as they are", async () => {
    const ticketId = Array.from({ length: 60 }, (_, index) => index + 1).find((id) =>
      simulator.store.posts(id).some((post) => post.isHtml === 1),
    );
    if (ticketId === undefined) throw new Error("the seeded helpdesk has no HTML post");
    const stored = simulator.store.posts(ticketId);
    const detail = await json<TicketDetailDto>(
      await call(GET_ONE, {
        headers: { cookie: viewer },
        params: { connectionId, ticketId: String(ticketId) },
      }),
    );
    const html = first(detail.posts.filter((post) => post.isHtml));
    expect(first(stored.filter((post) => post.isHtml === 1)).contents).toMatch(/<p class="MsoNormal">/);
    expect(html.contents).not.toMatch(/[<>]|&[a-z]+;/);
    expect(html.contents).toMatch(/^\S.*\n\n\S/s);
    for (const plain of detail.posts.filter((post) => !post.isHtml)) {
      expect(plain.contents).toBe(stored.find((post) => post.id === plain.id)?.contents);
    }
  });

  it("answers 404 with Kayako's words for an unknown ticket", async () => {
    const response = await call(GET_ONE, {
      headers: { cookie: viewer },
      params: { connectionId, ticketId: "999999" },
    });
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toMatch(/Ticket not Found/);
  });
});
