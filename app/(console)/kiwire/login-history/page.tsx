import type { Metadata } from "next";
import { LoginHistoryView } from "@/components/kiwire/login-history-view";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { connectionChoices } from "@/lib/server/connections/connection-choices";

export const metadata: Metadata = { title: "Hotspot login history" };

export default async function Page() {
  await requirePermission("hotspot.read", "/kiwire/login-history");
  return <LoginHistoryView connections={await connectionChoices("kiwire")} />;
}
