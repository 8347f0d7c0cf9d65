import { CallsView } from "@/components/kalliope/calls-view";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { pageSectionCollapsed } from "@/lib/server/preferences/collapsed-sections";
import { connectionListSource } from "@/lib/server/preferences/connection-list-source";
import { pageTitle } from "@/lib/server/preferences/request-locale";

export const generateMetadata = pageTitle("calls");

export default async function CallRecordsPage() {
  const actor = await requirePermission("calls.read", "/kalliope/calls");
  return (
    <CallsView
      source={await connectionListSource(actor, "kalliope", "kalliope-calls")}
      canExport={can(actor.role, "calls.export")}
      chartsCollapsed={await pageSectionCollapsed(actor, "kalliope-call-charts")}
    />
  );
}
