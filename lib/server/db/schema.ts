import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { KiwireTable } from "@/lib/api/kiwire";
import type { ConnectionKind, HealthState, TestOutcome } from "@/lib/connection-kinds";
import type { DataTableId } from "@/lib/data-table-ids";
import type { KiwireStatus } from "@/lib/kiwire-vocabulary";
import type { Role } from "@/lib/permissions";

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role").$type<Role>().notNull(),
  passwordHash: text("password_hash").notNull(),
  /** Bumped to end every session of the user at their next request (JWTs carry the version they were issued at). */
  sessionVersion: integer("session_version").notNull().default(1),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
  /** Set on a generated first password: the person must choose their own before anything else. */
  mustChangePassword: boolean("must_change_password").notNull().default(false),
  /** The interface language they chose; null follows their browser's. Any text here is read as null. */
  language: text("language"),
});

export const apiTokens = pgTable("api_tokens", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  role: text("role").$type<Role>().notNull(),
  /** SHA-256 of the token: tokens are long random strings, so a fast hash is enough and lookups stay indexed. */
  tokenHash: text("token_hash").notNull().unique(),
  /** The first characters, shown in lists so a person can tell tokens apart without the secret. */
  prefix: text("prefix").notNull(),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true }),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});

/** Failed sign-ins per key ("account:<email>" or "address:<ip>"), for the rate limit and the lock-out. */
export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});

export const AUDIT_RESULTS = ["success", "failure", "denied"] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

/** Append-only: the application never updates or deletes a row (enforced by a trigger in the migration). */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label").notNull(),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    targetConnection: text("target_connection"),
    targetResource: text("target_resource"),
    targetId: text("target_id"),
    input: jsonb("input").$type<Record<string, unknown>>(),
    result: text("result").$type<AuditResult>().notNull(),
    vendorError: text("vendor_error"),
    clientAddress: text("client_address"),
    userAgent: text("user_agent"),
    requestId: text("request_id"),
  },
  (table) => [
    index("audit_events_at_idx").on(table.at),
    index("audit_events_action_idx").on(table.action),
    // The actor and target searches match anywhere in the text: trigram indexes (migration 0016).
    index("audit_events_actor_trgm_idx").using("gin", table.actorLabel.op("gin_trgm_ops")),
    index("audit_events_target_connection_trgm_idx").using("gin", table.targetConnection.op("gin_trgm_ops")),
    index("audit_events_target_resource_trgm_idx").using("gin", table.targetResource.op("gin_trgm_ops")),
    index("audit_events_target_id_trgm_idx").using("gin", table.targetId.op("gin_trgm_ops")),
  ],
);

/**
 * Vendor connections created in the console (connections from CONNECTIONS_FILE are never stored). Secrets
 * are kept apart from the settings, each sealed by the vault with the connection id as associated data,
 * which is why an id never changes.
 */
