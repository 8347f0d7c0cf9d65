import type { Metadata } from "next";
import { AuditView } from "@/components/admin/audit-view";
import { requirePermission } from "@/lib/server/auth/page-auth";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  await requirePermission("audit.read", "/admin/audit");
  return <AuditView />;
}
