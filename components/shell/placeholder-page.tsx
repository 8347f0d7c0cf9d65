import { PageHeader } from "@/components/ui/page-header";
import { NotBuiltYet } from "@/components/ui/states";
import type { Permission } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/auth/page-auth";

export interface PlaceholderPageProps {
  permission: Permission;
  path: string;
  title: string;
  area: string;
  what: string;
}

/** An area whose feature has not landed: authorized like the real page will be, and honest about it. */
export async function PlaceholderPage({ permission, path, title, area, what }: PlaceholderPageProps) {
  await requirePermission(permission, path);
  return (
    <>
      <PageHeader title={title} />
      <NotBuiltYet area={area} what={what} />
    </>
  );
}
