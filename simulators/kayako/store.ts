import { createRandom, type Random } from "../shared/random";
import {
  DEPARTMENTS,
  PRIORITY_WEIGHTS,
  SLA_PLANS,
  STAFF_GROUPS,
  STATUS_AWAITING_CARRIER,
  STATUS_AWAITING_CUSTOMER,
  STATUS_CLOSED,
  STATUS_IN_PROGRESS,
  STATUS_ON_HOLD,
  STATUS_OPEN,
  STATUS_QUOTE_SENT,
  STATUS_RESOLVED,
  TEMPLATE_GROUPS,
  TICKET_DEPARTMENT_WEIGHTS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
  TYPE_WEIGHTS,
  USER_GROUPS,
} from "./catalog";
import { asHtmlMail } from "./html-mail";
import type {
  Attachment,
  Department,
  NamedRecord,
  Organization,
  SentEmail,
  Staff,
  Ticket,
  TicketNote,
  TicketPost,
  TicketPriority,
  TicketStatus,
  TicketType,
  User,
} from "./model";
import {
  CITIES,
  DETAILS,
  OPENINGS,
  PRIVATE_NOTES,
  PRODUCTS,
  STAFF_REPLIES,
  SUBJECTS,
  TAGS,
  USER_FOLLOW_UPS,
} from "./names";
import { generateOrganizations, generateStaff, generateUsers } from "./people";

/**
 * The simulated helpdesk's data. Lookups, staff, organisations and users are small and built at start.
 * Tickets are not: ticket N is a pure function of (seed, N), so start-up costs nothing whatever the size;
 * the columns ListAll filters and sorts on are computed in one pass the first time a ticket is needed,
 * and only tickets changed through the API are kept as objects (an overlay over the generated ones).
 */

export interface KayakoDataOptions {
  seed: number;
  tickets: number;
  staff: number;
  users: number;
  organizations: number;
  /** How far back the seeded ticket history goes. */
  historyDays: number;
  /** Unix seconds at which the seeded history ends ("now" when the simulator started). */
  anchor: number;
}

/** Ticket masks are `AAA-000-00000`: eight digits, so at most this many tickets. */
export const MAX_TICKETS = 10_000_000;

const DAY = 86_400;
const HOUR = 3_600;

/** A 32-bit mix of several integers (murmur3 finaliser per step): one independent stream per ticket. */
export function hash32(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const value of values) {
    h ^= value >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

function weighted(random: Random, pairs: readonly (readonly [number, number])[]): number {
  const total = pairs.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [value, weight] of pairs) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return pairs[pairs.length - 1]?.[0] ?? 0;
}

/**
 * Mask digits are an affine permutation of the ticket ID modulo 10^8, so a mask maps back to its ticket
 * without an index; the three letters are a hash that must match too.
 */
const MASK_MODULUS = 100_000_000n;
const MASK_MULTIPLIER = 48_271n;
const MASK_OFFSET = 31_415_926n;
const MASK_INVERSE = modularInverse(MASK_MULTIPLIER, MASK_MODULUS);

function modularInverse(value: bigint, modulus: bigint): bigint {
  let [oldR, r] = [value, modulus];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const quotient = oldR / r;
    [oldR, r] = [r, oldR - quotient * r];
    [oldS, s] = [s, oldS - quotient * s];
  }
  return ((oldS % modulus) + modulus) % modulus;
}

interface TicketCore {
  created: number;
  departmentId: number;
  statusId: number;
  priorityId: number;
  typeId: number;
  ownerStaffId: number;
  userId: number;
  flagType: number;
  creator: number;
  creationMode: number;
  creationType: number;
  postTimes: number[];
  /** Staff author of each post, 0 for the requester's posts. */
  postStaffIds: number[];
  hasNote: boolean;
}

interface Columns {
  department: Int32Array;
  status: Int32Array;
  priority: Int32Array;
  type: Int32Array;
  owner: Int32Array;
  user: Int32Array;
  created: Int32Array;
  lastActivity: Int32Array;
  replies: Int32Array;
  /** postPrefix[i] = number of seeded posts of tickets 1..i; seeded post IDs follow ticket order. */
  postPrefix: Int32Array;
}

export interface TicketQuery {
  departmentIds: ReadonlySet<number>;
  statusIds: ReadonlySet<number>;
  ownerIds: ReadonlySet<number>;
  userIds: ReadonlySet<number>;
  email?: string;
}

