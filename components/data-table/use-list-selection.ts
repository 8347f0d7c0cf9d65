"use client";

import type { ListPage } from "./collect-pages";
import { collectPages } from "./collect-pages";
import { selectionTargets } from "./selection";
import { type BulkActionControls, useBulkAction } from "./use-bulk-action";
import { type SelectionControls, useSelection } from "./use-selection";

export interface ListSelectionOptions<TRow> {
  /** What identifies a row to the server (and names it in the summary and the checkbox labels). */
  idOf: (row: TRow) => string;
  /**
   * The list (`useServerList`): another connection starts with nothing selected, and an "every matching row"
   * choice holds only under the filters it was made with.
   */
  server: { connectionId: string; list: { filters: unknown } };
  /** One page of the rows matching the filters, at the largest size the BFF allows, for "every matching row". */
  fetchPage: (page: number, signal: AbortSignal) => Promise<ListPage<TRow>>;
}

export interface ListSelection<TRow> {
  controls: SelectionControls<TRow>;
  bulk: BulkActionControls<TRow>;
  idOf: (row: TRow) => string;
  /** The selected rows themselves: the ticked ones, or every row matching the filter read page by page. */
  targets: (signal: AbortSignal) => Promise<TRow[]>;
  /** Every row matching the filter, page by page. */
  collectMatching: (signal: AbortSignal) => Promise<TRow[]>;
}

/**
 * The selection of a server-paged list with its bulk runner: keyed by the connection and the filters, and able
 * to read every row matching the filter when the selection says "all of them". `<DataTable selection>` shows it.
 */
export function useListSelection<TRow>({
  idOf,
  server,
  fetchPage,
}: ListSelectionOptions<TRow>): ListSelection<TRow> {
  const controls = useSelection({
    idOf,
    resetKey: server.connectionId,
    filterKey: JSON.stringify(server.list.filters),
  });
  const bulk = useBulkAction(idOf);
  const collectMatching = (signal: AbortSignal) => collectPages((page) => fetchPage(page, signal));
  return {
    controls,
    bulk,
    idOf,
    targets: (signal) => selectionTargets(controls.selection, idOf, collectMatching, signal),
    collectMatching,
  };
}
