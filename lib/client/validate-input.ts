import { useEffect, useRef, useState } from "react";
import type { z } from "zod";

export type Validation<T> = { ok: true; data: T } | { ok: false; fieldErrors: Record<string, string> };

/**
 * Checks a form's values with the operation's own schema before anything is sent, so the person learns about a
 * bad field at once and in the server's words. Field names are the issue paths joined by ".", as the server's
 * error details name them, so one map shows both; the first problem of a field wins.
 */
export function validateInput<S extends z.ZodType>(schema: S, values: unknown): Validation<z.output<S>> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
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
  useEffect(() => {
    if (Object.keys(fieldErrors).length > 0) focusFirstInvalid(formRef.current);
  }, [fieldErrors]);
  return { formRef, fieldErrors, setFieldErrors };
}
