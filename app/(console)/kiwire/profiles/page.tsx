import type { Metadata } from "next";
import { ProfilesView } from "@/components/kiwire/profiles-view";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { connectionChoices } from "@/lib/server/connections/connection-choices";

export const metadata: Metadata = { title: "Hotspot profiles and NAS" };

export default async function Page() {
  await requirePermission("hotspot.read", "/kiwire/profiles");
  return <ProfilesView connections={await connectionChoices("kiwire")} />;
}
