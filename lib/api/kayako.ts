import { z } from "zod";
import { msg } from "@/lib/i18n/api-messages/text";
import { TICKET_SORTS } from "@/lib/kayako-vocabulary";
import { ConnectionIdSchema } from "./connections";
import { defineOperation } from "./operation";

/**
 * Kayako helpdesk tickets: one schema per shape serves the views, the route handlers and the OpenAPI document.
 * Kayako's vocabulary (ListAll positional arguments, `markasresolved`, `ownerstaffid`) is translated in
 * `lib/server/vendors/kayako/`, never here.
 */

const idFilter = z
  .string()
  .regex(/^[0-9]+$/, msg`Use a numeric id`)
  .optional();

export const TicketConnectionParams = z.strictObject({ connectionId: ConnectionIdSchema });
export const TicketParams = z.strictObject({
  connectionId: ConnectionIdSchema,
  ticketId: z
    .string()
    .regex(/^([0-9]+|[A-Za-z]{3}-[0-9]{3}-[0-9]{5})$/, msg`Use a ticket number or mask such as ABC-123-45678`)
    .describe("Numeric ticket id or the display mask, e.g. ABC-123-45678"),
});

export const ListTicketsQuery = z.strictObject({
  department: idFilter.describe("Department id; all ticket departments when absent"),
  status: z
    .string()
    .regex(/^(open|closed|all|[0-9]+)$/, msg`Use open, closed, all or a status id`)
    .default("open")
    .describe("open = unresolved statuses, closed = resolved statuses, all, or one status id"),
  priority: idFilter.describe("Priority id"),
  owner: z
    .string()
    .regex(/^(unassigned|[0-9]+)$/, msg`Use unassigned or a staff id`)
    .optional()
    .describe("Owner staff id, or `unassigned`"),
  user: idFilter.describe("Only this requester's tickets (Kayako user id)"),
  q: z.string().trim().max(100).optional().describe("Free text: subject, contents, requester, e-mail, mask"),
  sort: z.enum(TICKET_SORTS).default("lastActivity"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).default(1).describe("1-based page"),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type ListTicketsInput = z.infer<typeof ListTicketsQuery>;

export const TicketSummarySchema = z.object({
  id: z.int(),
  displayId: z.string().describe("The mask people quote, e.g. ABC-123-45678"),
  subject: z.string(),
  departmentId: z.int(),
  department: z.string(),
  statusId: z.int(),
  status: z.string(),
  resolved: z.boolean().describe("The status is marked as resolved in Kayako"),
  priorityId: z.int(),
  priority: z.string(),
  typeId: z.int(),
  type: z.string(),
  ownerStaffId: z.int().describe("0 when unassigned"),
  owner: z.string().nullable(),
  userId: z.int(),
  requester: z.string(),
  email: z.string(),
  organization: z.string(),
  replies: z.int(),
  lastReplier: z.string(),
  created: z.string().nullable(),
  lastActivity: z.string().nullable(),
});
export type TicketSummaryDto = z.infer<typeof TicketSummarySchema>;

export const TicketPostSchema = z.object({
  id: z.int(),
  author: z.string(),
  email: z.string(),
  fromStaff: z.boolean(),
  isPrivate: z.boolean(),
  isHtml: z.boolean().describe("Kayako holds the post as HTML; `contents` is its text, read on the server"),
  contents: z.string().describe("Plain text: an HTML post's markup is turned into line breaks and bullets"),
  created: z.string().nullable(),
});
export type TicketPostDto = z.infer<typeof TicketPostSchema>;

export const TicketDetailSchema = TicketSummarySchema.extend({ posts: z.array(TicketPostSchema) });
export type TicketDetailDto = z.infer<typeof TicketDetailSchema>;

export const TicketPageSchema = z.object({
  items: z.array(TicketSummarySchema),
  total: z
    .int()
    .nullable()
    .describe(
      "Tickets matching the filters; null where the helpdesk cannot count (builds without GetTicketCount)",
    ),
  hasMore: z.boolean().describe("A next page exists"),
  page: z.int(),
  pageSize: z.int(),
  truncated: z
    .boolean()
    .describe(
      "Free-text search returned as many hits as Kayako's largest search so far: its result limit may hide more",
    ),
});
export type TicketPageDto = z.infer<typeof TicketPageSchema>;

export const ReplyToTicketBody = z.strictObject({
  contents: z.string().trim().min(1, msg`Write a reply`).max(50_000, msg`At most 50,000 characters`),
  isPrivate: z.boolean().default(false).describe("A private note: staff see it, the requester does not"),
});
export type ReplyToTicketInput = z.infer<typeof ReplyToTicketBody>;

const positiveId = z.int().positive();
export const UpdateTicketBody = z
  .strictObject({
    statusId: positiveId.optional(),
    priorityId: positiveId.optional(),
    departmentId: positiveId.optional(),
    ownerStaffId: z.int().min(0).optional().describe("0 unassigns"),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), msg`Change at least one field`);
export type UpdateTicketInput = z.infer<typeof UpdateTicketBody>;

export const UpdateTicketResultSchema = z.object({
  ticket: TicketDetailSchema,
  notApplied: z
    .array(z.object({ field: z.string(), requested: z.int(), actual: z.int() }))
    .describe("Changes Kayako silently ignored (it drops invalid ids and still answers 200)"),
});
export type UpdateTicketResultDto = z.infer<typeof UpdateTicketResultSchema>;

export const HelpdeskUserSchema = z.object({
  id: z.int(),
  fullName: z.string(),
  emails: z.array(z.string()),
  organization: z.string(),
  phone: z.string(),
  enabled: z.boolean(),
});
export type HelpdeskUserDto = z.infer<typeof HelpdeskUserSchema>;

export const SearchHelpdeskUsersQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(2, msg`Type at least two characters`)
    .max(100)
    .describe("Name, e-mail or organisation"),
});

