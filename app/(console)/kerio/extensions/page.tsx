import type { Metadata } from "next";
import { ExtensionsView } from "@/components/kerio/extensions-view";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { connectionChoices } from "@/lib/server/connections/connection-choices";
import { pageTableColumns } from "@/lib/server/preferences/table-columns";

export const metadata: Metadata = { title: "PBX extensions" };

export default async function ExtensionsPage() {
  const actor = await requirePermission("extensions.read", "/kerio/extensions");
  const [connections, savedColumns] = await Promise.all([
    connectionChoices("kerio-operator"),
    pageTableColumns(actor, "kerio-extensions"),
  ]);
  return (
    <ExtensionsView
      connections={connections}
      savedColumns={savedColumns}
      canWrite={can(actor.role, "extensions.write")}
    />
  );
}
