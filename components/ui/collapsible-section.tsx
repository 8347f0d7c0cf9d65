"use client";

import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useId, useState } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { toast } from "@/components/ui/toast";
import { callOperation } from "@/lib/client/call-operation";
import type { CollapsibleSectionId } from "@/lib/collapsible-sections";

export interface CollapsibleSectionProps {
  section: CollapsibleSectionId;
  title: string;
  /** A line said beside the title while the section is folded (the day's figures under folded charts). */
  summary?: ReactNode;
  /** As the person left it, read by the page on the server: the first paint is already right. */
  initiallyCollapsed: boolean;
  children: ReactNode;
}

/**
 * A part of a page a person can fold away to bring the list up (statistics, charts): a heading whose button
 * says whether the part is shown (the disclosure pattern), remembered for the person on the server.
 */
export function CollapsibleSection({
  section,
  title,
  summary,
  initiallyCollapsed,
  children,
}: CollapsibleSectionProps) {
  const t = useTranslations("sections");
  const contentId = useId();
  const [collapsed, setCollapsed] = useState(initiallyCollapsed);
  const remember = useMutation({
    mutationFn: (folded: boolean) =>
      callOperation("setSectionCollapsed", { params: { section }, body: { collapsed: folded } }),
    // The section stays as the person set it; only the memory of it failed.
    onError: (error) => toast.error(t("notRemembered", { message: error.message })),
  });
  const toggle = () => {
    setCollapsed(!collapsed);
    remember.mutate(!collapsed);
  };
  return (
    <section aria-labelledby={`${contentId}-heading`} className="mb-4" data-section={section}>
      <h2 id={`${contentId}-heading`} className="mb-2 flex items-baseline gap-3 text-sm font-semibold">
        <button
          type="button"
          aria-expanded={!collapsed}
          aria-controls={contentId}
          onClick={toggle}
          className="inline-flex items-center gap-1 rounded px-1 py-0.5 text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-slate-200 dark:hover:bg-slate-800"
        >
          <svg
            aria-hidden="true"
            viewBox="0 0 16 16"
            className={`size-3.5 transition-transform motion-reduce:transition-none ${collapsed ? "" : "rotate-90"}`}
          >
            <path d="M6 3l5 5-5 5" fill="none" stroke="currentColor" strokeWidth="2" />
          </svg>
          {title}
        </button>
        {collapsed && summary && (
          <span className="font-normal text-slate-600 dark:text-slate-400">{summary}</span>
        )}
      </h2>
      <div id={contentId} hidden={collapsed}>
        {children}
      </div>
    </section>
  );
}
