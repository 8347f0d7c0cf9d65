import type { Metadata } from "next";
import { AuditView } from "@/components/admin/audit-view";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { pageTableColumns } from "@/lib/server/preferences/table-columns";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  const actor = await requirePermission("audit.read", "/admin/audit");
  return <AuditView savedColumns={await pageTableColumns(actor, "admin-audit")} />;
}