export interface TicketCountEntry {
  totalItems: number;
  totalUnresolvedItems: number;
  lastActivity: number;
}

export class KayakoStore {
  readonly departments: readonly Department[] = DEPARTMENTS;
  readonly statuses: readonly TicketStatus[] = TICKET_STATUSES;
  readonly priorities: readonly TicketPriority[] = TICKET_PRIORITIES;
  readonly types: readonly TicketType[] = TICKET_TYPES;
  readonly staffGroups: readonly NamedRecord[] = STAFF_GROUPS;
  readonly userGroups: readonly NamedRecord[] = USER_GROUPS;
  readonly templateGroups: readonly NamedRecord[] = TEMPLATE_GROUPS;
  readonly slaPlans: readonly NamedRecord[] = SLA_PLANS;
  readonly staff: Staff[];
  readonly organizations: Organization[];
  readonly users: User[];
  /** Seeded tickets are 1..seededTickets. */
  readonly seededTickets: number;
  /** Replies a staff member sent by e-mail, newest last (see notes §4.4). */
  readonly sentEmails: SentEmail[] = [];
  readonly attachments = new Map<number, Attachment>();

  private readonly options: KayakoDataOptions;
  private readonly enabledStaffIds: number[];
  private columnsCache: Columns | null = null;
  private readonly overlay = new Map<number, Ticket>();
  private readonly deleted = new Set<number>();
  private readonly extraPosts = new Map<number, TicketPost[]>();
  private readonly extraPostTicket = new Map<number, number>();
  private nextPostIdValue = 0;
  private readonly noteOverrides = new Map<number, TicketNote[]>();
  private nextNoteId: number;
  private nextAttachmentId = 1;

  constructor(options: KayakoDataOptions) {
    if (!Number.isInteger(options.tickets) || options.tickets < 0 || options.tickets > MAX_TICKETS) {
      throw new Error(`tickets must be an integer between 0 and ${MAX_TICKETS}, got ${options.tickets}`);
    }
    for (const key of ["staff", "users", "organizations"] as const) {
      if (!Number.isInteger(options[key]) || options[key] < 0) {
        throw new Error(`${key} must be a non-negative integer, got ${options[key]}`);
      }
    }
    this.options = options;
    this.seededTickets = options.tickets;
    this.staff = generateStaff(createRandom(hash32(options.seed, 0, 11)), options.staff);
    this.organizations = generateOrganizations(
      createRandom(hash32(options.seed, 0, 12)),
      options.organizations,
      options.anchor,
    );
    this.users = generateUsers(
      createRandom(hash32(options.seed, 0, 13)),
      options.users,
      this.organizations,
      options.anchor,
    );
    this.enabledStaffIds = this.staff.filter((s) => s.isEnabled === 1).map((s) => s.id);
    this.nextNoteId = options.tickets + 1;
  }

  // ---------------------------------------------------------------- lookups

  department(id: number): Department | undefined {
    return this.departments.find((d) => d.id === id);
  }
  status(id: number): TicketStatus | undefined {
    return this.statuses.find((s) => s.id === id);
  }
  priority(id: number): TicketPriority | undefined {
    return this.priorities.find((p) => p.id === id);
  }
  type(id: number): TicketType | undefined {
    return this.types.find((t) => t.id === id);
  }
  staffMember(id: number): Staff | undefined {
    return id >= 1 ? this.staff[id - 1] : undefined;
  }
  organization(id: number): Organization | undefined {
    return id >= 1 ? this.organizations[id - 1] : undefined;
  }
  user(id: number): User | undefined {
    return id >= 1 ? this.users[id - 1] : undefined;
  }

  // ---------------------------------------------------------------- tickets

  /** The highest ticket ID (tickets are never created through the simulated API). */
  get ticketCount(): number {
    return this.seededTickets;
  }

  ticketExists(id: number): boolean {
    return Number.isInteger(id) && id >= 1 && id <= this.seededTickets && !this.deleted.has(id);
  }

  ticket(id: number): Ticket | undefined {
    if (!this.ticketExists(id)) return undefined;
    return this.overlay.get(id) ?? this.generateTicket(id);
  }

  maskOf(id: number): string {
    const digits = ((BigInt(id) * MASK_MULTIPLIER + MASK_OFFSET) % MASK_MODULUS).toString().padStart(8, "0");
    return `${this.maskLetters(id)}-${digits.slice(0, 3)}-${digits.slice(3)}`;
  }

