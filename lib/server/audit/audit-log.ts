import "server-only";
import { and, count, desc, eq, gte, ilike, like, lt, lte, or, type SQL } from "drizzle-orm";
import type { AuditEventDto, AuditFilter } from "@/lib/api/audit";
import type { Database } from "@/lib/server/db/client";
import { type AuditResult, auditEvents } from "@/lib/server/db/schema";

export interface AuditRecord {
  actorId: string | null;
  actorLabel: string;
  actorRole: string | null;
  action: string;
  targetConnection?: string | null;
  targetResource?: string | null;
  targetId?: string | null;
  input?: Record<string, unknown> | null;
  result: AuditResult;
  vendorError?: string | null;
  clientAddress?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
}

const SECRET_KEY = /pass(word)?|secret|token|api_?key|signature|salt|authorization|cookie/i;
const MAX_STRING = 500;

/**
 * PostgreSQL text and jsonb cannot hold U+0000, and jsonb refuses a lone surrogate. A refused request can carry
 * either into the record (an unparsed id, a JSON error quoting the body): it must not cost the audit row, so
 * each is stored as U+FFFD.
 */
const storable = (text: string) => text.replaceAll("\u0000", "\uFFFD").toWellFormed();

/** A copy of a request input safe to store: secret-looking keys redacted, long strings cut, depth bounded. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 5) return "[nested]";
  if (Array.isArray(value)) {
    const shown = value.slice(0, 50).map((item) => redact(item, depth + 1));
    return value.length > 50 ? [...shown, `[+${value.length - 50} more]`] : shown;
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        storable(key),
        SECRET_KEY.test(key) ? "[redacted]" : redact(item, depth + 1),
      ]),
    );
  }
  if (typeof value === "string") {
    return storable(value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value);
  }
  return value;
}

export async function recordAudit(db: Database, record: AuditRecord): Promise<void> {
  const texts = Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, typeof value === "string" ? storable(value) : value]),
  ) as AuditRecord;
  await db.insert(auditEvents).values({
    ...texts,
    input: record.input ? (redact(record.input) as Record<string, unknown>) : null,
    userAgent: texts.userAgent?.slice(0, 300) ?? null,
  });
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function where(filter: AuditFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.actor) conditions.push(ilike(auditEvents.actorLabel, `%${escapeLike(filter.actor)}%`));
  if (filter.action) conditions.push(like(auditEvents.action, `${escapeLike(filter.action)}%`));
  if (filter.target) {
    const pattern = `%${escapeLike(filter.target)}%`;
    const target = or(
      ilike(auditEvents.targetConnection, pattern),
      ilike(auditEvents.targetResource, pattern),
      ilike(auditEvents.targetId, pattern),
    );
    if (target) conditions.push(target);
  }
  if (filter.result) conditions.push(eq(auditEvents.result, filter.result));
  if (filter.from) conditions.push(gte(auditEvents.at, new Date(filter.from)));
  if (filter.to) conditions.push(lte(auditEvents.at, new Date(filter.to)));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

type AuditRow = typeof auditEvents.$inferSelect;

export function toAuditDto(row: AuditRow): AuditEventDto {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actorLabel,
    actorRole: row.actorRole,
    action: row.action,
    targetConnection: row.targetConnection,
    targetResource: row.targetResource,
    targetId: row.targetId,
    input: row.input ?? null,
    result: row.result,
    vendorError: row.vendorError,
    clientAddress: row.clientAddress,
    userAgent: row.userAgent,
    requestId: row.requestId,
  };
}

/** How many events match: every page view counts them, so a search must be served by an index. */
export function auditCountQuery(db: Database, filter: AuditFilter) {
  return db.select({ value: count() }).from(auditEvents).where(where(filter));
}

export async function listAuditEvents(db: Database, filter: AuditFilter, page: number, pageSize: number) {
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(where(filter))
      .orderBy(desc(auditEvents.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    auditCountQuery(db, filter),
  ]);
  return { items: rows.map(toAuditDto), total: total?.value ?? 0, page, pageSize };
}

/** Every matching event, newest first, read in keyset pages so memory stays flat however long the log is. */
export async function* auditEventsForExport(db: Database, filter: AuditFilter, batchSize = 1000) {
  let before: number | undefined;
  for (;;) {
    const condition = and(where(filter), before === undefined ? undefined : lt(auditEvents.id, before));
    const rows = await db
      .select()
      .from(auditEvents)
      .where(condition)
      .orderBy(desc(auditEvents.id))
      .limit(batchSize);
    for (const row of rows) yield toAuditDto(row);
    if (rows.length < batchSize) return;
    before = rows[rows.length - 1]?.id;
  }
}
