import { Badge } from "@/components/ui/badge";
import { SelectField } from "@/components/ui/field";
import type { AccountDto } from "@/lib/api/kiwire";
import { KIWIRE_STATUSES } from "@/lib/kiwire-vocabulary";

type HotspotStatus = AccountDto["status"];

/** A voucher's or hotspot user's state, coloured by what it means for logging in. */
export function StatusBadge({ status }: { status: HotspotStatus }) {
  const tone =
    status === "active" ? "good" : status === "suspended" ? "warn" : status === "expired" ? "bad" : "neutral";
  return <Badge tone={tone}>{status}</Badge>;
}

/** The status filter of the voucher and user lists; null is any status. */
export function StatusFilter({
  value,
  onChange,
}: {
  value: HotspotStatus | null;
  onChange: (status: HotspotStatus | null) => void;
}) {
  return (
    <SelectField
      label="Status"
      value={value ?? ""}
      onChange={(event) => onChange(KIWIRE_STATUSES.find((s) => s === event.currentTarget.value) ?? null)}
      options={[{ value: "", label: "Any status" }, ...KIWIRE_STATUSES.map((s) => ({ value: s, label: s }))]}
    />
  );
}
