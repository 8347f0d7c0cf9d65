import { ConnectionsView } from "@/components/connections/connections-view";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { pageTitle } from "@/lib/server/preferences/request-locale";

export const generateMetadata = pageTitle("connections");

export default async function ConnectionsPage() {
  const actor = await requirePermission("connections.read", "/admin/connections");
  return <ConnectionsView canManage={can(actor.role, "connections.manage")} />;
}
