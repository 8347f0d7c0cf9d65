import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningKayakoSimulator, startKayakoSimulator } from "./simulator";
import { kayakoGet, kayakoSend, list, parseXml, posts, text, tickets } from "./test-client";

const ALL_TICKET_DEPARTMENTS = "1,2,3,4,5,6";

describe("tickets", () => {
  let sim: RunningKayakoSimulator;
  let resolvedIds: number[];
  let unresolvedIds: number[];

  beforeAll(async () => {
    sim = await startKayakoSimulator({
      tickets: 400,
      users: 40,
      staff: 10,
      organizations: 8,
      anchorTime: Date.UTC(2026, 0, 15, 12),
    });
    resolvedIds = sim.store.statuses.filter((s) => s.markAsResolved === 1).map((s) => s.id);
    unresolvedIds = sim.store.statuses.filter((s) => s.markAsResolved === 0).map((s) => s.id);
  });
  afterAll(() => sim.close());

  const ids = (body: string) => tickets(body).map((t) => Number(t["@id"]));
  const storeIds = (predicate: (id: number) => boolean) => [...sim.store.ticketIds()].filter(predicate);

  describe("ListAll", () => {
    it("refuses a call without the department list as the server does (uncaught ArgumentCountError, no XML)", async () => {
      const res = await kayakoGet(sim, "/Tickets/Ticket/ListAll");
      expect(res.status).toBe(200);
      expect(res.body.startsWith("<?xml")).toBe(false);
      expect(res.body).toContain("Too few arguments to function Tickets\\Api\\Controller_Ticket::ListAll()");
    });

    it("returns an empty list when no requested department exists", async () => {
      const res = await kayakoGet(sim, "/Tickets/Ticket/ListAll/-1");
      expect(res.body).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<tickets>\n</tickets>');
    });

    it("without status filter lists unresolved tickets only, never closed ones", async () => {
      const listed = ids((await kayakoGet(sim, `/Tickets/Ticket/ListAll/${ALL_TICKET_DEPARTMENTS}`)).body);
      const expected = storeIds((id) => {
        const t = sim.store.ticket(id);
        return (
          t !== undefined &&
          unresolvedIds.includes(t.statusId) &&
          sim.store.status(t.statusId)?.departmentId === 0
        );
      });
      expect(listed.length).toBeGreaterThan(0);
      expect(listed).toEqual(expected);
    });

    it("lists closed tickets when their status IDs are given", async () => {
      const res = await kayakoGet(
        sim,
        `/Tickets/Ticket/ListAll/${ALL_TICKET_DEPARTMENTS}/${resolvedIds.join(",")}`,
      );
      const listed = tickets(res.body);
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.every((t) => resolvedIds.includes(Number(text(t, "statusid"))))).toBe(true);
    });

    it("filters by department, owner (0 = unassigned) and user", async () => {
      const all = `${unresolvedIds.join(",")},${resolvedIds.join(",")}`;
      const dept2 = tickets((await kayakoGet(sim, `/Tickets/Ticket/ListAll/2/${all}`)).body);
      expect(dept2.length).toBeGreaterThan(0);
      expect(dept2.every((t) => text(t, "departmentid") === "2")).toBe(true);
      const unassigned = tickets(
        (await kayakoGet(sim, `/Tickets/Ticket/ListAll/${ALL_TICKET_DEPARTMENTS}/${all}/0`)).body,
      );
      expect(unassigned.length).toBeGreaterThan(0);
      expect(unassigned.every((t) => text(t, "ownerstaffid") === "0")).toBe(true);
      const user = sim.store.ticket(1)?.userId ?? 0;
      const byUser = ids(
        (await kayakoGet(sim, `/Tickets/Ticket/ListAll/${ALL_TICKET_DEPARTMENTS}/${all}/-1/${user}`)).body,
      );
      expect(byUser).toEqual(storeIds((id) => sim.store.ticket(id)?.userId === user));
    });

    it("pages with count and row offset, sorts by a whitelisted field, falls back to ticketid", async () => {
      const base = `/Tickets/Ticket/ListAll/${ALL_TICKET_DEPARTMENTS}/${resolvedIds.join(",")}/-1/-1`;
      const everything = ids((await kayakoGet(sim, `${base}/-1/0/ticketid/ASC`)).body);
      const page = ids((await kayakoGet(sim, `${base}/5/10/ticketid/ASC`)).body);
      expect(page).toEqual(everything.slice(10, 15));
      const byActivity = tickets((await kayakoGet(sim, `${base}/20/0/lastactivity/DESC`)).body);
      const activity = byActivity.map((t) => Number(text(t, "lastactivity")));
      expect(activity).toEqual([...activity].sort((a, b) => b - a));
      expect(activity.length).toBe(20);
      const bogus = ids((await kayakoGet(sim, `${base}/-1/0/subject/DESC`)).body);
      expect(bogus).toEqual([...everything].reverse());
    });

    it("GetTicketCount agrees with ListAll", async () => {
      const filter = `${ALL_TICKET_DEPARTMENTS}/${resolvedIds.join(",")}`;
      const listed = ids((await kayakoGet(sim, `/Tickets/Ticket/ListAll/${filter}`)).body);
      const count = parseXml((await kayakoGet(sim, `/Tickets/Ticket/GetTicketCount/${filter}`)).body);
      expect(text(count.tickets as Record<string, unknown>, "totalcount")).toBe(String(listed.length));
    });

    it("TicketCount groups by department, status and owner", async () => {
      const root = parseXml((await kayakoGet(sim, "/Tickets/TicketCount")).body).ticketcount as Record<
        string,
        unknown
      >;
      const departments = list(root.departments, "department");
      const total = departments.reduce((sum, d) => sum + Number(text(d, "totalitems")), 0);
      expect(total).toBe(storeIds(() => true).length);
    });
  });

  describe("one ticket", () => {
    it("gets a ticket by numeric ID and by mask ID, with its posts in ticketpostid order", async () => {
      const mask = sim.store.maskOf(3);
      expect(mask).toMatch(/^[A-Z]{3}-\d{3}-\d{5}$/);
      const byId = await kayakoGet(sim, "/Tickets/Ticket/3");
      const byMask = await kayakoGet(sim, `/Tickets/Ticket/${mask}`);
      expect(byMask.body).toBe(byId.body);
      const [ticket] = tickets(byId.body);
      expect(ticket?.["@id"]).toBe("3");
      expect(text(ticket ?? {}, "displayid")).toBe(mask);
      const postIds = posts(ticket ?? {}).map((p) => Number(text(p, "id")));
      expect(postIds.length).toBe(Number(text(ticket ?? {}, "replies")) + 1);
      expect(postIds).toEqual([...postIds].sort((a, b) => a - b));
    });

    it("answers 404 'Ticket not Found' for an unknown ID or mask", async () => {
      expect(await kayakoGet(sim, "/Tickets/Ticket/99999")).toMatchObject({
        status: 404,
        body: "Ticket not Found",
      });
      expect((await kayakoGet(sim, "/Tickets/Ticket/ABC-000-00000")).status).toBe(404);
    });

    it("lists a ticket's posts and gets one post; a post of another ticket is refused", async () => {
      const all = posts((await kayakoGet(sim, "/Tickets/TicketPost/ListAll/5")).body);
      expect(all.length).toBeGreaterThan(0);
      const first = text(all[0] ?? {}, "id");
      const one = posts((await kayakoGet(sim, `/Tickets/TicketPost/5/${first}`)).body);
      expect(one.map((p) => text(p, "id"))).toEqual([first]);
      const wrong = await kayakoGet(sim, `/Tickets/TicketPost/6/${first}`);
      expect(wrong).toMatchObject({ status: 400, body: "Post does not belong to the specified ticket" });
      expect((await kayakoGet(sim, "/Tickets/TicketPost/5/99999999")).status).toBe(404);
    });
  });

  describe("replies", () => {
    it("a staff reply adds a post, bumps the ticket and is e-mailed to the requester", async () => {
      const before = sim.store.ticket(10);
      const beforePosts = sim.store.posts(10).length;
      const staff = sim.store.staff.find((s) => s.isEnabled === 1);
      const res = await kayakoSend(sim, "POST", "/Tickets/TicketPost", {
        ticketid: "10",
        contents: "We replaced the unit, please check.",
        staffid: String(staff?.id),
        subject: "ignored by the server",
      });
      expect(res.status).toBe(200);
      const [created] = posts(res.body);
      expect(text(created ?? {}, "contents")).toBe("We replaced the unit, please check.");
      expect(text(created ?? {}, "staffid")).toBe(String(staff?.id));
      expect(text(created ?? {}, "creator")).toBe("1");
      expect(text(created ?? {}, "isprivate")).toBe("0");

      const [ticket] = tickets((await kayakoGet(sim, "/Tickets/Ticket/10")).body);
      expect(posts(ticket ?? {})).toHaveLength(beforePosts + 1);
      expect(Number(text(ticket ?? {}, "replies"))).toBe((before?.totalReplies ?? 0) + 1);
      expect(text(ticket ?? {}, "lastreplier")).toBe(staff?.fullName);
      expect(sim.store.sentEmails.at(-1)).toMatchObject({ ticketId: 10, to: before?.email });
    });

    it("a private staff note (isprivate=1) is stored as private and not e-mailed", async () => {
      const mailed = sim.store.sentEmails.length;
      const res = await kayakoSend(sim, "POST", "/Tickets/TicketPost", {
        ticketid: "11",
        contents: "Internal: customer on premium plan",
        staffid: "2",
        isprivate: "1",
      });
      expect(text(posts(res.body)[0] ?? {}, "isprivate")).toBe("1");
      expect(sim.store.sentEmails.length).toBe(mailed);
    });

    it("a user reply is recorded with the user's identity", async () => {
      const user = sim.store.users.find((u) => u.emails.length > 0);
      const res = await kayakoSend(sim, "POST", "/Tickets/TicketPost", {
        ticketid: "12",
        contents: "Thanks!",
        userid: String(user?.id),
      });
      const [created] = posts(res.body);
      expect(text(created ?? {}, "userid")).toBe(String(user?.id));
      expect(text(created ?? {}, "creator")).toBe("2");
    });

    it("keeps attachments sent as filename/filecontent", async () => {
      const res = await kayakoSend(sim, "POST", "/Tickets/TicketPost", {
        ticketid: "13",
        contents: "log attached",
        staffid: "1",
        filename: "boot.log",
        filecontent: Buffer.from("line 1\nline 2").toString("base64"),
      });
      const [created] = posts(res.body);
      expect(text(created ?? {}, "hasattachments")).toBe("1");
      const attachment = list(created?.attachments, "attachment")[0] ?? {};
      expect(text(attachment, "filename")).toBe("boot.log");
      expect(Buffer.from(text(attachment, "contents"), "base64").toString()).toBe("line 1\nline 2");
    });

    it("accepts a mask ID for a reply but, like the server, answers an empty <posts> for it", async () => {
      const before = sim.store.posts(15).length;
      const res = await kayakoSend(sim, "POST", "/Tickets/TicketPost", {
        ticketid: sim.store.maskOf(15),
        contents: "via mask",
        staffid: "1",
      });
      expect(res.body).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<posts>\n</posts>');
      expect(sim.store.posts(15).length).toBe(before + 1);
    });

    it("lists posts newest first when the helpdesk's post order is desc", async () => {
      sim.settings.postOrder = "desc";
      try {
        const [ticket] = tickets((await kayakoGet(sim, "/Tickets/Ticket/16")).body);
        const postIds = posts(ticket ?? {}).map((p) => Number(text(p, "id")));
        expect(postIds.length).toBeGreaterThan(1);
        expect(postIds).toEqual([...postIds].sort((a, b) => b - a));
      } finally {
        sim.settings.postOrder = "asc";
      }
    });

    it("validates replies with the server's messages", async () => {
      const cases: [Record<string, string>, number, string][] = [
        [{ contents: "x", staffid: "1" }, 400, "No Ticket ID Specified"],
        [{ ticketid: "10", staffid: "1" }, 400, "No Contents Specified"],
        [{ ticketid: "10", contents: "x" }, 400, "Staff ID and User ID is empty"],
        [{ ticketid: "99999", contents: "x", staffid: "1" }, 404, "Ticket not Found"],
        [{ ticketid: "10", contents: "x", staffid: "9999" }, 400, "Staff ID is Invalid"],
        [{ ticketid: "10", contents: "x", userid: "9999" }, 400, "User ID is Invalid"],
      ];
      for (const [fields, status, body] of cases) {
        expect(await kayakoSend(sim, "POST", "/Tickets/TicketPost", fields)).toMatchObject({ status, body });
      }
    });

    it("adds a ticket note that shows up on the ticket", async () => {
      const res = await kayakoSend(sim, "POST", "/Tickets/TicketNote", {
        ticketid: "14",
        contents: "Call back tomorrow",
        staffid: "3",
      });
      expect(res.status).toBe(200);
      const notes = list(parseXml(res.body).notes, "note");
      expect(notes).toHaveLength(1);
      const [ticket] = tickets((await kayakoGet(sim, "/Tickets/Ticket/14")).body);
      const onTicket = list(ticket, "note");
      expect(onTicket.some((n) => n["#text"] === "Call back tomorrow" && n["@type"] === "ticket")).toBe(true);
    });
  });

  describe("updates", () => {
    it("changes status, priority, owner and department with valid IDs", async () => {
      const ticket = sim.store.ticket(20);
      const newStatus = ticket?.statusId === 1 ? 4 : 1;
      const staff = sim.store.staff.find((s) => s.id !== ticket?.ownerStaffId);
      const res = await kayakoSend(sim, "PUT", "/Tickets/Ticket/20", {
        ticketstatusid: String(newStatus),
        ticketpriorityid: "5",
        ownerstaffid: String(staff?.id),
        departmentid: "2",
      });
      expect(res.status).toBe(200);
      const [updated] = tickets(res.body);
      expect(text(updated ?? {}, "statusid")).toBe(String(newStatus));
      expect(text(updated ?? {}, "priorityid")).toBe("5");
      expect(text(updated ?? {}, "ownerstaffid")).toBe(String(staff?.id));
      expect(text(updated ?? {}, "ownerstaffname")).toBe(staff?.fullName);
      expect(text(updated ?? {}, "departmentid")).toBe("2");
      expect(posts(updated ?? {}).length).toBeGreaterThan(0);
      const unassigned = tickets(
        (await kayakoSend(sim, "PUT", "/Tickets/Ticket/20", { ownerstaffid: "0" })).body,
      );
      expect(text(unassigned[0] ?? {}, "ownerstaffid")).toBe("0");
      expect(text(unassigned[0] ?? {}, "ownerstaffname")).toBe("");
    });

    it("silently ignores an invalid status ID: 200, full ticket, nothing changed", async () => {
      const before = sim.store.ticket(21);
      const beforeXml = (await kayakoGet(sim, "/Tickets/Ticket/21")).body;
      const res = await kayakoSend(sim, "PUT", "/Tickets/Ticket/21", { ticketstatusid: "999" });
      expect(res.status).toBe(200);
      expect(res.body).toBe(beforeXml);
      expect(sim.store.ticket(21)).toEqual(before);
    });

    it("ignores other invalid IDs too (priority, type, owner, livechat department)", async () => {
      const before = sim.store.ticket(22);
      await kayakoSend(sim, "PUT", "/Tickets/Ticket/22", {
        ticketpriorityid: "77",
        tickettypeid: "abc",
        ownerstaffid: "4242",
        departmentid: "7",
      });
      expect(sim.store.ticket(22)).toEqual(before);
    });

    it("moves a ticket between ListAll's resolved and unresolved views when closed", async () => {
      const ticket = sim.store.ticket(23);
      const open = `/Tickets/Ticket/ListAll/${ticket?.departmentId}/${unresolvedIds.join(",")}`;
      await kayakoSend(sim, "PUT", "/Tickets/Ticket/23", { ticketstatusid: "1" });
      expect(ids((await kayakoGet(sim, open)).body)).toContain(23);
      await kayakoSend(sim, "PUT", "/Tickets/Ticket/23", { ticketstatusid: "3" });
      expect(ids((await kayakoGet(sim, open)).body)).not.toContain(23);
      expect(sim.store.ticket(23)?.isResolved).toBe(1);
    });

    it("answers 404 for an unknown ticket and deletes one for good", async () => {
      expect((await kayakoSend(sim, "PUT", "/Tickets/Ticket/99999", { ticketstatusid: "1" })).status).toBe(
        404,
      );
      const deleted = await kayakoGet(sim, "/Tickets/Ticket/30", "DELETE");
      expect(deleted).toMatchObject({ status: 200, body: "" });
      expect((await kayakoGet(sim, "/Tickets/Ticket/30")).status).toBe(404);
    });
  });

  describe("search", () => {
    it("finds tickets by subject/contents, requester name and e-mail", async () => {
      const target = sim.store.ticket(40);
      const word = (target?.subject ?? "").split(" ").find((w) => w.length > 5) ?? "";
      const bySubject = ids(
        (await kayakoSend(sim, "POST", "/Tickets/TicketSearch", { query: word, contents: "1" })).body,
      );
      expect(bySubject).toContain(40);
      // phrase=1 ANDs the words: every hit's requester name holds all of them.
      const words = (target?.fullName ?? "").toLowerCase().split(" ");
      const byName = tickets(
        (
          await kayakoSend(sim, "POST", "/Tickets/TicketSearch", {
            query: target?.fullName ?? "",
            fullname: "1",
            phrase: "1",
          })
        ).body,
      );
      expect(byName.map((t) => Number(t["@id"]))).toContain(40);
      expect(byName.every((t) => words.every((w) => text(t, "fullname").toLowerCase().includes(w)))).toBe(
        true,
      );
      const byEmail = ids(
        (
          await kayakoSend(sim, "POST", "/Tickets/TicketSearch", {
            query: target?.email ?? "",
            creatoremail: "1",
          })
        ).body,
      );
      expect(byEmail).toContain(40);
    });

    it("finds a ticket by its mask and returns nothing without a search flag", async () => {
      const mask = sim.store.maskOf(41);
      const byMask = ids(
        (await kayakoSend(sim, "POST", "/Tickets/TicketSearch", { query: mask, ticketid: "1" })).body,
      );
      expect(byMask).toEqual([41]);
      const noFlag = await kayakoSend(sim, "POST", "/Tickets/TicketSearch", { query: mask });
      expect(tickets(noFlag.body)).toHaveLength(0);
    });
  });

  describe("switches for what the documents leave open", () => {
    afterAll(() => {
      sim.settings.ticketCountRoute = true;
      sim.settings.mailFails = false;
      sim.settings.searchResultLimit = 100;
    });

    it("an older build without GetTicketCount takes the segment for a ticket ID: 404 Ticket not Found", async () => {
      sim.settings.ticketCountRoute = false;
      const res = await kayakoGet(sim, `/Tickets/Ticket/GetTicketCount/${ALL_TICKET_DEPARTMENTS}`);
      expect([res.status, res.body]).toEqual([404, "Ticket not Found"]);
      sim.settings.ticketCountRoute = true;
      const counted = await kayakoGet(sim, `/Tickets/Ticket/GetTicketCount/${ALL_TICKET_DEPARTMENTS}`);
      expect(counted.status).toBe(200);
    });

    it("cuts search hits at the configured result limit", async () => {
      sim.settings.searchResultLimit = 7;
      const hits = ids(
        (await kayakoSend(sim, "POST", "/Tickets/TicketSearch", { query: "a", contents: "1" })).body,
      );
      expect(hits).toHaveLength(7);
    });

    it("with failing mail, saves a mailed reply and a ticket change, then answers the exception page", async () => {
      sim.settings.mailFails = true;
      const staff = sim.store.staff.find((s) => s.isEnabled === 1);
      const beforePosts = sim.store.posts(12).length;
      const mails = sim.store.sentEmails.length;
      const reply = await kayakoSend(sim, "POST", "/Tickets/TicketPost", {
        ticketid: "12",
        contents: "Saved before the mailer failed.",
        staffid: String(staff?.id),
      });
      expect(reply.status).toBe(200);
      expect(reply.body).toMatch(/^Uncaught Exception\n[\s\S]*Could not connect to SMTP host/);
      expect(sim.store.posts(12)).toHaveLength(beforePosts + 1);
      expect(sim.store.posts(12).at(-1)?.contents).toBe("Saved before the mailer failed.");
      expect(sim.store.sentEmails).toHaveLength(mails);
      // A private note sends no mail, so it is answered as usual.
      const note = await kayakoSend(sim, "POST", "/Tickets/TicketPost", {
        ticketid: "12",
        contents: "Internal.",
        staffid: String(staff?.id),
        isprivate: "1",
      });
      expect(posts(note.body)).toHaveLength(1);

      const other = sim.store.priorities.find((p) => p.id !== sim.store.ticket(12)?.priorityId);
      const change = await kayakoSend(sim, "PUT", "/Tickets/Ticket/12", {
        ticketpriorityid: String(other?.id),
      });
      expect(change.body).toMatch(/^Uncaught Exception/);
      expect(sim.store.ticket(12)?.priorityId).toBe(other?.id);
      // A change that changes nothing notifies nobody, on an edited ticket or an untouched one.
      const same = await kayakoSend(sim, "PUT", "/Tickets/Ticket/12", {
        ticketpriorityid: String(other?.id),
      });
      expect(tickets(same.body)).toHaveLength(1);
      const ignored = await kayakoSend(sim, "PUT", "/Tickets/Ticket/33", { ticketstatusid: "9999" });
      expect(tickets(ignored.body)).toHaveLength(1);
    });
  });
});
