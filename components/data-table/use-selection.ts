"use client";

import { useState } from "react";
import type { BulkOutcome } from "./bulk-action";
import {
  effectiveSelection,
  isSelected,
  NO_SELECTION,
  type PageRow,
  type Selection,
  selectedCount,
  selectMatching,
  settleSelection,
  togglePage,
  toggleRow,
} from "./selection";

export interface SelectionControls<TRow> {
  selection: Selection<TRow>;
  count: number;
  idOf: (row: TRow) => string;
  isSelected: (row: TRow) => boolean;
  toggle: (row: TRow) => void;
  togglePage: (rows: readonly TRow[]) => void;
  /** Every row matching the current filter, `total` of them by the server's count. */
  selectMatching: (total: number) => void;
  /** After a bulk action: see `settleSelection`. */
  settle: (outcomes: readonly BulkOutcome<TRow>[], ranOnSelection: boolean) => void;
  clear: () => void;
}

export interface UseSelectionOptions<TRow> {
  idOf: (row: TRow) => string;
  /** What the rows belong to (the connection): another one starts with nothing selected. */
  resetKey: string;
  /** The filter as a string: an "every matching row" choice holds only under the filter it was made with. */
  filterKey: string;
}

export function useSelection<TRow>({
  idOf,
  resetKey,
  filterKey,
}: UseSelectionOptions<TRow>): SelectionControls<TRow> {
  // Held with the key it was made under, and read through it: no effect has to clear it after a change.
  const [held, setHeld] = useState<{ key: string; selection: Selection<TRow> }>({
    key: resetKey,
    selection: NO_SELECTION,
  });
  const current = (state: typeof held) =>
    state.key === resetKey ? effectiveSelection(state.selection, filterKey) : NO_SELECTION;
  const selection = current(held);
  const update = (change: (selection: Selection<TRow>) => Selection<TRow>) =>
    setHeld((state) => ({ key: resetKey, selection: change(current(state)) }));
  const pageRow = (row: TRow): PageRow<TRow> => ({ id: idOf(row), row });
  return {
    selection,
    count: selectedCount(selection),
    idOf,
    isSelected: (row) => isSelected(selection, idOf(row)),
    toggle: (row) => update((s) => toggleRow(s, pageRow(row))),
    togglePage: (rows) => update((s) => togglePage(s, rows.map(pageRow))),
    selectMatching: (total) => update(() => selectMatching(filterKey, total)),
    settle: (outcomes, ranOnSelection) => update((s) => settleSelection(s, outcomes, ranOnSelection)),
    clear: () => update(() => NO_SELECTION),
  };
}
