"use client";

import type { ColumnDef } from "./columns";
import type { TableSource } from "./data-table";
import { defineListState, pageCount } from "./list-state";
import { useListState } from "./use-list-state";

/**
 * A list the server answers whole (console users, API tokens, connections: tens of rows, not thousands), shown
 * in the same table and paged in the browser, its page and size in the URL like every other list. It has no
 * server sort, no filters and no optional columns.
 */
const wholeList = defineListState({
  sorts: ["listed"],
  defaultSort: "listed",
  filters: {},
});

/** A whole list's column: the browser shows the server's order, so none sorts. */
export type WholeListColumn<TRow> = ColumnDef<TRow, never>;

/** The list's page of the query's rows, with the query and the count of them all: a `<DataTable>` source. */
export function useWholeList<TRow>(
  query: TableSource<TRow, never>["query"] & { data: { items: readonly TRow[] } | undefined },
) {
  const list = useListState(wholeList, null);
  const items = query.data?.items;
  const total = items?.length ?? 0;
  // A page past the end (the last row of it removed, a hand-edited link) shows the last page.
  const page = Math.min(list.page, pageCount(total, list.pageSize));
  const rows = items?.slice((page - 1) * list.pageSize, page * list.pageSize);
  return { list: { ...list, page }, rows, query, total };
}
