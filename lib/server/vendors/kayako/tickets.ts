import "server-only";
import type {
  HelpdeskUserDto,
  ListTicketsInput,
  ReplyToTicketInput,
  TicketDetailDto,
  TicketPageDto,
  TicketPostDto,
  TicketSort,
  TicketSummaryDto,
  UpdateTicketInput,
  UpdateTicketResultDto,
} from "@/lib/api/kayako";
import { notFound, unprocessable } from "@/lib/server/api/errors";
import { VendorError } from "@/lib/server/http/errors";
import type { KayakoClient } from "./client";
import type { Lookups } from "./lookups";
import { isoTime, listOf, numberOf, textOf, textsOf, type XmlNode } from "./xml";

/** Console sort → ListAll's whitelisted sort field (kayako-notes §4.2; anything else sorts by ticket id). */
const SORT_FIELDS: Record<TicketSort, string> = {
  lastActivity: "lastactivity",
  created: "dateline",
  id: "ticketid",
  priority: "prioritytitle",
  status: "ticketstatustitle",
  department: "departmenttitle",
};

const SEARCH_FLAGS = [
  "ticketid",
  "contents",
  "fullname",
  "email",
  "creatoremail",
  "userorganization",
  "tags",
];

/**
 * Tickets of one Kayako connection in the console's vocabulary. Kayako quirks handled here, once:
 * ListAll needs the department list, `-1` for status is "unresolved global statuses" rather than "all" (so
 * status ids are always sent), it cannot filter by priority (so a priority filter pages in memory), and an
 * update with an invalid id is silently ignored (so the answer is compared with the request).
 */
export class KayakoTickets {
  constructor(
    private readonly client: KayakoClient,
    private readonly lookups: () => Promise<Lookups>,
  ) {}

  async list(input: ListTicketsInput): Promise<TicketPageDto> {
    const lookups = await this.lookups();
    if (input.q) return this.search(input, lookups);
    const departments = input.department ? [input.department] : lookups.departments.map((d) => String(d.id));
    const statuses = statusIds(input.status, lookups);
    const empty = { items: [], total: 0, page: input.page, pageSize: input.pageSize, truncated: false };
    if (departments.length === 0 || statuses.length === 0) return empty;
    const owner = input.owner === undefined ? "-1" : input.owner === "unassigned" ? "0" : input.owner;
    const user = input.user ?? "-1";
    const filters = `${departments.join(",")}/${statuses.join(",")}/${owner}/${user}`;
    const order = `${SORT_FIELDS[input.sort]}/${input.dir.toUpperCase()}`;

    if (input.priority) {
      // ListAll has no priority argument: fetch every match, filter, then page here.
      const all = await this.client.get(
        `/Tickets/Ticket/ListAll/${filters}/-1/0/${order}`,
        "the ticket list",
      );
      const matching = listOf(all.tickets, "ticket")
        .map((t) => summaryOf(t, lookups))
        .filter((t) => String(t.priorityId) === input.priority);
      const start = (input.page - 1) * input.pageSize;
      return { ...empty, items: matching.slice(start, start + input.pageSize), total: matching.length };
    }

    const start = (input.page - 1) * input.pageSize;
    const [page, count] = await Promise.all([
      this.client.get(
        `/Tickets/Ticket/ListAll/${filters}/${input.pageSize}/${start}/${order}`,
        "the ticket list",
      ),
      this.client.get(`/Tickets/Ticket/GetTicketCount/${filters}`, "the ticket count"),
    ]);
    return {
      ...empty,
      items: listOf(page.tickets, "ticket").map((t) => summaryOf(t, lookups)),
      total: numberOf(count.tickets, "totalcount"),
    };
  }

