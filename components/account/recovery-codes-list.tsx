"use client";

import { useTranslations } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";

/** Recovery codes as shown once: monospace, one per line, easy to copy or print. */
export function RecoveryCodesList({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useTranslations("account");
  return (
    <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950">
      <p className="text-sm text-amber-950 dark:text-amber-100">{t("recoveryCodes.intro")}</p>
      <ol
        data-testid="recovery-codes"
        aria-label={t("recoveryCodes.label")}
        className="grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-sm text-slate-900 dark:text-slate-100"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <Button variant="secondary" onClick={onDone}>
        {t("recoveryCodes.saved")}
      </Button>
    </div>
  );
}
