import type { Metadata } from "next";
import { TicketsView } from "@/components/kayako/tickets-view";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { listConnectionEntries } from "@/lib/server/connections/registry";
import { database } from "@/lib/server/db/client";

export const metadata: Metadata = { title: "Helpdesk tickets" };

export default async function TicketsPage() {
  const actor = await requirePermission("tickets.read", "/kayako/tickets");
  const connections = (await listConnectionEntries(await database()))
    .filter((entry) => entry.kind === "kayako")
    .map((entry) => ({ id: entry.id, name: entry.name }));
  return (
    <TicketsView
      connections={connections}
      canWrite={can(actor.role, "tickets.write")}
      canMapStaff={can(actor.role, "users.manage")}
    />
  );
}
