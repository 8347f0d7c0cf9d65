"use client";

import { useTranslations } from "@/components/i18n/i18n-provider";

export interface PageSizeSelectProps {
  value: number;
  sizes: readonly number[];
  /** Changing the size goes back to the first page, so the caller sets both in the URL. */
  onChange: (size: number) => void;
}

export function PageSizeSelect({ value, sizes, onChange }: PageSizeSelectProps) {
  const t = useTranslations("ui");
  return (
    <select
      aria-label={t("pages.rowsPerPage")}
      value={value}
      onChange={(event) => onChange(Number(event.currentTarget.value))}
      className="rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
    >
      {sizes.map((size) => (
        <option key={size} value={size}>
          {t("pages.perPage", { size })}
        </option>
      ))}
    </select>
  );
}
