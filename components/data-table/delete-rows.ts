"use client";

import { type Selection, selectedCount, selectionTargets } from "./selection";
import type { BulkActionControls } from "./use-bulk-action";
import type { SelectionControls } from "./use-selection";

/** What a delete acts on: one row's own Delete, or the selection (ticked rows or every matching row). */
export type DeleteTarget<TRow> = { kind: "row"; row: TRow } | { kind: "selection" };

export interface DeleteRowsOptions<TRow> {
  bulk: Pick<BulkActionControls<TRow>, "start">;
  selection: Pick<SelectionControls<TRow>, "selection" | "idOf" | "settle">;
  /** Every row matching the filter, for a selection of "every matching row". */
  collectMatching: (signal: AbortSignal) => Promise<readonly TRow[]>;
  /** Deletes one row: one request per row, so each delete is audited on its own. */
  remove: (row: TRow) => Promise<unknown>;
  /** After the run: refetch what the deletes changed. */
  onFinished: () => void;
}

/** Runs a delete through the bulk runner (progress, Cancel, a per-row summary) and settles the selection. */
export function deleteRows<TRow>(
  target: DeleteTarget<TRow>,
  { bulk, selection, collectMatching, remove, onFinished }: DeleteRowsOptions<TRow>,
) {
  void bulk.start({
    verb: "delete",
    rows: (signal) =>
      target.kind === "row"
        ? Promise.resolve([target.row])
        : selectionTargets(selection.selection, selection.idOf, collectMatching, signal),
    act: remove,
    onFinished: (outcomes) => {
      selection.settle(outcomes, target.kind === "selection");
      onFinished();
    },
  });
}

/** What the confirmation names: the rows one by one, or (`rows` null) every row matching the filter. */
export interface DeleteScope<TRow> {
  rows: TRow[] | null;
  count: number;
  /** Rows unticked from "every matching row". */
  excluded: number;
}

/** What a delete would act on, for its confirmation: asked about one row, or about the selection. */
export function deleteScope<TRow>(
  target: DeleteTarget<TRow> | null,
  selection: Selection<TRow>,
): DeleteScope<TRow> {
  const rows = rowsToDelete(target, selection);
  return {
    rows,
    count: rows?.length ?? selectedCount(selection),
    excluded: selection.scope === "matching" ? selection.excluded.size : 0,
  };
}

/** The rows a delete names one by one, or null when it means every row matching the filter. */
export function rowsToDelete<TRow>(
  target: DeleteTarget<TRow> | null,
  selection: Selection<TRow>,
): TRow[] | null {
  if (target?.kind === "row") return [target.row];
  return selection.scope === "rows" ? [...selection.rows.values()] : null;
}
