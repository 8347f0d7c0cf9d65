"use client";

import dynamic from "next/dynamic";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import type { DataTableId } from "@/lib/data-table-ids";

// The panel, its dialogs and the view contract load when the menu is first opened: list pages are close to
// their first-load budget, and most visits never open it.
const SavedViewsPanel = dynamic(() => import("./saved-views-panel").then((m) => m.SavedViewsPanel), {
  ssr: false,
});

export interface SavedViewsMenuProps {
  table: DataTableId;
  /** The hideable columns shown now: what "Save current view" keeps beside the URL's filters. */
  columns: readonly string[];
}

/**
 * The list's "Views" button and its panel: the person's and the shared views of this list, applied with one
 * press, and "Save current view…". A disclosure (a button and the panel it shows) rather than an ARIA menu: the
 * panel holds several buttons per view, which Tab reaches in order. Escape or a press outside closes it.
 */
export function SavedViewsMenu({ table, columns }: SavedViewsMenuProps) {
  const t = useTranslations("savedViews");
  const panelId = useId();
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  // Mounted once opened, then kept: its dialogs outlive the panel being shown.
  const [opened, setOpened] = useState(false);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      // A dialog opened from the panel is drawn on top of the page but still sits inside it in the DOM.
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", closeOutside);
    document.addEventListener("keydown", closeOnEscape);
    return () => {
      document.removeEventListener("pointerdown", closeOutside);
      document.removeEventListener("keydown", closeOnEscape);
    };
  }, [open]);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  return (
    <div ref={container} className="relative mb-2 inline-block">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={opened ? panelId : undefined}
        onClick={() => {
          setOpen(!open);
          setOpened(true);
        }}
        className="inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
      >
        {t("menu.button")}
        <span aria-hidden="true">▾</span>
      </button>
      {opened && <SavedViewsPanel id={panelId} table={table} columns={columns} open={open} onClose={close} />}
    </div>
  );
}
