import "server-only";
import type { AccountDto } from "@/lib/api/kiwire";

/**
 * What a fresh scan changes in the index of one Kiwire list. Kiwire has no "changed since" (its get only pages
 * the whole table, notes §7), so a refresh is a full scan; but the scan is compared with the index and only the
 * difference is written, so a refresh of 20,000 vouchers where ten changed writes ten rows, and the embedded
 * database is never held for a rewrite of the whole table.
 *
 * `position` keeps Kiwire's order. A row keeps its position while the order around it holds (rows appended at
 * the end, rows removed): only rows that moved, and rows new to the index, get a new one.
 */

export interface IndexedRow {
  account: AccountDto;
  position: number;
  seenAt: Date;
}

export interface IndexChanges {
  /** New rows, and rows whose fields or position changed. */
  upserts: { account: AccountDto; position: number }[];
  /** Usernames no longer in Kiwire. */
  deletes: string[];
}

const FIELDS = [
  "fullName",
  "email",
  "phone",
  "profile",
  "price",
  "status",
  "batch",
  "createdBy",
  "remark",
  "createdAt",
  "activatedAt",
  "expiresAt",
  "mac",
  "zone",
] as const satisfies readonly (keyof AccountDto)[];

function sameAccount(a: AccountDto, b: AccountDto): boolean {
  return FIELDS.every((field) => a[field] === b[field]);
}

/**
 * @param scanned the table as the scan read it, in Kiwire's order
 * @param existing the index's rows of that table, by username
 * @param scanStartedAt rows a console write confirmed at or after this instant are newer than the scan: they
 *   are neither changed nor removed by it (the next refresh sees them in Kiwire)
 */
export function indexChanges(
  scanned: readonly AccountDto[],
  existing: ReadonlyMap<string, IndexedRow>,
  scanStartedAt: Date,
): IndexChanges {
  const isNewer = (row: IndexedRow) => row.seenAt.getTime() >= scanStartedAt.getTime();
  const upserts: IndexChanges["upserts"] = [];
  const inScan = new Set<string>();
  let last = -1;
  for (const account of scanned) {
    // A row a page boundary shifted into two pages is read twice: the first reading places it.
    if (inScan.has(account.username)) continue;
    inScan.add(account.username);
    const row = existing.get(account.username);
    if (row && isNewer(row)) continue;
    const position = row && row.position > last ? row.position : last + 1;
    last = position;
    if (!row || row.position !== position || !sameAccount(row.account, account)) {
      upserts.push({ account, position });
    }
  }
  const deletes = [...existing.values()]
    .filter((row) => !inScan.has(row.account.username) && !isNewer(row))
    .map((row) => row.account.username);
  return { upserts, deletes };
}