export const connections = pgTable("connections", {
  id: text("id").primaryKey(),
  kind: text("kind").$type<ConnectionKind>().notNull(),
  name: text("name").notNull(),
  /** Everything but the secrets (base URL, user name, TLS, timeouts, vendor options), defaults applied. */
  settings: jsonb("settings").$type<Record<string, unknown>>().notNull(),
  /** Field name → sealed value (`v1.<key id>.<iv>.<tag>.<ciphertext>`). */
  secrets: jsonb("secrets").$type<Record<string, string>>().notNull(),
  createdBy: text("created_by"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The last check of each connection (file or console), by id. `nextCheckAt` is claimed atomically by the
 * background runner, so instances sharing a database check each connection once per interval between them.
 */
export const connectionHealth = pgTable("connection_health", {
  connectionId: text("connection_id").primaryKey(),
  state: text("state").$type<HealthState>().notNull(),
  outcome: text("outcome").$type<TestOutcome>(),
  /** The English of the message, for whoever reads the table; `messageParts` is what people read. */
  message: text("message"),
  messageParts: jsonb("message_parts"),
  latencyMs: integer("latency_ms"),
  checkedAt: timestamp("checked_at", { withTimezone: true }),
  nextCheckAt: timestamp("next_check_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Which Kayako staff member a console user replies as, per Kayako connection. Kayako's REST API has no staff
 * login (one key for the whole helpdesk), so an admin vouches for the mapping here.
 */
export const kayakoStaffMap = pgTable(
  "kayako_staff_map",
  {
    connectionId: text("connection_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    staffId: integer("staff_id").notNull(),
    updatedBy: text("updated_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.connectionId, table.userId] })],
);

/** Binary columns (drizzle's pg-core has no bytea builder). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * KalliopePBX call records of one past day, as fetched (kalliope issue 7): past days never change on the PBX,
 * so a day is fetched once and served from here. `cache_key` is the connection's cache key plus tenant, so an
 * edited connection (other PBX or user, which may see other or masked numbers) never reads old records.
 * `calls_gz` is the PBX's `summary` answer for the day (JSON, CSV or XML) gzipped: no query looks inside it,
 * gzip makes a busy day about ten times smaller, and a stored day is parsed exactly like a fetched one. Rows
 * go with their connection (a trigger on `connections`, migration 0005: file connections have no row there).
 */
export const kalliopeCdrDays = pgTable(
  "kalliope_cdr_days",
  {
    cacheKey: text("cache_key").notNull(),
    connectionId: text("connection_id").notNull(),
    day: text("day").notNull(),
    callCount: integer("call_count").notNull(),
    callsGz: bytea("calls_gz").notNull(),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.cacheKey, table.day] }),
    index("kalliope_cdr_days_connection_idx").on(table.connectionId),
  ],
);

/**
 * A person's TOTP secret (RFC 6238), sealed by the vault with the user id as associated data. `confirmedAt` is
 * null while enrolment waits for the first code. `lastUsedStep` is the 30-second step of the last code accepted:
 * a code of that step or an earlier one is refused, so a code seen over a shoulder cannot be replayed.
 */
export const userSecondFactors = pgTable("user_second_factors", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretSealed: text("secret_sealed").notNull(),
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  lastUsedStep: bigint("last_used_step", { mode: "number" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One-time recovery codes, stored as SHA-256 (they are 80 random bits; see recovery-codes.ts). */
export const userRecoveryCodes = pgTable(
  "user_recovery_codes",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.userId, table.codeHash] })],
);

/** Console-wide settings an admin changes at run time (not configuration: they live with the data). */
export const consoleSettings = pgTable("console_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
  updatedBy: text("updated_by"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The optional columns a person chose for a list (`lib/data-table-ids.ts`), used when a link carries no `cols`.
 * Column ids are stored as the views name them; a view ignores ids it no longer has.
 */
export const userTableColumns = pgTable(
  "user_table_columns",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tableId: text("table_id").notNull(),
    columns: jsonb("columns").$type<string[]>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.tableId] })],
);

/** Each person's choice to fold or open a page section (`lib/collapsible-sections.ts`); no row: its default. */
export const userSectionChoices = pgTable(
  "user_section_choices",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    sectionId: text("section_id").notNull(),
    collapsed: boolean("collapsed").notNull().default(true),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.sectionId] })],
);

/**
 * A list's filters, sort, page size and columns saved under a name (`lib/api/saved-views.ts`): the owner's
 * alone, or everybody's when `shared`. `query` is the list's URL query without its page and columns.
 */
export const savedViews = pgTable(
  "saved_views",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tableId: text("table_id").$type<DataTableId>().notNull(),
    name: text("name").notNull(),
    query: text("query").notNull(),
    columns: jsonb("columns").$type<string[]>().notNull(),
    shared: boolean("shared").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("saved_views_owner_table_name").on(table.ownerId, table.tableId, sql`lower(${table.name})`),
    index("saved_views_shared_table").on(table.tableId).where(sql`${table.shared}`),
  ],
);

