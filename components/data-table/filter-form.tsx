"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FieldErrors } from "@/components/ui/field";
import { submitWith } from "@/lib/client/form-submit";
import { useFieldErrors, type Validation } from "@/lib/client/validate-input";
import { useSlashToSearch } from "./use-slash-to-search";

export interface FilterFormProps<TFilters> {
  /** Names the form for assistive technology, e.g. "Call filters". */
  label: string;
  /** The filters the URL holds: a new value (a link, Back, Clear) shows in fresh fields, not what was typed. */
  current: unknown;
  /** The panel's grid columns, e.g. "sm:grid-cols-4" (spelled whole, for Tailwind). */
  columns: string;
  /**
   * Reads the typed filters and checks them with the list operation's own schema, imported here so that the
   * page's first load carries no schema builder: a bad value is named on its field instead of failing the list.
   */
  check: (form: FormData) => Promise<Validation<TFilters>>;
  onApply: (filters: TFilters) => void;
  onClear: () => void;
  /** Shown beside Apply and Clear, e.g. the requester the list is narrowed to. */
  footer?: ReactNode;
  /** The fields: each shows its own error by its name. */
  children: ReactNode;
}

/**
 * A list's filter panel: the fields, checked before they reach the URL, then "Apply filters" and "Clear"; `/`
 * jumps to its search or first field.
 */
export function FilterForm<TFilters>({
  label,
  current,
  columns,
  check,
  onApply,
  onClear,
  footer,
  children,
}: FilterFormProps<TFilters>) {
  const { formRef, fieldErrors, setFieldErrors } = useFieldErrors();
  useSlashToSearch(formRef);
  return (
    <form
      ref={formRef}
      key={JSON.stringify(current)}
      aria-label={label}
      noValidate
      className={`mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900 ${columns}`}
      onSubmit={submitWith(async (form) => {
        const checked = await check(form);
        if (!checked.ok) {
          setFieldErrors(checked.fieldErrors);
          return;
        }
        setFieldErrors({});
        onApply(checked.data);
      })}
    >
      <FieldErrors value={fieldErrors}>{children}</FieldErrors>
      <div className="col-span-full flex flex-wrap items-center gap-2">
        <Button type="submit">Apply filters</Button>
        <Button
          variant="secondary"
          onClick={() => {
            setFieldErrors({});
            onClear();
          }}
        >
          Clear
        </Button>
        {footer}
      </div>
    </form>
  );
}
