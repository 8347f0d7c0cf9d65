"use client";

import { useRef } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { submitWith } from "@/lib/client/form-submit";
import { useSlashToSearch } from "./use-slash-to-search";

export interface ListSearchProps {
  /** Names the form for assistive technology, e.g. "Search extensions". */
  label: string;
  /** The search in the URL. */
  value: string;
  placeholder: string;
  /** The new search, or null when it was emptied. */
  onSearch: (q: string | null) => void;
  className?: string;
}

/** A list's free-text search, applied on Enter or Search; a new URL (a link, Back) shows its own text. */
export function ListSearch({ label, value, placeholder, onSearch, className = "" }: ListSearchProps) {
  const t = useTranslations("dataTable");
  const form = useRef<HTMLFormElement>(null);
  useSlashToSearch(form);
  return (
    <form
      ref={form}
      key={value}
      aria-label={label}
      className={`flex items-end gap-2 ${className}`}
      onSubmit={submitWith((data) => onSearch(String(data.get("q") ?? "").trim() || null))}
    >
      <div className="flex-1">
        <TextField
          label={t("search.label")}
          name="q"
          defaultValue={value}
          placeholder={placeholder}
          aria-keyshortcuts="/"
          title={t("search.shortcut")}
        />
      </div>
      <Button type="submit">{t("search.submit")}</Button>
    </form>
  );
}
