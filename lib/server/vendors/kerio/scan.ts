import "server-only";

/** One answer of a Kerio `*.get`: its rows and `totalItems` ("count of all ... before start/limit", notes §3). */
export interface RowPage<T> {
  rows: T[];
  totalItems: number | undefined;
}

/**
 * Reads `count` rows from `start` (-1: every row), in as many calls as the appliance needs. Kerio may cap an
 * answer below the `limit` asked ("safety limit such as 50,000", notes §3), so a short answer is not the
 * end: the scan advances by the rows it received and stops on an empty answer or once `totalItems` is
 * reached, never silently short. An answer without `totalItems` is taken as complete for "every row".
 */
export async function readRows<T>(
  fetch: (start: number, limit: number) => Promise<RowPage<T>>,
  start: number,
  count: number,
): Promise<RowPage<T>> {
  const rows: T[] = [];
  let totalItems: number | undefined;
  while (count === -1 || rows.length < count) {
    const page = await fetch(start + rows.length, count === -1 ? -1 : count - rows.length);
    totalItems = page.totalItems ?? totalItems;
    if (page.rows.length === 0) break;
    rows.push(...page.rows);
    if (totalItems !== undefined && start + rows.length >= totalItems) break;
    // "No limit" answered without a count cannot say that more exists (Kerio always counts, notes §3).
    if (totalItems === undefined && count === -1) break;
  }
  return { rows: count === -1 ? rows : rows.slice(0, count), totalItems };
}
