"use client";

import { type ReactNode, useId, useState } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";

export interface MoreFiltersProps {
  /** How many of the fields inside narrow the list now: shown on the button while they are hidden. */
  active: number;
  /** The grid of the opened fields, e.g. "sm:grid-cols-4" (spelled whole, for Tailwind). */
  columns: string;
  children: ReactNode;
}

/**
 * The filters a list uses less, behind a disclosure button, so the bar stays one line and the rows stay on the
 * first screen. The fields stay mounted while hidden: a form still submits their values, and what was typed
 * survives closing and opening.
 */
export function MoreFilters({ active, columns, children }: MoreFiltersProps) {
  const t = useTranslations("filters");
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className="inline-flex items-center gap-1 self-end rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-900 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
      >
        {open ? t("fewer") : active > 0 ? t("moreActive", { count: active }) : t("more")}
      </button>
      <div id={id} hidden={!open} className={`col-span-full basis-full grid gap-3 ${columns}`}>
        {children}
      </div>
    </>
  );
}
