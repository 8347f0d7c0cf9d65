"use client";

import { FilterForm } from "@/components/data-table/filter-form";
import { useTranslations } from "@/components/i18n/i18n-provider";
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
  const t = useTranslations("admin");
  return (
    <FilterForm
      label={t("audit.filter.label")}
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
      <TextField
        label={t("audit.filter.actor")}
        name="actor"
        defaultValue={filter.actor}
        placeholder={t("audit.filter.actorPlaceholder")}
      />
      <TextField
        label={t("audit.filter.action")}
        name="action"
        defaultValue={filter.action}
        placeholder="users." // literal: a prefix of the action names, which are the same in every language
      />
      <TextField label={t("audit.filter.target")} name="target" defaultValue={filter.target} />
      <SelectField
        label={t("audit.filter.result")}
        name="result"
        defaultValue={filter.result ?? ""}
        options={[
          { value: "", label: t("audit.filter.anyResult") },
          ...AUDIT_RESULTS.map((result) => ({ value: result, label: t(`audit.results.${result}`) })),
        ]}
      />
      <TextField
        label={t("audit.filter.from")}
        name="from"
        type="datetime-local"
        defaultValue={isoToLocal(filter.from)}
      />
      <TextField
        label={t("audit.filter.to")}
        name="to"
        type="datetime-local"
        defaultValue={isoToLocal(filter.to)}
      />
    </FilterForm>
  );
}
