"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { QueryErrorState } from "@/components/ui/states";
import type { AccountDto } from "@/lib/api/account";
import { accountQueries } from "@/lib/client/queries/account";
import type { Locale } from "@/lib/i18n/locales";
import type { AccountSetupStep } from "@/lib/second-factor";
import { LanguageSection } from "./language-section";
import { PasswordSection } from "./password-section";
import { TwoFactorSection } from "./two-factor-section";

const STEP_NOTICE: Record<AccountSetupStep, string> = {
  "change-password":
    "Your password was generated for you. Choose your own before you continue: the console opens once it is changed.",
  "enrol-second-factor":
    "An admin requires two-factor sign-in. Set it up below: the console opens once it is on.",
};

/** The person's own account page; the only page open while a required step (new password, enrolment) is owed. */
export function AccountView({ browserLocale }: { browserLocale: Locale }) {
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
        title="Your account"
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
          {STEP_NOTICE[account.data.pendingStep]}
        </p>
      )}
      {account.data && !account.data.pendingStep && hadPendingStep && (
        <p
          role="status"
          className="mb-6 rounded-md bg-emerald-50 p-3 text-sm text-emerald-950 dark:bg-emerald-950 dark:text-emerald-100"
        >
          All set.{" "}
          <a href="/" className="font-medium underline">
            Continue to the console
          </a>
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
