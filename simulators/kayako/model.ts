/**
 * The simulator's records, one field per column Kayako renders (names follow the XML tags of notes §4,
 * in camelCase). Times are Unix seconds, as Kayako stores and renders them.
 */

export interface Department {
  id: number;
  title: string;
  type: "public" | "private";
  app: "tickets" | "livechat";
  displayOrder: number;
  parentDepartmentId: number;
  userVisibilityCustom: number;
  userGroupIds: number[];
}

export interface TicketStatus {
  id: number;
  title: string;
  displayOrder: number;
  /** 0 = available in every department. */
  departmentId: number;
  displayIcon: string;
  type: "public" | "private";
  displayInMainList: number;
  /** 1 = a "closed"-like status; ListAll's default status filter keeps only the 0 ones. */
  markAsResolved: number;
  displayCount: number;
  statusColor: string;
  statusBgColor: string;
  resetDueTime: number;
  triggerSurvey: number;
  staffVisibilityCustom: number;
  staffGroupIds: number[];
}

export interface TicketPriority {
  id: number;
  title: string;
  displayOrder: number;
  frColorCode: string;
  bgColorCode: string;
  type: "public" | "private";
  userVisibilityCustom: number;
  userGroupIds: number[];
}

export interface TicketType {
  id: number;
  title: string;
  displayOrder: number;
  departmentId: number;
  displayIcon: string;
  type: "public" | "private";
  userVisibilityCustom: number;
  userGroupIds: number[];
}

export interface NamedRecord {
  id: number;
  title: string;
}

export interface Staff {
  id: number;
  staffGroupId: number;
  firstName: string;
  lastName: string;
  fullName: string;
  userName: string;
  email: string;
  designation: string;
  greeting: string;
  mobileNumber: string;
  isEnabled: number;
  timezone: string;
  enableDst: number;
  signature: string;
}

export interface Organization {
  id: number;
  name: string;
  type: "restricted" | "shared";
  address: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  phone: string;
  fax: string;
  website: string;
  dateline: number;
  lastUpdate: number;
  slaPlanId: number;
  slaPlanExpiry: number;
}

export interface User {
  id: number;
  userGroupId: number;
  role: "user" | "manager";
  organizationId: number;
  /** Index into SALUTATIONS; 0 = none. */
  salutation: number;
  userExpiry: number;
  fullName: string;
  /** May be empty: such users exist in Kayako and are never found by UserSearch (notes §4.7). */
  emails: string[];
  designation: string;
  phone: string;
  dateline: number;
  lastVisit: number;
  isEnabled: number;
  timezone: string;
  enableDst: number;
  slaPlanId: number;
  slaPlanExpiry: number;
}

export interface Ticket {
  id: number;
  mask: string;
  flagType: number;
  departmentId: number;
  statusId: number;
  priorityId: number;
  typeId: number;
  userId: number;
  ownerStaffId: number;
  ownerStaffName: string;
  fullName: string;
  email: string;
  lastReplier: string;
  subject: string;
  dateline: number;
  lastActivity: number;
  lastStaffReply: number;
  lastUserReply: number;
  slaPlanId: number;
  dueTime: number;
  resolutionDue: number;
  totalReplies: number;
  ipAddress: string;
  /** 1 staff, 2 user. */
  creator: number;
  /** 1 support centre, 2 staff CP, 3 e-mail, 4 API, 5 site badge. */
  creationMode: number;
  /** `SWIFT_Ticket::TYPE_DEFAULT` 1 or `TYPE_PHONE` 2. */
  creationType: number;
  isEscalated: number;
  escalationRuleId: number;
  templateGroupId: number;
  tags: string[];
  hasAttachments: number;
  hasNotes: number;
  isResolved: number;
  resolutionDateline: number;
}

export interface TicketPost {
  id: number;
  ticketId: number;
  dateline: number;
  userId: number;
  fullName: string;
  email: string;
  emailTo: string;
  ipAddress: string;
  hasAttachments: number;
  /** 1 staff, 2 user, 3 cc, 4 bcc, 5 third party. */
  creator: number;
  isThirdParty: number;
  isHtml: number;
  isEmailed: number;
  staffId: number;
  isSurveyComment: number;
  contents: string;
  isPrivate: number;
}

export interface TicketNote {
  id: number;
  ticketId: number;
  noteColor: number;
  staffId: number;
  forStaffId: number;
  staffName: string;
  dateline: number;
  contents: string;
}

export interface Attachment {
  id: number;
  ticketId: number;
  postId: number;
  fileName: string;
  fileSize: number;
  fileType: string;
  dateline: number;
  contents: Buffer;
}

/** What a staff reply would have e-mailed to the requester (notes §4.4), kept so demos and tests can see it. */
export interface SentEmail {
  ticketId: number;
  postId: number;
  to: string;
  subject: string;
  contents: string;
  dateline: number;
}
