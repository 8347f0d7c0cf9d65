import { MailUsersView } from "@/components/kerio/mail-users-view";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { connectionChoices } from "@/lib/server/connections/connection-choices";
import { pageTitle } from "@/lib/server/preferences/request-locale";

export const generateMetadata = pageTitle("mailUsers");

export default async function MailUsersPage() {
  const actor = await requirePermission("mail.read", "/kerio/mail-users");
  return (
    <MailUsersView
      connections={await connectionChoices("kerio-connect")}
      canWrite={can(actor.role, "mail.write")}
    />
  );
}
