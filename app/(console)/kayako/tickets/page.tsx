import { TicketsView } from "@/components/kayako/tickets-view";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { connectionListSource } from "@/lib/server/preferences/connection-list-source";
import { pageTitle } from "@/lib/server/preferences/request-locale";

export const generateMetadata = pageTitle("tickets");

export default async function TicketsPage() {
  const actor = await requirePermission("tickets.read", "/kayako/tickets");
  return (
    <TicketsView
      source={await connectionListSource(actor, "kayako", "kayako-tickets")}
      canWrite={can(actor.role, "tickets.write")}
      canMapStaff={can(actor.role, "users.manage")}
    />
  );
}
