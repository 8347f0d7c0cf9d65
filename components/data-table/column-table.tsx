"use client";

import { type ReactNode, useEffect, useRef } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { SortableTh } from "@/components/ui/sortable-th";
import { Table, Td, Th } from "@/components/ui/table";
import type { ColumnDef } from "./columns";
import type { SortDirection } from "./list-state";
import type { SelectionControls } from "./use-selection";

/** The server sort a table shows and sets; without it no header sorts. */
export interface TableSort<TSort extends string> {
  sort: TSort;
  dir: SortDirection;
  sortBy: (sort: TSort) => void;
}

export interface ColumnTableProps<TRow, TSort extends string> {
  /** The table's accessible name, e.g. "Extensions". */
  label: string;
  /** The columns to show, in order (`visibleColumns` picks the chosen ones of a list). */
  columns: readonly ColumnDef<TRow, TSort>[];
  rows: readonly TRow[];
  rowKey: (row: TRow) => string;
  rowTestId?: (row: TRow) => string;
  sorting?: TableSort<TSort>;
  /** A leading checkbox column, for people who may act on rows; `rowLabel` names a row ("Select 2001"). */
  selection?: { controls: SelectionControls<TRow>; rowLabel: (row: TRow) => string };
  /** A trailing "Actions" cell per row (edit, delete). */
  actions?: (row: TRow) => ReactNode;
}

/** A table drawn from column definitions: headers (sortable where the column has a sort), cells, selection, actions. */
export function ColumnTable<TRow, TSort extends string>({
  label,
  columns,
  rows,
  rowKey,
  rowTestId,
  sorting,
  selection,
  actions,
}: ColumnTableProps<TRow, TSort>) {
  const t = useTranslations("dataTable");
  return (
    <Table aria-label={label}>
      <thead>
        <tr>
          {selection && (
            <Th>
              <PageCheckbox controls={selection.controls} rows={rows} />
            </Th>
          )}
          {columns.map((column) => {
            const sort = column.sort;
            if (!sorting || !sort) return <Th key={column.id}>{column.header}</Th>;
            return (
              <SortableTh
                key={column.id}
                label={column.header}
                direction={sorting.sort === sort ? sorting.dir : null}
                onSort={() => sorting.sortBy(sort)}
              />
            );
          })}
          {actions && <Th>{t("actions")}</Th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} data-testid={rowTestId?.(row)}>
            {selection && (
              <Td>
                <input
                  type="checkbox"
                  aria-label={t("selectRow", { row: selection.rowLabel(row) })}
                  checked={selection.controls.isSelected(row)}
                  onChange={() => selection.controls.toggle(row)}
                />
              </Td>
            )}
            {columns.map((column) => (
              <Td key={column.id} className={column.className}>
                {column.cell(row)}
              </Td>
            ))}
            {actions && <Td className="whitespace-nowrap">{actions(row)}</Td>}
          </tr>
        ))}
      </tbody>
    </Table>
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
  const t = useTranslations("dataTable");
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
      aria-label={t("selectPage")}
      checked={rows.length > 0 && picked === rows.length}
      onChange={() => controls.togglePage(rows)}
    />
  );
}
