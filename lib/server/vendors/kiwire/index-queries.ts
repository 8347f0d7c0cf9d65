import "server-only";
import { and, asc, count, desc, eq, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type {
  AccountDto,
  ExportVouchersInput,
  HotspotUserPageDto,
  ListHotspotUsersInput,
  ListVouchersInput,
  TableReadDto,
} from "@/lib/api/kiwire";
import type { Database } from "@/lib/server/db/client";
import { kiwireIndexAccounts as accounts, caseFoldedSortKey } from "@/lib/server/db/schema";
import { toAccountDto } from "./index-store";

/**
 * The voucher and hotspot-user lists, answered from the console's index of a Kiwire connection (one SQL query
 * per page, count and batch list) instead of Kiwire's paging. Text is compared byte by byte (COLLATE "C"), so
 * the order is the same on PGlite and on a PostgreSQL whatever its locale.
 */

const ofList = (connectionId: string, kind: "user" | "voucher") =>
  and(eq(accounts.connectionId, connectionId), eq(accounts.kind, kind));

/** Case-insensitive "contains", without LIKE's wildcards in what a person typed. */
const contains = (column: AnyPgColumn, text: string) =>
  sql`strpos(lower(${column}), ${text.toLowerCase()}) > 0`;

type VoucherFilter = Pick<
  ListVouchersInput,
  "batch" | "status" | "profile" | "from" | "to" | "expires" | "q"
>;

function voucherConditions(connectionId: string, filter: VoucherFilter): SQL | undefined {
  return and(
    ofList(connectionId, "voucher"),
    filter.batch ? eq(accounts.batch, filter.batch) : undefined,
    filter.status ? eq(accounts.status, filter.status) : undefined,
    filter.profile ? eq(accounts.profile, filter.profile) : undefined,
    // Creation times are Kiwire's "Y-m-d H:i:s" text: a day compares as the first ten characters.
    filter.from ? sql`${accounts.createdAt} COLLATE "C" >= ${filter.from}` : undefined,
    filter.to
      ? sql`coalesce(substr(${accounts.createdAt}, 1, 10), '') COLLATE "C" <= ${filter.to}`
      : undefined,
    // Expiry is Kiwire's "Y-m-d H:i:s" on the appliance's clock, so its day is the first ten characters.
    filter.expires ? sql`substr(${accounts.expiresAt}, 1, 10) = ${filter.expires}` : undefined,
    filter.q ? contains(accounts.username, filter.q) : undefined,
  );
}

/**
 * Counts by list, index version and filter. Counting 20,000 vouchers is most of a page view's time, and paging
 * through one filter asks the same count again: it is kept until the list's version moves (any change to its
 * rows, on any instance, moves the version in the database), so it is never stale.
 */
const counts = new Map<string, number>();
const MAX_COUNTS = 1000;

async function countOf(db: Database, where: SQL | undefined, key: string): Promise<number> {
  const known = counts.get(key);
  if (known !== undefined) return known;
  const [row] = await db.select({ n: count() }).from(accounts).where(where);
  const n = row?.n ?? 0;
  // The oldest goes first (a Map keeps insertion order): old versions' counts are never asked again.
  if (counts.size >= MAX_COUNTS) counts.delete(counts.keys().next().value ?? "");
  counts.set(key, n);
  return n;
}

/** Which list, at which version of its index. */
export interface IndexedList {
  connectionId: string;
  version: number;
}

const countKey = (list: IndexedList, kind: string, filter: Record<string, unknown>) =>
  JSON.stringify([list.connectionId, kind, list.version, filter]);

export interface IndexedVoucherPage {
  items: AccountDto[];
  totalItems: number;
}

/** A page of vouchers, newest first (batches are printed and handed out in the order they were made). */
export async function indexedVoucherPage(
  db: Database,
  list: IndexedList,
  input: ListVouchersInput,
): Promise<IndexedVoucherPage> {
  const where = voucherConditions(list.connectionId, input);
  const { batch, status, profile, from, to, expires, q } = input;
  const [rows, totalItems] = await Promise.all([
    db
      .select()
      .from(accounts)
      .where(where)
      .orderBy(desc(accounts.position), desc(accounts.username))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    countOf(db, where, countKey(list, "voucher", { batch, status, profile, from, to, expires, q })),
  ]);
  return { items: rows.map(toAccountDto), totalItems };
}

/**
 * Active vouchers, and those of them whose expiry falls on `today` (`YYYY-MM-DD` on the appliance's calendar;
 * Kiwire spells expiry `Y-m-d H:i:s` in its zone, so the day is its first ten characters), in one query.
 */
export async function indexedVoucherFigures(
  db: Database,
  connectionId: string,
  today: string,
): Promise<{ activeVouchers: number; expiringToday: number }> {
  const [row] = await db
    .select({
      activeVouchers: count(),
      expiringToday:
        sql<number>`count(*) filter (where substr(${accounts.expiresAt}, 1, 10) = ${today})`.mapWith(Number),
    })
    .from(accounts)
    .where(voucherConditions(connectionId, { status: "active" }));
  return { activeVouchers: row?.activeVouchers ?? 0, expiringToday: row?.expiringToday ?? 0 };
}

/** Every voucher of a filter or of a selection of codes, in Kiwire's order. */
export async function indexedVoucherExport(
  db: Database,
  connectionId: string,
  input: ExportVouchersInput,
): Promise<AccountDto[]> {
  const codes = input.codes
    ? new Set(
        input.codes
          .split(",")
          .map((code) => code.trim())
          .filter(Boolean),
      )
    : null;
  const rows = await db
    .select()
    .from(accounts)
    .where(voucherConditions(connectionId, input))
    .orderBy(asc(accounts.position), asc(accounts.username));
  // A selection is at most a few thousand codes: kept out of the SQL, whose parameters it could exhaust.
  return rows.filter((row) => !codes || codes.has(row.username)).map(toAccountDto);
}

const USER_SORT_COLUMNS = {
  username: accounts.username,
  fullname: accounts.fullName,
  createdate: accounts.createdAt,
  expiry: accounts.expiresAt,
} as const;

function userConditions(connectionId: string, input: ListHotspotUsersInput): SQL | undefined {
  return and(
    ofList(connectionId, "user"),
    input.status ? eq(accounts.status, input.status) : undefined,
    input.q
      ? sql`(${contains(accounts.username, input.q)} OR ${contains(accounts.fullName, input.q)} OR ${contains(accounts.email, input.q)})`
      : undefined,
  );
}

/**
 * The rows of one hotspot-user page, in the sort's order (ties, and an unsorted list, in Kiwire's order). A
 * sorted page reads its column's sort index (migration 0015) instead of sorting every user.
 */
export function userPageQuery(db: Database, connectionId: string, input: ListHotspotUsersInput) {
  const order = input.sort
    ? [
        sql`${caseFoldedSortKey(USER_SORT_COLUMNS[input.sort])} ${sql.raw(input.dir === "desc" ? "DESC" : "ASC")}`,
        asc(accounts.position),
      ]
    : [asc(accounts.position), asc(accounts.username)];
  return db
    .select()
    .from(accounts)
    .where(userConditions(connectionId, input))
    .orderBy(...order)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
}

/** A page of hotspot users: searched, filtered and sorted, or in Kiwire's order when unsorted. */
export async function indexedUserPage(
  db: Database,
  list: IndexedList,
  input: ListHotspotUsersInput,
  table: TableReadDto,
): Promise<HotspotUserPageDto> {
  const start = (input.page - 1) * input.pageSize;
  const [rows, totalItems] = await Promise.all([
    userPageQuery(db, list.connectionId, input),
    countOf(
      db,
      userConditions(list.connectionId, input),
      countKey(list, "user", { status: input.status, q: input.q }),
    ),
  ]);
  return {
    items: rows.map(toAccountDto),
    page: input.page,
    pageSize: input.pageSize,
    totalItems,
    hasMore: start + input.pageSize < totalItems,
    table,
  };
}
