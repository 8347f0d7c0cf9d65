"use client";

import { useTranslations } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import type { TableSelection } from "./data-table";
import type { ListSelection } from "./use-list-selection";
import type { RowDelete } from "./use-row-delete";

/** A row's own Delete, in its actions cell; off while a bulk action runs. */
export function DeleteRowButton<TRow>({ deletion, row }: { deletion: RowDelete<TRow>; row: TRow }) {
  const t = useTranslations("dataTable");
  return (
    <Button variant="ghost" size="sm" disabled={deletion.busy} onClick={() => deletion.askRow(row)}>
      {t("delete.row")}
    </Button>
  );
}

/** "Delete selected", among the selection's bulk buttons. */
export function DeleteSelectedButton<TRow>({ deletion }: { deletion: RowDelete<TRow> }) {
  const t = useTranslations("dataTable");
  return (
    <Button variant="danger" size="sm" onClick={deletion.askSelection}>
      {t("delete.selected")}
    </Button>
  );
}

/**
 * The selection of a list whose one bulk action is Delete: for people who may delete, with its button; for
 * everyone else, none (no checkboxes).
 */
export function deleteSelection<TRow>(
  canDelete: boolean,
  rows: ListSelection<TRow>,
  deletion: RowDelete<TRow>,
): TableSelection<TRow> | undefined {
  return canDelete ? { rows, actions: <DeleteSelectedButton deletion={deletion} /> } : undefined;
}
