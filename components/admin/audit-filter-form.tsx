"use client";

import { FilterForm } from "@/components/data-table/filter-form";
import { SelectField, TextField } from "@/components/ui/field";
import type { AuditFilter } from "@/lib/api/audit";
import { validateInput } from "@/lib/client/validate-input";

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
  return (
    <FilterForm
      label="Filter the audit log"
      current={filter}
      columns="sm:grid-cols-3 lg:grid-cols-6"
      check={async (form) => {
        const text = (name: string) => String(form.get(name) ?? "").trim() || undefined;
        const { AuditFilterSchema } = await import("@/lib/api/audit");
        return validateInput(AuditFilterSchema, {
          actor: text("actor"),
          action: text("action"),
          target: text("target"),
          result: text("result"),
          from: localToIso(text("from") ?? "") || undefined,
          to: localToIso(text("to") ?? "") || undefined,
        });
      }}
      onApply={onApply}
      onClear={onClear}
    >
      <TextField label="Actor" name="actor" defaultValue={filter.actor} placeholder="email or token:" />
      <TextField label="Action" name="action" defaultValue={filter.action} placeholder="users." />
      <TextField label="Target" name="target" defaultValue={filter.target} />
      <SelectField
        label="Result"
        name="result"
        defaultValue={filter.result ?? ""}
        options={[{ value: "", label: "Any" }, ...AUDIT_RESULTS.map((r) => ({ value: r, label: r }))]}
      />
      <TextField
        label="From (UTC)"
        name="from"
        type="datetime-local"
        defaultValue={isoToLocal(filter.from)}
      />
      <TextField label="To (UTC)" name="to" type="datetime-local" defaultValue={isoToLocal(filter.to)} />
    </FilterForm>
  );
}
