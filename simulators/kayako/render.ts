import { SALUTATIONS } from "./catalog";
import type {
  Department,
  Organization,
  Staff,
  TicketNote,
  TicketPost,
  TicketPriority,
  TicketStatus,
  TicketType,
  User,
} from "./model";
import type { KayakoStore } from "./store";
import { KayakoXml } from "./xml";

/**
 * The XML documents, tag for tag and in the order of the S6 renderers (`SWIFT_TicketAPIManager::
 * RenderTickets`, `Controller_*::Process*`). Each function returns the finished document.
 */

export function renderDepartments(departments: readonly Department[]): string {
  const xml = new KayakoXml().open("departments");
  for (const d of departments) {
    xml
      .open("department")
      .tag("id", d.id)
      .tag("title", d.title)
      .tag("type", d.type)
      .tag("module", d.app)
      .tag("app", d.app)
      .tag("displayorder", d.displayOrder)
      .tag("parentdepartmentid", d.parentDepartmentId)
      .tag("uservisibilitycustom", d.userVisibilityCustom)
      .open("usergroups");
    for (const id of d.userGroupIds) xml.tag("id", id);
    xml.close("usergroups").close("department");
  }
  return xml.close("departments").toString();
}

export function renderStatuses(statuses: readonly TicketStatus[]): string {
  const xml = new KayakoXml().open("ticketstatuses");
  for (const s of statuses) {
    xml
      .open("ticketstatus")
      .tag("id", s.id)
      .tag("title", s.title)
      .tag("displayorder", s.displayOrder)
      .tag("departmentid", s.departmentId)
      .tag("displayicon", s.displayIcon)
      .tag("type", s.type)
      .tag("displayinmainlist", s.displayInMainList)
      .tag("markasresolved", s.markAsResolved)
      .tag("displaycount", s.displayCount)
      .tag("statuscolor", s.statusColor)
      .tag("statusbgcolor", s.statusBgColor)
      .tag("resetduetime", s.resetDueTime)
      .tag("triggersurvey", s.triggerSurvey)
      .tag("staffvisibilitycustom", s.staffVisibilityCustom);
    for (const id of s.staffGroupIds) xml.tag("staffgroupid", id);
    xml.close("ticketstatus");
  }
  return xml.close("ticketstatuses").toString();
}

export function renderPriorities(priorities: readonly TicketPriority[]): string {
  const xml = new KayakoXml().open("ticketpriorities");
  for (const p of priorities) {
    xml
      .open("ticketpriority")
      .tag("id", p.id)
      .tag("title", p.title)
      .tag("displayorder", p.displayOrder)
      .tag("frcolorcode", p.frColorCode)
      .tag("bgcolorcode", p.bgColorCode)
      .tag("type", p.type)
      .tag("uservisibilitycustom", p.userVisibilityCustom);
    for (const id of p.userGroupIds) xml.tag("usergroupid", id);
    xml.close("ticketpriority");
  }
  return xml.close("ticketpriorities").toString();
}

export function renderTypes(types: readonly TicketType[]): string {
  const xml = new KayakoXml().open("tickettypes");
  for (const t of types) {
    xml
      .open("tickettype")
      .tag("id", t.id)
      .tag("title", t.title)
      .tag("displayorder", t.displayOrder)
      .tag("departmentid", t.departmentId)
      .tag("displayicon", t.displayIcon)
      .tag("type", t.type)
      .tag("uservisibilitycustom", t.userVisibilityCustom);
    for (const id of t.userGroupIds) xml.tag("usergroupid", id);
    xml.close("tickettype");
  }
  return xml.close("tickettypes").toString();
}

export function renderStaff(staff: readonly Staff[]): string {
  const xml = new KayakoXml().open("staffusers");
  for (const s of staff) {
    xml
      .open("staff")
      .tag("id", s.id)
      .tag("staffgroupid", s.staffGroupId)
      .tag("firstname", s.firstName)
      .tag("lastname", s.lastName)
      .tag("fullname", s.fullName)
      .tag("username", s.userName)
      .tag("email", s.email)
      .tag("designation", s.designation)
      .tag("greeting", s.greeting)
      .tag("mobilenumber", s.mobileNumber)
      .tag("isenabled", s.isEnabled)
      .tag("timezone", s.timezone)
      .tag("enabledst", s.enableDst)
      .tag("signature", s.signature)
      .close("staff");
  }
  return xml.close("staffusers").toString();
}

