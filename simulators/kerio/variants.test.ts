import { afterEach, describe, expect, it } from "vitest";
import {
  type RunningKerioSimulator,
  startKerioConnectSimulator,
  startKerioControlSimulator,
  startKerioOperatorSimulator,
} from "./simulator";
import { KerioTestClient } from "./testing-client";

/** Each switch of variants.ts, checked alone against the default behaviour it replaces. */

const running: RunningKerioSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

async function clientOf<S extends RunningKerioSimulator>(sim: S): Promise<KerioTestClient> {
  running.push(sim);
  const client = new KerioTestClient(sim.apiUrl);
  await client.login(sim.credentials.username, sim.credentials.password);
  return client;
}

const INVALID_PARAMS = -32602;
const search = (fieldName: string, comparator: string, value: string) => ({
  query: { conditions: [{ fieldName, comparator, value }], start: 0, limit: 5 },
});
const fullDetail = (telNum: string) => ({
  telNum,
  description: "",
  sipUsername: telNum,
  sipPassword: "Abcdefgh23456789",
  callPermission: 1,
  userGuid: null,
  dtmfMode: 0,
  faxDetect: false,
  faxDetectType: 0,
  natSupport: false,
  recordInbound: false,
  recordOutbound: false,
  secured: false,
});

describe("Operator switches", () => {
  it("searchField: each single-spelling build refuses the other spelling with -32602", async () => {
    const both = await clientOf(await startKerioOperatorSimulator({ extensions: 30 }));
    await both.result("Extensions.get", search("QUICKSEARCH", "Like", "10"));
    await both.result("Extensions.get", search("SEARCH", "=", "10"));

    const quick = await clientOf(
      await startKerioOperatorSimulator({ extensions: 30, variant: { searchField: "QUICKSEARCH" } }),
    );
    await quick.result("Extensions.get", search("QUICKSEARCH", "Like", "10"));
    expect((await quick.error("Extensions.get", search("SEARCH", "=", "10"))).code).toBe(INVALID_PARAMS);
    expect((await quick.error("Extensions.get", search("QUICKSEARCH", "=", "10"))).code).toBe(INVALID_PARAMS);

    const only = await clientOf(
      await startKerioOperatorSimulator({ extensions: 30, variant: { searchField: "SEARCH" } }),
    );
    const found = await only.result<{ sipExtensionList: Array<{ telNum: string }> }>(
      "Extensions.get",
      search("SEARCH", "=", "100"),
    );
    expect(found.sipExtensionList.length).toBeGreaterThan(0);
    expect((await only.error("Extensions.get", search("QUICKSEARCH", "Like", "10"))).code).toBe(
      INVALID_PARAMS,
    );
    expect((await only.error("Extensions.get", search("SEARCH", "Like", "10"))).code).toBe(INVALID_PARAMS);
    expect((await only.error("Users.get", search("QUICKSEARCH", "Like", "a"))).code).toBe(INVALID_PARAMS);
  });

  it("lineConditions: honoured filters, ignored returns every row, refused answers -32602", async () => {
    const linesOnly = { query: { conditions: [{ fieldName: "lineType", comparator: "Eq", value: "1" }] } };
    type Rows = { sipExtensionList: Array<{ lineType: number }>; totalItems: number };
    const honoured = await clientOf(await startKerioOperatorSimulator({ extensions: 200 }));
    const lines = await honoured.result<Rows>("Extensions.get", linesOnly);
    expect(lines.sipExtensionList.length).toBeGreaterThan(0);
    expect(lines.sipExtensionList.every((row) => row.lineType === 1)).toBe(true);

    const ignoredSim = await startKerioOperatorSimulator({
      extensions: 200,
      variant: { lineConditions: "ignored" },
    });
    const ignored = await clientOf(ignoredSim);
    const all = await ignored.result<Rows>("Extensions.get", linesOnly);
    expect(all.totalItems).toBe(ignoredSim.store.rows().length);

    const refused = await clientOf(
      await startKerioOperatorSimulator({ extensions: 20, variant: { lineConditions: "refused" } }),
    );
    const parent = { query: { conditions: [{ fieldName: "parentId", comparator: "Eq", value: "1" }] } };
    expect((await refused.error("Extensions.get", parent)).code).toBe(INVALID_PARAMS);
  });

  it("createDetail full refuses a partial detail; createAnswer/createRefusal change the answer's shape", async () => {
    const sim = await startKerioOperatorSimulator({
      extensions: 20,
      variant: { createDetail: "full", createAnswer: "empty", createRefusal: "item" },
    });
    const client = await clientOf(sim);
    expect((await client.error("Extensions.create", { detail: { telNum: "5000" } })).code).toBe(
      INVALID_PARAMS,
    );
    expect(await client.result("Extensions.create", { detail: fullDetail("5000") })).toEqual({ errors: [] });
    expect([...sim.store.extensions.values()].filter((e) => e.telNum === "5000")).toHaveLength(1);
    const duplicate = await client.result<{ errors: Array<{ inputIndex: number; code: number }> }>(
      "Extensions.create",
      { detail: fullDetail("5000") },
    );
    expect(duplicate.errors).toEqual([expect.objectContaining({ inputIndex: 0, code: 1001 })]);
  });

  it("nextValidNumber absent answers -32601", async () => {
    const client = await clientOf(
      await startKerioOperatorSimulator({ extensions: 20, variant: { nextValidNumber: "absent" } }),
    );
    expect((await client.error("Extensions.getNextValidNumber")).code).toBe(-32601);
  });
});

