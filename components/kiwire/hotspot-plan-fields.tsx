"use client";

import { SelectField } from "@/components/ui/field";
import { useHotspotPickers } from "./use-hotspot-pickers";

/** The profile (plan) and zone pickers a new voucher batch and a new hotspot user both take, from the hotspot. */
export function HotspotPlanFields({ connectionId }: { connectionId: string }) {
  const { profiles, zones } = useHotspotPickers(connectionId);
  return (
    <>
      <SelectField
        label="Profile"
        name="profile"
        required
        options={(profiles.data?.items ?? []).map((p) => ({ value: p.name, label: `${p.name} (${p.type})` }))}
      />
      <SelectField
        label="Zone"
        name="zone"
        options={[{ value: "", label: "Any zone" }, ...zones.map((z) => ({ value: z, label: z }))]}
      />
    </>
  );
}
