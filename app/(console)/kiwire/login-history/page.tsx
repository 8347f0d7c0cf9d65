import { LoginHistoryView } from "@/components/kiwire/login-history-view";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { connectionChoices } from "@/lib/server/connections/connection-choices";
import { pageTitle } from "@/lib/server/preferences/request-locale";

export const generateMetadata = pageTitle("loginHistory");

export default async function Page() {
  await requirePermission("hotspot.read", "/kiwire/login-history");
  return <LoginHistoryView connections={await connectionChoices("kiwire")} />;
}