  /** Free text goes through TicketSearch, which returns at most the helpdesk's result limit, unpaged. */
  private async search(input: ListTicketsInput, lookups: Lookups): Promise<TicketPageDto> {
    const fields: Record<string, string> = { query: input.q ?? "" };
    for (const flag of SEARCH_FLAGS) fields[flag] = "1";
    const found = await this.client.search("/Tickets/TicketSearch", fields, "the ticket search");
    const statuses = new Set(statusIds(input.status, lookups));
    const matching = listOf(found.tickets, "ticket")
      .map((t) => summaryOf(t, lookups))
      .filter(
        (t) =>
          statuses.has(String(t.statusId)) &&
          (!input.department || String(t.departmentId) === input.department) &&
          (!input.priority || String(t.priorityId) === input.priority) &&
          (!input.user || String(t.userId) === input.user) &&
          (!input.owner || String(t.ownerStaffId) === (input.owner === "unassigned" ? "0" : input.owner)),
      )
      .sort(comparator(input.sort, input.dir));
    const start = (input.page - 1) * input.pageSize;
    return {
      items: matching.slice(start, start + input.pageSize),
      total: matching.length,
      page: input.page,
      pageSize: input.pageSize,
      truncated: listOf(found.tickets, "ticket").length >= 100,
    };
  }

  async get(ticketId: string): Promise<TicketDetailDto> {
    const [answer, lookups] = await Promise.all([
      this.client.get(`/Tickets/Ticket/${ticketId}`, `ticket ${ticketId}`),
      this.lookups(),
    ]);
    const ticket = listOf(answer.tickets, "ticket")[0];
    if (!ticket) throw notFound(`Kayako has no ticket ${ticketId}.`);
    return detailOf(ticket, lookups);
  }

  async reply(ticketId: string, staffId: number, input: ReplyToTicketInput): Promise<TicketPostDto> {
    const answer = await this.client.post(
      "/Tickets/TicketPost",
      { ticketid: ticketId, contents: input.contents, staffid: staffId, isprivate: input.isPrivate ? 1 : 0 },
      `the reply to ticket ${ticketId}`,
    );
    const post = listOf(answer.posts, "post")[0];
    // With a mask id Kayako answers an empty <posts> although the post was created (simulator decision 7).
    if (!post) {
      return {
        id: 0,
        author: "",
        email: "",
        fromStaff: true,
        isPrivate: input.isPrivate,
        isHtml: false,
        contents: input.contents,
        created: new Date().toISOString(),
      };
    }
    return postOf(post);
  }

  async update(ticketId: string, input: UpdateTicketInput): Promise<UpdateTicketResultDto> {
    const requested: Array<{ field: keyof UpdateTicketInput; vendor: string; value: number }> = [];
    if (input.statusId !== undefined)
      requested.push({ field: "statusId", vendor: "ticketstatusid", value: input.statusId });
    if (input.priorityId !== undefined)
      requested.push({ field: "priorityId", vendor: "ticketpriorityid", value: input.priorityId });
    if (input.departmentId !== undefined)
      requested.push({ field: "departmentId", vendor: "departmentid", value: input.departmentId });
    if (input.ownerStaffId !== undefined)
      requested.push({ field: "ownerStaffId", vendor: "ownerstaffid", value: input.ownerStaffId });
    if (requested.length === 0) throw unprocessable("Change at least one field.");

    // Only the changed fields: sending the whole ticket back could overwrite someone else's concurrent edit.
    const fields = Object.fromEntries(requested.map((r) => [r.vendor, r.value]));
    const [answer, lookups] = await Promise.all([
      this.client.put(`/Tickets/Ticket/${ticketId}`, fields, `the update of ticket ${ticketId}`),
      this.lookups(),
    ]);
    const node = listOf(answer.tickets, "ticket")[0];
    if (!node) {
      throw new VendorError(
        "unexpected_response",
        `Kayako answered the update of ticket ${ticketId} without the ticket.`,
      );
    }
    const ticket = detailOf(node, lookups);
    const notApplied = requested
      .filter((r) => ticket[r.field] !== r.value)
      .map((r) => ({ field: r.field, requested: r.value, actual: ticket[r.field] }));
    return { ticket, notApplied };
  }

