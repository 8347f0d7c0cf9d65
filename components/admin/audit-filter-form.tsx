"use client";

import { type ChipField, filterChips } from "@/components/data-table/filter-chips";
import { FilterForm } from "@/components/data-table/filter-form";
import { useFormats, useTranslations } from "@/components/i18n/i18n-provider";
import { SelectField, TextField } from "@/components/ui/field";
import type { AuditFilter } from "@/lib/api/audit";
import { validateInput } from "@/lib/client/validate-input";
import type { Formats } from "@/lib/i18n/formats";
import type { Translate } from "@/lib/i18n/translator";

export const AUDIT_RESULTS = ["success", "failure", "denied"] as const;

/** `<input type="datetime-local">` has no zone; the console shows and filters in UTC. */
const localToIso = (value: string) => (value ? `${value.length === 16 ? `${value}:00` : value}Z` : "");
const isoToLocal = (value: string | undefined) => (value ?? "").replace(/Z$/, "").slice(0, 16);

type AuditFilterKey = keyof AuditFilter & string;

/** Each filter as its chip reads, worded as its field; times as the table shows them. */
function chipFields(t: Translate<"admin">, f: Formats): ChipField<AuditFilter>[] {
  const time = (iso: string | undefined) => (iso ? f.dateTime(iso) : null);
  return [
    { keys: ["actor"], name: t("audit.filter.actor"), value: (filter) => filter.actor ?? null },
    { keys: ["action"], name: t("audit.filter.action"), value: (filter) => filter.action ?? null },
    {
      keys: ["result"],
      name: t("audit.filter.result"),
      value: ({ result }) => (result ? t(`audit.results.${result}`) : null),
    },
    { keys: ["target"], name: t("audit.filter.target"), value: (filter) => filter.target ?? null },
    { keys: ["from"], name: t("audit.filter.from"), value: (filter) => time(filter.from) },
    { keys: ["to"], name: t("audit.filter.to"), value: (filter) => time(filter.to) },
  ];
}

export interface AuditFilterFormProps {
  filter: AuditFilter;
  onApply: (filter: AuditFilter) => void;
  /** Puts these filters back to "any" (a chip removed). */
  onReset: (keys: readonly AuditFilterKey[]) => void;
  onClear: () => void;
}

/** The audit log's filters, checked with the list's own schema before they reach the URL. */
export function AuditFilterForm({ filter, onApply, onReset, onClear }: AuditFilterFormProps) {
  const t = useTranslations("admin");
  const f = useFormats();
  return (
    <FilterForm
      label={t("audit.filter.label")}
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
      chips={filterChips(filter, chipFields(t, f), onReset)}
      more={{
        keys: ["target", "from", "to"],
        columns: "sm:grid-cols-3",
        fields: (
          <>
            <TextField label={t("audit.filter.target")} name="target" defaultValue={filter.target} />
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
          </>
        ),
      }}
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
      <SelectField
        label={t("audit.filter.result")}
        name="result"
        defaultValue={filter.result ?? ""}
        options={[
          { value: "", label: t("audit.filter.anyResult") },
          ...AUDIT_RESULTS.map((result) => ({ value: result, label: t(`audit.results.${result}`) })),
        ]}
      />
    </FilterForm>
  );
}
