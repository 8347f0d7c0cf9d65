import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
    index("audit_events_actor_idx").on(table.actorLabel),
    index("audit_events_action_idx").on(table.action),
  ],
);
