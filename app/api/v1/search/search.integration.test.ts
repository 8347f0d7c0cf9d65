import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SearchResultDto } from "@/lib/api/search";
import { installFileConnections } from "@/lib/server/connections/file-source";
import type { Database } from "@/lib/server/db/client";
import { type RunningKalliopeSimulator, startKalliopeSimulator } from "@/simulators/kalliope/simulator";
import { type RunningKayakoSimulator, startKayakoSimulator } from "@/simulators/kayako/simulator";
import {
  type RunningKerioOperatorSimulator,
  startKerioOperatorSimulator,
} from "@/simulators/kerio/simulator";
import { type RunningKiwireSimulator, startKiwireSimulator } from "@/simulators/kiwire/simulator";
import { connectionFor } from "@/testing/connection-fixtures";
import { freePort } from "@/testing/free-port";
import { call, freshDatabase, userWithSession } from "@/testing/test-db";
import { POST as CREATE_CONNECTION } from "../connections/route";
import { GET as SEARCH } from "./route";

process.env.CONSOLE_SECRET_KEY ??= "integration-test-master-key-integration-test";

let pbx: RunningKerioOperatorSimulator;
let helpdesk: RunningKayakoSimulator;
let hotspot: RunningKiwireSimulator;
let pbxCalls: RunningKalliopeSimulator;
let db: Database;
let viewer: string;
const stamp = Date.now().toString(36);

async function search(q: string, cookie = viewer): Promise<SearchResultDto> {
  const response = await call(SEARCH, { path: `/x?q=${encodeURIComponent(q)}`, headers: { cookie } });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

beforeAll(async () => {
  [pbx, helpdesk, hotspot, pbxCalls] = await Promise.all([
    startKerioOperatorSimulator({ port: 0, extensions: 20 }),
    startKayakoSimulator({ port: 0, tickets: 5, staff: 2, users: 3, organizations: 1, historyDays: 2 }),
    startKiwireSimulator({ port: 0, users: 5, vouchers: 5, profiles: 1, nas: 1, devices: 1, historyDays: 1 }),
    startKalliopeSimulator({ port: 0, callsPerDay: 5, days: 2, dailyVariation: false }),
  ]);
  db = await freshDatabase();
  installFileConnections([]);
  const admin = (await userWithSession(db, "admin")).cookie;
  viewer = (await userWithSession(db, "viewer")).cookie;
  // A helpdesk nobody answers at: its failure must show beside the others, not instead of them.
  const deadPort = await freePort();
  const connections = [
    connectionFor(pbx, { id: `pbx-${stamp}`, name: "Main PBX" }),
    connectionFor(helpdesk, { id: `help-${stamp}`, name: "Helpdesk" }),
    connectionFor(hotspot, { id: `wifi-${stamp}`, name: "Wi-Fi" }),
    connectionFor(pbxCalls, { id: `calls-${stamp}`, name: "Calls", domain: "default" }),
    connectionFor(helpdesk, {
      id: `gone-${stamp}`,
      name: "Old helpdesk",
      baseUrl: `http://127.0.0.1:${deadPort}/api/index.php`,
    }),
  ];
  for (const body of connections) {
    const response = await call(CREATE_CONNECTION, { method: "POST", headers: { cookie: admin }, body });
    expect(response.status, await response.clone().text()).toBe(201);
  }
}, 60_000);

afterAll(async () => {
  await Promise.all([pbx?.close(), helpdesk?.close(), hotspot?.close(), pbxCalls?.close()]);
});

describe("GET /api/v1/search", () => {
  it("finds an extension by its number on the PBX, and says what it searched", async () => {
    const number = pbx.store.rows().find((row) => row.lineType !== 1)?.telNum ?? "";
    const result = await search(number);
    const extensions = result.sources.find((source) => source.kind === "extension");
    expect(extensions).toMatchObject({
      connectionId: `pbx-${stamp}`,
      connectionName: "Main PBX",
      status: "ok",
      searched: `extension numbers containing ${number}`,
    });
    expect(extensions?.items.map((item) => item.id)).toContain(number);
  });

  it("finds a ticket by its mask, while the helpdesk that is down reports its failure beside it", async () => {
    const mask = helpdesk.store.maskOf(3);
    const result = await search(mask.toLowerCase());
    const tickets = result.sources.filter((source) => source.kind === "ticket");
    expect(tickets.map(({ connectionId, status }) => ({ connectionId, status }))).toEqual(
      expect.arrayContaining([
        { connectionId: `help-${stamp}`, status: "ok" },
        { connectionId: `gone-${stamp}`, status: "failed" },
      ]),
    );
    const found = tickets.find((source) => source.status === "ok");
    expect(found?.items).toEqual([expect.objectContaining({ kind: "ticket", id: "3" })]);
    const failed = tickets.find((source) => source.status === "failed");
    expect(failed?.message).toMatch(/Kayako/);
    expect(JSON.stringify(result)).not.toMatch(/secret|apiKey/i);
  });

  it("finds a voucher by its code and a hotspot user by name in the Kiwire index", async () => {
    const code = [...hotspot.store.vouchers.keys()][0] ?? "";
    const vouchers = (await search(code)).sources.find((source) => source.kind === "voucher");
    expect(vouchers).toMatchObject({ connectionId: `wifi-${stamp}`, status: "ok" });
    expect(vouchers?.items.map((item) => item.id)).toContain(code);

    const user = [...hotspot.store.users.values()][0];
    const users = (await search(user?.username ?? "")).sources.find(
      (source) => source.kind === "hotspotUser",
    );
    expect(users?.items.map((item) => item.id)).toContain(user?.username);
  });

  it("finds a call by its unique id on the PBX", async () => {
    const yesterday = Math.floor(Date.now() / 86_400_000) - 1;
    const known = pbxCalls.cdr.callsForDay("default", yesterday)[0]?.summary;
    const result = await search(known?.id ?? "");
    const calls = result.sources.find((source) => source.kind === "call");
    expect(calls).toMatchObject({ connectionId: `calls-${stamp}`, status: "ok" });
    expect(calls?.items).toEqual([expect.objectContaining({ kind: "call", id: known?.id })]);
  });

  it("answers an unknown ticket id as nothing found, not as a failure", async () => {
    const result = await search("999999");
    const help = result.sources.find((source) => source.connectionId === `help-${stamp}`);
    expect(help).toMatchObject({ status: "ok", items: [] });
  });

  it("refuses an empty query with a message saying what to enter", async () => {
    const response = await call(SEARCH, { path: "/x?q=%20", headers: { cookie: viewer } });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/Enter what to search for/);
  });
});
