"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { SavedViewsMenu } from "@/components/saved-views/saved-views-menu";
import { ListFooter } from "@/components/ui/list-footer";
import { QueryErrorState, TableSkeleton } from "@/components/ui/states";
import type { DataTableId } from "@/lib/data-table-ids";
import { BulkSummary } from "./bulk-summary";
import { ColumnChooser } from "./column-chooser";
import { ColumnTable, type ColumnTableProps, type TableSort } from "./column-table";
import { visibleColumns } from "./columns";
import { pageCount } from "./list-state";
import { type Noun, useCountOf } from "./noun";
import { SelectionToolbar } from "./selection-toolbar";
import type { ListSelection } from "./use-list-selection";

/** What the table reads from and sets in the list state (`useListState` gives all of it). */
export interface TableListState<TSort extends string> extends TableSort<TSort> {
  model: { columns: readonly string[]; pageSizes: readonly number[] };
  page: number;
  pageSize: number;
  columns: readonly string[];
  goToPage: (page: number) => void;
  setPageSize: (size: number) => void;
  // A method, so that a list whose columns are a narrower union of ids still fits.
  showColumns(columns: readonly string[]): void;
}

/**
 * Where the table's rows come from: the list state, the page's rows once loaded and the query that loads them
 * (`useServerList` and `useWholeList` give all three).
 */
export interface TableSource<TRow, TSort extends string> {
  list: TableListState<TSort>;
  rows: readonly TRow[] | undefined;
  query: Pick<UseQueryResult, "isPending" | "isError" | "error" | "isFetching" | "refetch">;
  /** How many rows match, by the server's count; absent until it answers, or when it does not count. */
  total?: number;
}

/** The selection of a list with the view's bulk buttons ("Delete selected"), for people who may act on rows. */
export interface TableSelection<TRow> {
  rows: ListSelection<TRow>;
  /** The bulk action buttons, shown beside the selection's count. */
  actions: ReactNode;
}

/**
 * A list whose server counts the rows matching its filters (the source's `total`): the footer says "2,000
 * extensions · page 3 of 40", the pages follow from the count, and a selection can reach every matching row.
 */
interface CountedPaging<TRow> {
  /** What a row is called in the count, the selection and the bulk summary, in the view's words. */
  noun: Noun;
  /** Names the count for tests and scripts, e.g. "extension-count". */
  countTestId?: string;
  /** Said after the count, e.g. how fresh the rows are. */
  countNote?: ReactNode;
  selection?: TableSelection<TRow>;
  summary?: never;
  pages?: never;
}

/** A list that words where the reader is itself (a period, a helpdesk without a total). */
interface OwnPaging {
  summary: ReactNode;
  pages: number;
  noun?: never;
  countTestId?: never;
  countNote?: never;
  selection?: never;
}

export type DataTableProps<TRow, TSort extends string> = Omit<
  ColumnTableProps<TRow, TSort>,
  "rows" | "sorting" | "selection"
> & {
  source: TableSource<TRow, TSort>;
  /** Shown when the page has no rows: what the person can do about it. */
  empty: ReactNode;
  /** The list's id for its column chooser, shown above the table; without it every column shows. */
  columnChooser?: DataTableId;
} & (CountedPaging<TRow> | OwnPaging);

/**
 * A server-paged list: the column chooser, the selection's toolbar and the last bulk action's summary (when rows can be selected),
 * a skeleton while loading, the query's error with Retry, the empty state, then the table with the chosen
 * columns and the footer with the count, rows per page and Previous / Next. The view keeps only its columns,
 * filters and dialogs. Render it once the query can run: a disabled query stays pending.
 */
export function DataTable<TRow, TSort extends string>(props: DataTableProps<TRow, TSort>) {
  // The paging props are read from `props`, where their union still holds; the rest go to the table.
  const {
    source: { list, rows, query, total = 0 },
    columns,
    empty,
    columnChooser,
    selection,
    noun: _noun,
    countTestId: _countTestId,
    countNote: _countNote,
    summary: _summary,
    pages: _pages,
    ...table
  } = props;
  const paging =
    props.noun === undefined
      ? { summary: props.summary, pages: props.pages }
      : {
          summary: <CountSummary {...props} total={total} list={list} />,
          pages: pageCount(total, list.pageSize),
        };
  return (
    <>
      {columnChooser && (
        <div className="mb-2">
          <SavedViewsMenu table={columnChooser} columns={list.columns} />
          <ColumnChooser table={columnChooser} list={list} columns={columns} />
        </div>
      )}
      {selection && props.noun !== undefined && (
        <>
          <BulkSummary bulk={selection.rows.bulk} noun={props.noun} rowLabel={selection.rows.idOf} />
          <SelectionToolbar
            controls={selection.rows.controls}
            bulk={selection.rows.bulk}
            pageRows={rows ?? []}
            total={total}
            noun={props.noun}
          >
            {selection.actions}
          </SelectionToolbar>
        </>
      )}
      <TableBody
        {...table}
        list={list}
        columns={columns}
        rows={rows}
        query={query}
        empty={empty}
        paging={paging}
        selection={selection && { controls: selection.rows.controls, rowLabel: selection.rows.idOf }}
      />
    </>
  );
}

function CountSummary<TRow, TSort extends string>({
  total,
  noun,
  countTestId,
  countNote,
  list,
}: CountedPaging<TRow> & { total: number; list: TableListState<TSort> }) {
  const t = useTranslations("dataTable");
  const countOf = useCountOf();
  return (
    <span data-testid={countTestId}>
      {t("countSummary", {
        counted: countOf(total, noun),
        page: list.page,
        pages: pageCount(total, list.pageSize),
      })}
      {countNote}
    </span>
  );
}

function TableBody<TRow, TSort extends string>({
  list,
  columns,
  rows,
  query,
  empty,
  paging,
  ...table
}: Omit<ColumnTableProps<TRow, TSort>, "rows" | "sorting"> & {
  list: TableListState<TSort>;
  rows: readonly TRow[] | undefined;
  query: TableSource<TRow, TSort>["query"];
  empty: ReactNode;
  paging: { summary: ReactNode; pages: number };
}) {
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
        summary={paging.summary}
        page={list.page}
        pages={paging.pages}
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
