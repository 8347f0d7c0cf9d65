"use client";

import { useTranslations } from "@/components/i18n/i18n-provider";
import type { FilterChip } from "./filter-chips";

export interface ActiveFilterChipsProps {
  chips: readonly FilterChip[];
  /** Removes every filter at once (the form's Clear): one change to the URL, not one per chip. */
  onRemoveAll: () => void;
}

/**
 * The active filters as removable chips under a list's filter bar: what narrows the list stays visible while
 * most fields sit behind "More filters", and each goes with one click or key press.
 */
export function ActiveFilterChips({ chips, onRemoveAll }: ActiveFilterChipsProps) {
  const t = useTranslations("filters");
  if (chips.length === 0) return null;
  return (
    <ul aria-label={t("active")} className="flex basis-full flex-wrap items-center gap-2">
      {chips.map((chip) => {
        const text = t("chip", { name: chip.name, value: chip.value });
        return (
          <li
            key={chip.keys.join(" ")}
            className="inline-flex items-center gap-1 rounded-full border border-sky-300 bg-sky-50 py-0.5 pr-1 pl-3 text-xs text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100"
          >
            {text}
            <button
              type="button"
              aria-label={t("remove", { filter: text })}
              onClick={chip.remove}
              className="rounded-full px-1.5 leading-5 hover:bg-sky-200 focus-visible:outline-2 focus-visible:outline-sky-600 dark:hover:bg-sky-800"
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        );
      })}
      {chips.length > 1 && (
        <li>
          <button
            type="button"
            onClick={onRemoveAll}
            className="rounded px-2 py-0.5 text-xs text-slate-700 underline hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-slate-300 dark:hover:bg-slate-800"
          >
            {t("removeAll")}
          </button>
        </li>
      )}
    </ul>
  );
}
