import "server-only";
import { and, eq, getTableColumns, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { AccountDto, KiwireTable, TableReadDto } from "@/lib/api/kiwire";
import type { Database } from "@/lib/server/db/client";
import { kiwireIndexAccounts, kiwireIndexTables } from "@/lib/server/db/schema";
import { type IndexedRow, indexChanges } from "./index-diff";
import type { TableScan } from "./table-scan";

/**
 * The Kiwire index's rows in the database (schema: `kiwire_index_accounts`, `kiwire_index_tables`): what a scan
 * or one of the console's own writes puts there. The lists read it through index-queries.ts.
 */

export interface IndexState {
  sourceKey: string;
  read: TableReadDto;
  /** Voucher batches, newest first. */
  batches: string[];
  /** Grows with every change to the list's rows. */
  version: number;
}

/** One Kiwire list of one connection, as read with the connection's current settings. */
export interface IndexTarget {
  connectionId: string;
  kind: KiwireTable;
  /** The connection's cache key: it changes with the URL or credentials, and the index is then rebuilt. */
  sourceKey: string;
}

/** Rows per statement: about 17 parameters a row stays far under PostgreSQL's 65,535. */
const CHUNK = 500;

type AccountRow = typeof kiwireIndexAccounts.$inferSelect;

const KEY_FIELDS = new Set(["connectionId", "kind", "username"]);
/** Every column but the key takes the new row's value (`excluded.<column>`). */
const REPLACED_ON_CONFLICT = Object.fromEntries(
  Object.entries(getTableColumns(kiwireIndexAccounts))
    .filter(([field]) => !KEY_FIELDS.has(field))
    .map(([field, column]) => [field, sql.raw(`excluded."${column.name}"`)]),
);

const tableRow = (target: Pick<IndexTarget, "connectionId" | "kind">) =>
  and(eq(kiwireIndexTables.connectionId, target.connectionId), eq(kiwireIndexTables.kind, target.kind));

const ofTable = (target: Pick<IndexTarget, "connectionId" | "kind">) =>
  and(eq(kiwireIndexAccounts.connectionId, target.connectionId), eq(kiwireIndexAccounts.kind, target.kind));

export function toAccountDto(row: AccountRow): AccountDto {
  return {
    username: row.username,
    fullName: row.fullName,
    email: row.email,
    phone: row.phone,
    profile: row.profile,
    price: row.price,
    status: row.status,
    batch: row.batch,
    createdBy: row.createdBy,
    remark: row.remark,
    createdAt: row.createdAt,
    activatedAt: row.activatedAt,
    expiresAt: row.expiresAt,
    mac: row.mac,
    zone: row.zone,
  };
}

export async function indexState(
  db: Database,
  target: Pick<IndexTarget, "connectionId" | "kind">,
): Promise<IndexState | null> {
  const [row] = await db.select().from(kiwireIndexTables).where(tableRow(target));
  if (!row) return null;
  return {
    sourceKey: row.sourceKey,
    read: {
      rowsRead: row.rowsRead,
      reportedTotal: row.reportedTotal,
      complete: row.complete,
      asOf: row.indexedAt.toISOString(),
    },
    batches: row.batches,
    version: row.version,
  };
}

/**
 * Inserts rows, or replaces every field of those already there (only where `replaceWhere` holds, when given);
 * `seenAt` is when they were confirmed.
 */
async function upsertRows(
  db: Database,
  target: IndexTarget,
  rows: readonly { account: AccountDto; position: number }[],
  seenAt: Date,
  replaceWhere?: SQL,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insert(kiwireIndexAccounts)
      .values(
        rows.slice(i, i + CHUNK).map(({ account, position }) => ({
          ...account,
          connectionId: target.connectionId,
          kind: target.kind,
          position,
          seenAt,
        })),
      )
      .onConflictDoUpdate({
        target: [kiwireIndexAccounts.connectionId, kiwireIndexAccounts.kind, kiwireIndexAccounts.username],
        set: REPLACED_ON_CONFLICT,
        setWhere: replaceWhere,
      });
  }
}

/** Batches newest first: their ids grow with time (V0000007), and so do the dates some builds use. */
function sortedBatches(batches: Iterable<string>): string[] {
  return [...new Set(batches)].filter(Boolean).sort().reverse();
}

/**
 * Brings the index of one list in line with a scan that began at `startedAt`. Only the difference is written
 * (index-diff.ts), in one transaction: readers see the index before or after, never half of it, and the
 * embedded database is held only while the changes are written, not while they are worked out. A row a write
 * confirmed after the scan began is neither replaced nor removed, even if the write came after the rows were
 * compared. An index read with other settings (an edited connection: maybe another appliance) is dropped.
 */
