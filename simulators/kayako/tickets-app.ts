import {
  type ActionArgs,
  action,
  type CallContext,
  type Controller,
  notSimulatedActions,
} from "./controller";
import type { Ticket, TicketPost } from "./model";
import {
  isPhpNumeric,
  mysqlNumber,
  phpEmpty,
  phpIntegerKey,
  phpIntval,
  phpLooseEqualsInt,
  phpTrim,
  retrieveIdListFromCsv,
} from "./php";
import {
  orderPosts,
  renderNoteList,
  renderPostList,
  renderPriorities,
  renderStatuses,
  renderTicketCount,
  renderTickets,
  renderTicketTotal,
  renderTypes,
} from "./render";
import { emptyReply, type Reply, statusReply, uncaughtException, xmlReply } from "./responses";
import { searchTickets } from "./search";
import type { KayakoStore, TicketQuery } from "./store";

/**
 * The `Tickets` app controllers (server source S6, `__apps/tickets/api`). Messages and status codes are
 * the server's own; where the server reads `$_POST` it reads `ctx.post`.
 */

const file = (name: string) => `./__apps/tickets/api/class.Controller_${name}.php`;

/** `SWIFT_Ticket::GetObjectOnID`: a numeric ID, else a mask ID (notes §4.3); 0 when there is no ticket. */
export function resolveTicketId(store: KayakoStore, raw: string | undefined): number {
  if (raw === undefined) return 0;
  if (isPhpNumeric(raw)) {
    const id = Number(raw.trim());
    return Number.isInteger(id) && store.ticketExists(id) ? id : 0;
  }
  const id = store.ticketIdFromMask(raw);
  return id && store.ticketExists(id) ? id : 0;
}

/**
 * Post and note queries use the raw request value in `WHERE ticketid = '<raw>'`, which MySQL casts to a
 * number: a mask ID therefore matches nothing (S6 quirk, kept on purpose).
 */
function rawTicketColumn(raw: string): number {
  const value = mysqlNumber(raw);
  return Number.isInteger(value) ? value : 0;
}

const ticketNotFound = () => statusReply(404, "Ticket not Found");

// ------------------------------------------------------------------ Ticket

const SORT_FIELDS = new Set([
  "ticketstatustitle",
  "departmenttitle",
  "userid",
  "ownerstaffid",
  "dateline",
  "totalreplies",
  "hasattachments",
  "hasnotes",
  "lastactivity",
  "duetime",
  "creator",
  "isphonecall",
  "isescalated",
  "hasfollowup",
  "hasratings",
  "islinked",
  "tickettype",
  "tickettypetitle",
  "tickettypeid",
  "creationmode",
  "resolutiondateline",
  "isresolved",
  "iswatched",
  "prioritytitle",
  "lastreplier",
]);

type SortKey = (id: number) => number | string;

