"use client";

import type { ReactNode } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { type Noun, useCountOf } from "./noun";
import { offPageCount, pageSelectionState } from "./selection";
import type { BulkActionControls } from "./use-bulk-action";
import type { SelectionControls } from "./use-selection";

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
  const t = useTranslations("dataTable");
  const countOf = useCountOf();
  const { state } = bulk;
  if (state.phase === "collecting" || state.phase === "running") {
    return (
      <div role="toolbar" aria-label={t("selection.label")} className="mb-2 flex items-center gap-3 text-sm">
        <span role="status" data-testid="bulk-progress">
          {state.phase === "collecting"
            ? t("selection.collecting", { counted: countOf(controls.count, noun) })
            : t(`bulk.${state.verb}.progress`, {
                finished: state.finished,
                counted: countOf(state.total, noun),
              })}
        </span>
        <Button variant="secondary" size="sm" onClick={bulk.cancel}>
          {t("selection.cancel")}
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
    <div
      role="toolbar"
      aria-label={t("selection.label")}
      className="mb-2 flex flex-wrap items-center gap-3 text-sm"
    >
      <span data-testid="selection-count">
        {selection.scope === "matching"
          ? t("selection.matching", {
              count: controls.count,
              one: noun.one,
              excluded: selection.excluded.size,
            })
          : t("selection.rows", { count: controls.count, offPage })}
      </span>
      {selection.scope === "rows" && wholePage && total > controls.count && (
        <Button variant="ghost" size="sm" onClick={() => controls.selectMatching(total)}>
          {t("selection.selectMatching", { counted: countOf(total, noun) })}
        </Button>
      )}
      {children}
      <Button variant="secondary" size="sm" onClick={controls.clear}>
        {t("selection.clear")}
      </Button>
    </div>
  );
}
