"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { toast } from "@/components/ui/toast";
import { callOperation } from "@/lib/client/call-operation";
import type { DataTableId } from "@/lib/data-table-ids";
import type { ColumnDef } from "./columns";
import { columnsToggled } from "./list-state";

export interface ColumnChooserProps<TRow, TSort extends string, TColumn extends string> {
  /** The list's id on the server, where the choice is remembered for the person. */
  table: DataTableId;
  list: {
    model: { columns: readonly TColumn[] };
    columns: readonly TColumn[];
    showColumns: (columns: readonly TColumn[]) => void;
  };
  columns: readonly ColumnDef<TRow, TSort>[];
}

/**
 * Checkboxes for the hideable columns. A change goes into the URL at once (the link shows what the person
 * sees) and is remembered on the server, so a link without `cols`, or another browser, shows the same columns.
 */
export function ColumnChooser<TRow, TSort extends string, TColumn extends string>({
  table,
  list,
  columns,
}: ColumnChooserProps<TRow, TSort, TColumn>) {
  const t = useTranslations("dataTable");
  const save = useMutation({
    mutationFn: (chosen: readonly TColumn[]) =>
      callOperation("setTableColumns", { params: { table }, body: { columns: [...chosen] } }),
    onError: (error) => toast.error(t("columnsNotRemembered", { message: error.message })),
  });
  const header = (id: TColumn) => columns.find((column) => column.id === id)?.header ?? id;
  return (
    <fieldset className="flex flex-wrap gap-3 text-sm">
      <legend className="mb-1 font-medium">{t("columns")}</legend>
      {list.model.columns.map((column) => (
        <label key={column} className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={list.columns.includes(column)}
            onChange={() => {
              const next = columnsToggled(list.model.columns, list.columns, column);
              list.showColumns(next);
              save.mutate(next);
            }}
          />
          {header(column)}
        </label>
      ))}
    </fieldset>
  );
}
