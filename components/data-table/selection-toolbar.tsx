"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { offPageCount, pageSelectionState } from "./selection";
import type { BulkActionControls } from "./use-bulk-action";
import type { SelectionControls } from "./use-selection";

export interface Noun {
  one: string;
  other: string;
}

export const countOf = (count: number, noun: Noun) =>
  `${count.toLocaleString("en")} ${count === 1 ? noun.one : noun.other}`;

export interface SelectionToolbarProps<TRow> {
  controls: SelectionControls<TRow>;
  bulk: BulkActionControls<TRow>;
  /** The rows the page shows, to tell the selection on this page from the rest. */
  pageRows: readonly TRow[];
  /** How many rows match the filter, by the server's count: what "every matching row" means. */
  total: number;
  noun: Noun;
  /** The bulk action buttons. */
  children: ReactNode;
}

/**
 * What is selected and in which scope (these rows, or every row matching the filter, with the count), the
 * bulk actions, and while one runs its progress "n of m" with Cancel.
 */
export function SelectionToolbar<TRow>({
  controls,
  bulk,
  pageRows,
  total,
  noun,
  children,
}: SelectionToolbarProps<TRow>) {
  const { state } = bulk;
  if (state.phase === "collecting" || state.phase === "running") {
    return (
      <div role="toolbar" aria-label="Selection" className="mb-2 flex items-center gap-3 text-sm">
        <span role="status" data-testid="bulk-progress">
          {state.phase === "collecting"
            ? `Collecting the ${countOf(controls.count, noun)}…`
            : `${state.verb.progress} ${state.finished.toLocaleString("en")} of ${countOf(state.total, noun)}…`}
        </span>
        <Button variant="secondary" size="sm" onClick={bulk.cancel}>
          Cancel
        </Button>
      </div>
    );
  }
  if (controls.count === 0) return null;
  const { selection } = controls;
  const pageIds = pageRows.map(controls.idOf);
  const offPage = offPageCount(selection, pageIds);
  const wholePage = pageIds.length > 0 && pageSelectionState(selection, pageIds) === "all";
  return (
    <div role="toolbar" aria-label="Selection" className="mb-2 flex flex-wrap items-center gap-3 text-sm">
      <span data-testid="selection-count">
        {selection.scope === "matching"
          ? `${controls.count.toLocaleString("en")} selected (every ${noun.one} matching the filter${
              selection.excluded.size > 0 ? ` but ${selection.excluded.size}` : ""
            })`
          : `${controls.count.toLocaleString("en")} selected${offPage > 0 ? ` (${offPage} on other pages)` : ""}`}
      </span>
      {selection.scope === "rows" && wholePage && total > controls.count && (
        <Button variant="ghost" size="sm" onClick={() => controls.selectMatching(total)}>
          Select all {countOf(total, noun)} matching the filter
        </Button>
      )}
      {children}
      <Button variant="secondary" size="sm" onClick={controls.clear}>
        Clear selection
      </Button>
    </div>
  );
}
