"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FieldErrors } from "@/components/ui/field";
import { submitWith } from "@/lib/client/form-submit";
import { useFieldErrors, type Validation } from "@/lib/client/validate-input";
import { MoreFilters } from "./more-filters";
import { useSlashToSearch } from "./use-slash-to-search";

export interface FilterFormProps<TFilters> {
  /** Names the form for assistive technology, e.g. "Call filters". */
  label: string;
  /** The filters the URL holds: a new value (a link, Back, Clear) shows in fresh fields, not what was typed. */
  current: unknown;
  /**
   * The fields used less, behind "More filters" so the bar stays one line above the list: how many of them
   * narrow the list now, and their grid (e.g. "sm:grid-cols-4", spelled whole for Tailwind).
   */
  more?: { fields: ReactNode; active: number; columns: string };
  /**
   * Reads the typed filters and checks them with the list operation's own schema, imported here so that the
   * page's first load carries no schema builder: a bad value is named on its field instead of failing the list.
   */
  check: (form: FormData) => Promise<Validation<TFilters>>;
  onApply: (filters: TFilters) => void;
  onClear: () => void;
  /** Shown beside Apply and Clear, e.g. the requester the list is narrowed to. */
  footer?: ReactNode;
  /** The fields used most, in one line (each sized by the view); each shows its own error by its name. */
  children: ReactNode;
}

/**
 * A list's filter bar: the fields used most in one line, the rest behind "More filters", checked before they
 * reach the URL, then "Apply filters" and "Clear"; `/` jumps to its search or first field.
 */
export function FilterForm<TFilters>({
  label,
  current,
  more,
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
      className="mb-3 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
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
      <FieldErrors value={fieldErrors}>
        {children}
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
        {more && (
          // A field the check refused may be among the hidden ones: the panel opens to show its error.
          <MoreFilters
            active={more.active}
            columns={more.columns}
            revealed={Object.keys(fieldErrors).length > 0}
          >
            {more.fields}
          </MoreFilters>
        )}
      </FieldErrors>
    </form>
  );
}
