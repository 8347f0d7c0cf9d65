"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import type { TableSelection } from "./data-table";
import type { DeleteScope } from "./delete-rows";
import type { ListSelection } from "./use-list-selection";
import type { RowDelete } from "./use-row-delete";

export interface DeleteRowsDialogProps<TRow> {
  deletion: RowDelete<TRow>;
  /** The confirmation in the list's words: the one row, the rows named, or the filter and its count. */
  confirmation: (scope: DeleteScope<TRow>) => { title: string; message: ReactNode };
}

/** Asks before a delete, naming what goes; Delete starts the run, Cancel forgets the request. */
export function DeleteRowsDialog<TRow>({ deletion, confirmation }: DeleteRowsDialogProps<TRow>) {
  return (
    <ConfirmDialog
      open={deletion.asking}
      {...confirmation(deletion.scope)}
      confirmLabel="Delete"
      danger
      pending={deletion.busy}
      onConfirm={deletion.confirm}
      onClose={deletion.cancel}
    />
  );
}

/** A row's own Delete, in its actions cell; off while a bulk action runs. */
export function DeleteRowButton<TRow>({ deletion, row }: { deletion: RowDelete<TRow>; row: TRow }) {
  return (
    <Button variant="ghost" size="sm" disabled={deletion.busy} onClick={() => deletion.askRow(row)}>
      Delete
    </Button>
  );
}

/** "Delete selected", among the selection's bulk buttons. */
export function DeleteSelectedButton<TRow>({ deletion }: { deletion: RowDelete<TRow> }) {
  return (
    <Button variant="danger" size="sm" onClick={deletion.askSelection}>
      Delete selected
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
