import { ProfilesView } from "@/components/kiwire/profiles-view";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { connectionChoices } from "@/lib/server/connections/connection-choices";
import { pageTitle } from "@/lib/server/preferences/request-locale";

export const generateMetadata = pageTitle("profiles");

export default async function Page() {
  await requirePermission("hotspot.read", "/kiwire/profiles");
  return <ProfilesView connections={await connectionChoices("kiwire")} />;
}
