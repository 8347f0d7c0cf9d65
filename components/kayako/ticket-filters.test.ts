import { createLoader } from "nuqs";
import { describe, expect, it } from "vitest";
import { ListTicketsQuery } from "@/lib/api/kayako";
import { operationUrl } from "@/lib/client/call-operation";
import { ticketFilterParsers, ticketFilterQuery } from "./ticket-filters";

const load = createLoader(ticketFilterParsers);

function serverReads(search: string) {
  const url = operationUrl("listTickets", {
    params: { connectionId: "help" },
    query: ticketFilterQuery(load(search)),
  });
  return {
    url,
    parsed: ListTicketsQuery.parse(Object.fromEntries(new URL(url, "http://c.test").searchParams)),
  };
}

describe("ticket filters from the URL to the API", () => {
  it("asks for the open tickets when the link names no status, and sends no empty filter", () => {
    const { url, parsed } = serverReads("");
    expect(url).toBe("/api/v1/kayako/help/tickets?status=open");
    expect(parsed.status).toBe("open");
  });

  it("sends one requester's tickets in any status as the users list sets them", () => {
    const { parsed } = serverReads("?status=all&user=17&q=printer");
    expect(parsed).toMatchObject({ status: "all", user: "17", q: "printer" });
    expect(parsed.department).toBeUndefined();
  });
});