  /** `SWIFT_Ticket::GetTicketIDFromMask`: exact (case-insensitive) mask, else 0. */
  ticketIdFromMask(mask: string): number {
    const match = /^([A-Za-z]{3})-(\d{3})-(\d{5})$/.exec(mask.trim());
    if (!match) return 0;
    const digits = BigInt(`${match[2]}${match[3]}`);
    const id = Number(
      (((((digits - MASK_OFFSET) % MASK_MODULUS) + MASK_MODULUS) % MASK_MODULUS) * MASK_INVERSE) %
        MASK_MODULUS,
    );
    if (id < 1 || id > this.seededTickets) return 0;
    return this.maskLetters(id) === match[1]?.toUpperCase() ? id : 0;
  }

  private maskLetters(id: number): string {
    const h = hash32(this.options.seed, id, 3);
    const letter = (n: number) => String.fromCharCode(65 + (n % 26));
    return letter(h) + letter(h >>> 8) + letter(h >>> 16);
  }

  /** Applies a change made through the API and keeps the filter columns in step. */
  updateTicket(id: number, change: Partial<Omit<Ticket, "id" | "mask">>): Ticket {
    const current = this.ticket(id);
    if (!current) throw new Error(`ticket ${id} does not exist`);
    const next: Ticket = { ...current, ...change };
    this.overlay.set(id, next);
    const columns = this.columns();
    const i = id - 1;
    columns.department[i] = next.departmentId;
    columns.status[i] = next.statusId;
    columns.priority[i] = next.priorityId;
    columns.type[i] = next.typeId;
    columns.owner[i] = next.ownerStaffId;
    columns.user[i] = next.userId;
    columns.lastActivity[i] = next.lastActivity;
    columns.replies[i] = next.totalReplies;
    return next;
  }

  deleteTicket(id: number): void {
    if (!this.ticketExists(id)) return;
    this.deleted.add(id);
    this.overlay.delete(id);
  }

  /** Ticket IDs matching ListAll's SQL `WHERE`, in ticket ID order. */
  queryTickets(query: TicketQuery): number[] {
    const columns = this.columns();
    const ids: number[] = [];
    for (let i = 0; i < this.seededTickets; i++) {
      if (this.deleted.has(i + 1)) continue;
      if (!query.departmentIds.has(columns.department[i] ?? 0)) continue;
      if (query.statusIds.size > 0 && !query.statusIds.has(columns.status[i] ?? 0)) continue;
      if (query.ownerIds.size > 0 && !query.ownerIds.has(columns.owner[i] ?? 0)) continue;
      if (query.userIds.size > 0 && !query.userIds.has(columns.user[i] ?? 0)) continue;
      if (
        query.email !== undefined &&
        this.ticket(i + 1)?.email.toLowerCase() !== query.email.toLowerCase()
      ) {
        continue;
      }
      ids.push(i + 1);
    }
    return ids;
  }

  /** Column value for the sort fields ListAll whitelists that are kept as columns. */
  columnValue(
    id: number,
    column:
      | "user"
      | "owner"
      | "created"
      | "lastActivity"
      | "replies"
      | "status"
      | "department"
      | "priority"
      | "type",
  ): number {
    return this.columns()[column][id - 1] ?? 0;
  }

  /** Every live ticket ID (for searches and counts). */
  *ticketIds(): Generator<number> {
    for (let id = 1; id <= this.seededTickets; id++) if (!this.deleted.has(id)) yield id;
  }

