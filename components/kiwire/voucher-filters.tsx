"use client";

import { type inferParserType, parseAsString, parseAsStringLiteral } from "nuqs";
import { type ChipField, filterChips } from "@/components/data-table/filter-chips";
import { FilterForm } from "@/components/data-table/filter-form";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { SelectField, TextField } from "@/components/ui/field";
import { validateInput } from "@/lib/client/validate-input";
import type { Translate } from "@/lib/i18n/translator";
import { KIWIRE_STATUSES, type KiwireStatus } from "@/lib/kiwire-vocabulary";
import { useStatusLabel } from "./hotspot-status";

/** The voucher filters as the URL keeps them. */
export const voucherFilterParsers = {
  batch: parseAsString.withDefault(""),
  status: parseAsStringLiteral(KIWIRE_STATUSES),
  profile: parseAsString.withDefault(""),
  from: parseAsString.withDefault(""),
  to: parseAsString.withDefault(""),
  expires: parseAsString.withDefault(""),
  q: parseAsString.withDefault(""),
};
export type VoucherFilterState = inferParserType<typeof voucherFilterParsers>;
type VoucherFilterKey = keyof VoucherFilterState & string;

/** Each filter as its chip reads, worded as its field. */
function chipFields(
  t: Translate<"kiwire">,
  statusLabel: (status: KiwireStatus) => string,
): ChipField<VoucherFilterState>[] {
  const text =
    (key: "q" | "batch" | "profile" | "from" | "to" | "expires") => (filters: VoucherFilterState) =>
      filters[key] || null;
  return [
    { keys: ["q"], name: t("vouchers.codeContains"), value: text("q") },
    { keys: ["batch"], name: t("vouchers.batch"), value: text("batch") },
    {
      keys: ["status"],
      name: t("status.label"),
      value: ({ status }) => (status ? statusLabel(status) : null),
    },
    { keys: ["profile"], name: t("vouchers.profile"), value: text("profile") },
    { keys: ["from"], name: t("vouchers.createdFrom"), value: text("from") },
    { keys: ["to"], name: t("vouchers.createdTo"), value: text("to") },
    { keys: ["expires"], name: t("vouchers.expiresOn"), value: text("expires") },
  ];
}

export interface VoucherFiltersFormProps {
  filters: VoucherFilterState;
  /** The batches and profiles the hotspot has, for their pickers. */
  batches: readonly string[];
  profiles: readonly string[];
  onApply: (filters: VoucherFilterState) => void;
  /** Puts these filters back to their defaults (a chip removed). */
  onReset: (keys: readonly VoucherFilterKey[]) => void;
  onClear: () => void;
}

/** The code search, the batch and the status in the bar; the profile and the days behind "More filters". */
export function VoucherFiltersForm({
  filters,
  batches,
  profiles,
  onApply,
  onReset,
  onClear,
}: VoucherFiltersFormProps) {
  const t = useTranslations("kiwire");
  const statusLabel = useStatusLabel();
  return (
    <FilterForm
      label={t("vouchers.filter")}
      current={filters}
      check={async (form) => {
        const typed = (name: VoucherFilterKey) => String(form.get(name) ?? "").trim();
        const status = KIWIRE_STATUSES.find((value) => value === typed("status")) ?? null;
        const values = {
          q: typed("q"),
          batch: typed("batch"),
          status,
          profile: typed("profile"),
          from: typed("from"),
          to: typed("to"),
          expires: typed("expires"),
        };
        // An empty filter is not sent; the URL keeps it empty once the schema accepts the rest.
        const sent = Object.fromEntries(Object.entries(values).filter(([, value]) => value));
        const { ListVouchersQuery } = await import("@/lib/api/kiwire");
        const checked = validateInput(ListVouchersQuery, sent);
        return checked.ok ? { ok: true, data: values } : checked;
      }}
      onApply={onApply}
      onClear={onClear}
      chips={filterChips(filters, chipFields(t, statusLabel), onReset)}
      more={{
        keys: ["profile", "from", "to", "expires"],
        columns: "sm:grid-cols-4",
        fields: (
          <>
            <SelectField
              label={t("vouchers.profile")}
              name="profile"
              defaultValue={filters.profile}
              options={[
                { value: "", label: t("vouchers.anyProfile") },
                ...profiles.map((profile) => ({ value: profile, label: profile })),
              ]}
            />
            <TextField
              label={t("vouchers.createdFrom")}
              name="from"
              type="date"
              defaultValue={filters.from}
            />
            <TextField label={t("vouchers.createdTo")} name="to" type="date" defaultValue={filters.to} />
            <TextField
              label={t("vouchers.expiresOn")}
              name="expires"
              type="date"
              defaultValue={filters.expires}
            />
          </>
        ),
      }}
    >
      <TextField label={t("vouchers.codeContains")} name="q" defaultValue={filters.q} aria-keyshortcuts="/" />
      <SelectField
        label={t("vouchers.batch")}
        name="batch"
        defaultValue={filters.batch}
        options={[
          { value: "", label: t("vouchers.allBatches") },
          ...batches.map((batch) => ({ value: batch, label: batch })),
        ]}
      />
      <SelectField
        label={t("status.label")}
        name="status"
        defaultValue={filters.status ?? ""}
        options={[
          { value: "", label: t("status.any") },
          ...KIWIRE_STATUSES.map((status) => ({ value: status, label: statusLabel(status) })),
        ]}
      />
    </FilterForm>
  );
}
