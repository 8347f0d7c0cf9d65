import { AddressGroupsView } from "@/components/kerio/address-groups-view";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { connectionChoices } from "@/lib/server/connections/connection-choices";
import { pageTitle } from "@/lib/server/preferences/request-locale";

export const generateMetadata = pageTitle("addressGroups");

export default async function AddressGroupsPage() {
  const actor = await requirePermission("firewall.read", "/kerio/address-groups");
  return (
    <AddressGroupsView
      connections={await connectionChoices("kerio-control")}
      canWrite={can(actor.role, "firewall.write")}
    />
  );
}