function sortKey(store: KayakoStore, field: string): SortKey {
  const row = (id: number): Ticket | undefined => store.ticket(id);
  switch (field) {
    case "ticketstatustitle":
      return (id) => store.status(store.columnValue(id, "status"))?.title ?? "";
    case "departmenttitle":
      return (id) => store.department(store.columnValue(id, "department"))?.title ?? "";
    case "userid":
      return (id) => store.columnValue(id, "user");
    case "ownerstaffid":
      return (id) => store.columnValue(id, "owner");
    case "dateline":
      return (id) => store.columnValue(id, "created");
    case "totalreplies":
      return (id) => store.columnValue(id, "replies");
    case "lastactivity":
      return (id) => store.columnValue(id, "lastActivity");
    case "tickettypeid":
      return (id) => store.columnValue(id, "type");
    case "tickettypetitle":
      return (id) => store.type(store.columnValue(id, "type"))?.title ?? "";
    case "prioritytitle":
      return (id) => store.priority(store.columnValue(id, "priority"))?.title ?? "";
    case "isresolved":
      return (id) => store.status(store.columnValue(id, "status"))?.markAsResolved ?? 0;
    case "hasattachments":
      return (id) => row(id)?.hasAttachments ?? 0;
    case "hasnotes":
      return (id) => row(id)?.hasNotes ?? 0;
    case "duetime":
      return (id) => row(id)?.dueTime ?? 0;
    case "creator":
      return (id) => row(id)?.creator ?? 0;
    case "isphonecall":
      return (id) => (row(id)?.creationType === 2 ? 1 : 0);
    case "tickettype":
      return (id) => row(id)?.creationType ?? 0;
    case "isescalated":
      return (id) => row(id)?.isEscalated ?? 0;
    case "creationmode":
      return (id) => row(id)?.creationMode ?? 0;
    case "resolutiondateline":
      return (id) => row(id)?.resolutionDateline ?? 0;
    case "lastreplier":
      return (id) => row(id)?.lastReplier ?? "";
    default:
      // hasfollowup, hasratings, islinked, iswatched: never set in the simulator, all tickets tie.
      return () => 0;
  }
}

