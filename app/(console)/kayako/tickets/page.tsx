import type { Metadata } from "next";
import { TicketsView } from "@/components/kayako/tickets-view";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { connectionChoices } from "@/lib/server/connections/connection-choices";
import { pageTableColumns } from "@/lib/server/preferences/table-columns";

export const metadata: Metadata = { title: "Helpdesk tickets" };

export default async function TicketsPage() {
  const actor = await requirePermission("tickets.read", "/kayako/tickets");
  const [connections, savedColumns] = await Promise.all([
    connectionChoices("kayako"),
    pageTableColumns(actor, "kayako-tickets"),
  ]);
  return (
    <TicketsView
      connections={connections}
      savedColumns={savedColumns}
      canWrite={can(actor.role, "tickets.write")}
      canMapStaff={can(actor.role, "users.manage")}
    />
  );
}