  /** Per-department, status, type and owner counters of `/Tickets/TicketCount` (the ticketcountcache). */
  ticketCounts(): {
    departments: Map<
      number,
      TicketCountEntry & {
        statuses: Map<number, TicketCountEntry>;
        types: Map<number, TicketCountEntry>;
        owners: Map<number, TicketCountEntry>;
      }
    >;
    statuses: Map<number, TicketCountEntry>;
    owners: Map<number, TicketCountEntry>;
  } {
    const columns = this.columns();
    const resolved = new Set(this.statuses.filter((s) => s.markAsResolved === 1).map((s) => s.id));
    const departments = new Map<
      number,
      TicketCountEntry & {
        statuses: Map<number, TicketCountEntry>;
        types: Map<number, TicketCountEntry>;
        owners: Map<number, TicketCountEntry>;
      }
    >();
    const statuses = new Map<number, TicketCountEntry>();
    const owners = new Map<number, TicketCountEntry>();
    const bump = (map: Map<number, TicketCountEntry>, key: number, unresolved: boolean, activity: number) => {
      const entry = map.get(key) ?? { totalItems: 0, totalUnresolvedItems: 0, lastActivity: 0 };
      entry.totalItems++;
      if (unresolved) entry.totalUnresolvedItems++;
      entry.lastActivity = Math.max(entry.lastActivity, activity);
      map.set(key, entry);
    };
    for (const id of this.ticketIds()) {
      const i = id - 1;
      const department = columns.department[i] ?? 0;
      const status = columns.status[i] ?? 0;
      const owner = columns.owner[i] ?? 0;
      const activity = columns.lastActivity[i] ?? 0;
      const unresolved = !resolved.has(status);
      let entry = departments.get(department);
      if (!entry) {
        entry = {
          totalItems: 0,
          totalUnresolvedItems: 0,
          lastActivity: 0,
          statuses: new Map(),
          types: new Map(),
          owners: new Map(),
        };
        departments.set(department, entry);
      }
      entry.totalItems++;
      if (unresolved) entry.totalUnresolvedItems++;
      entry.lastActivity = Math.max(entry.lastActivity, activity);
      bump(entry.statuses, status, unresolved, activity);
      bump(entry.types, columns.type[i] ?? 0, unresolved, activity);
      bump(entry.owners, owner, unresolved, activity);
      bump(statuses, status, unresolved, activity);
      bump(owners, owner, unresolved, activity);
    }
    const sorted = <V>(map: Map<number, V>) => new Map([...map].sort(([a], [b]) => a - b));
    for (const entry of departments.values()) {
      entry.statuses = sorted(entry.statuses);
      entry.types = sorted(entry.types);
      entry.owners = sorted(entry.owners);
    }
    return { departments: sorted(departments), statuses: sorted(statuses), owners: sorted(owners) };
  }

  // ---------------------------------------------------------------- posts

  /** All posts of a ticket in ticketpostid order. */
  posts(ticketId: number): TicketPost[] {
    if (!this.ticketExists(ticketId)) return [];
    return [...this.generatePosts(ticketId), ...(this.extraPosts.get(ticketId) ?? [])];
  }

