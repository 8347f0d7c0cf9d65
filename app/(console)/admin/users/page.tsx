import type { Metadata } from "next";
import { UsersView } from "@/components/admin/users-view";
import { requirePermission } from "@/lib/server/auth/page-auth";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePermission("users.manage", "/admin/users");
  return <UsersView currentUserId={actor.id} />;
}
