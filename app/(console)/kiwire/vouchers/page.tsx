import type { Metadata } from "next";
import { VouchersView } from "@/components/kiwire/vouchers-view";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { connectionChoices } from "@/lib/server/connections/connection-choices";
import { pageTableColumns } from "@/lib/server/preferences/table-columns";

export const metadata: Metadata = { title: "Hotspot vouchers" };

export default async function VouchersPage() {
  const actor = await requirePermission("vouchers.read", "/kiwire/vouchers");
  const [connections, savedColumns] = await Promise.all([
    connectionChoices("kiwire"),
    pageTableColumns(actor, "kiwire-vouchers"),
  ]);
  return (
    <VouchersView
      connections={connections}
      savedColumns={savedColumns}
      canWrite={can(actor.role, "vouchers.write")}
    />
  );
}
