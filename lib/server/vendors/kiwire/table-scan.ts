import "server-only";
import type { AccountDto, KiwireTable, TableReadDto } from "@/lib/api/kiwire";
import type { KiwireClient } from "./client";
import { readRows } from "./paged-read";
import { toAccount } from "./records";

/**
 * A whole user or voucher table, read the one way that is right whatever `limit` the appliance honours
 * (paged-read.ts). Kiwire's get only pages (notes §7): this is how the index is built and refreshed
 * (index-refresh.ts), and how a voucher batch whose answer did not list it is read back.
 */

export interface TableScan {
  accounts: AccountDto[];
  read: Omit<TableReadDto, "asOf">;
}

/** Large pages keep a full scan to a few round trips where the appliance honours them. */
const SCAN_PAGE = 5000;

export async function scanTable(client: KiwireClient, table: KiwireTable): Promise<TableScan> {
  const { rows, reportedTotal, complete } = await readRows(
    (start, limit) => client.page(table, "get", undefined, { start: String(start), limit: String(limit) }),
    { limit: SCAN_PAGE },
  );
  return { accounts: rows.map(toAccount), read: { rowsRead: rows.length, reportedTotal, complete } };
}
