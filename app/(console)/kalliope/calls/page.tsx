import type { Metadata } from "next";
import { CallsView } from "@/components/kalliope/calls-view";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { listConnectionEntries } from "@/lib/server/connections/registry";
import { database } from "@/lib/server/db/client";

export const metadata: Metadata = { title: "Call records" };

export default async function CallRecordsPage() {
  const actor = await requirePermission("calls.read", "/kalliope/calls");
  // The PBX choices come with the page: a viewer needs no connections permission to pick one.
  const connections = (await listConnectionEntries(await database()))
    .filter((entry) => entry.kind === "kalliope")
    .map((entry) => ({ id: entry.id, name: entry.name }));
  return <CallsView connections={connections} canExport={can(actor.role, "calls.export")} />;
}
