"use client";

import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type DeleteScope, type DeleteTarget, deleteRows, deleteScope } from "./delete-rows";
import type { ListSelection } from "./use-list-selection";

export interface RowDeleteOptions<TRow> {
  /** Deletes one row: one request per row, so each delete is audited on its own. */
  remove: (row: TRow) => Promise<unknown>;
  /** What the deletes change, refetched after the run (the connection's key of the area's queries). */
  invalidates: QueryKey;
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
  return {
    askRow: (row) => setTarget({ kind: "row", row }),
    askSelection: () => setTarget({ kind: "selection" }),
    asking: target !== null,
    scope: deleteScope(target, selection.controls.selection),
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
