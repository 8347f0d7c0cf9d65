"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { messageParts } from "@/components/i18n/message-parts";
import { PageHeader } from "@/components/ui/page-header";
import { QueryErrorState } from "@/components/ui/states";
import type { AccountDto } from "@/lib/api/account";
import { accountQueries } from "@/lib/client/queries/account";
import type { Locale } from "@/lib/i18n/locales";
import { LanguageSection } from "./language-section";
import { PasswordSection } from "./password-section";
import { TwoFactorSection } from "./two-factor-section";

/** The person's own account page; the only page open while a required step (new password, enrolment) is owed. */
export function AccountView({ browserLocale }: { browserLocale: Locale }) {
  const t = useTranslations("account");
  const queryClient = useQueryClient();
  const account = useQuery(accountQueries.mine());
  // Remembered so the page can offer the way on once the last owed step is done.
  const [hadPendingStep, setHadPendingStep] = useState(false);
  if (account.data?.pendingStep && !hadPendingStep) setHadPendingStep(true);
  const refresh = () => queryClient.invalidateQueries({ queryKey: accountQueries.all });
  const setAccount = (changed: AccountDto) =>
    queryClient.setQueryData(accountQueries.mine().queryKey, changed);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          account.data ? `${account.data.name} · ${account.data.email} · ${account.data.role}` : undefined
        }
      />
      <QueryErrorState query={account} />
      {account.data?.pendingStep && (
        <p
          role="status"
          data-testid="pending-step"
          className="mb-6 rounded-md bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100"
        >
          {t(`stepNotice.${account.data.pendingStep}`)}
        </p>
      )}
      {account.data && !account.data.pendingStep && hadPendingStep && (
        <p
          role="status"
          className="mb-6 rounded-md bg-emerald-50 p-3 text-sm text-emerald-950 dark:bg-emerald-950 dark:text-emerald-100"
        >
          {messageParts(t("allSet"), {
            link: (
              <a href="/" className="font-medium underline">
                {t("continue")}
              </a>
            ),
          })}
        </p>
      )}
      {account.data && (
        <div className="space-y-10">
          <PasswordSection onChanged={setAccount} />
          <TwoFactorSection account={account.data} onChanged={refresh} />
          <LanguageSection account={account.data} browserLocale={browserLocale} onChanged={setAccount} />
        </div>
      )}
    </>
  );
}
