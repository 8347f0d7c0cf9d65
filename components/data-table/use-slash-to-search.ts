"use client";

import { type RefObject, useEffect } from "react";
import { isTextEntry } from "@/components/ui/keyboard";

/** The field `/` jumps to: the form's search (`q`), or else its first field one types in. */
function searchField(form: HTMLFormElement): HTMLInputElement | undefined {
  const search = form.querySelector<HTMLInputElement>('input[name="q"]');
  if (search) return search;
  return [...form.elements].find(
    (element): element is HTMLInputElement => element instanceof HTMLInputElement && isTextEntry(element),
  );
}

/**
 * `/` jumps to a list's search or filters from anywhere on the page (as on GitHub or Gmail), unless the person
 * is typing in a field or a dialog is open (the page behind it is inert).
 */
export function useSlashToSearch(form: RefObject<HTMLFormElement | null>) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented)
        return;
      if (isTextEntry(event.target) || document.querySelector("dialog[open]")) return;
      const input = form.current && searchField(form.current);
      if (!input) return;
      event.preventDefault();
      input.focus();
      input.select();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [form]);
}
