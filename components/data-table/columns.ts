import type { ReactNode } from "react";

/**
 * One column of a list: its header, how a row fills its cell, and the server sort it maps to, if any. A
 * column is hideable when its id is one of the list model's `columns` (the chooser offers exactly those).
 */
export interface ColumnDef<TRow, TSort extends string = string> {
  id: string;
  header: string;
  cell: (row: TRow) => ReactNode;
  /** The server's sort key for this column; a sortable header is a button. */
  sort?: TSort;
  className?: string;
}

/** The columns the table shows: every fixed one, and the hideable ones the person chose. */
export function visibleColumns<TRow, TSort extends string>(
  columns: readonly ColumnDef<TRow, TSort>[],
  hideable: readonly string[],
  shown: readonly string[],
): ColumnDef<TRow, TSort>[] {
  return columns.filter((column) => !hideable.includes(column.id) || shown.includes(column.id));
}
