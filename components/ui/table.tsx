"use client";

import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";

export function Table({ className = "", ...props }: HTMLAttributes<HTMLTableElement>) {
  const t = useTranslations("ui");
  const label = props["aria-label"];
  // The wrapper scrolls sideways on narrow screens, so keyboard users must be able to focus it to scroll.
  return (
    <section
      aria-label={label ? t("table.scrollable", { label }) : t("table.unnamed")}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <table className={`w-full text-left text-sm ${className}`} {...props} />
    </section>
  );
}

export function Th({ className = "", ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={`border-b border-slate-200 px-3 py-2 font-medium text-slate-600 dark:border-slate-800 dark:text-slate-400 ${className}`}
      {...props}
    />
  );
}

export function Td({ className = "", ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return (
    <td
      className={`border-b border-slate-100 px-3 py-2 align-top dark:border-slate-800/60 ${className}`}
      {...props}
    />
  );
}
