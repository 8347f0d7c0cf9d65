"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ListFooter } from "@/components/ui/list-footer";
import { QueryErrorState, TableSkeleton } from "@/components/ui/states";
import { ColumnTable, type ColumnTableProps, type TableSort } from "./column-table";
import { visibleColumns } from "./columns";

/** What the table reads from and sets in the list state (`useListState` gives all of it). */
export interface TableListState<TSort extends string> extends TableSort<TSort> {
  model: { columns: readonly string[]; pageSizes: readonly number[] };
  page: number;
  pageSize: number;
  columns: readonly string[];
  goToPage: (page: number) => void;
  setPageSize: (size: number) => void;
}

export interface DataTableProps<TRow, TSort extends string>
  extends Omit<ColumnTableProps<TRow, TSort>, "rows" | "sorting"> {
  list: TableListState<TSort>;
  /** The page's rows once loaded. */
  rows: readonly TRow[] | undefined;
  query: Pick<UseQueryResult, "isPending" | "isError" | "error" | "isFetching" | "refetch">;
  /** Shown when the page has no rows: what the person can do about it. */
  empty: ReactNode;
  /** The footer's summary, e.g. "2,000 extensions · page 3 of 40". */
  summary: ReactNode;
  pages: number;
}

/**
 * A server-paged list: a skeleton while loading, the query's error with Retry, the empty state, then the
 * table with the chosen columns and the footer with rows per page and Previous / Next. The view keeps only its
 * columns, filters and dialogs. Render it once the query can run: a disabled query stays pending.
 */
export function DataTable<TRow, TSort extends string>({
  list,
  columns,
  rows,
  query,
  empty,
  summary,
  pages,
  ...table
}: DataTableProps<TRow, TSort>) {
  if (query.isPending) return <TableSkeleton rows={8} />;
  // A refetch that failed while older rows are still shown: the error, above what it could not refresh.
  const error = <QueryErrorState query={query} />;
  if (!rows) return error;
  if (rows.length === 0)
    return (
      <>
        {error}
        {empty}
      </>
    );
  return (
    <>
      {error}
      <ColumnTable
        {...table}
        columns={visibleColumns(columns, list.model.columns, list.columns)}
        rows={rows}
        sorting={list}
      />
      <ListFooter
        summary={summary}
        page={list.page}
        pages={pages}
        onPage={list.goToPage}
        pageSize={
          list.model.pageSizes.length > 1
            ? { value: list.pageSize, sizes: list.model.pageSizes, onChange: list.setPageSize }
            : undefined
        }
      />
    </>
  );
}
