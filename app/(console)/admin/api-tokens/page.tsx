import { ApiTokensView } from "@/components/admin/api-tokens-view";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { serverConfig } from "@/lib/server/config/config";
import { pageTitle } from "@/lib/server/preferences/request-locale";

export const generateMetadata = pageTitle("apiTokens");

export default async function ApiTokensPage() {
  await requirePermission("tokens.manage", "/admin/api-tokens");
  return <ApiTokensView maxLifetimeDays={serverConfig().API_TOKEN_MAX_LIFETIME_DAYS} />;
}