  async searchUsers(query: string): Promise<HelpdeskUserDto[]> {
    const [answer, organizations] = await Promise.all([
      this.client.search("/Base/UserSearch", { query }, "the user search"),
      this.client.get("/Base/UserOrganization", "the organisation list"),
    ]);
    const names = new Map(
      listOf(organizations.userorganizations, "userorganization").map((o) => [
        numberOf(o, "id"),
        textOf(o, "name"),
      ]),
    );
    return listOf(answer.users, "user").map((u) => ({
      id: numberOf(u, "id"),
      fullName: textOf(u, "fullname"),
      emails: textsOf(u, "email"),
      organization: names.get(numberOf(u, "userorganizationid")) ?? "",
      phone: textOf(u, "phone"),
      enabled: numberOf(u, "isenabled") === 1,
    }));
  }
}

export function statusIds(status: string, lookups: Lookups): string[] {
  if (/^[0-9]+$/.test(status)) return [status];
  return lookups.statuses
    .filter((s) => status === "all" || s.resolved === (status === "closed"))
    .map((s) => String(s.id));
}

function titleOf(items: ReadonlyArray<{ id: number; title: string }>, id: number, fallback: string): string {
  return items.find((item) => item.id === id)?.title ?? fallback;
}

export function summaryOf(ticket: XmlNode, lookups: Lookups): TicketSummaryDto {
  const statusId = numberOf(ticket, "statusid");
  const priorityId = numberOf(ticket, "priorityid");
  const departmentId = numberOf(ticket, "departmentid");
  const ownerStaffId = numberOf(ticket, "ownerstaffid");
  return {
    id: numberOf(ticket, "@_id"),
    displayId: textOf(ticket, "displayid"),
    subject: textOf(ticket, "subject"),
    departmentId,
    department: titleOf(lookups.departments, departmentId, `Department ${departmentId}`),
    statusId,
    status: titleOf(lookups.statuses, statusId, `Status ${statusId}`),
    resolved: lookups.statuses.find((s) => s.id === statusId)?.resolved ?? false,
    priorityId,
    priority: titleOf(lookups.priorities, priorityId, `Priority ${priorityId}`),
    typeId: numberOf(ticket, "typeid"),
    type: titleOf(lookups.types, numberOf(ticket, "typeid"), `Type ${numberOf(ticket, "typeid")}`),
    ownerStaffId,
    owner:
      ownerStaffId === 0
        ? null
        : textOf(ticket, "ownerstaffname") || titleOf(lookups.staff, ownerStaffId, ""),
    userId: numberOf(ticket, "userid"),
    requester: textOf(ticket, "fullname"),
    email: textOf(ticket, "email"),
    organization: textOf(ticket, "userorganization"),
    replies: numberOf(ticket, "replies"),
    lastReplier: textOf(ticket, "lastreplier"),
    created: isoTime(numberOf(ticket, "creationtime")),
    lastActivity: isoTime(numberOf(ticket, "lastactivity")),
  };
}

function detailOf(ticket: XmlNode, lookups: Lookups): TicketDetailDto {
  const posts = listOf(ticket.posts, "post").map(postOf);
  return { ...summaryOf(ticket, lookups), posts };
}

function postOf(post: XmlNode): TicketPostDto {
  return {
    id: numberOf(post, "id"),
    author: textOf(post, "fullname"),
    email: textOf(post, "email"),
    fromStaff: numberOf(post, "staffid") > 0,
    isPrivate: numberOf(post, "isprivate") !== 0,
    isHtml: numberOf(post, "ishtml") === 1,
    contents: textOf(post, "contents"),
    created: isoTime(numberOf(post, "dateline")),
  };
}

function comparator(sort: TicketSort, dir: "asc" | "desc") {
  const sign = dir === "asc" ? 1 : -1;
  const key = (t: TicketSummaryDto): string | number => {
    switch (sort) {
      case "lastActivity":
        return t.lastActivity ?? "";
      case "created":
        return t.created ?? "";
      case "id":
        return t.id;
      case "priority":
        return t.priority.toLowerCase();
      case "status":
        return t.status.toLowerCase();
      case "department":
        return t.department.toLowerCase();
    }
  };
  return (a: TicketSummaryDto, b: TicketSummaryDto) => {
    const ka = key(a);
    const kb = key(b);
    return (ka < kb ? -1 : ka > kb ? 1 : a.id - b.id) * sign;
  };
}