const lookupItem = z.object({ id: z.int(), title: z.string() });
export const TicketLookupsSchema = z.object({
  departments: z.array(lookupItem),
  statuses: z.array(lookupItem.extend({ resolved: z.boolean(), departmentId: z.int() })),
  priorities: z.array(lookupItem),
  types: z.array(lookupItem),
  staff: z.array(lookupItem.extend({ enabled: z.boolean() })),
  myStaffId: z
    .int()
    .nullable()
    .describe("The Kayako staff member replies are sent as for the signed-in person"),
});
export type TicketLookupsDto = z.infer<typeof TicketLookupsSchema>;

export const StaffMappingSchema = z.object({
  userId: z.string(),
  userName: z.string(),
  email: z.string(),
  role: z.string(),
  staffId: z.int().nullable(),
});
export type StaffMappingDto = z.infer<typeof StaffMappingSchema>;

export const StaffMappingParams = z.strictObject({
  connectionId: ConnectionIdSchema,
  userId: z.uuid(msg`Use a console user id`),
});
export const SetStaffMappingBody = z.strictObject({
  staffId: z.int().positive().nullable().describe("Kayako staff id; null removes the mapping"),
});

const TAG = "Kayako tickets";

export const listTickets = defineOperation({
  operationId: "listTickets",
  summary: "List helpdesk tickets with filters, sort and paging",
  tag: TAG,
  permission: "tickets.read",
  params: TicketConnectionParams,
  query: ListTicketsQuery,
  response: TicketPageSchema,
});

export const getTicket = defineOperation({
  operationId: "getTicket",
  summary: "One ticket with its conversation",
  tag: TAG,
  permission: "tickets.read",
  params: TicketParams,
  response: TicketDetailSchema,
});

export const replyToTicket = defineOperation({
  operationId: "replyToTicket",
  summary: "Reply (or add a private note) as the Kayako staff member mapped to the caller",
  tag: TAG,
  permission: "tickets.write",
  params: TicketParams,
  body: ReplyToTicketBody,
  response: TicketPostSchema,
  successStatus: 201,
  audit: { action: "kayako.ticket.reply", resource: "kayako-ticket" },
});

export const updateTicket = defineOperation({
  operationId: "updateTicket",
  summary: "Change status, priority, owner or department; reports changes Kayako ignored",
  tag: TAG,
  permission: "tickets.write",
  params: TicketParams,
  body: UpdateTicketBody,
  response: UpdateTicketResultSchema,
  audit: { action: "kayako.ticket.update", resource: "kayako-ticket" },
});

export const searchHelpdeskUsers = defineOperation({
  operationId: "searchHelpdeskUsers",
  summary: "Search helpdesk users by name, e-mail or organisation",
  tag: TAG,
  permission: "tickets.read",
  params: TicketConnectionParams,
  query: SearchHelpdeskUsersQuery,
  response: z.object({ items: z.array(HelpdeskUserSchema) }),
});

export const listTicketLookups = defineOperation({
  operationId: "listTicketLookups",
  summary: "Departments, statuses, priorities and staff for filters and pickers",
  tag: TAG,
  permission: "tickets.read",
  params: TicketConnectionParams,
  response: TicketLookupsSchema,
});

export const listStaffMappings = defineOperation({
  operationId: "listKayakoStaffMappings",
  summary: "Which Kayako staff member each console user replies as",
  tag: TAG,
  permission: "users.manage",
  params: TicketConnectionParams,
  response: z.object({ items: z.array(StaffMappingSchema) }),
});

export const setStaffMapping = defineOperation({
  operationId: "setKayakoStaffMapping",
  summary: "Map a console user to a Kayako staff member (null removes the mapping)",
  tag: TAG,
  permission: "users.manage",
  params: StaffMappingParams,
  body: SetStaffMappingBody,
  response: StaffMappingSchema,
  audit: { action: "kayako.staff-mapping.set", resource: "kayako-staff-mapping" },
});
