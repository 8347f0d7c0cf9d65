"use client";

import { useTranslations } from "@/components/i18n/i18n-provider";

export interface MoreFiltersButtonProps {
  open: boolean;
  /** The id of the panel it opens. */
  controls: string;
  /** How many of the hidden fields narrow the list now: said on the button while they are hidden. */
  active: number;
  onToggle: () => void;
}

/** Opens and closes the fields a list uses less (the disclosure pattern: aria-expanded on the button). */
export function MoreFiltersButton({ open, controls, active, onToggle }: MoreFiltersButtonProps) {
  const t = useTranslations("filters");
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
      className="inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-900 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
    >
      {open ? t("fewer") : active > 0 ? t("moreActive", { count: active }) : t("more")}
    </button>
  );
}
