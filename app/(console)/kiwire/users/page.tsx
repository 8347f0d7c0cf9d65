import type { Metadata } from "next";
import { HotspotUsersView } from "@/components/kiwire/hotspot-users-view";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { connectionChoices } from "@/lib/server/connections/connection-choices";
import { pageTableColumns } from "@/lib/server/preferences/table-columns";

export const metadata: Metadata = { title: "Hotspot users" };

export default async function Page() {
  const actor = await requirePermission("hotspot.read", "/kiwire/users");
  const [connections, savedColumns] = await Promise.all([
    connectionChoices("kiwire"),
    pageTableColumns(actor, "kiwire-hotspot-users"),
  ]);
  return (
    <HotspotUsersView
      connections={connections}
      savedColumns={savedColumns}
      canWrite={can(actor.role, "hotspot.write")}
    />
  );
}
