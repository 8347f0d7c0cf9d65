"use client";

import type { ReactNode } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { ConfirmDialog } from "@/components/ui/dialog";
import type { DeleteScope } from "./delete-rows";
import { type CountOf, useCountOf } from "./noun";
import type { RowDelete } from "./use-row-delete";

/*
 * A module of its own so a list can load it with `next/dynamic`: the dialog parts stay out of the page's first
 * load until the list is on screen (the Kiwire pages sit at the bundle budget).
 */

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
