"use client";

import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import type { AuditFilter } from "@/lib/api/audit";
import { submitWith } from "@/lib/client/form-submit";
import { useFieldErrors, validateInput } from "@/lib/client/validate-input";

export const AUDIT_RESULTS = ["success", "failure", "denied"] as const;

/** `<input type="datetime-local">` has no zone; the console shows and filters in UTC. */
const localToIso = (value: string) => (value ? `${value.length === 16 ? `${value}:00` : value}Z` : "");
const isoToLocal = (value: string | undefined) => (value ?? "").replace(/Z$/, "").slice(0, 16);

export interface AuditFilterFormProps {
  filter: AuditFilter;
  onApply: (filter: AuditFilter) => void;
  onClear: () => void;
}

/** The audit log's filters, checked with the list's own schema before they reach the URL. */
export function AuditFilterForm({ filter, onApply, onClear }: AuditFilterFormProps) {
  const { formRef, fieldErrors: errors, setFieldErrors: setErrors } = useFieldErrors();
  return (
    <form
      ref={formRef}
      // A new filter from the URL (a link, Clear) shows in fresh fields.
      key={JSON.stringify(filter)}
      aria-label="Filter the audit log"
      noValidate
      className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6 dark:border-slate-800 dark:bg-slate-900"
      onSubmit={submitWith(async (form) => {
        const text = (name: string) => String(form.get(name) ?? "").trim() || undefined;
        // Loaded when a filter is applied, so the page's first load carries no schema builder.
        const { AuditFilterSchema } = await import("@/lib/api/audit");
        const checked = validateInput(AuditFilterSchema, {
          actor: text("actor"),
          action: text("action"),
          target: text("target"),
          result: text("result"),
          from: localToIso(text("from") ?? "") || undefined,
          to: localToIso(text("to") ?? "") || undefined,
        });
        if (!checked.ok) {
          setErrors(checked.fieldErrors);
          return;
        }
        setErrors({});
        onApply(checked.data);
      })}
    >
      <TextField
        label="Actor"
        name="actor"
        defaultValue={filter.actor}
        placeholder="email or token:"
        error={errors.actor}
      />
      <TextField
        label="Action"
        name="action"
        defaultValue={filter.action}
        placeholder="users."
        error={errors.action}
      />
      <TextField label="Target" name="target" defaultValue={filter.target} error={errors.target} />
      <SelectField
        label="Result"
        name="result"
        defaultValue={filter.result ?? ""}
        options={[{ value: "", label: "Any" }, ...AUDIT_RESULTS.map((r) => ({ value: r, label: r }))]}
        error={errors.result}
      />
      <TextField
        label="From (UTC)"
        name="from"
        type="datetime-local"
        defaultValue={isoToLocal(filter.from)}
        error={errors.from}
      />
      <TextField
        label="To (UTC)"
        name="to"
        type="datetime-local"
        defaultValue={isoToLocal(filter.to)}
        error={errors.to}
      />
      <div className="flex gap-2 sm:col-span-3 lg:col-span-6">
        <Button type="submit">Apply filters</Button>
        <Button variant="secondary" onClick={onClear}>
          Clear
        </Button>
      </div>
    </form>
  );
}
