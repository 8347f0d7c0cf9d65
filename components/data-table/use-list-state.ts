"use client";

import { type Nullable, type ParserMap, useQueryStates, type Values } from "nuqs";
import { useMemo } from "react";
import { type ListState, type ListStateModel, readListState, sortPatch } from "./list-state";

export interface ListStateControls<TSort extends string, TColumn extends string, TFilters extends ParserMap>
  extends ListState<TSort, TColumn> {
  model: ListStateModel<TSort, TColumn, TFilters>;
  filters: Values<TFilters>;
  sortBy: (sort: TSort) => void;
  goToPage: (page: number) => void;
  setPageSize: (size: number) => void;
  /** Changes filters and goes back to the first page; `null` clears a filter. */
  setFilters: (filters: Partial<Nullable<Values<TFilters>>>) => void;
  showColumns: (columns: readonly TColumn[]) => void;
}

/**
 * The list's state from the URL, read through the model's parsers (built once with the model), with the
 * setters a table needs. `savedColumns` is the person's remembered column choice (the page reads it on the
 * server), used when the link names no columns. nuqs merges the two setters' changes into one URL update.
 */
export function useListState<TSort extends string, TColumn extends string, TFilters extends ParserMap>(
  model: ListStateModel<TSort, TColumn, TFilters>,
  savedColumns: readonly string[] | null,
): ListStateControls<TSort, TColumn, TFilters> {
  const [url, setUrl] = useQueryStates(model.ownParsers);
  const [filters, setFilterUrl] = useQueryStates(model.filters);
  const state = useMemo(() => readListState(model, url, savedColumns), [model, url, savedColumns]);
  return {
    ...state,
    model,
    filters,
    sortBy: (sort) => void setUrl(sortPatch(state, sort, model.descendingFirst)),
    goToPage: (page) => void setUrl({ page }),
    setPageSize: (size) => void setUrl({ size, page: null }),
    setFilters: (patch) => {
      void setFilterUrl(patch);
      void setUrl({ page: null });
    },
    showColumns: (columns) => void setUrl({ cols: [...columns] }),
  };
}
