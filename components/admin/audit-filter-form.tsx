"use client";

import { type ChipField, filterChips } from "@/components/data-table/filter-chips";
import { FilterForm } from "@/components/data-table/filter-form";
import { SelectField, TextField } from "@/components/ui/field";
import type { AuditFilter } from "@/lib/api/audit";
import { validateInput } from "@/lib/client/validate-input";
import { formatDateTime } from "@/lib/format";

export const AUDIT_RESULTS = ["success", "failure", "denied"] as const;

/** `<input type="datetime-local">` has no zone; the console shows and filters in UTC. */
const localToIso = (value: string) => (value ? `${value.length === 16 ? `${value}:00` : value}Z` : "");
const isoToLocal = (value: string | undefined) => (value ?? "").replace(/Z$/, "").slice(0, 16);

type AuditFilterKey = keyof AuditFilter & string;

/** Each filter as its chip reads: the field's name and the value as typed (times as the table shows them). */
const CHIP_FIELDS: ChipField<AuditFilter>[] = [
  { keys: ["actor"], name: "Actor", value: (filter) => filter.actor ?? null },
  { keys: ["action"], name: "Action", value: (filter) => filter.action ?? null },
  { keys: ["result"], name: "Result", value: (filter) => filter.result ?? null },
  { keys: ["target"], name: "Target", value: (filter) => filter.target ?? null },
  { keys: ["from"], name: "From", value: (filter) => (filter.from ? formatDateTime(filter.from) : null) },
  { keys: ["to"], name: "To", value: (filter) => (filter.to ? formatDateTime(filter.to) : null) },
];

export interface AuditFilterFormProps {
  filter: AuditFilter;
  onApply: (filter: AuditFilter) => void;
  /** Puts these filters back to "any" (a chip removed). */
  onReset: (keys: readonly AuditFilterKey[]) => void;
  onClear: () => void;
}

/** The audit log's filters, checked with the list's own schema before they reach the URL. */
export function AuditFilterForm({ filter, onApply, onReset, onClear }: AuditFilterFormProps) {
  return (
    <FilterForm
      label="Filter the audit log"
      current={filter}
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
      chips={filterChips(filter, CHIP_FIELDS, onReset)}
      more={{
        keys: ["target", "from", "to"],
        columns: "sm:grid-cols-3",
        fields: (
          <>
            <TextField label="Target" name="target" defaultValue={filter.target} />
            <TextField
              label="From (UTC)"
              name="from"
              type="datetime-local"
              defaultValue={isoToLocal(filter.from)}
            />
            <TextField
              label="To (UTC)"
              name="to"
              type="datetime-local"
              defaultValue={isoToLocal(filter.to)}
            />
          </>
        ),
      }}
    >
      <TextField label="Actor" name="actor" defaultValue={filter.actor} placeholder="email or token:" />
      <TextField label="Action" name="action" defaultValue={filter.action} placeholder="users." />
      <SelectField
        label="Result"
        name="result"
        defaultValue={filter.result ?? ""}
        options={[{ value: "", label: "Any" }, ...AUDIT_RESULTS.map((r) => ({ value: r, label: r }))]}
      />
    </FilterForm>
  );
}
