import { describe, expect, it } from "vitest";
import type { KayakoClient } from "./client";
import { forgetLookups, LOOKUP_TTL_MS, lookupsFor } from "./lookups";
import { parseKayakoXml } from "./xml";

const HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';
const ANSWERS: Record<string, string> = {
  "/Base/Department": `${HEADER}<departments>\n<department>\n<id><![CDATA[1]]></id>\n<title><![CDATA[Support]]></title>\n<module><![CDATA[tickets]]></module>\n<app><![CDATA[tickets]]></app>\n</department>\n<department>\n<id><![CDATA[7]]></id>\n<title><![CDATA[Chat]]></title>\n<module><![CDATA[livechat]]></module>\n<app><![CDATA[livechat]]></app>\n</department>\n</departments>`,
  "/Tickets/TicketStatus": `${HEADER}<ticketstatuses>\n<ticketstatus>\n<id><![CDATA[1]]></id>\n<title><![CDATA[Open]]></title>\n<departmentid><![CDATA[0]]></departmentid>\n<markasresolved><![CDATA[0]]></markasresolved>\n</ticketstatus>\n<ticketstatus>\n<id><![CDATA[3]]></id>\n<title><![CDATA[Closed]]></title>\n<departmentid><![CDATA[0]]></departmentid>\n<markasresolved><![CDATA[1]]></markasresolved>\n</ticketstatus>\n</ticketstatuses>`,
  "/Tickets/TicketPriority": `${HEADER}<ticketpriorities>\n<ticketpriority>\n<id><![CDATA[1]]></id>\n<title><![CDATA[Normal]]></title>\n</ticketpriority>\n</ticketpriorities>`,
  "/Tickets/TicketType": `${HEADER}<tickettypes>\n<tickettype>\n<id><![CDATA[1]]></id>\n<title><![CDATA[Issue]]></title>\n</tickettype>\n</tickettypes>`,
  "/Base/Staff": `${HEADER}<staffusers>\n<staff>\n<id><![CDATA[2]]></id>\n<firstname><![CDATA[Ana]]></firstname>\n<lastname><![CDATA[Li]]></lastname>\n<fullname />\n<isenabled><![CDATA[1]]></isenabled>\n</staff>\n</staffusers>`,
};

function fakeClient() {
  const calls: string[] = [];
  const client = {
    async get(route: string) {
      calls.push(route);
      return parseKayakoXml(ANSWERS[route] ?? "", route);
    },
  } as unknown as KayakoClient;
  return { client, calls };
}

describe("Kayako lookups", () => {
  it("keeps ticket departments only and marks resolved statuses", async () => {
    forgetLookups();
    const lookups = await lookupsFor(fakeClient().client, "a", () => 0);
    expect(lookups.departments).toEqual([{ id: 1, title: "Support" }]);
    expect(lookups.statuses.map((s) => [s.title, s.resolved])).toEqual([
      ["Open", false],
      ["Closed", true],
    ]);
    expect(lookups.types).toEqual([{ id: 1, title: "Issue" }]);
    expect(lookups.staff).toEqual([{ id: 2, title: "Ana Li", enabled: true }]);
  });

  it("serves the cache for minutes, then reloads", async () => {
    forgetLookups();
    const { client, calls } = fakeClient();
    let now = 1_000;
    await lookupsFor(client, "b", () => now);
    now += LOOKUP_TTL_MS - 1;
    await lookupsFor(client, "b", () => now);
    expect(calls).toHaveLength(5);
    now += 2;
    await lookupsFor(client, "b", () => now);
    expect(calls).toHaveLength(10);
  });

  it("does not cache a failure", async () => {
    forgetLookups();
    let fail = true;
    const client = {
      async get(route: string) {
        if (fail) throw new Error("down");
        return parseKayakoXml(ANSWERS[route] ?? "", route);
      },
    } as unknown as KayakoClient;
    await expect(lookupsFor(client, "c", () => 0)).rejects.toThrow("down");
    fail = false;
    await expect(lookupsFor(client, "c", () => 0)).resolves.toMatchObject({ priorities: [{ id: 1 }] });
  });
});
