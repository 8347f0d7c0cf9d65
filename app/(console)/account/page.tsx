import { headers } from "next/headers";
import { AccountView } from "@/components/account/account-view";
import { negotiateLocale } from "@/lib/i18n/locales";
import { requirePerson } from "@/lib/server/auth/page-auth";
import { pageTitle } from "@/lib/server/preferences/request-locale";

export const generateMetadata = pageTitle("account");

export default async function AccountPage() {
  await requirePerson("/account");
  return <AccountView browserLocale={negotiateLocale((await headers()).get("accept-language"))} />;
}
