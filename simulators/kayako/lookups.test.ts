import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningKayakoSimulator, startKayakoSimulator } from "./simulator";
import { kayakoGet, list, parseXml, text } from "./test-client";

describe("lookups, staff, users and organisations", () => {
  let sim: RunningKayakoSimulator;

  beforeAll(async () => {
    sim = await startKayakoSimulator({ tickets: 20, users: 30, staff: 12, organizations: 6 });
  });
  afterAll(() => sim.close());

  it("writes XML the SWIFT_XML way: header line, one tag per line, CDATA leaves, <x /> when empty, no trailing newline", async () => {
    const res = await kayakoGet(sim, "/Base/Department/4");
    expect(res.body.split("\n").slice(0, 6)).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      "<departments>",
      "<department>",
      "<id><![CDATA[4]]></id>",
      "<title><![CDATA[Network Operations]]></title>",
      "<type><![CDATA[private]]></type>",
    ]);
    expect(res.body).toContain("<usergroups>\n</usergroups>");
    expect(res.body.endsWith("</departments>")).toBe(true);
  });

  it("lists departments with module/app and user groups; livechat departments included", async () => {
    const departments = list(
      parseXml((await kayakoGet(sim, "/Base/Department")).body).departments,
      "department",
    );
    expect(departments.map((d) => text(d, "id"))).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    const chat = departments.find((d) => text(d, "title") === "Live Chat");
    expect(chat && text(chat, "module")).toBe("livechat");
    expect(chat && text(chat, "app")).toBe("livechat");
    expect(list(departments[0]?.usergroups, "id").length).toBeGreaterThan(0);
  });

  it("lists ticket statuses with their resolved flag and department", async () => {
    const statuses = list(
      parseXml((await kayakoGet(sim, "/Tickets/TicketStatus")).body).ticketstatuses,
      "ticketstatus",
    );
    const byTitle = new Map(statuses.map((s) => [text(s, "title"), s]));
    expect(text(byTitle.get("Open") ?? {}, "markasresolved")).toBe("0");
    expect(text(byTitle.get("Closed") ?? {}, "markasresolved")).toBe("1");
    expect(statuses.filter((s) => text(s, "markasresolved") === "1").length).toBeGreaterThanOrEqual(2);
    expect(statuses.some((s) => text(s, "departmentid") !== "0")).toBe(true);
    expect(text(byTitle.get("Closed") ?? {}, "displayicon")).toBe("{$themepath}icon_ticketstatusclosed.png");
  });

  it("gets one status by ID, everything for 0, and an empty container for an unknown or non-numeric ID", async () => {
    const one = list(
      parseXml((await kayakoGet(sim, "/Tickets/TicketStatus/3")).body).ticketstatuses,
      "ticketstatus",
    );
    expect(one.map((s) => text(s, "title"))).toEqual(["Closed"]);
    const all = list(
      parseXml((await kayakoGet(sim, "/Tickets/TicketStatus/0")).body).ticketstatuses,
      "ticketstatus",
    );
    expect(all.length).toBe(sim.store.statuses.length);
    expect((await kayakoGet(sim, "/Tickets/TicketStatus/99")).body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<ticketstatuses>\n</ticketstatuses>',
    );
    expect((await kayakoGet(sim, "/Tickets/TicketStatus/abc")).body).toContain(
      "<ticketstatuses>\n</ticketstatuses>",
    );
  });

  it("lists priorities and ticket types", async () => {
    const priorities = list(
      parseXml((await kayakoGet(sim, "/Tickets/TicketPriority")).body).ticketpriorities,
      "ticketpriority",
    );
    expect(priorities.map((p) => text(p, "title"))).toEqual([
      "Low",
      "Normal",
      "High",
      "Urgent",
      "Emergency",
      "Critical",
    ]);
    expect(text(priorities[0] ?? {}, "bgcolorcode")).toMatch(/^#[0-9a-f]{6}$/);
    const types = list(
      parseXml((await kayakoGet(sim, "/Tickets/TicketType")).body).tickettypes,
      "tickettype",
    );
    expect(types.map((t) => text(t, "title"))).toEqual(["Issue", "Task", "Bug", "Lead", "Feedback"]);
    const one = list(
      parseXml((await kayakoGet(sim, "/Tickets/TicketType/3")).body).tickettypes,
      "tickettype",
    );
    expect(one.map((t) => text(t, "id"))).toEqual(["3"]);
  });

  it("lists staff, with disabled accounts among them, and gets one", async () => {
    const staff = list(parseXml((await kayakoGet(sim, "/Base/Staff")).body).staffusers, "staff");
    expect(staff).toHaveLength(12);
    expect(staff.some((s) => text(s, "isenabled") === "0")).toBe(true);
    const one = list(parseXml((await kayakoGet(sim, "/Base/Staff/2")).body).staffusers, "staff");
    expect(one.map((s) => text(s, "username"))).toEqual([sim.store.staff[1]?.userName]);
    expect(text(one[0] ?? {}, "email")).toMatch(/@helpdesk\.example\.com$/);
  });

  it("lists users with repeated <email> tags and pages them with Filter/{marker}/{max}", async () => {
    const all = list(parseXml((await kayakoGet(sim, "/Base/User")).body).users, "user");
    expect(all).toHaveLength(30);
    const multi = sim.store.users.find((u) => u.emails.length > 1);
    if (multi) {
      const node = all.find((u) => text(u, "id") === String(multi.id));
      expect(list(node, "email").map(String)).toEqual(multi.emails);
    }
    const page1 = list(parseXml((await kayakoGet(sim, "/Base/User/Filter/1/10")).body).users, "user");
    const page2 = list(parseXml((await kayakoGet(sim, "/Base/User/Filter/11/10")).body).users, "user");
    expect(page1.map((u) => text(u, "id"))).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    expect(page2.map((u) => text(u, "id"))[0]).toBe("11");
  });

  it("gets one user; an unknown user is an empty <users> container, not a 404", async () => {
    const one = list(parseXml((await kayakoGet(sim, "/Base/User/5")).body).users, "user");
    expect(one.map((u) => text(u, "fullname"))).toEqual([sim.store.users[4]?.fullName]);
    const missing = await kayakoGet(sim, "/Base/User/999999");
    expect(missing.status).toBe(200);
    expect(missing.body).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<users>\n</users>');
  });

  it("lists user organisations with Kayako's comments between the fields", async () => {
    const res = await kayakoGet(sim, "/Base/UserOrganization");
    expect(res.body).toContain("<!-- Timeline Properties -->");
    const organizations = list(parseXml(res.body).userorganizations, "userorganization");
    expect(organizations).toHaveLength(6);
    expect(["restricted", "shared"]).toContain(text(organizations[0] ?? {}, "organizationtype"));
    const one = list(
      parseXml((await kayakoGet(sim, "/Base/UserOrganization/2")).body).userorganizations,
      "userorganization",
    );
    expect(one.map((o) => text(o, "name"))).toEqual([sim.store.organizations[1]?.name]);
  });
});
