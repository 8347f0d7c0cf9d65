import type { Metadata } from "next";
import { AccountView } from "@/components/account/account-view";
import { requirePerson } from "@/lib/server/auth/page-auth";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  await requirePerson("/account");
  return <AccountView />;
}
