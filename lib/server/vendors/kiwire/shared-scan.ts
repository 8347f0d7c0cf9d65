import "server-only";
import type { AccountDto } from "@/lib/api/kiwire";

/**
 * Kiwire's get only pages, so a filtered or sorted voucher or user list reads the whole table (notes §7):
 * thousands of rows per page view. A page view that arrives while a scan of the same table is under way waits
 * for that scan instead of starting its own, so many operators on the vouchers page cost one scan at a time,
 * not one each (without this, the load bench's voucher lists timed out). Nothing is kept after a scan ends.
 */
const inFlight = new Map<string, Promise<AccountDto[]>>();

export function sharedScan(key: string, scan: () => Promise<AccountDto[]>): Promise<AccountDto[]> {
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
