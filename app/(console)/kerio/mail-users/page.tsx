import type { Metadata } from "next";
import { MailUsersView } from "@/components/kerio/mail-users-view";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/auth/page-auth";

export const metadata: Metadata = { title: "Mail accounts" };

export default async function MailUsersPage() {
  const actor = await requirePermission("mail.read", "/kerio/mail-users");
  return <MailUsersView canWrite={can(actor.role, "mail.write")} />;
}
