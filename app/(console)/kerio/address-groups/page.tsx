import type { Metadata } from "next";
import { AddressGroupsView } from "@/components/kerio/address-groups-view";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { connectionChoices } from "@/lib/server/connections/connection-choices";

export const metadata: Metadata = { title: "IP address groups" };

export default async function AddressGroupsPage() {
  const actor = await requirePermission("firewall.read", "/kerio/address-groups");
  return (
    <AddressGroupsView
      connections={await connectionChoices("kerio-control")}
      canWrite={can(actor.role, "firewall.write")}
    />
  );
}
