"use client";

import type { ReactNode } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { PageButtons } from "./page-buttons";
import { PageSizeSelect, type PageSizeSelectProps } from "./page-size-select";

export interface ListFooterProps {
  /** What the list holds and where the reader is in it, e.g. "2,000 extensions · page 3 of 40". */
  summary: ReactNode;
  page: number;
  pages: number;
  onPage: (page: number) => void;
  /** Only for lists where people choose how many rows a page shows. */
  pageSize?: PageSizeSelectProps;
}

/** The line under a server-paged table: its summary, then rows per page and Previous / Next. */
export function ListFooter({ summary, page, pages, onPage, pageSize }: ListFooterProps) {
  const t = useTranslations("ui");
  return (
    <nav aria-label={t("pages.label")} className="mt-3 flex items-center justify-between text-sm">
      {summary}
      <div className="flex items-center gap-2">
        {pageSize && <PageSizeSelect {...pageSize} />}
        <PageButtons page={page} pages={pages} onPage={onPage} />
      </div>
    </nav>
  );
}