export function renderUsers(users: readonly User[]): string {
  const xml = new KayakoXml().open("users");
  for (const u of users) {
    xml
      .open("user")
      .tag("id", u.id)
      .tag("usergroupid", u.userGroupId)
      .tag("userrole", u.role)
      .tag("userorganizationid", u.organizationId)
      .tag("salutation", SALUTATIONS[u.salutation] ?? "")
      .tag("userexpiry", u.userExpiry)
      .tag("fullname", u.fullName);
    for (const email of u.emails) xml.tag("email", email);
    xml
      .tag("designation", u.designation)
      .tag("phone", u.phone)
      .tag("dateline", u.dateline)
      .tag("lastvisit", u.lastVisit)
      .tag("isenabled", u.isEnabled)
      .tag("timezone", u.timezone)
      .tag("enabledst", u.enableDst)
      .tag("slaplanid", u.slaPlanId)
      .tag("slaplanexpiry", u.slaPlanExpiry)
      .close("user");
  }
  return xml.close("users").toString();
}

export function renderOrganizations(organizations: readonly Organization[]): string {
  const xml = new KayakoXml().open("userorganizations");
  for (const o of organizations) {
    xml
      .open("userorganization")
      .tag("id", o.id)
      .tag("name", o.name)
      .tag("organizationtype", o.type)
      .tag("address", o.address)
      .tag("city", o.city)
      .tag("state", o.state)
      .tag("postalcode", o.postalCode)
      .tag("country", o.country)
      .tag("phone", o.phone)
      .tag("fax", o.fax)
      .tag("website", o.website)
      .comment("Timeline Properties")
      .tag("dateline", o.dateline)
      .tag("lastupdate", o.lastUpdate)
      .comment("Custom SLA Properties")
      .tag("slaplanid", o.slaPlanId)
      .tag("slaplanexpiry", o.slaPlanExpiry)
      .close("userorganization");
  }
  return xml.close("userorganizations").toString();
}

function postTags(xml: KayakoXml, post: TicketPost, contents: string): void {
  xml
    .tag("id", post.id)
    .tag("ticketpostid", post.id)
    .tag("ticketid", post.ticketId)
    .tag("dateline", post.dateline)
    .tag("userid", post.userId)
    .tag("fullname", post.fullName)
    .tag("email", post.email)
    .tag("emailto", post.emailTo)
    .tag("ipaddress", post.ipAddress)
    .tag("hasattachments", post.hasAttachments)
    .tag("creator", post.creator)
    .tag("isthirdparty", post.isThirdParty)
    .tag("ishtml", post.isHtml)
    .tag("isemailed", post.isEmailed)
    .tag("staffid", post.staffId)
    .tag("issurveycomment", post.isSurveyComment)
    .tag("contents", contents)
    .tag("isprivate", post.isPrivate);
}

export function orderPosts(posts: TicketPost[], order: "asc" | "desc"): TicketPost[] {
  return order === "desc" ? [...posts].reverse() : posts;
}

/**
 * `RenderTickets($ids, $withPosts)`: tickets in the order given, with their organisation, tags,
 * template group, notes and, for single-ticket answers, their posts.
 */
export function renderTickets(
  store: KayakoStore,
  ids: readonly number[],
  withPosts: boolean,
  postOrder: "asc" | "desc",
): string {
  const xml = new KayakoXml().open("tickets");
  for (const id of ids) {
    const ticket = store.ticket(id);
    if (!ticket) continue;
    const user = store.user(ticket.userId);
    const organization = user ? store.organization(user.organizationId) : undefined;
    xml
      .open("ticket", { id: ticket.id, flagtype: ticket.flagType })
      .tag("displayid", ticket.mask)
      .tag("departmentid", ticket.departmentId)
      .tag("statusid", ticket.statusId)
      .tag("priorityid", ticket.priorityId)
      .tag("typeid", ticket.typeId)
      .tag("userid", ticket.userId)
      .tag("userorganization", organization?.name ?? "")
      .tag("userorganizationid", user ? user.organizationId : 0)
      .tag("ownerstaffid", ticket.ownerStaffId)
      .tag("ownerstaffname", ticket.ownerStaffName)
      .tag("fullname", ticket.fullName)
      .tag("email", ticket.email)
      .tag("lastreplier", ticket.lastReplier)
      .tag("subject", ticket.subject)
      .tag("creationtime", ticket.dateline)
      .tag("lastactivity", ticket.lastActivity)
      .tag("laststaffreply", ticket.lastStaffReply)
      .tag("lastuserreply", ticket.lastUserReply)
      .tag("slaplanid", ticket.slaPlanId)
      .tag("nextreplydue", ticket.dueTime)
      .tag("resolutiondue", ticket.resolutionDue)
      .tag("replies", ticket.totalReplies)
      .tag("ipaddress", ticket.ipAddress)
      .tag("creator", ticket.creator)
      .tag("creationmode", ticket.creationMode)
      .tag("creationtype", ticket.creationType)
      .tag("isescalated", ticket.isEscalated)
      .tag("escalationruleid", ticket.escalationRuleId)
      .tag("templategroupid", ticket.templateGroupId)
      .tag("tags", ticket.tags.join(" "));
    const templateGroup = store.templateGroups.find((g) => g.id === ticket.templateGroupId);
    if (ticket.templateGroupId && templateGroup) xml.tag("templategroupname", templateGroup.title);
    for (const note of store.notes(id)) noteTag(xml, note);
    if (withPosts) {
      xml.open("posts");
      for (const post of orderPosts(store.posts(id), postOrder)) {
        xml.open("post");
        postTags(xml, post, post.contents);
        xml.close("post");
      }
      xml.close("posts");
    }
    xml.close("ticket");
  }
  return xml.close("tickets").toString();
}