export async function applyScan(
  db: Database,
  target: IndexTarget,
  scan: TableScan,
  startedAt: Date,
): Promise<IndexState> {
  const previous = await indexState(db, target);
  const sameSource = previous?.sourceKey === target.sourceKey;
  const rows = sameSource ? await db.select().from(kiwireIndexAccounts).where(ofTable(target)) : [];
  const existing = new Map<string, IndexedRow>(
    rows.map((row) => [
      row.username,
      { account: toAccountDto(row), position: row.position, seenAt: row.seenAt },
    ]),
  );
  const { upserts, deletes } = indexChanges(scan.accounts, existing, startedAt);
  const newer = rows.filter((row) => row.seenAt.getTime() >= startedAt.getTime());
  const state = {
    sourceKey: target.sourceKey,
    indexedAt: startedAt,
    rowsRead: scan.read.rowsRead,
    reportedTotal: scan.read.reportedTotal,
    complete: scan.read.complete,
    batches: sortedBatches([...scan.accounts, ...newer].map((row) => row.batch)),
    version: (previous?.version ?? 0) + 1,
  };
  await db.transaction(async (tx) => {
    if (!sameSource) await tx.delete(kiwireIndexAccounts).where(ofTable(target));
    await upsertRows(tx, target, upserts, startedAt, olderThan(startedAt));
    for (let i = 0; i < deletes.length; i += CHUNK) {
      await tx
        .delete(kiwireIndexAccounts)
        .where(
          and(
            ofTable(target),
            inArray(kiwireIndexAccounts.username, deletes.slice(i, i + CHUNK)),
            olderThan(startedAt),
          ),
        );
    }
    await tx
      .insert(kiwireIndexTables)
      .values({ connectionId: target.connectionId, kind: target.kind, ...state })
      .onConflictDoUpdate({
        target: [kiwireIndexTables.connectionId, kiwireIndexTables.kind],
        set: { ...state, ...NEXT_VERSION },
      });
  });
  if (upserts.length + deletes.length >= VACUUM_AFTER_CHANGES) await tidy(db);
  return {
    sourceKey: target.sourceKey,
    read: { ...scan.read, asOf: startedAt.toISOString() },
    batches: state.batches,
    version: state.version,
  };
}

/** Every change to a list's rows moves its version, so counts kept for the previous one are not used again. */
const NEXT_VERSION = { version: sql`${kiwireIndexTables.version} + 1` };

const olderThan = (instant: Date) => lt(kiwireIndexAccounts.seenAt, instant);

/**
 * After a build or a large refresh. PGlite has no autovacuum: without this its planner believes the table
 * empty, and every count reads each row's heap page because no page is marked all-visible, which costs tens of
 * milliseconds per page view at 20,000 vouchers. On PostgreSQL it only brings autovacuum's work forward.
 */
const VACUUM_AFTER_CHANGES = 1000;

async function tidy(db: Database): Promise<void> {
  await db.execute(sql`VACUUM (ANALYZE) kiwire_index_accounts`);
}

/**
 * After Kiwire accepted a write: the accounts as the client read them back, at once. A row already indexed
 * keeps its place; a new one goes after the last (Kiwire appends new rows to its table). A new batch joins the
 * batch filter.
 */
export async function recordAccounts(
  db: Database,
  target: IndexTarget,
  accounts: readonly AccountDto[],
  now: Date = new Date(),
): Promise<void> {
  if (accounts.length === 0) return;
  await db.transaction(async (tx) => {
    const known = await tx
      .select({ username: kiwireIndexAccounts.username, position: kiwireIndexAccounts.position })
      .from(kiwireIndexAccounts)
      .where(
        and(
          ofTable(target),
          inArray(
            kiwireIndexAccounts.username,
            accounts.map((a) => a.username),
          ),
        ),
      );
    const positions = new Map(known.map((row) => [row.username, row.position]));
    const [{ last } = { last: -1 }] = await tx
      .select({ last: sql<number>`coalesce(max(${kiwireIndexAccounts.position}), -1)` })
      .from(kiwireIndexAccounts)
      .where(ofTable(target));
    let next = Number(last) + 1;
    const rows = accounts.map((account) => ({
      account,
      position: positions.get(account.username) ?? next++,
    }));
    await upsertRows(tx, target, rows, now);
    const [state] = await tx
      .select({ batches: kiwireIndexTables.batches })
      .from(kiwireIndexTables)
      .where(tableRow(target));
    if (state) {
      const added = accounts.map((account) => account.batch);
      await tx
        .update(kiwireIndexTables)
        .set({ batches: sortedBatches([...state.batches, ...added]), ...NEXT_VERSION })
        .where(tableRow(target));
    }
  });
}

/** After Kiwire erased an account. */
export async function forgetAccount(db: Database, target: IndexTarget, username: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .delete(kiwireIndexAccounts)
      .where(and(ofTable(target), eq(kiwireIndexAccounts.username, username)));
    await tx.update(kiwireIndexTables).set(NEXT_VERSION).where(tableRow(target));
  });
}
