"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef } from "react";
import { ListFooter } from "@/components/ui/list-footer";
import { SortableTh } from "@/components/ui/sortable-th";
import { QueryErrorState, TableSkeleton } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { type ColumnDef, visibleColumns } from "./columns";
import type { SortDirection } from "./list-state";
import type { SelectionControls } from "./use-selection";

/** What the table reads from and sets in the list state (`useListState` gives all of it). */
export interface TableListState<TSort extends string> {
  model: { columns: readonly string[]; pageSizes: readonly number[] };
  sort: TSort;
  dir: SortDirection;
  page: number;
  pageSize: number;
  columns: readonly string[];
  sortBy: (sort: TSort) => void;
  goToPage: (page: number) => void;
  setPageSize: (size: number) => void;
}

export interface DataTableProps<TRow, TSort extends string> {
  /** The table's accessible name, e.g. "Extensions". */
  label: string;
  list: TableListState<TSort>;
  columns: readonly ColumnDef<TRow, TSort>[];
  /** The page's rows once loaded. */
  rows: readonly TRow[] | undefined;
  query: Pick<UseQueryResult, "isPending" | "isError" | "error" | "isFetching" | "refetch">;
  /** Shown when the page has no rows: what the person can do about it. */
  empty: ReactNode;
  /** The footer's summary, e.g. "2,000 extensions · page 3 of 40". */
  summary: ReactNode;
  pages: number;
  rowKey: (row: TRow) => string;
  rowTestId?: (row: TRow) => string;
  /** A leading checkbox column, for people who may act on rows; `rowLabel` names a row ("Select 2001"). */
  selection?: { controls: SelectionControls<TRow>; rowLabel: (row: TRow) => string };
  /** A trailing "Actions" cell per row (edit, delete). */
  actions?: (row: TRow) => ReactNode;
}

/**
 * A server-paged list: loading, error and empty states, sortable headers, the chosen columns, optional row
 * selection and row actions, then the footer with rows per page and Previous / Next. The view keeps only its
 * columns, filters and dialogs.
 */
export function DataTable<TRow, TSort extends string>({
  label,
  list,
  columns,
  rows,
  query,
  empty,
  summary,
  pages,
  rowKey,
  rowTestId,
  selection,
  actions,
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
  const shown = visibleColumns(columns, list.model.columns, list.columns);
  return (
    <>
      {error}
      <Table aria-label={label}>
        <thead>
          <tr>
            {selection && (
              <Th>
                <PageCheckbox controls={selection.controls} rows={rows} />
              </Th>
            )}
            {shown.map((column) =>
              column.sort ? (
                <SortableTh
                  key={column.id}
                  label={column.header}
                  direction={list.sort === column.sort ? list.dir : null}
                  onSort={() => column.sort && list.sortBy(column.sort)}
                />
              ) : (
                <Th key={column.id}>{column.header}</Th>
              ),
            )}
            {actions && <Th>Actions</Th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} data-testid={rowTestId?.(row)}>
              {selection && (
                <Td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${selection.rowLabel(row)}`}
                    checked={selection.controls.isSelected(row)}
                    onChange={() => selection.controls.toggle(row)}
                  />
                </Td>
              )}
              {shown.map((column) => (
                <Td key={column.id} className={column.className}>
                  {column.cell(row)}
                </Td>
              ))}
              {actions && <Td className="whitespace-nowrap">{actions(row)}</Td>}
            </tr>
          ))}
        </tbody>
      </Table>
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

/** Ticks or unticks the whole page; half-ticked when only some of its rows are selected. */
function PageCheckbox<TRow>({
  controls,
  rows,
}: {
  controls: SelectionControls<TRow>;
  rows: readonly TRow[];
}) {
  const ref = useRef<HTMLInputElement>(null);
  const picked = rows.filter(controls.isSelected).length;
  const some = picked > 0 && picked < rows.length;
  useEffect(() => {
    // `indeterminate` exists only as a DOM property.
    if (ref.current) ref.current.indeterminate = some;
  }, [some]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label="Select every row on this page"
      checked={picked === rows.length}
      onChange={() => controls.togglePage(rows)}
    />
  );
}
