import type { Metadata } from "next";
import { CallsView } from "@/components/kalliope/calls-view";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { connectionChoices } from "@/lib/server/connections/connection-choices";
import { pageTableColumns } from "@/lib/server/preferences/table-columns";

export const metadata: Metadata = { title: "Call records" };

export default async function CallRecordsPage() {
  const actor = await requirePermission("calls.read", "/kalliope/calls");
  const [connections, savedColumns] = await Promise.all([
    connectionChoices("kalliope"),
    pageTableColumns(actor, "kalliope-calls"),
  ]);
  return (
    <CallsView
      connections={connections}
      savedColumns={savedColumns}
      canExport={can(actor.role, "calls.export")}
    />
  );
}
