"use client";

import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type DeleteTarget, deleteRows, rowsToDelete } from "./delete-rows";
import { selectedCount } from "./selection";
import type { ListSelection } from "./use-list-selection";

export interface RowDeleteOptions<TRow> {
  /** Deletes one row: one request per row, so each delete is audited on its own. */
  remove: (row: TRow) => Promise<unknown>;
  /** What the deletes change, refetched after the run (the connection's key of the area's queries). */
  invalidates: QueryKey;
}

/** What the confirmation names: the rows one by one, or (`rows` null) every row matching the filter. */
export interface DeleteScope<TRow> {
  rows: TRow[] | null;
  count: number;
  /** Rows unticked from "every matching row". */
  excluded: number;
}

export interface RowDelete<TRow> {
  /** A row's own Delete: asks about that row only. */
  askRow: (row: TRow) => void;
  /** "Delete selected": asks about the selection. */
  askSelection: () => void;
  asking: boolean;
  scope: DeleteScope<TRow>;
  busy: boolean;
  confirm: () => void;
  cancel: () => void;
}

/**
 * Deleting rows of a list, one row or the selection, after a confirmation: the run goes through the bulk runner
 * (progress, Cancel, a per-row summary) and settles the selection. `<DeleteRowsDialog>` asks.
 */
export function useRowDelete<TRow>(
  selection: ListSelection<TRow>,
  { remove, invalidates }: RowDeleteOptions<TRow>,
): RowDelete<TRow> {
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<DeleteTarget<TRow> | null>(null);
  const current = selection.controls.selection;
  const rows = rowsToDelete(target, current);
  return {
    askRow: (row) => setTarget({ kind: "row", row }),
    askSelection: () => setTarget({ kind: "selection" }),
    asking: target !== null,
    scope: {
      rows,
      count: rows?.length ?? selectedCount(current),
      excluded: current.scope === "matching" ? current.excluded.size : 0,
    },
    busy: selection.bulk.busy,
    confirm: () => {
      if (!target) return;
      setTarget(null);
      deleteRows(target, {
        bulk: selection.bulk,
        selection: selection.controls,
        collectMatching: selection.collectMatching,
        remove,
        onFinished: () => void queryClient.invalidateQueries({ queryKey: invalidates }),
      });
    },
    cancel: () => setTarget(null),
  };
}
