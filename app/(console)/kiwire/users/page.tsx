import type { Metadata } from "next";
import { HotspotUsersView } from "@/components/kiwire/hotspot-users-view";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/auth/page-auth";

export const metadata: Metadata = { title: "Hotspot users" };

export default async function Page() {
  const actor = await requirePermission("hotspot.read", "/kiwire/users");
  return <HotspotUsersView canWrite={can(actor.role, "hotspot.write")} />;
}
