"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { QueryErrorState } from "@/components/ui/states";
import type { SavedViewDto } from "@/lib/api/saved-views";
import { savedViewQueries } from "@/lib/client/queries/saved-views";
import type { DataTableId } from "@/lib/data-table-ids";
import { savedViewHref, savedViewQuery } from "@/lib/saved-view-vocabulary";

// The dialogs check their input with the contract's zod schemas: loaded when one is opened, not with the list.
const SaveViewDialog = dynamic(() => import("./saved-view-dialogs").then((m) => m.SaveViewDialog), {
  ssr: false,
});
const RenameViewDialog = dynamic(() => import("./saved-view-dialogs").then((m) => m.RenameViewDialog), {
  ssr: false,
});
const DeleteViewDialog = dynamic(() => import("./saved-view-dialogs").then((m) => m.DeleteViewDialog), {
  ssr: false,
});

type OpenDialog =
  | { kind: "save" }
  | { kind: "rename"; view: SavedViewDto }
  | { kind: "delete"; view: SavedViewDto };

export interface SavedViewsPanelProps {
  id: string;
  table: DataTableId;
  columns: readonly string[];
  open: boolean;
  onClose: (returnFocus: boolean) => void;
}

/** The Views menu's panel: this list's views (shared ones marked), applied by name, and their dialogs. */
export function SavedViewsPanel({ id, table, columns, open, onClose }: SavedViewsPanelProps) {
  const t = useTranslations("savedViews");
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const views = useQuery(savedViewQueries.list(table));
  const [dialog, setDialog] = useState<OpenDialog | null>(null);

  const show = (next: OpenDialog) => {
    setDialog(next);
    onClose(false);
  };
  const apply = (view: SavedViewDto) => {
    router.push(savedViewHref(pathname, view));
    onClose(true);
  };
  const closeDialog = () => setDialog(null);

  return (
    <>
      <section
        id={id}
        hidden={!open}
        aria-label={t("menu.label")}
        className="absolute left-0 z-20 mt-1 w-80 max-w-[90vw] rounded-md border border-slate-200 bg-white p-2 text-sm shadow-lg dark:border-slate-800 dark:bg-slate-900"
      >
        {views.isPending && (
          <p role="status" className="px-2 py-1 text-slate-600 dark:text-slate-400">
            {t("menu.loading")}
          </p>
        )}
        <QueryErrorState query={views} />
        {views.data && views.data.views.length === 0 && (
          <div className="px-2 py-1">
            <p className="font-medium">{t("menu.empty")}</p>
            <p className="text-xs text-slate-600 dark:text-slate-400">{t("menu.emptyHint")}</p>
          </div>
        )}
        {views.data && views.data.views.length > 0 && (
          <ul className="max-h-72 overflow-y-auto">
            {views.data.views.map((view) => (
              <li key={view.id} className="flex items-center gap-1 rounded px-1 py-0.5">
                <button
                  type="button"
                  onClick={() => apply(view)}
                  className="min-w-0 flex-1 truncate rounded px-1 py-1 text-left font-medium hover:bg-slate-100 dark:hover:bg-slate-800"
                >
                  {view.name}
                </button>
                {view.shared && <Badge>{t("menu.shared")}</Badge>}
                {view.editable && (
                  <>
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={t("menu.renameLabel", { name: view.name })}
                      onClick={() => show({ kind: "rename", view })}
                    >
                      {t("menu.rename")}
                    </Button>
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={t("menu.deleteLabel", { name: view.name })}
                      onClick={() => show({ kind: "delete", view })}
                    >
                      {t("menu.delete")}
                    </Button>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        <div className="mt-1 border-t border-slate-200 pt-1 dark:border-slate-800">
          <Button
            variant="ghost"
            size="sm"
            className="w-full justify-start"
            onClick={() => show({ kind: "save" })}
          >
            {t("menu.saveCurrent")}
          </Button>
        </div>
      </section>
      {dialog?.kind === "save" && (
        <SaveViewDialog
          table={table}
          query={savedViewQuery(search.toString())}
          columns={columns}
          canShare={views.data?.canShare ?? false}
          onClose={closeDialog}
        />
      )}
      {dialog?.kind === "rename" && <RenameViewDialog view={dialog.view} onClose={closeDialog} />}
      {dialog?.kind === "delete" && <DeleteViewDialog view={dialog.view} onClose={closeDialog} />}
    </>
  );
}
