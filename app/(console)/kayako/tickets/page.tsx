import type { Metadata } from "next";
import { TicketsView } from "@/components/kayako/tickets-view";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { connectionListSource } from "@/lib/server/preferences/connection-list-source";

export const metadata: Metadata = { title: "Helpdesk tickets" };

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
