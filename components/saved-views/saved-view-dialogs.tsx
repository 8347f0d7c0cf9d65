"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { CheckedFormDialog, useCheckedForm } from "@/components/ui/checked-form";
import { ConfirmDialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import {
  type CreateSavedViewInput,
  CreateSavedViewSchema,
  type SavedViewDto,
  type UpdateSavedViewInput,
  UpdateSavedViewSchema,
} from "@/lib/api/saved-views";
import { callOperation } from "@/lib/client/call-operation";
import { savedViewQueries } from "@/lib/client/queries/saved-views";
import { validateInput } from "@/lib/client/validate-input";
import type { DataTableId } from "@/lib/data-table-ids";
import { SAVED_VIEW_NAME_MAX } from "@/lib/saved-view-vocabulary";

/** Every list's menu and the palette read the views: a change refreshes them all. */
function useViewsChanged() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: savedViewQueries.all });
}

export interface SaveViewDialogProps {
  table: DataTableId;
  /** The list's URL query as a view keeps it (no page, no columns). */
  query: string;
  columns: readonly string[];
  /** Admins may share the view with everybody. */
  canShare: boolean;
  onClose: () => void;
}

/** "Save current view": a name, and for admins "Share with everybody". */
export function SaveViewDialog({ table, query, columns, canShare, onClose }: SaveViewDialogProps) {
  const t = useTranslations("savedViews");
  const changed = useViewsChanged();
  const form = useCheckedForm({
    check: (data) =>
      validateInput(CreateSavedViewSchema, {
        table,
        name: String(data.get("name") ?? ""),
        query,
        columns: [...columns],
        shared: data.get("shared") === "on",
      }),
    send: (body: CreateSavedViewInput) => callOperation("createSavedView", { body }),
    onSent: (view) => {
      toast.success(t("save.saved", { name: view.name }));
      changed();
      onClose();
    },
  });
  return (
    <CheckedFormDialog
      title={t("save.title")}
      onClose={onClose}
      form={form}
      submitLabel={t("save.submit")}
      pendingLabel={t("save.pending")}
    >
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("save.hint")}</p>
      <TextField label={t("save.name")} name="name" required maxLength={SAVED_VIEW_NAME_MAX} autoFocus />
      {canShare && (
        <div className="space-y-1">
          <label className="flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" name="shared" aria-describedby="save-view-share-hint" />
            {t("save.share")}
          </label>
          <p id="save-view-share-hint" className="text-xs text-slate-500 dark:text-slate-400">
            {t("save.shareHint")}
          </p>
        </div>
      )}
    </CheckedFormDialog>
  );
}

export interface ViewDialogProps {
  view: SavedViewDto;
  onClose: () => void;
}

export function RenameViewDialog({ view, onClose }: ViewDialogProps) {
  const t = useTranslations("savedViews");
  const changed = useViewsChanged();
  const form = useCheckedForm({
    check: (data) => validateInput(UpdateSavedViewSchema, { name: String(data.get("name") ?? "") }),
    send: (body: UpdateSavedViewInput) => callOperation("updateSavedView", { params: { id: view.id }, body }),
    onSent: (renamed) => {
      toast.success(t("rename.renamed", { name: renamed.name }));
      changed();
      onClose();
    },
  });
  return (
    <CheckedFormDialog
      title={t("rename.title")}
      onClose={onClose}
      form={form}
      submitLabel={t("rename.submit")}
      pendingLabel={t("rename.pending")}
    >
      <TextField
        label={t("rename.name")}
        name="name"
        required
        maxLength={SAVED_VIEW_NAME_MAX}
        defaultValue={view.name}
        autoFocus
      />
    </CheckedFormDialog>
  );
}

export function DeleteViewDialog({ view, onClose }: ViewDialogProps) {
  const t = useTranslations("savedViews");
  const changed = useViewsChanged();
  const remove = useMutation({
    mutationFn: () => callOperation("deleteSavedView", { params: { id: view.id } }),
    onSuccess: () => {
      toast.success(t("remove.deleted", { name: view.name }));
      changed();
      onClose();
    },
    onError: (error) => toast.error(t("remove.failed", { message: error.message })),
  });
  return (
    <ConfirmDialog
      open
      title={t("remove.title")}
      message={t(view.shared ? "remove.sharedMessage" : "remove.message", { name: view.name })}
      confirmLabel={t("remove.confirm")}
      danger
      pending={remove.isPending}
      onConfirm={() => remove.mutate()}
      onClose={onClose}
    />
  );
}
