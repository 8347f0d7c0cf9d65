"use client";

import type { ReactNode } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import type { TableSelection } from "./data-table";
import type { DeleteScope } from "./delete-rows";
import { type CountOf, useCountOf } from "./noun";
import type { ListSelection } from "./use-list-selection";
import type { RowDelete } from "./use-row-delete";

export interface DeleteRowsDialogProps<TRow> {
  deletion: RowDelete<TRow>;
  /**
   * The confirmation in the list's words: the one row, the rows named, or the filter and its count
   * (`countOf(count, noun)` says "3 extensions" in the person's language).
   */
  confirmation: (scope: DeleteScope<TRow>, countOf: CountOf) => { title: string; message: ReactNode };
}

/** Asks before a delete, naming what goes; Delete starts the run, Cancel forgets the request. */
export function DeleteRowsDialog<TRow>({ deletion, confirmation }: DeleteRowsDialogProps<TRow>) {
  const t = useTranslations("dataTable");
  const countOf = useCountOf();
  return (
    <ConfirmDialog
      open={deletion.asking}
      {...confirmation(deletion.scope, countOf)}
      confirmLabel={t("delete.confirm")}
      danger
      pending={deletion.busy}
      onConfirm={deletion.confirm}
      onClose={deletion.cancel}
    />
  );
}

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
