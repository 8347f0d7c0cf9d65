"use client";

import { useTranslations } from "@/components/i18n/i18n-provider";
import { Button } from "./button";

export interface PageButtonsProps {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}

/** Previous / Next for a server-paged list; the page itself lives in the URL, so the caller sets it there. */
export function PageButtons({ page, pages, onPage }: PageButtonsProps) {
  const t = useTranslations("ui");
  return (
    <>
      <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t("pages.previous")}
      </Button>
      <Button variant="secondary" size="sm" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t("pages.next")}
      </Button>
    </>
  );
}