function noteTag(xml: KayakoXml, note: TicketNote): void {
  xml.tag("note", note.contents, {
    type: "ticket",
    id: note.id,
    ticketid: note.ticketId,
    notecolor: note.noteColor,
    creatorstaffid: note.staffId,
    forstaffid: note.forStaffId,
    creatorstaffname: note.staffName,
    creationdate: note.dateline,
  });
}

/** `Controller_TicketPost::ListAll`: posts with non-printable characters stripped and their attachments. */
export function renderPostList(store: KayakoStore, posts: readonly TicketPost[]): string {
  const xml = new KayakoXml().open("posts");
  for (const post of posts) {
    xml.open("post");
    postTags(xml, post, post.contents.replace(/(?![\r\n\t])\p{C}/gu, ""));
    if (post.hasAttachments !== 0) {
      xml.open("attachments");
      for (const attachment of store.attachmentsOfPost(post.ticketId, post.id)) {
        xml
          .open("attachment")
          .tag("id", attachment.id)
          .tag("filename", attachment.fileName)
          .tag("filesize", attachment.fileSize)
          .tag("filetype", attachment.fileType)
          .tag("dateline", attachment.dateline)
          .tag("contents", attachment.contents.toString("base64"))
          .close("attachment");
      }
      xml.close("attachments");
    }
    xml.close("post");
  }
  return xml.close("posts").toString();
}

export function renderNoteList(notes: readonly TicketNote[]): string {
  const xml = new KayakoXml().open("notes");
  for (const note of notes) noteTag(xml, note);
  return xml.close("notes").toString();
}

export function renderTicketTotal(total: number): string {
  return new KayakoXml().open("tickets").tag("totalcount", total).close("tickets").toString();
}

export function renderTicketCount(store: KayakoStore): string {
  const counts = store.ticketCounts();
  const xml = new KayakoXml().open("ticketcount").open("departments");
  for (const [departmentId, entry] of counts.departments) {
    xml
      .open("department", { id: departmentId })
      .tag("totalitems", entry.totalItems)
      .tag("lastactivity", entry.lastActivity)
      .tag("totalunresolveditems", entry.totalUnresolvedItems);
    for (const [id, s] of entry.statuses) {
      xml.tag("ticketstatus", "", { id, lastactivity: s.lastActivity, totalitems: s.totalItems });
    }
    for (const [id, t] of entry.types) {
      xml.tag("tickettype", "", {
        id,
        lastactivity: t.lastActivity,
        totalitems: t.totalItems,
        totalunresolveditems: t.totalUnresolvedItems,
      });
    }
    for (const [id, o] of entry.owners) {
      xml.tag("ownerstaff", "", {
        id,
        lastactivity: o.lastActivity,
        totalitems: o.totalItems,
        totalunresolveditems: o.totalUnresolvedItems,
      });
    }
    xml.close("department");
  }
  xml.close("departments").comment("Ticket Count grouped by Status").open("statuses");
  for (const [id, s] of counts.statuses) {
    xml.tag("ticketstatus", "", { id, lastactivity: s.lastActivity, totalitems: s.totalItems });
  }
  xml.close("statuses").comment("Ticket Count grouped by Owner Staff").open("owners");
  for (const [id, o] of counts.owners) {
    xml.tag("ownerstaff", "", {
      id,
      lastactivity: o.lastActivity,
      totalitems: o.totalItems,
      totalunresolveditems: o.totalUnresolvedItems,
    });
  }
  xml.close("owners").comment("Unassigned Ticket Count grouped by Department").open("unassigned");
  for (const [departmentId, entry] of counts.departments) {
    const unassigned = entry.owners.get(0);
    if (!unassigned) continue;
    xml.tag("department", "", {
      id: departmentId,
      lastactivity: unassigned.lastActivity,
      totalitems: unassigned.totalItems,
      totalunresolveditems: unassigned.totalUnresolvedItems,
    });
  }
  return xml.close("unassigned").close("ticketcount").toString();
}
