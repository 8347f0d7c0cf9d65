import type { Department, NamedRecord, TicketPriority, TicketStatus, TicketType } from "./model";

/**
 * Fixed lookups of the simulated helpdesk. They mirror a stock Kayako Classic install (the default
 * priorities and types, Open/On Hold/Closed...) plus a few extras that exercise the edge cases the notes
 * describe: a livechat department that ticket filters must skip, a child department, department-specific
 * statuses and two resolved statuses (§4.1, §4.2).
 */

export const DEPARTMENTS: readonly Department[] = [
  dept(1, "General Support", "public", "tickets", 0, [1, 2]),
  dept(2, "Billing", "public", "tickets", 0, [1]),
  dept(3, "Technical Support", "public", "tickets", 0, [1, 2]),
  dept(4, "Network Operations", "private", "tickets", 3, []),
  dept(5, "Sales", "public", "tickets", 0, [1, 2]),
  dept(6, "Field Service", "private", "tickets", 0, []),
  dept(7, "Live Chat", "public", "livechat", 0, [1, 2]),
  dept(8, "Sales Chat", "public", "livechat", 7, [1, 2]),
];

/** Departments tickets are seeded in, with their relative weights. */
export const TICKET_DEPARTMENT_WEIGHTS: readonly (readonly [number, number])[] = [
  [1, 30],
  [2, 15],
  [3, 25],
  [4, 10],
  [5, 12],
  [6, 8],
];

export const STATUS_OPEN = 1;
export const STATUS_ON_HOLD = 2;
export const STATUS_CLOSED = 3;
export const STATUS_IN_PROGRESS = 4;
export const STATUS_AWAITING_CUSTOMER = 5;
export const STATUS_RESOLVED = 6;
export const STATUS_AWAITING_CARRIER = 7;
export const STATUS_QUOTE_SENT = 8;

export const TICKET_STATUSES: readonly TicketStatus[] = [
  status(STATUS_OPEN, "Open", 0, 0, "#4eafcb", "icon_ticketstatusopen.png", "public"),
  status(STATUS_ON_HOLD, "On Hold", 0, 0, "#b2b2b2", "icon_ticketstatusonhold.png", "public"),
  status(STATUS_CLOSED, "Closed", 0, 1, "#5f5f5f", "icon_ticketstatusclosed.png", "private"),
  status(STATUS_IN_PROGRESS, "In Progress", 0, 0, "#8bb467", "icon_ticketstatusinprogress.png", "public"),
  status(
    STATUS_AWAITING_CUSTOMER,
    "Awaiting Customer",
    0,
    0,
    "#e5a117",
    "icon_ticketstatusonhold.png",
    "public",
  ),
  status(STATUS_RESOLVED, "Resolved", 0, 1, "#3c8e2f", "icon_ticketstatusclosed.png", "public"),
  status(
    STATUS_AWAITING_CARRIER,
    "Awaiting Carrier",
    4,
    0,
    "#9b59b6",
    "icon_ticketstatusonhold.png",
    "private",
  ),
  status(STATUS_QUOTE_SENT, "Quote Sent", 5, 0, "#2e86c1", "icon_ticketstatusinprogress.png", "public"),
];

export const TICKET_PRIORITIES: readonly TicketPriority[] = [
  priority(1, "Low", "#ffffff", "#8bb467"),
  priority(2, "Normal", "#ffffff", "#4eafcb"),
  priority(3, "High", "#ffffff", "#e5a117"),
  priority(4, "Urgent", "#ffffff", "#e75d2c"),
  priority(5, "Emergency", "#ffffff", "#d6000e"),
  priority(6, "Critical", "#ffffff", "#7d0000"),
];
export const PRIORITY_WEIGHTS: readonly (readonly [number, number])[] = [
  [1, 20],
  [2, 45],
  [3, 20],
  [4, 8],
  [5, 4],
  [6, 3],
];

export const TICKET_TYPES: readonly TicketType[] = [
  type(1, "Issue", "icon_typeissue.png"),
  type(2, "Task", "icon_typetask.png"),
  type(3, "Bug", "icon_typebug.png"),
  type(4, "Lead", "icon_typelead.png"),
  type(5, "Feedback", "icon_lightbulb.png"),
];
export const TYPE_WEIGHTS: readonly (readonly [number, number])[] = [
  [1, 50],
  [2, 15],
  [3, 15],
  [4, 10],
  [5, 10],
];

export const STAFF_GROUPS: readonly NamedRecord[] = [
  { id: 1, title: "Administrator" },
  { id: 2, title: "Staff" },
];

/** Kayako's two built-in user groups: registered users and guests. */
export const USER_GROUPS: readonly NamedRecord[] = [
  { id: 1, title: "Registered" },
  { id: 2, title: "Guest" },
];

export const TEMPLATE_GROUPS: readonly NamedRecord[] = [{ id: 1, title: "Default" }];

export const SLA_PLANS: readonly NamedRecord[] = [
  { id: 1, title: "Standard" },
  { id: 2, title: "Premium" },
];

/** `SWIFT_User::RetrieveSalutationList()`; index 0 renders as an empty `<salutation />`. */
export const SALUTATIONS: readonly string[] = ["", "Mr.", "Ms.", "Mrs.", "Dr."];

function dept(
  id: number,
  title: string,
  type: Department["type"],
  app: Department["app"],
  parentDepartmentId: number,
  userGroupIds: number[],
): Department {
  return {
    id,
    title,
    type,
    app,
    displayOrder: id,
    parentDepartmentId,
    userVisibilityCustom: userGroupIds.length > 0 ? 1 : 0,
    userGroupIds,
  };
}

function status(
  id: number,
  title: string,
  departmentId: number,
  markAsResolved: number,
  color: string,
  icon: string,
  type: TicketStatus["type"],
): TicketStatus {
  return {
    id,
    title,
    displayOrder: id,
    departmentId,
    displayIcon: `{$themepath}${icon}`,
    type,
    displayInMainList: markAsResolved ? 0 : 1,
    markAsResolved,
    displayCount: markAsResolved ? 0 : 1,
    statusColor: color,
    statusBgColor: color,
    resetDueTime: 0,
    triggerSurvey: markAsResolved,
    staffVisibilityCustom: id === STATUS_AWAITING_CARRIER ? 1 : 0,
    staffGroupIds: id === STATUS_AWAITING_CARRIER ? [1, 2] : [],
  };
}

function priority(id: number, title: string, frColorCode: string, bgColorCode: string): TicketPriority {
  return {
    id,
    title,
    displayOrder: id,
    frColorCode,
    bgColorCode,
    type: id === 6 ? "private" : "public",
    userVisibilityCustom: id === 6 ? 0 : 1,
    userGroupIds: id === 6 ? [] : [1, 2],
  };
}

function type(id: number, title: string, icon: string): TicketType {
  return {
    id,
    title,
    displayOrder: id,
    departmentId: 0,
    displayIcon: `{$themepath}${icon}`,
    type: "public",
    userVisibilityCustom: 0,
    userGroupIds: [],
  };
}
