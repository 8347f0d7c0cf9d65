import "server-only";
import type {
  HelpdeskUserDto,
  ListTicketsInput,
  ReplyToTicketInput,
  TicketDetailDto,
  TicketPageDto,
  TicketPostDto,
  TicketSummaryDto,
  UpdateTicketInput,
  UpdateTicketResultDto,
} from "@/lib/api/kayako";
import { text } from "@/lib/i18n/api-messages/text";
import type { TicketSort } from "@/lib/kayako-vocabulary";
import { notFound, unprocessable } from "@/lib/server/errors/api-error";
import { VendorError } from "@/lib/server/errors/vendor-error";
import { emptyCapabilities, type KayakoCapabilities, RECHECK_MS } from "./capabilities";
import type { KayakoClient } from "./client";
import { htmlToText } from "./html-to-text";
import type { Lookups } from "./lookups";
import { keepIfMayHaveRun, readBack } from "./write-outcome";
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

/**
 * Fewer hits than this are a whole search result: a helpdesk whose search shows fewer than ten tickets is not
 * one anybody runs, so only a search of at least this many hits may have reached the result limit.
 */
const SMALLEST_SEARCH_LIMIT = 10;

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
    private readonly capabilities: KayakoCapabilities = emptyCapabilities(),
  ) {}

  async list(input: ListTicketsInput): Promise<TicketPageDto> {
    const lookups = await this.lookups();
    if (input.q) return this.search(input, lookups);
    const departments = input.department ? [input.department] : lookups.departments.map((d) => String(d.id));
    const statuses = statusIds(input.status, lookups);
    const start = (input.page - 1) * input.pageSize;
    if (departments.length === 0 || statuses.length === 0) return pageOf([], 0, input);
    const owner = input.owner === undefined ? "-1" : input.owner === "unassigned" ? "0" : input.owner;
    const user = input.user ?? "-1";
    const filters = `${departments.join(",")}/${statuses.join(",")}/${owner}/${user}`;
    const order = `${SORT_FIELDS[input.sort]}/${input.dir.toUpperCase()}`;

    if (input.priority) {
      // ListAll has no priority argument: fetch every match, filter, then page here.
      const all = await this.client.get(
        `/Tickets/Ticket/ListAll/${filters}/-1/0/${order}`,
        text`the ticket list`,
      );
      const matching = listOf(all.tickets, "ticket")
        .map((t) => summaryOf(t, lookups))
        .filter((t) => String(t.priorityId) === input.priority);
      return pageOf(matching.slice(start, start + input.pageSize), matching.length, input);
    }

    // One row more than the page tells whether a next page exists, with or without a count.
    const [page, total] = await Promise.all([
      this.client.get(
        `/Tickets/Ticket/ListAll/${filters}/${input.pageSize + 1}/${start}/${order}`,
        text`the ticket list`,
      ),
      this.count(filters),
    ]);
    const rows = listOf(page.tickets, "ticket").map((t) => summaryOf(t, lookups));
    return {
      items: rows.slice(0, input.pageSize),
      total,
      hasMore: rows.length > input.pageSize,
      page: input.page,
      pageSize: input.pageSize,
      truncated: false,
    };
  }

  /**
   * How many tickets of every department have this status and owner: GetTicketCount where the helpdesk has
   * it, else the matching ticket list read whole and counted (builds without it, kayako-notes §4.2), so the
   * overview's figure never goes missing on an older helpdesk.
   */
  async countMatching(filter: Pick<ListTicketsInput, "status" | "owner">): Promise<number> {
    const lookups = await this.lookups();
    const departments = lookups.departments.map((d) => String(d.id));
    const statuses = statusIds(filter.status, lookups);
    if (departments.length === 0 || statuses.length === 0) return 0;
    const owner = filter.owner === undefined ? "-1" : filter.owner === "unassigned" ? "0" : filter.owner;
    const filters = `${departments.join(",")}/${statuses.join(",")}/${owner}/-1`;
    const counted = await this.count(filters);
    if (counted !== null) return counted;
    const all = await this.client.get(
      `/Tickets/Ticket/ListAll/${filters}/-1/0/ticketid/ASC`,
      text`the ticket list`,
    );
    return listOf(all.tickets, "ticket").length;
  }

  /**
   * The total of a ticket list, or null where the helpdesk cannot say. Older builds have no GetTicketCount
   * (kayako-notes §4.2, §8): they take the action for a ticket id and answer 404 "Ticket not Found", which is
   * remembered for the connection so later pages do not ask again. A count that fails otherwise costs the
   * page its total, never the page itself.
   */
  private async count(filters: string): Promise<number | null> {
    const known = this.capabilities.ticketCount;
    if (known && !known.present && Date.now() - known.at < RECHECK_MS) return null;
    try {
      const answer = await this.client.get(
        `/Tickets/Ticket/GetTicketCount/${filters}`,
        text`the ticket count`,
      );
      const total = Number(textOf(answer.tickets, "totalcount") || Number.NaN);
      const present = Number.isSafeInteger(total) && total >= 0;
      this.capabilities.ticketCount = { present, at: Date.now() };
      return present ? total : null;
    } catch (error) {
      if (error instanceof VendorError && error.outcome === "not_found") {
        this.capabilities.ticketCount = { present: false, at: Date.now() };
        return null;
      }
      if (
        error instanceof VendorError &&
        error.outcome !== "wrong_credentials" &&
        error.outcome !== "api_disabled"
      )
        return null;
      throw error;
    }
  }

  /**
   * Free text goes through TicketSearch, which returns at most the helpdesk's result limit and cannot page
   * past it (kayako-notes §4.6). The limit is a setting no API reports, so the hits are compared with the
   * largest search this helpdesk has answered: reaching it means the result may have been cut, and the page
   * says so rather than presenting a cut list as complete.
   */
  private async search(input: ListTicketsInput, lookups: Lookups): Promise<TicketPageDto> {
    const fields: Record<string, string> = { query: input.q ?? "" };
    for (const flag of SEARCH_FLAGS) fields[flag] = "1";
    const found = await this.client.search("/Tickets/TicketSearch", fields, text`the ticket search`);
    const hits = listOf(found.tickets, "ticket");
    const capabilities = this.capabilities;
    capabilities.largestSearch = Math.max(capabilities.largestSearch, hits.length);
    const statuses = new Set(statusIds(input.status, lookups));
    const matching = hits
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
      ...pageOf(matching.slice(start, start + input.pageSize), matching.length, input),
      truncated: hits.length >= SMALLEST_SEARCH_LIMIT && hits.length >= capabilities.largestSearch,
    };
  }

  async get(ticketId: string): Promise<TicketDetailDto> {
    const [answer, lookups] = await Promise.all([
      this.client.get(`/Tickets/Ticket/${ticketId}`, text`ticket ${ticketId}`),
      this.lookups(),
    ]);
    const ticket = listOf(answer.tickets, "ticket")[0];
    if (!ticket) throw notFound(text`Kayako has no ticket ${ticketId}.`);
    return detailOf(ticket, lookups);
  }

  /**
   * A staff reply or private note. When the answer does not show the new post (a mask id, simulator decision
   * 7; a mailer that failed after saving; an answer lost on the way back) the ticket is read back, and the
   * post found there is the result: a reply Kayako stored is never reported as failed, nor sent twice.
   */
  async reply(ticketId: string, staffId: number, input: ReplyToTicketInput): Promise<TicketPostDto> {
    const sentAt = Date.now();
    const answer = await this.client
      .post(
        "/Tickets/TicketPost",
        {
          ticketid: ticketId,
          contents: input.contents,
          staffid: staffId,
          isprivate: input.isPrivate ? 1 : 0,
        },
        `the reply to ticket ${ticketId}`,
      )
      .catch(keepIfMayHaveRun);
    const post = answer instanceof VendorError ? undefined : listOf(answer.posts, "post")[0];
    if (post) return postOf(post);
    const saved = await readBack(() => this.savedReply(ticketId, staffId, input.contents, sentAt));
    if (saved) return saved;
    if (answer instanceof VendorError) throw answer;
    throw new VendorError(
      "unexpected_response",
      text`Kayako answered the reply to ticket ${ticketId} without the post, and the ticket does not show it: reload the ticket before sending again.`,
    );
  }

  /** The newest post of this staff member with these contents, sent at most `CLOCK_SLACK_S` before `sentAt`. */
  private async savedReply(
    ticketId: string,
    staffId: number,
    contents: string,
    sentAt: number,
  ): Promise<TicketPostDto | null> {
    const answer = await this.client.get(`/Tickets/Ticket/${ticketId}`, text`ticket ${ticketId}`);
    const since = Math.floor(sentAt / 1000) - CLOCK_SLACK_S;
    const wanted = sameText(contents);
    const [newest] = listOf(listOf(answer.tickets, "ticket")[0]?.posts, "post")
      .filter(
        (p) =>
          numberOf(p, "staffid") === staffId &&
          numberOf(p, "dateline") >= since &&
          sameText(textOf(p, "contents")) === wanted,
      )
      .sort((a, b) => numberOf(b, "id") - numberOf(a, "id"));
    return newest ? postOf(newest) : null;
  }

  /**
   * Changes only the given fields and reports those Kayako silently ignored (it drops invalid ids and still
   * answers 200). When the answer does not hold the ticket, the ticket is read back and compared instead; only
   * a failed answer whose read-back shows none of the changes is reported as a failure.
   */
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
    if (requested.length === 0) throw unprocessable(text`Change at least one field.`);

    // Only the changed fields: sending the whole ticket back could overwrite someone else's concurrent edit.
    const fields = Object.fromEntries(requested.map((r) => [r.vendor, r.value]));
    const [answer, lookups] = await Promise.all([
      this.client
        .put(`/Tickets/Ticket/${ticketId}`, fields, text`the update of ticket ${ticketId}`)
        .catch(keepIfMayHaveRun),
      this.lookups(),
    ]);
    const ticketNode =
      (answer instanceof VendorError ? undefined : listOf(answer.tickets, "ticket")[0]) ??
      listOf(
        (await readBack(() => this.client.get(`/Tickets/Ticket/${ticketId}`, text`ticket ${ticketId}`)))
          ?.tickets,
        "ticket",
      )[0];
    if (!ticketNode) {
      if (answer instanceof VendorError) throw answer;
      throw new VendorError(
        "unexpected_response",
        text`Kayako answered the update of ticket ${ticketId} without the ticket, and reading it back failed: reload the ticket to see whether the change was made.`,
      );
    }
    const ticket = detailOf(ticketNode, lookups);
    const notApplied = requested
      .filter((r) => ticket[r.field] !== r.value)
      .map((r) => ({ field: r.field, requested: r.value, actual: ticket[r.field] }));
    if (answer instanceof VendorError && notApplied.length === requested.length) throw answer;
    return { ticket, notApplied };
  }

  async searchUsers(query: string): Promise<HelpdeskUserDto[]> {
    const [answer, organizations] = await Promise.all([
      this.client.search("/Base/UserSearch", { query }, text`the user search`),
      this.client.get("/Base/UserOrganization", text`the organisation list`),
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

/**
 * How far a helpdesk's clock may lag ours when a read-back looks for a post just sent: the same text from the
 * same staff member within this window is that post.
 */
const CLOCK_SLACK_S = 10 * 60;

/** Kayako stores what it was sent, but line endings and outer blanks may change on the way. */
function sameText(text: string): string {
  return text.replace(/\r\n?/g, "\n").trim();
}

/** A page cut from a list the console holds whole, so its total is known. */
function pageOf(items: TicketSummaryDto[], total: number, input: ListTicketsInput): TicketPageDto {
  return {
    items,
    total,
    hasMore: (input.page - 1) * input.pageSize + items.length < total,
    page: input.page,
    pageSize: input.pageSize,
    truncated: false,
  };
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
  // `t_postorder` may put the newest post first (kayako-notes §4.3): the conversation reads oldest first anyway.
  const posts = listOf(ticket.posts, "post")
    .map(postOf)
    .sort((a, b) => a.id - b.id);
  return { ...summaryOf(ticket, lookups), posts };
}

function postOf(post: XmlNode): TicketPostDto {
  const isHtml = numberOf(post, "ishtml") === 1;
  const contents = textOf(post, "contents");
  return {
    id: numberOf(post, "id"),
    author: textOf(post, "fullname"),
    email: textOf(post, "email"),
    fromStaff: numberOf(post, "staffid") > 0,
    isPrivate: numberOf(post, "isprivate") !== 0,
    isHtml,
    // The browser shows posts as text: HTML is read into text here, so no markup ever leaves the server.
    contents: isHtml ? htmlToText(contents) : contents,
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
