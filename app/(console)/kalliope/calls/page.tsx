import type { Metadata } from "next";
import { CallsView } from "@/components/kalliope/calls-view";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/auth/page-auth";

export const metadata: Metadata = { title: "Call records" };

export default async function CallRecordsPage() {
  const actor = await requirePermission("calls.read", "/kalliope/calls");
  return <CallsView canExport={can(actor.role, "calls.export")} />;
}
