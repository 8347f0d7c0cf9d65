"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { savedViewQueries } from "@/lib/client/queries/saved-views";
import { DATA_TABLE_PAGES } from "@/lib/data-table-ids";
import { savedViewHref } from "@/lib/saved-view-vocabulary";

/** A palette group as the command palette draws it. */
export interface SavedViewGroup {
  key: string;
  heading: string;
  notes: string[];
  tone: "normal";
  options: { key: string; href: string; label: string; detail: string; group: string }[];
}

/**
 * The palette's "Saved views" group: the views the person can use on every list they read (the server leaves
 * out the others), matching what is typed by name or by list. Asked when the palette first opens; none while
 * nothing matches or the views have not come yet, so the palette never waits on them.
 */
export function useSavedViewGroups(typed: string): SavedViewGroup[] {
  const t = useTranslations("savedViews");
  const views = useQuery(savedViewQueries.list());
  const lower = typed.toLowerCase();
  const heading = t("palette.heading");
  const options = (views.data?.views ?? [])
    .map((view) => {
      const list = t(`lists.${view.table}`);
      return {
        key: `saved-view:${view.id}`,
        href: savedViewHref(DATA_TABLE_PAGES[view.table], view),
        label: view.name,
        detail: view.shared ? t("palette.shared", { list }) : list,
        group: heading,
      };
    })
    .filter(
      (option) =>
        lower === "" ||
        option.label.toLowerCase().includes(lower) ||
        option.detail.toLowerCase().includes(lower),
    );
  if (options.length === 0) return [];
  return [{ key: "saved-views", heading, notes: [], tone: "normal", options }];
}
