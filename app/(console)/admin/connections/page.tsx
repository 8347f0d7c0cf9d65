import type { Metadata } from "next";
import { ConnectionsView } from "@/components/connections/connections-view";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/auth/page-auth";

export const metadata: Metadata = { title: "Connections" };

export default async function ConnectionsPage() {
  const actor = await requirePermission("connections.read", "/admin/connections");
  return <ConnectionsView canManage={can(actor.role, "connections.manage")} />;
}
