import { VouchersView } from "@/components/kiwire/vouchers-view";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { connectionListSource } from "@/lib/server/preferences/connection-list-source";
import { pageTitle } from "@/lib/server/preferences/request-locale";

export const generateMetadata = pageTitle("vouchers");

export default async function VouchersPage() {
  const actor = await requirePermission("vouchers.read", "/kiwire/vouchers");
  return (
    <VouchersView
      source={await connectionListSource(actor, "kiwire", "kiwire-vouchers")}
      canWrite={can(actor.role, "vouchers.write")}
    />
  );
}