  post(postId: number): TicketPost | undefined {
    if (!Number.isInteger(postId) || postId < 1) return undefined;
    const columns = this.columns();
    const seededPosts = columns.postPrefix[this.seededTickets] ?? 0;
    if (postId <= seededPosts) {
      // Binary search for the ticket whose seeded posts contain this ID.
      let low = 1;
      let high = this.seededTickets;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if ((columns.postPrefix[mid] ?? 0) >= postId) high = mid;
        else low = mid + 1;
      }
      if (this.deleted.has(low)) return undefined;
      return this.generatePosts(low).find((p) => p.id === postId);
    }
    const ticketId = this.extraPostTicket.get(postId);
    if (ticketId === undefined || this.deleted.has(ticketId)) return undefined;
    return this.extraPosts.get(ticketId)?.find((p) => p.id === postId);
  }

  /** Appends a post made through the API and returns it with its new ID. */
  addPost(post: Omit<TicketPost, "id">): TicketPost {
    if (this.nextPostIdValue === 0) {
      this.nextPostIdValue = (this.columns().postPrefix[this.seededTickets] ?? 0) + 1;
    }
    const created: TicketPost = { ...post, id: this.nextPostIdValue++ };
    const list = this.extraPosts.get(post.ticketId) ?? [];
    list.push(created);
    this.extraPosts.set(post.ticketId, list);
    this.extraPostTicket.set(created.id, post.ticketId);
    return created;
  }

  addAttachment(attachment: Omit<Attachment, "id">): Attachment {
    const created: Attachment = { ...attachment, id: this.nextAttachmentId++ };
    this.attachments.set(created.id, created);
    return created;
  }

  attachmentsOfPost(ticketId: number, postId: number): Attachment[] {
    return [...this.attachments.values()].filter((a) => a.ticketId === ticketId && a.postId === postId);
  }

  // ---------------------------------------------------------------- notes

  notes(ticketId: number): TicketNote[] {
    if (!this.ticketExists(ticketId)) return [];
    const override = this.noteOverrides.get(ticketId);
    if (override) return override;
    const note = this.generateNote(ticketId);
    return note ? [note] : [];
  }

  note(noteId: number): TicketNote | undefined {
    for (const list of this.noteOverrides.values()) {
      const found = list.find((n) => n.id === noteId);
      if (found) return found;
    }
    // Seeded notes carry their ticket's ID as note ID; an overridden ticket has no seeded note left.
    if (noteId >= 1 && noteId <= this.seededTickets && !this.noteOverrides.has(noteId)) {
      if (this.deleted.has(noteId)) return undefined;
      return this.generateNote(noteId) ?? undefined;
    }
    return undefined;
  }

  addNote(note: Omit<TicketNote, "id">): TicketNote {
    const created: TicketNote = { ...note, id: this.nextNoteId++ };
    this.noteOverrides.set(note.ticketId, [...this.notes(note.ticketId), created]);
    this.updateTicket(note.ticketId, { hasNotes: 1 });
    return created;
  }

  deleteNote(noteId: number): void {
    const note = this.note(noteId);
    if (!note) return;
    const remaining = this.notes(note.ticketId).filter((n) => n.id !== noteId);
    this.noteOverrides.set(note.ticketId, remaining);
    this.updateTicket(note.ticketId, { hasNotes: remaining.length > 0 ? 1 : 0 });
  }

  // ---------------------------------------------------------------- generation

  private columns(): Columns {
    if (this.columnsCache) return this.columnsCache;
    const n = this.seededTickets;
    const columns: Columns = {
      department: new Int32Array(n),
      status: new Int32Array(n),
      priority: new Int32Array(n),
      type: new Int32Array(n),
      owner: new Int32Array(n),
      user: new Int32Array(n),
      created: new Int32Array(n),
      lastActivity: new Int32Array(n),
      replies: new Int32Array(n),
      postPrefix: new Int32Array(n + 1),
    };
    for (let i = 0; i < n; i++) {
      const core = this.core(i + 1);
      columns.department[i] = core.departmentId;
      columns.status[i] = core.statusId;
      columns.priority[i] = core.priorityId;
      columns.type[i] = core.typeId;
      columns.owner[i] = core.ownerStaffId;
      columns.user[i] = core.userId;
      columns.created[i] = core.created;
      columns.lastActivity[i] = core.postTimes[core.postTimes.length - 1] ?? core.created;
      columns.replies[i] = core.postTimes.length - 1;
      columns.postPrefix[i + 1] = (columns.postPrefix[i] ?? 0) + core.postTimes.length;
    }
    this.columnsCache = columns;
    return columns;
  }

  /** The numeric skeleton of ticket `id`: everything the filter columns need, from one random stream. */
  private core(id: number): TicketCore {
    const random = createRandom(hash32(this.options.seed, id, 1));
    const { anchor, historyDays } = this.options;
    const span = historyDays * DAY;
    const gap = span / Math.max(1, this.seededTickets);
    const created = Math.floor(anchor - span + (id - 1) * gap + random.next() * gap);
    const departmentId = weighted(random, TICKET_DEPARTMENT_WEIGHTS);
    const priorityId = weighted(random, PRIORITY_WEIGHTS);
    const typeId = weighted(random, TYPE_WEIGHTS);
    const userId = this.users.length > 0 ? random.int(1, this.users.length) : 0;
    const creator = this.enabledStaffIds.length > 0 && random.chance(0.1) ? 1 : 2;
    const creationMode = creator === 1 ? 2 : random.chance(0.6) ? 3 : random.chance(0.875) ? 1 : 4;
    const creationType = creator === 1 && random.chance(0.5) ? 2 : 1;
    const flagType = random.chance(0.15) ? random.int(1, 6) : 0;
    const assignedStaff = this.enabledStaffIds.length > 0 ? random.pick(this.enabledStaffIds) : 0;
    const otherStaff = this.enabledStaffIds.length > 0 ? random.pick(this.enabledStaffIds) : 0;

    const wanted = random.int(1, 8);
    const postTimes = [created];
    const postByStaff = [creator === 1];
    let time = created;
    for (let k = 1; k < wanted; k++) {
      time += random.int(10 * 60, 2 * DAY);
      if (time > anchor - 60) break;
      const previous = postByStaff[k - 1] ?? false;
      postTimes.push(time);
      postByStaff.push(this.enabledStaffIds.length > 0 && (random.chance(0.8) ? !previous : previous));
    }
    const lastActivity = postTimes[postTimes.length - 1] ?? created;
    const lastByStaff = postByStaff[postByStaff.length - 1] ?? false;
    let statusId: number;
    if (anchor - lastActivity > 10 * DAY) {
      statusId = random.chance(0.8)
        ? random.chance(0.7)
          ? STATUS_CLOSED
          : STATUS_RESOLVED
        : weighted(random, [
            [STATUS_ON_HOLD, 1],
            [STATUS_AWAITING_CUSTOMER, 1],
            [STATUS_OPEN, 1],
          ]);
    } else if (lastByStaff) {
      statusId = weighted(random, [
        [STATUS_AWAITING_CUSTOMER, 50],
        [STATUS_IN_PROGRESS, 20],
        [STATUS_CLOSED, 15],
        [STATUS_OPEN, 15],
      ]);
    } else {
      statusId = weighted(random, [
        [STATUS_OPEN, 50],
        [STATUS_IN_PROGRESS, 30],
        [STATUS_ON_HOLD, 10],
        [STATUS_CLOSED, 10],
      ]);
    }
    const resolved = statusId === STATUS_CLOSED || statusId === STATUS_RESOLVED;
    if (!resolved && random.chance(0.3)) {
      if (departmentId === 4) statusId = STATUS_AWAITING_CARRIER;
      if (departmentId === 5) statusId = STATUS_QUOTE_SENT;
    }
    const ownerStaffId = assignedStaff !== 0 && !random.chance(resolved ? 0.05 : 0.25) ? assignedStaff : 0;
    const replyingStaff = ownerStaffId || otherStaff;
    return {
      created,
      departmentId,
      statusId,
      priorityId,
      typeId,
      ownerStaffId,
      userId,
      flagType,
      creator,
      creationMode,
      creationType,
      postTimes,
      postStaffIds: postByStaff.map((byStaff, k) =>
        byStaff ? (k === 0 && creator === 1 ? otherStaff : replyingStaff) : 0,
      ),
      hasNote: this.enabledStaffIds.length > 0 && random.chance(0.08),
    };
  }

  private fill(template: string, random: Random, requester: string, staffSignature = ""): string {
    const [city] = random.pick(CITIES);
    return template
      .replace(/\{p\}/g, () => random.pick(PRODUCTS))
      .replace(/\{n\}/g, () => String(random.int(2, 60)))
      .replace(/\{c\}/g, city)
      .replace(/\{d\}/g, () => random.pick(DETAILS))
      .replace(/\{u\}/g, requester)
      .replace(/\{f\}/g, requester.split(" ")[0] ?? requester)
      .replace(/\{s\}/g, staffSignature);
  }

  private requester(core: TicketCore, id: number): { fullName: string; email: string } {
    const user = this.user(core.userId);
    return {
      fullName: user?.fullName ?? "Guest",
      email: user?.emails[0] ?? `guest${id}@mail.example`,
    };
  }

  private authorName(core: TicketCore, id: number, k: number): string {
    const staffId = core.postStaffIds[k] ?? 0;
    return staffId ? (this.staffMember(staffId)?.fullName ?? "") : this.requester(core, id).fullName;
  }

  private generateTicket(id: number): Ticket {
    const core = this.core(id);
    const random = createRandom(hash32(this.options.seed, id, 2));
    const { fullName, email } = this.requester(core, id);
    const subjects = SUBJECTS[core.departmentId] ?? SUBJECTS[1] ?? ["Help"];
    const subject = this.fill(random.pick(subjects), random, fullName);
    const status = this.status(core.statusId);
    const resolved = status?.markAsResolved === 1;
    const last = core.postTimes.length - 1;
    const lastActivity = core.postTimes[last] ?? core.created;
    let lastStaffReply = 0;
    let lastUserReply = 0;
    core.postStaffIds.forEach((staffId, k) => {
      if (staffId) lastStaffReply = core.postTimes[k] ?? 0;
      else lastUserReply = core.postTimes[k] ?? 0;
    });
    const slaPlanId = random.chance(0.3) ? 2 : 1;
    const replyHours = slaPlanId === 2 ? 4 : 8;
    const waitingOnStaff = !resolved && (core.postStaffIds[last] ?? 0) === 0;
    const dueTime = waitingOnStaff ? lastUserReply + replyHours * HOUR : 0;
    const isEscalated = dueTime > 0 && dueTime < this.options.anchor && random.chance(0.5) ? 1 : 0;
    const tags: string[] = [];
    if (random.chance(0.3)) {
      tags.push(random.pick(TAGS));
      const second = random.pick(TAGS);
      if (random.chance(0.4) && !tags.includes(second)) tags.push(second);
    }
    const owner = this.staffMember(core.ownerStaffId);
    return {
      id,
      mask: this.maskOf(id),
      flagType: core.flagType,
      departmentId: core.departmentId,
      statusId: core.statusId,
      priorityId: core.priorityId,
      typeId: core.typeId,
      userId: core.userId,
      ownerStaffId: core.ownerStaffId,
      ownerStaffName: owner?.fullName ?? "",
      fullName,
      email,
      lastReplier: this.authorName(core, id, last),
      subject,
      dateline: core.created,
      lastActivity,
      lastStaffReply,
      lastUserReply,
      slaPlanId,
      dueTime,
      resolutionDue: resolved ? 0 : core.created + (slaPlanId === 2 ? 1 : 3) * DAY,
      totalReplies: core.postTimes.length - 1,
      ipAddress: `${random.pick(["192.0.2", "198.51.100", "203.0.113"])}.${random.int(1, 254)}`,
      creator: core.creator,
      creationMode: core.creationMode,
      creationType: core.creationType,
      isEscalated,
      escalationRuleId: isEscalated ? 1 : 0,
      templateGroupId: 1,
      tags,
      hasAttachments: 0,
      hasNotes: core.hasNote ? 1 : 0,
      isResolved: resolved ? 1 : 0,
      resolutionDateline: resolved ? lastActivity : 0,
    };
  }

  private generatePosts(id: number): TicketPost[] {
    const core = this.core(id);
    const random = createRandom(hash32(this.options.seed, id, 4));
    const requester = this.requester(core, id);
    const ticketIp = this.generateTicket(id).ipAddress;
    const firstId = (this.columns().postPrefix[id - 1] ?? 0) + 1;
    // A stream of its own, so which e-mails are HTML changes none of the other seeded data.
    const mailFormat = createRandom(hash32(this.options.seed, id, 6));
    return core.postTimes.map((dateline, k) => {
      const staffId = core.postStaffIds[k] ?? 0;
      const staff = this.staffMember(staffId);
      let contents: string;
      let isPrivate = 0;
      if (staff && k === 0) {
        contents = this.fill(`Phone call from {u}: {d}`, random, requester.fullName);
      } else if (staff && k > 0 && random.chance(0.06)) {
        contents = random.pick(PRIVATE_NOTES);
        isPrivate = 1;
      } else if (staff) {
        contents = this.fill(random.pick(STAFF_REPLIES), random, requester.fullName, staff.signature);
      } else if (k === 0) {
        contents = this.fill(random.pick(OPENINGS), random, requester.fullName);
      } else {
        contents = this.fill(random.pick(USER_FOLLOW_UPS), random, requester.fullName);
      }
      const isEmailed = !staff && core.creationMode === 3;
      // Half the requesters' mail clients send HTML (a guess: the documents say only that `ishtml` exists).
      const isHtml = isEmailed && mailFormat.chance(0.5);
      if (isHtml) contents = asHtmlMail(contents, mailFormat);
      return {
        id: firstId + k,
        ticketId: id,
        dateline,
        userId: staff ? 0 : core.userId,
        fullName: staff ? staff.fullName : requester.fullName,
        email: staff ? staff.email : requester.email,
        emailTo: "",
        ipAddress: staff ? "" : ticketIp,
        hasAttachments: 0,
        creator: staff ? 1 : 2,
        isThirdParty: 0,
        isHtml: isHtml ? 1 : 0,
        isEmailed: isEmailed ? 1 : 0,
        staffId,
        isSurveyComment: 0,
        contents,
        isPrivate,
      };
    });
  }

  private generateNote(id: number): TicketNote | null {
    const core = this.core(id);
    if (!core.hasNote) return null;
    const random = createRandom(hash32(this.options.seed, id, 5));
    const staff = this.staffMember(random.pick(this.enabledStaffIds));
    const first = core.created;
    const last = core.postTimes[core.postTimes.length - 1] ?? first;
    return {
      id,
      ticketId: id,
      noteColor: random.int(1, 5),
      staffId: staff?.id ?? 0,
      forStaffId: 0,
      staffName: staff?.fullName ?? "",
      dateline: random.int(first, Math.max(first, last)),
      contents: random.pick(PRIVATE_NOTES),
    };
  }
}
