import "server-only";
import type { AccountDto, TableReadDto } from "@/lib/api/kiwire";
import type { KiwireClient } from "./client";
import { readRows } from "./paged-read";
import { toAccount } from "./records";

/**
 * A whole user or voucher table, read the one way that is right whatever `limit` the appliance honours
 * (paged-read.ts), and shared between the page views that ask for it at the same time. Everything that needs
 * a whole table (filtered lists, exports, reading a voucher batch back) goes through `scanTable`.
 */

export type KiwireTable = "user" | "voucher";

export interface TableScan {
  accounts: AccountDto[];
  read: TableReadDto;
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

/**
 * Kiwire's get only pages, so a filtered or sorted voucher or user list reads the whole table (notes §7):
 * thousands of rows per page view. A page view that arrives while a scan of the same table is under way waits
 * for that scan instead of starting its own, so many operators on the vouchers page cost one scan at a time,
 * not one each (without this, the load bench's voucher lists timed out). Nothing is kept after a scan ends.
 */
const inFlight = new Map<string, Promise<TableScan>>();

export function sharedScan(key: string, scan: () => Promise<TableScan>): Promise<TableScan> {
  const running = inFlight.get(key);
  if (running) return running;
  const started = scan().finally(() => {
    if (inFlight.get(key) === started) inFlight.delete(key);
  });
  inFlight.set(key, started);
  return started;
}

/**
 * Called after a write through this process: a list asked for after the write must not reuse a scan that may
 * have read the table before it.
 */
export function forgetScans(keyPrefix: string): void {
  for (const key of inFlight.keys()) if (key.startsWith(keyPrefix)) inFlight.delete(key);
}
