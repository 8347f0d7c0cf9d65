"use client";

import { useTranslations } from "@/components/i18n/i18n-provider";
import { SelectField } from "@/components/ui/field";
import { useHotspotPickers } from "./use-hotspot-pickers";

/** The profile (plan) and zone pickers a new voucher batch and a new hotspot user both take, from the hotspot. */
export function HotspotPlanFields({ connectionId }: { connectionId: string }) {
  const t = useTranslations("kiwire");
  const { profiles, zones } = useHotspotPickers(connectionId);
  return (
    <>
      <SelectField
        label={t("plan.profile")}
        name="profile"
        required
        options={(profiles.data?.items ?? []).map((p) => ({
          value: p.name,
          label: t("plan.profileOption", { name: p.name, type: p.type }),
        }))}
      />
      <SelectField
        label={t("plan.zone")}
        name="zone"
        options={[{ value: "", label: t("plan.anyZone") }, ...zones.map((z) => ({ value: z, label: z }))]}
      />
    </>
  );
}