/**
 * The order of a hotspot-user sort: case-folded, an absent value first, compared byte by byte so PGlite and any
 * PostgreSQL locale agree. The sort indexes below hold this very expression, so a sorted page is read from one.
 */
export const caseFoldedSortKey = (column: AnyPgColumn) => sql`lower(coalesce(${column}, '')) COLLATE "C"`;

/**
 * The Kiwire index (issue 15): a copy of each Kiwire connection's user and voucher tables, so lists, filters,
 * sorts and exports answer from SQL instead of reading the whole table from an API that only pages. `kind`
 * says which Kiwire list a row came from. `position` keeps Kiwire's own order (vouchers are listed newest
 * first, users in the appliance's order). `seen_at` is when a scan or one of the console's own writes last
 * confirmed the row: a refresh never overwrites or removes a row a write confirmed after its scan began.
 * Rows go with their connection (a trigger on `connections`, migration 0007; file connections have no row there).
 */
export const kiwireIndexAccounts = pgTable(
  "kiwire_index_accounts",
  {
    connectionId: text("connection_id").notNull(),
    kind: text("kind").$type<KiwireTable>().notNull(),
    username: text("username").notNull(),
    position: integer("position").notNull(),
    fullName: text("full_name").notNull(),
    email: text("email").notNull(),
    phone: text("phone").notNull(),
    profile: text("profile").notNull(),
    price: text("price").notNull(),
    status: text("status").$type<KiwireStatus>().notNull(),
    batch: text("batch").notNull(),
    createdBy: text("created_by").notNull(),
    remark: text("remark").notNull(),
    createdAt: text("created_at"),
    activatedAt: text("activated_at"),
    expiresAt: text("expires_at"),
    mac: text("mac").notNull(),
    zone: text("zone").notNull(),
    seenAt: timestamp("seen_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.connectionId, table.kind, table.username] }),
    index("kiwire_index_accounts_position_idx").on(table.connectionId, table.kind, table.position),
    index("kiwire_index_accounts_batch_idx").on(table.connectionId, table.kind, table.batch),
    index("kiwire_index_accounts_status_idx").on(table.connectionId, table.kind, table.status),
    index("kiwire_index_accounts_profile_idx").on(table.connectionId, table.kind, table.profile),
    index("kiwire_index_accounts_created_idx").on(table.connectionId, table.kind, table.createdAt),
    ...(["username", "fullName", "createdAt", "expiresAt"] as const).map((column) =>
      index(`kiwire_index_accounts_sort_${table[column].name}_idx`).on(
        table.connectionId,
        table.kind,
        caseFoldedSortKey(table[column]),
      ),
    ),
  ],
);

/**
 * One row per indexed Kiwire list: which appliance and credentials it was read with (`source_key`, the
 * connection's cache key: an edited connection is indexed afresh), when its last scan began, and how that scan
 * went (the count Kiwire reported beside it, whether it had to stop early), shown on the page. `batches` lists
 * the voucher batches newest first, for the batch filter: kept here because finding them in the rows would read
 * every voucher on every page view. `version` grows with every change to the list's rows: a count computed
 * for one version stays right until it moves (index-queries.ts).
 */
export const kiwireIndexTables = pgTable(
  "kiwire_index_tables",
  {
    connectionId: text("connection_id").notNull(),
    kind: text("kind").$type<KiwireTable>().notNull(),
    sourceKey: text("source_key").notNull(),
    indexedAt: timestamp("indexed_at", { withTimezone: true }).notNull(),
    rowsRead: integer("rows_read").notNull(),
    reportedTotal: integer("reported_total"),
    complete: boolean("complete").notNull(),
    batches: jsonb("batches").$type<string[]>().notNull(),
    version: integer("version").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.connectionId, table.kind] })],
);
