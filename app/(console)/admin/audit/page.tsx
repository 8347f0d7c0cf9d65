import { AuditView } from "@/components/admin/audit-view";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { pageTitle } from "@/lib/server/preferences/request-locale";
import { pageTableColumns } from "@/lib/server/preferences/table-columns";

export const generateMetadata = pageTitle("audit");

export default async function AuditPage() {
  const actor = await requirePermission("audit.read", "/admin/audit");
  return <AuditView savedColumns={await pageTableColumns(actor, "admin-audit")} />;
}
