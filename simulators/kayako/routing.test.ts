import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningKayakoSimulator, startKayakoSimulator } from "./simulator";
import { authTriple, kayakoGet, kayakoRaw, kayakoSend, list, parseXml } from "./test-client";

describe("routing", () => {
  let sim: RunningKayakoSimulator;

  beforeAll(async () => {
    sim = await startKayakoSimulator({ tickets: 40, users: 10, staff: 5, organizations: 3 });
  });
  afterAll(() => sim.close());

  it("answers only under /api/index.php", async () => {
    const res = await fetch(sim.baseUrl.replace("/api/index.php", "/api/other.php?e=/Base/Department"));
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("The requested URL was not found on this server.");
  });

  it("accepts both the e= style and the standard ?/App/Controller style", async () => {
    const auth = new URLSearchParams(authTriple(sim)).toString();
    const eStyle = await kayakoRaw(sim, `e=%2FBase%2FDepartment&${auth}`);
    const standard = await kayakoRaw(sim, `/Base/Department&${auth}`);
    expect(eStyle.status).toBe(200);
    expect(standard.status).toBe(200);
    expect(standard.body).toBe(eStyle.body);
  });

  it("refuses an unknown controller with 404 before looking at credentials", async () => {
    const res = await kayakoRaw(sim, "e=/Tickets/Ticketz");
    expect(res.status).toBe(404);
    expect(res.contentType).toBe("text/html; charset=UTF-8");
    expect(res.body).toContain(
      '"Default" Controller OR a DEFAULT Controller in SWIFT App "Tickets" for Interface "api" does not exist (DEFAULT-MAIN)',
    );
    const signed = await kayakoGet(sim, "/Tickets/Ticketz");
    expect(signed.status).toBe(404);
  });

  it("refuses an unknown app, and matches the app case-insensitively but the controller exactly", async () => {
    const res = await kayakoGet(sim, "/Helpdesk/Ticket");
    expect(res.status).toBe(404);
    expect(res.body).toContain('"Helpdesk" SWIFT App does not exist');
    expect((await kayakoGet(sim, "/tickets/TicketStatus")).status).toBe(200);
    expect((await kayakoGet(sim, "/Tickets/ticketstatus")).status).toBe(404);
  });

  it("refuses a route without app with 404", async () => {
    const res = await kayakoRaw(sim, new URLSearchParams(authTriple(sim)).toString());
    expect(res.status).toBe(404);
    expect(res.body).toContain('"Api" Interface directory does not exist');
  });

  it("refuses disallowed characters in a segment with 400", async () => {
    const res = await kayakoGet(sim, "/Tickets/Ticket/ListAll/1;2");
    expect(res.status).toBe(400);
    expect(res.body).toContain("The URI you submitted has disallowed characters.");
  });

  it("refuses actions starting with an underscore", async () => {
    const res = await kayakoGet(sim, "/Tickets/Ticket/__construct");
    expect(res.status).toBe(404);
    expect(res.body).toContain("is attempting to call an Invalid Action");
  });

  it("answers the list call of list-less controllers with 400 plain text under an XML content type", async () => {
    const ticket = await kayakoGet(sim, "/Tickets/Ticket");
    expect(ticket).toMatchObject({
      status: 400,
      body: "Not Implemented, Call /Tickets/Ticket/ListAll instead.",
      contentType: "text/xml;charset=UTF-8",
    });
    const post = await kayakoGet(sim, "/Tickets/TicketPost");
    expect(post.body).toBe("Not Implemented, Call /Tickets/TicketPost/ListAll instead.");
    const search = await kayakoGet(sim, "/Tickets/TicketSearch");
    expect(search.body).toBe("Not Implemented, Call POST /Tickets/TicketSearch instead.");
  });

  it("answers a verb the controller does not declare with Kayako's uncaught exception (HTTP 200, not XML)", async () => {
    const res = await kayakoGet(sim, "/Tickets/TicketStatus/1", "DELETE");
    expect(res.status).toBe(200);
    expect(res.body.startsWith("<?xml")).toBe(false);
    expect(res.body).toContain("Uncaught Exception");
    expect(res.body).toContain("Undeclared Function Called in API Controller: Delete");
    const put = await kayakoSend(sim, "PUT", "/Tickets/TicketPriority/1", { title: "x" });
    expect(put.body).toContain("Undeclared Function Called in API Controller: Put");
  });

  it("refuses HTTP verbs the REST server does not know", async () => {
    const res = await kayakoRaw(sim, `e=/Base/Department&${new URLSearchParams(authTriple(sim))}`, {
      method: "PATCH",
    });
    expect(res.body).toContain("Uncaught Exception");
    expect(res.body).not.toContain("<departments>");
  });

  it("marks methods real Kayako has but the simulator does not implement with 501", async () => {
    const res = await kayakoSend(sim, "POST", "/Base/Department", {
      title: "New",
      app: "tickets",
      type: "public",
    });
    expect(res.status).toBe(501);
    expect(res.body).toContain("Not implemented by the Kayako simulator");
    expect((await kayakoGet(sim, "/Base/UserGroup")).status).toBe(501);
  });

  it("calls named actions case-insensitively, as PHP methods are", async () => {
    const res = await kayakoGet(sim, "/Tickets/Ticket/listall/1,2,3,4,5,6/-1/-1/-1/1");
    expect(res.status).toBe(200);
    expect(list(parseXml(res.body).tickets, "ticket").length).toBeLessThanOrEqual(1);
  });
});
