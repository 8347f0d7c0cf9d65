import { useTranslations } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { SelectField } from "@/components/ui/field";
import type { AccountDto } from "@/lib/api/kiwire";
import { KIWIRE_STATUSES } from "@/lib/kiwire-vocabulary";

type HotspotStatus = AccountDto["status"];

/** A status in the person's language; the value itself stays Kiwire's, for the URL and the API. */
export function useStatusLabel(): (status: HotspotStatus) => string {
  const t = useTranslations("kiwire");
  return (status) => t(`status.${status}`);
}

/** A voucher's or hotspot user's state, coloured by what it means for logging in. */
export function StatusBadge({ status }: { status: HotspotStatus }) {
  const label = useStatusLabel();
  const tone =
    status === "active" ? "good" : status === "suspended" ? "warn" : status === "expired" ? "bad" : "neutral";
  return <Badge tone={tone}>{label(status)}</Badge>;
}

/** The status filter of the voucher and user lists; null is any status. */
export function StatusFilter({
  value,
  onChange,
}: {
  value: HotspotStatus | null;
  onChange: (status: HotspotStatus | null) => void;
}) {
  const t = useTranslations("kiwire");
  const label = useStatusLabel();
  return (
    <SelectField
      label={t("status.label")}
      value={value ?? ""}
      onChange={(event) => onChange(KIWIRE_STATUSES.find((s) => s === event.currentTarget.value) ?? null)}
      options={[
        { value: "", label: t("status.any") },
        ...KIWIRE_STATUSES.map((s) => ({ value: s, label: label(s) })),
      ]}
    />
  );
}