function compare(a: number | string, b: number | string): number {
  if (typeof a === "string" && typeof b === "string") {
    // MySQL's default *_general_ci collation: case-insensitive.
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

/** `ProcessTicketRelatedData`: the WHERE clause of ListAll and GetTicketCount, S6 bugs included. */
function ticketQuery(ctx: CallContext, args: ActionArgs): TicketQuery {
  const { store } = ctx;
  const [departments, statuses, owners, users] = args;
  const given = (value: string | undefined) => value !== undefined && !phpLooseEqualsInt(value, -1);
  const departmentIds = retrieveIdListFromCsv(departments ?? "").filter((id) => store.department(id));
  const statusIds = (given(statuses) ? retrieveIdListFromCsv(statuses ?? "") : []).filter((id) => {
    const status = store.status(id);
    return status !== undefined && (status.departmentId === 0 || departmentIds.includes(status.departmentId));
  });
  // No usable status: the unresolved ones. The server compares the *status* ID with the department list
  // here (notes §4.2), so a status whose ID equals a requested department ID sneaks in; kept as is.
  const finalStatusIds =
    statusIds.length > 0
      ? statusIds
      : store.statuses
          .filter((s) => (s.departmentId === 0 || departmentIds.includes(s.id)) && s.markAsResolved === 0)
          .map((s) => s.id);
  // Owner IDs are validated and then the validated list is thrown away (S6): any number filters.
  const ownerIds = given(owners) ? retrieveIdListFromCsv(owners ?? "") : [];
  const userIds = given(users) ? retrieveIdListFromCsv(users ?? "") : [];
  const email = phpEmpty(ctx.post.email) ? undefined : ctx.post.email;
  return {
    departmentIds: new Set(departmentIds),
    statusIds: new Set(finalStatusIds),
    ownerIds: new Set(ownerIds),
    userIds: new Set(userIds),
    ...(email === undefined ? {} : { email }),
  };
}

function listAll(ctx: CallContext, args: ActionArgs): Reply {
  const { store } = ctx;
  const [, , , , rowsPerPage, rowOffset, sortFieldRaw, sortOrderRaw] = args;
  const ids = store.queryTickets(ticketQuery(ctx, args));
  const sortField = (sortFieldRaw ?? "").toLowerCase();
  const descending = (sortOrderRaw ?? "").toUpperCase() === "DESC";
  if (SORT_FIELDS.has(sortField)) {
    const key = sortKey(store, sortField);
    const keys = new Map(ids.map((id) => [id, key(id)]));
    ids.sort((a, b) => {
      const order = compare(keys.get(a) ?? 0, keys.get(b) ?? 0);
      // Ties keep ticket ID order in both directions (MySQL leaves it undefined).
      return order === 0 ? a - b : descending ? -order : order;
    });
  } else if (descending) {
    ids.reverse();
  }
  const limit = phpEmpty(rowsPerPage) ? -1 : phpIntval(rowsPerPage);
  const offset = Math.max(0, phpIntval(rowOffset));
  const page = limit > 0 ? ids.slice(offset, offset + limit) : ids.slice(offset);
  return xmlReply(renderTickets(store, page, false, ctx.settings.postOrder));
}

/** Applies a PUT's fields; true when anything changed. */
function applyTicketUpdate(ctx: CallContext, id: number): boolean {
  const { store, post, now } = ctx;
  const ticket = store.ticket(id);
  if (!ticket) throw new Error(`ticket ${id} vanished`);
  const change: Partial<Ticket> = {};
  // Each ID is applied only when the helpdesk cache has it; anything else is silently ignored (§4.5).
  const key = (name: string) => (post[name] === undefined ? null : phpIntegerKey(post[name] ?? ""));
  const departmentId = key("departmentid");
  const department = departmentId === null ? undefined : store.department(departmentId);
  if (department && department.app === "tickets") change.departmentId = department.id;
  const statusId = key("ticketstatusid");
  const status = statusId === null ? undefined : store.status(statusId);
  if (status) {
    change.statusId = status.id;
    if (status.markAsResolved === 1 && ticket.isResolved === 0) {
      Object.assign(change, { isResolved: 1, resolutionDateline: now, dueTime: 0, resolutionDue: 0 });
    } else if (status.markAsResolved === 0 && ticket.isResolved === 1) {
      Object.assign(change, { isResolved: 0, resolutionDateline: 0 });
    }
  }
  const priorityId = key("ticketpriorityid");
  if (priorityId !== null && store.priority(priorityId)) change.priorityId = priorityId;
  const typeId = key("tickettypeid");
  if (typeId !== null && store.type(typeId)) change.typeId = typeId;
  const owner = post.ownerstaffid;
  if (owner !== undefined) {
    const ownerKey = phpIntegerKey(owner);
    if (isPhpNumeric(owner) && Number(owner.trim()) === 0) {
      Object.assign(change, { ownerStaffId: 0, ownerStaffName: "" });
    } else if (ownerKey !== null && store.staffMember(ownerKey)) {
      Object.assign(change, {
        ownerStaffId: ownerKey,
        ownerStaffName: store.staffMember(ownerKey)?.fullName ?? "",
      });
    }
  }
  // isset(), not empty(): an empty subject is stored as sent.
  if (post.fullname !== undefined) change.fullName = post.fullname;
  if (post.email !== undefined) change.email = post.email;
  if (post.subject !== undefined) change.subject = post.subject;
  if (!phpEmpty(post.userid)) {
    const userKey = phpIntegerKey(post.userid ?? "");
    if (userKey !== null && store.user(userKey)) change.userId = userKey;
  }
  if (post.templategroup !== undefined) {
    const wanted = post.templategroup;
    const byId = isPhpNumeric(wanted)
      ? store.templateGroups.find((g) => g.id === phpIntegerKey(wanted))
      : undefined;
    const byTitle = store.templateGroups.find((g) => g.title.toLowerCase() === wanted.toLowerCase());
    // No match leaves PHP's foreach variable on the last template group, which is then applied.
    const last = store.templateGroups[store.templateGroups.length - 1];
    change.templateGroupId = byId?.id ?? byTitle?.id ?? last?.id ?? ticket.templateGroupId;
  }
  const changed = (Object.keys(change) as (keyof Ticket)[]).some((field) => change[field] !== ticket[field]);
  if (changed) store.updateTicket(id, { ...change, lastActivity: now });
  return changed;
}

const ticketController: Controller = {
  name: "Ticket",
  file: file("Ticket"),
  actions: [
    action("GetList", 0, () => statusReply(400, "Not Implemented, Call /Tickets/Ticket/ListAll instead.")),
    action("ListAll", 1, listAll, 8),
    {
      ...action(
        "GetTicketCount",
        1,
        (ctx, args) => xmlReply(renderTicketTotal(ctx.store.queryTickets(ticketQuery(ctx, args)).length)),
        4,
      ),
      inBuild: (settings) => settings.ticketCountRoute,
    },
    action("Get", 1, (ctx, [raw]) => {
      const id = resolveTicketId(ctx.store, raw);
      if (!id) return ticketNotFound();
      return xmlReply(renderTickets(ctx.store, [id], true, ctx.settings.postOrder));
    }),
    action("Put", 1, (ctx, [raw]) => {
      const id = resolveTicketId(ctx.store, raw);
      if (!id) return ticketNotFound();
      // Changes notify the owner and requester by mail (README decision 21), after they are saved.
      if (applyTicketUpdate(ctx, id) && ctx.settings.mailFails) return mailerException(ctx);
      return xmlReply(renderTickets(ctx.store, [id], true, ctx.settings.postOrder));
    }),
    action("Delete", 1, (ctx, [raw]) => {
      const id = resolveTicketId(ctx.store, raw);
      if (!id) return ticketNotFound();
      ctx.store.deleteTicket(id);
      return emptyReply();
    }),
    ...notSimulatedActions("Post"),
  ],
};

// ------------------------------------------------------------------ TicketPost

/** What a helpdesk whose SMTP server is down answers after saving a write that sends mail. */
function mailerException(ctx: CallContext): Reply {
  return uncaughtException(
    ctx.routerPath,
    "SMTP Error: Could not connect to SMTP host.",
    "./__swift/thirdparty/PHPMailer/class.phpmailer.php",
    true,
  );
}

function postList(ctx: CallContext, rawTicketId: string, postId: string | undefined): Reply {
  const ticketId = rawTicketColumn(rawTicketId);
  let posts: TicketPost[] = ctx.store.posts(ticketId);
  if (!phpEmpty(postId)) posts = posts.filter((p) => p.id === phpIntval(postId));
  return xmlReply(renderPostList(ctx.store, orderPosts(posts, ctx.settings.postOrder)));
}

const MIME_TYPES: Record<string, string> = {
  txt: "text/plain",
  log: "text/plain",
  csv: "text/csv",
  html: "text/html",
  xml: "application/xml",
  json: "application/json",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  pdf: "application/pdf",
  zip: "application/zip",
};

/** `SWIFT_HTML::DetectHTMLContent`, approximated: any HTML-looking tag. */
function looksLikeHtml(contents: string): boolean {
  return /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i.test(contents);
}

function createPost(ctx: CallContext): Reply {
  const { store, post, now } = ctx;
  if (phpEmpty(post.ticketid) || phpTrim(post.ticketid ?? "") === "") {
    return statusReply(400, "No Ticket ID Specified");
  }
  if (phpEmpty(post.contents) || phpTrim(post.contents ?? "") === "")
    return statusReply(400, "No Contents Specified");
  const noUser = phpEmpty(post.userid) || phpTrim(post.userid ?? "") === "";
  const noStaff = phpEmpty(post.staffid) || phpTrim(post.staffid ?? "") === "";
  if (noUser && noStaff) return statusReply(400, "Staff ID and User ID is empty");
  const rawTicketId = post.ticketid ?? "";
  const ticketId = resolveTicketId(store, rawTicketId);
  if (!ticketId) return ticketNotFound();
  const ticket = store.ticket(ticketId);
  if (!ticket) return ticketNotFound();
  const contents = post.contents ?? "";

  // Attachments: filename/filecontent, filename1/filecontent1 ... filename9/filecontent9 (base64).
  const files: { fileName: string; contents: Buffer; fileType: string }[] = [];
  for (const [name, fileName] of Object.entries(post)) {
    const match = /^filename([0-9]?)$/.exec(name);
    const content = match ? post[`filecontent${match[1] ?? ""}`] : undefined;
    if (!match || content === undefined) continue;
    const extension = fileName.slice(fileName.lastIndexOf(".") + 1).toLowerCase();
    files.push({
      fileName,
      contents: Buffer.from(content, "base64"),
      fileType: MIME_TYPES[extension] ?? "application/octet-stream",
    });
  }

  let created: TicketPost;
  let mailed = false;
  if (!noUser) {
    const userKey = phpIntegerKey(post.userid ?? "");
    const user = userKey === null ? undefined : store.user(userKey);
    if (!user) return statusReply(400, "User ID is Invalid");
    created = store.addPost({
      ticketId,
      dateline: now,
      userId: user.id,
      fullName: user.fullName,
      email: user.emails[0] ?? ticket.email,
      emailTo: "",
      ipAddress: "",
      hasAttachments: files.length > 0 ? 1 : 0,
      creator: 2,
      isThirdParty: 0,
      isHtml: looksLikeHtml(contents) ? 1 : 0,
      isEmailed: 0,
      staffId: 0,
      isSurveyComment: 0,
      contents,
      isPrivate: 0,
    });
    store.updateTicket(ticketId, {
      totalReplies: ticket.totalReplies + 1,
      lastActivity: now,
      lastReplier: user.fullName,
      lastUserReply: now,
      hasAttachments: files.length > 0 ? 1 : ticket.hasAttachments,
    });
  } else {
    const staffKey = phpIntegerKey(post.staffid ?? "");
    const staff = staffKey === null ? undefined : store.staffMember(staffKey);
    if (!staff) return statusReply(400, "Staff ID is Invalid");
    const isHtml = looksLikeHtml(contents);
    const isPrivate = phpIntval(post.isprivate) !== 0 ? 1 : 0;
    created = store.addPost({
      ticketId,
      dateline: now,
      userId: 0,
      fullName: staff.fullName,
      email: staff.email,
      emailTo: "",
      ipAddress: "",
      hasAttachments: files.length > 0 ? 1 : 0,
      creator: 1,
      isThirdParty: 0,
      isHtml: isHtml ? 1 : 0,
      isEmailed: 0,
      staffId: staff.id,
      isSurveyComment: 0,
      contents,
      isPrivate,
    });
    store.updateTicket(ticketId, {
      totalReplies: ticket.totalReplies + 1,
      lastActivity: now,
      lastReplier: staff.fullName,
      lastStaffReply: now,
      dueTime: 0,
      hasAttachments: files.length > 0 ? 1 : ticket.hasAttachments,
    });
    // CreateStaff's `$_dontSendEmail` argument is DetectHTMLContent(contents): plain-text replies are
    // mailed to the requester, HTML ones are not (notes §4.4, inferred). Private posts are never mailed.
    if (!isHtml && !isPrivate) {
      mailed = true;
      store.sentEmails.push({
        ticketId,
        postId: created.id,
        to: ticket.email,
        subject: ticket.subject,
        contents,
        dateline: now,
      });
    }
  }
  for (const f of files) {
    store.addAttachment({
      ticketId,
      postId: created.id,
      fileName: f.fileName,
      fileSize: f.contents.length,
      fileType: f.fileType,
      dateline: now,
      contents: f.contents,
    });
  }
  // The post, its attachments and the ticket are saved; then the mailer throws (README decision 21).
  if (mailed && ctx.settings.mailFails) {
    store.sentEmails.pop();
    return mailerException(ctx);
  }
  return postList(ctx, rawTicketId, String(created.id));
}

const ticketPostController: Controller = {
  name: "TicketPost",
  file: file("TicketPost"),
  actions: [
    action("GetList", 0, () =>
      statusReply(400, "Not Implemented, Call /Tickets/TicketPost/ListAll instead."),
    ),
    action(
      "ListAll",
      1,
      (ctx, [rawTicketId, postId]) => {
        if (!resolveTicketId(ctx.store, rawTicketId)) return ticketNotFound();
        return postList(ctx, rawTicketId ?? "", postId);
      },
      2,
    ),
    action("Get", 2, (ctx, [rawTicketId, rawPostId]) => {
      if (!resolveTicketId(ctx.store, rawTicketId)) return ticketNotFound();
      const postKey = phpIntegerKey(phpTrim(rawPostId ?? ""));
      const post = postKey === null ? undefined : ctx.store.post(postKey);
      if (!post) return statusReply(404, "Ticket Post not Found");
      if (!phpLooseEqualsInt(rawTicketId ?? "", post.ticketId)) {
        return statusReply(400, "Post does not belong to the specified ticket");
      }
      return postList(ctx, rawTicketId ?? "", rawPostId);
    }),
    action("Post", 0, createPost),
    ...notSimulatedActions("Delete"),
  ],
};

// ------------------------------------------------------------------ TicketNote

function noteList(ctx: CallContext, rawTicketId: string, noteId: string | undefined): Reply {
  let notes = ctx.store.notes(rawTicketColumn(rawTicketId));
  if (!phpEmpty(noteId)) notes = notes.filter((n) => n.id === phpIntval(noteId));
  return xmlReply(renderNoteList(notes));
}

function checkedNote(
  ctx: CallContext,
  rawTicketId: string | undefined,
  rawNoteId: string | undefined,
): Reply | null {
  if (!resolveTicketId(ctx.store, rawTicketId)) return ticketNotFound();
  const noteKey = phpIntegerKey(phpTrim(rawNoteId ?? ""));
  const note = noteKey === null ? undefined : ctx.store.note(noteKey);
  if (!note) return statusReply(404, "Ticket note not Found");
  if (!phpLooseEqualsInt(rawTicketId ?? "", note.ticketId)) {
    return statusReply(400, "Ticket note does not belong to the specified ticket");
  }
  return null;
}

const ticketNoteController: Controller = {
  name: "TicketNote",
  file: file("TicketNote"),
  actions: [
    action("GetList", 0, () =>
      statusReply(400, "Not Implemented, Call /Tickets/TicketNote/ListAll instead."),
    ),
    action(
      "ListAll",
      1,
      (ctx, [rawTicketId, noteId]) => {
        if (!resolveTicketId(ctx.store, rawTicketId)) return ticketNotFound();
        return noteList(ctx, rawTicketId ?? "", noteId);
      },
      2,
    ),
    action("Get", 2, (ctx, [rawTicketId, rawNoteId]) => {
      return checkedNote(ctx, rawTicketId, rawNoteId) ?? noteList(ctx, rawTicketId ?? "", rawNoteId);
    }),
    action("Post", 0, (ctx) => {
      const { store, post, now } = ctx;
      if (phpEmpty(post.ticketid) || phpTrim(post.ticketid ?? "") === "") {
        return statusReply(400, "No Ticket ID Specified");
      }
      const rawTicketId = post.ticketid ?? "";
      const ticketId = resolveTicketId(store, rawTicketId);
      if (!ticketId) return ticketNotFound();
      const staffKey = post.staffid === undefined ? null : phpIntegerKey(post.staffid);
      const staff = staffKey === null ? undefined : store.staffMember(staffKey);
      const noName = phpEmpty(post.fullname) || phpTrim(post.fullname ?? "") === "";
      if (noName && !staff) return statusReply(400, "No fullname or staff id specified");
      if (post.contents === undefined) return statusReply(400, "No contents specified");
      const forKey = post.forstaffid === undefined ? null : phpIntegerKey(post.forstaffid);
      const forStaff = forKey === null ? undefined : store.staffMember(forKey);
      const note = store.addNote({
        ticketId,
        noteColor: phpEmpty(post.notecolor) ? 1 : phpIntval(post.notecolor),
        staffId: staff?.id ?? 0,
        forStaffId: forStaff?.id ?? 0,
        staffName: staff ? staff.fullName : (post.fullname ?? ""),
        dateline: now,
        contents: post.contents,
      });
      return noteList(ctx, rawTicketId, String(note.id));
    }),
    action("Delete", 2, (ctx, [rawTicketId, rawNoteId]) => {
      const refused = checkedNote(ctx, rawTicketId, rawNoteId);
      if (refused) return refused;
      ctx.store.deleteNote(phpIntval(rawNoteId));
      return emptyReply();
    }),
  ],
};

// ------------------------------------------------------------------ TicketSearch

const SEARCH_NOT_IMPLEMENTED = "Not Implemented, Call POST /Tickets/TicketSearch instead.";

const ticketSearchController: Controller = {
  name: "TicketSearch",
  file: file("TicketSearch"),
  actions: [
    action("Post", 0, (ctx) => {
      const { post, store, settings } = ctx;
      const flag = (name: string) => post[name] !== undefined && phpLooseEqualsInt(post[name] ?? "", 1);
      const query = phpEmpty(post.query) ? "" : (post.query ?? "");
      const ids = searchTickets(
        store,
        query,
        {
          ticketid: flag("ticketid"),
          contents: flag("contents"),
          author: flag("author"),
          email: flag("email"),
          creatoremail: flag("creatoremail"),
          fullname: flag("fullname"),
          notes: flag("notes"),
          usergroup: flag("usergroup"),
          userorganization: flag("userorganization"),
          user: flag("user"),
          tags: flag("tags"),
          phrase: flag("phrase"),
        },
        settings.searchResultLimit,
      );
      // S6 renders search hits with their posts (the notes say without; the server source wins).
      return xmlReply(renderTickets(store, ids, true, settings.postOrder));
    }),
    action("GetList", 0, () => statusReply(400, SEARCH_NOT_IMPLEMENTED)),
    action("Get", 0, () => statusReply(400, SEARCH_NOT_IMPLEMENTED)),
    action("Put", 0, () => statusReply(400, SEARCH_NOT_IMPLEMENTED)),
    action("Delete", 0, () => statusReply(400, SEARCH_NOT_IMPLEMENTED)),
  ],
};

// ------------------------------------------------------------------ lookups

/** `Get($id)` of the lookup controllers: `!empty($id)` selects `WHERE id = (int)$id`, else everything. */
function lookup<T extends { id: number }>(
  name: string,
  all: (store: KayakoStore) => readonly T[],
  render: (items: readonly T[]) => string,
): Controller {
  return {
    name,
    file: file(name),
    actions: [
      action("GetList", 0, (ctx) => xmlReply(render(all(ctx.store)))),
      action("Get", 1, (ctx, [raw]) => {
        const items = all(ctx.store);
        return xmlReply(render(phpEmpty(raw) ? items : items.filter((item) => item.id === phpIntval(raw))));
      }),
    ],
  };
}

const ticketCountController: Controller = {
  name: "TicketCount",
  file: file("TicketCount"),
  actions: [action("GetList", 0, (ctx) => xmlReply(renderTicketCount(ctx.store)))],
};

/** Real controllers of the Tickets app that the simulator does not implement. */
const unsimulated = (name: string): Controller => ({
  name,
  file: file(name),
  actions: notSimulatedActions("GetList", "Get", "Post", "Put", "Delete"),
});

export const TICKETS_APP: readonly Controller[] = [
  ticketController,
  ticketPostController,
  ticketNoteController,
  ticketSearchController,
  lookup("TicketStatus", (store) => store.statuses, renderStatuses),
  lookup("TicketPriority", (store) => store.priorities, renderPriorities),
  lookup("TicketType", (store) => store.types, renderTypes),
  ticketCountController,
  unsimulated("TicketAttachment"),
  unsimulated("TicketCustomField"),
  unsimulated("TicketTimeTrack"),
];
