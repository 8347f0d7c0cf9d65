/**
 * A bulk action runs one request per row, one after another: each write is audited with its own id, and the
 * appliance is not flooded. Cancelling stops before the next row; the row in flight finishes, since a write
 * sent once must not be reported as failed or left unknown. Pure: `use-bulk-action.ts` holds it in React state.
 */

export type BulkStatus = "done" | "failed" | "skipped";

export interface BulkOutcome<TRow> {
  id: string;
  row: TRow;
  status: BulkStatus;
  /** Why it failed: the BFF's message. A skipped row was not attempted because the run was cancelled. */
  message?: string;
}

export interface BulkRun<TRow> {
  rows: readonly TRow[];
  idOf: (row: TRow) => string;
  act: (row: TRow) => Promise<unknown>;
  /** Aborted: the rows not yet started are skipped. */
  signal: AbortSignal;
  /** After each row: how many are finished out of how many. */
  onProgress?: (finished: number, total: number) => void;
}

export async function runBulkAction<TRow>({
  rows,
  idOf,
  act,
  signal,
  onProgress,
}: BulkRun<TRow>): Promise<BulkOutcome<TRow>[]> {
  const outcomes: BulkOutcome<TRow>[] = [];
  for (const row of rows) {
    const id = idOf(row);
    if (signal.aborted) {
      outcomes.push({ id, row, status: "skipped" });
      continue;
    }
    try {
      await act(row);
      outcomes.push({ id, row, status: "done" });
    } catch (error) {
      outcomes.push({
        id,
        row,
        status: "failed",
        message: error instanceof Error ? error.message : String(error),
      });
    }
    onProgress?.(outcomes.length, rows.length);
  }
  return outcomes;
}

export interface BulkTally {
  done: number;
  failed: number;
  skipped: number;
  total: number;
}

export function tally(outcomes: readonly { status: BulkStatus }[]): BulkTally {
  const count = (status: BulkStatus) => outcomes.filter((o) => o.status === status).length;
  return { done: count("done"), failed: count("failed"), skipped: count("skipped"), total: outcomes.length };
}
