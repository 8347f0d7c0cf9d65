"use client";

import { type ReactNode, useId, useState } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FieldErrors } from "@/components/ui/field";
import { submitWith } from "@/lib/client/form-submit";
import { useFieldErrors, type Validation } from "@/lib/client/validate-input";
import { ActiveFilterChips } from "./active-filter-chips";
import type { FilterChip } from "./filter-chips";
import { MoreFiltersButton } from "./more-filters-button";
import { useSlashToSearch } from "./use-slash-to-search";

/** The fields a list uses less, behind "More filters". */
export interface MoreFilterFields {
  fields: ReactNode;
  /** Their URL keys: the button counts the active chips among them while they are hidden. */
  keys: readonly string[];
  /** Their grid when opened, e.g. "sm:grid-cols-4" (spelled whole, for Tailwind). */
  columns: string;
}

export interface FilterFormProps<TFilters> {
  /** Names the form for assistive technology, e.g. "Call filters". */
  label: string;
  /** The filters the URL holds: a new value (a link, Back, Clear) shows in fresh fields, not what was typed. */
  current: unknown;
  /**
   * Reads the typed filters and checks them with the list operation's own schema, imported here so that the
   * page's first load carries no schema builder: a bad value is named on its field instead of failing the list.
   */
  check: (form: FormData) => Promise<Validation<TFilters>>;
  onApply: (filters: TFilters) => void;
  onClear: () => void;
  /** The filters that narrow the list now, each removable on its own. */
  chips?: readonly FilterChip[];
  more?: MoreFilterFields;
  /** Shown beside Apply and Clear, e.g. the requester the list is narrowed to. */
  footer?: ReactNode;
  /** The search and the filters used most, in one line (each sized by the view); each shows its own error. */
  children: ReactNode;
}

/**
 * A list's filter bar, kept to a line or two so the rows stay on the first screen: the fields used most, the
 * rest behind "More filters", the active filters as chips. Typed values are checked before they reach the URL;
 * `/` jumps to the search or first field.
 */
export function FilterForm<TFilters>({
  label,
  current,
  check,
  onApply,
  onClear,
  chips = [],
  more,
  footer,
  children,
}: FilterFormProps<TFilters>) {
  const t = useTranslations("filters");
  const { formRef, fieldErrors, setFieldErrors } = useFieldErrors();
  useSlashToSearch(formRef);
  const moreId = useId();
  const [moreChosen, setMoreChosen] = useState(false);
  // A field the check refused may be among the hidden ones: the panel opens to show its error.
  const moreOpen = moreChosen || Object.keys(fieldErrors).length > 0;
  const clear = () => {
    setFieldErrors({});
    onClear();
  };
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
        <div className="flex items-center gap-2">
          <Button type="submit">{t("apply")}</Button>
          <Button variant="secondary" onClick={clear}>
            {t("clear")}
          </Button>
          {more && (
            <MoreFiltersButton
              open={moreOpen}
              controls={moreId}
              active={chips.filter((chip) => chip.keys.some((key) => more.keys.includes(key))).length}
              onToggle={() => setMoreChosen(!moreOpen)}
            />
          )}
          {footer}
        </div>
        {more && (
          // Hidden, not unmounted: the form still sends their values, and what was typed survives closing.
          <div id={moreId} hidden={!moreOpen} className={`grid basis-full gap-3 ${more.columns}`}>
            {more.fields}
          </div>
        )}
        <ActiveFilterChips chips={chips} onRemoveAll={clear} />
      </FieldErrors>
    </form>
  );
}
