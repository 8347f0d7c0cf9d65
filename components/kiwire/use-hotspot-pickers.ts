"use client";

import { useQuery } from "@tanstack/react-query";
import { kiwireQueries } from "@/lib/client/queries/kiwire";

/**
 * The profiles and zones a hotspot offers, for filters and forms. Zones come from the NAS list: Kiwire has no
 * zone list of its own, and a NAS without a zone column names itself (see `NasSchema.zone`).
 */
export function useHotspotPickers(connectionId: string) {
  const enabled = connectionId !== "";
  const profiles = useQuery({ ...kiwireQueries.profiles(connectionId), enabled });
  const nas = useQuery({ ...kiwireQueries.nas(connectionId), enabled });
  const zones = [...new Set((nas.data?.items ?? []).map((n) => n.zone).filter(Boolean))];
  return { profiles, nas, zones };
}
