import type { Metadata } from "next";
import { ApiTokensView } from "@/components/admin/api-tokens-view";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { serverConfig } from "@/lib/server/config/config";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  await requirePermission("tokens.manage", "/admin/api-tokens");
  return <ApiTokensView maxLifetimeDays={serverConfig().API_TOKEN_MAX_LIFETIME_DAYS} />;
}
