import { useEffect, useRef, useState } from "react";
import type { z } from "zod";
import type { issuesIn } from "@/lib/i18n/api-messages/zod-issues";
import { isLocale, type Locale } from "@/lib/i18n/locales";

export type Validation<T> = { ok: true; data: T } | { ok: false; fieldErrors: Record<string, string> };

/** The page's language, as the root layout declares it on <html lang>. */
function pageLocale(): Locale {
  const lang = typeof document === "undefined" ? null : document.documentElement.lang;
  return isLocale(lang) ? lang : "en";
}

let inPageLanguage: typeof issuesIn | null = null;
let loading: Promise<void> | null = null;

/**
 * Loads zod's messages and the schemas' catalog in the page's language, once, when a form mounts: they stay
 * out of every page's first load (the bundle budget), and an English page never loads them.
 */
export function loadInputLanguage(): void {
  if (loading || pageLocale() === "en") return;
  loading = import("@/lib/i18n/api-messages/zod-issues").then(
    (module) => {
      inPageLanguage = module.issuesIn;
    },
    () => {
      // Offline or a stale build: the checks stay in English, and the next form tries again.
      loading = null;
    },
  );
}

/**
 * Checks a form's values with the operation's own schema before anything is sent, so the person learns about a
 * bad field at once and in the server's words, in the page's language. Field names are the issue paths joined
 * by ".", as the server's error details name them, so one map shows both; the first problem of a field wins.
 */
export function validateInput<S extends z.ZodType>(schema: S, values: unknown): Validation<z.output<S>> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const locale = pageLocale();
  // Until the language has loaded (a check in the first instant of a form), the server's words in English.
  if (locale !== "en" && !inPageLanguage) loadInputLanguage();
  const issues =
    locale !== "en" && inPageLanguage ? inPageLanguage(schema, values, locale) : parsed.error.issues;
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join(".");
    fieldErrors[field] ??= issue.message;
  }
  return { ok: false, fieldErrors };
}

/** Moves focus to the form's first field marked invalid, where a keyboard or screen-reader user must go next. */
export function focusFirstInvalid(form: HTMLFormElement | null) {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/**
 * A form's field errors (from the browser's check or the server's answer); each time they are set, focus moves
 * to the first field they mark. Attach `formRef` to the <form>.
 */
export function useFieldErrors() {
  const formRef = useRef<HTMLFormElement>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  useEffect(loadInputLanguage, []);
  useEffect(() => {
    if (Object.keys(fieldErrors).length > 0) focusFirstInvalid(formRef.current);
  }, [fieldErrors]);
  return { formRef, fieldErrors, setFieldErrors };
}
