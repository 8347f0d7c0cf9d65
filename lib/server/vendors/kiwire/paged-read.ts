import "server-only";

/**
 * Reading a Kiwire list. Its get pages with `start` and `limit` (default 200, no documented maximum), so an
 * appliance may answer fewer rows than asked although more exist: a short page proves nothing. A read
 * therefore advances by the rows it received and ends only on an empty page (or once it holds what was
 * asked). The one thing it cannot trust is an appliance that ignores `start`: the same rows again end the
 * read, marked incomplete, instead of looping for ever.
 */

/** One answered page: its records and the count the appliance sent beside them, if any. */
export interface KiwirePage {
  rows: Record<string, unknown>[];
  total: number | null;
}

export type PageFetcher = (start: number, limit: number) => Promise<KiwirePage>;

export interface RowsRead {
  rows: Record<string, unknown>[];
  /** The last count the appliance sent beside a page (none is documented): null when it sent none. */
  reportedTotal: number | null;
  /** False when the read stopped because the appliance answered the same rows again for a later `start`. */
  complete: boolean;
}

/** No Kiwire table comes near this; it only bounds a read of an appliance that never answers an empty page. */
const MAX_ROWS = 2_000_000;

/** Identifies a page well enough to see the same rows come back for a different `start`. */
function fingerprint(rows: Record<string, unknown>[]): string {
  return `${rows.length}\0${JSON.stringify(rows[0])}\0${JSON.stringify(rows[rows.length - 1])}`;
}

/**
 * Rows from `start` on, at most `count` of them (all when `count` is omitted), asking `limit` per page.
 */
export async function readRows(
  fetchPage: PageFetcher,
  { start = 0, count = Number.POSITIVE_INFINITY, limit }: { start?: number; count?: number; limit: number },
): Promise<RowsRead> {
  const rows: Record<string, unknown>[] = [];
  let offset = start;
  let reportedTotal: number | null = null;
  let previous: string | null = null;
  while (rows.length < count) {
    if (rows.length >= MAX_ROWS) return { rows, reportedTotal, complete: false };
    const page = await fetchPage(offset, Math.min(limit, count - rows.length));
    reportedTotal = page.total ?? reportedTotal;
    if (page.rows.length === 0) break;
    const seen = fingerprint(page.rows);
    if (seen === previous) return { rows, reportedTotal, complete: false };
    previous = seen;
    for (const row of page.rows) {
      if (rows.length === count) break;
      rows.push(row);
    }
    offset += page.rows.length;
  }
  return { rows, reportedTotal, complete: true };
}