describe("transport switches", () => {
  it("rowLimit caps every answer while totalItems counts every match", async () => {
    const client = await clientOf(
      await startKerioConnectSimulator({ domains: 1, usersPerDomain: 50, variant: { rowLimit: 7 } }),
    );
    const [domain] = (await client.result<{ list: Array<{ id: string }> }>("Domains.get", { query: {} }))
      .list;
    const users = await client.result<{ list: unknown[]; totalItems: number }>("Users.get", {
      query: { start: 0, limit: -1 },
      domainId: domain?.id,
    });
    expect(users.list).toHaveLength(7);
    expect(users.totalItems).toBe(50);
  });

  it("bodyToken and tokenCookie required: a call lacking either is a dead session", async () => {
    const client = await clientOf(
      await startKerioControlSimulator({ variant: { bodyToken: "required", tokenCookie: "required" } }),
    );
    expect((await client.error("Session.getUserName")).code).toBe(-32001);
    expect(await client.result("Session.getUserName", undefined, { bodyToken: client.token })).toEqual({
      name: "Admin",
    });
    const withoutTokenCookie = [...client.cookies.keys()].find((name) => name.startsWith("TOKEN_")) ?? "";
    client.cookies.delete(withoutTokenCookie);
    expect((await client.error("Session.getUserName", undefined, { bodyToken: client.token })).code).toBe(
      -32001,
    );
  });
});

describe("Control switches", () => {
  type Entry = { id: string; host: string; description: string; enabled: boolean; groupId: string };
  const listed = async (client: KerioTestClient) =>
    (await client.result<{ list: Entry[] }>("IpAddressGroups.get", { query: {} })).list;
  const created = {
    groupId: "",
    groupName: "Blocked hosts",
    type: "Host",
    host: "192.0.2.77",
    description: "x",
  };

  it("createdIds temporary: a tmp id until apply, then another, real id", async () => {
    const client = await clientOf(await startKerioControlSimulator({ variant: { createdIds: "temporary" } }));
    const answer = await client.result<{ result: Array<{ id: string }> }>("IpAddressGroups.create", {
      groups: [created],
    });
    const tmp = answer.result[0]?.id ?? "";
    expect(tmp).toMatch(/^tmp-\d+$/);
    expect((await listed(client)).some((entry) => entry.id === tmp)).toBe(true);
    await client.result("IpAddressGroups.apply");
    const after = await listed(client);
    expect(after.some((entry) => entry.id === tmp)).toBe(false);
    expect(after.find((entry) => entry.host === created.host)?.id).toMatch(/^\d+$/);
  });

  it("setDetails: replace resets absent members, whole refuses a partial set", async () => {
    const replace = await clientOf(await startKerioControlSimulator({ variant: { setDetails: "replace" } }));
    const target = (await listed(replace)).find((entry) => entry.description !== "") as Entry;
    await replace.result("IpAddressGroups.set", { groupIds: [target.id], details: { enabled: true } });
    expect((await listed(replace)).find((entry) => entry.id === target.id)?.description).toBe("");

    const whole = await clientOf(await startKerioControlSimulator({ variant: { setDetails: "whole" } }));
    const entry = (await listed(whole)).find((candidate) => candidate.host === "192.168.1.25") as Entry;
    const partial = { groupIds: [entry.id], details: { enabled: false } };
    expect((await whole.error("IpAddressGroups.set", partial)).code).toBe(INVALID_PARAMS);
    const full = { ...entry, type: "Host", enabled: false };
    await whole.result("IpAddressGroups.set", { groupIds: [entry.id], details: full });
    expect((await listed(whole)).find((candidate) => candidate.id === entry.id)?.enabled).toBe(false);
  });
});
