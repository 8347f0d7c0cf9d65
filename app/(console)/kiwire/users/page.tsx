import { HotspotUsersView } from "@/components/kiwire/hotspot-users-view";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { connectionListSource } from "@/lib/server/preferences/connection-list-source";
import { pageTitle } from "@/lib/server/preferences/request-locale";

export const generateMetadata = pageTitle("hotspotUsers");

export default async function Page() {
  const actor = await requirePermission("hotspot.read", "/kiwire/users");
  return (
    <HotspotUsersView
      source={await connectionListSource(actor, "kiwire", "kiwire-hotspot-users")}
      canWrite={can(actor.role, "hotspot.write")}
    />
  );
}
