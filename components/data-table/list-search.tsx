"use client";

import { type RefObject, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { isTextEntry } from "@/components/ui/keyboard";
import { submitWith } from "@/lib/client/form-submit";

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

/**
 * `/` jumps to the list's search from anywhere on the page (as on GitHub or Gmail), unless the person is
 * typing in a field or a dialog is open (the page behind it is inert).
 */
function useSlashToSearch(form: RefObject<HTMLFormElement | null>) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented)
        return;
      if (isTextEntry(event.target) || document.querySelector("dialog[open]")) return;
      const input = form.current?.querySelector<HTMLInputElement>('input[name="q"]');
      if (!input) return;
      event.preventDefault();
      input.focus();
      input.select();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [form]);
}

/** A list's free-text search, applied on Enter or Search; a new URL (a link, Back) shows its own text. */
export function ListSearch({ label, value, placeholder, onSearch, className = "" }: ListSearchProps) {
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
          label="Search"
          name="q"
          defaultValue={value}
          placeholder={placeholder}
          aria-keyshortcuts="/"
          title="Press / to search"
        />
      </div>
      <Button type="submit">Search</Button>
    </form>
  );
}
