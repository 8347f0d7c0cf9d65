import { UsersView } from "@/components/admin/users-view";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { pageTitle } from "@/lib/server/preferences/request-locale";

export const generateMetadata = pageTitle("users");

export default async function UsersPage() {
  const actor = await requirePermission("users.manage", "/admin/users");
  return <UsersView currentUserId={actor.id} />;
}
