import { ExtensionsView } from "@/components/kerio/extensions-view";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { connectionListSource } from "@/lib/server/preferences/connection-list-source";
import { pageTitle } from "@/lib/server/preferences/request-locale";

export const generateMetadata = pageTitle("extensions");

export default async function ExtensionsPage() {
  const actor = await requirePermission("extensions.read", "/kerio/extensions");
  return (
    <ExtensionsView
      source={await connectionListSource(actor, "kerio-operator", "kerio-extensions")}
      canWrite={can(actor.role, "extensions.write")}
    />
  );
}
