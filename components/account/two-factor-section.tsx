"use client";

import { useMutation } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { messageParts } from "@/components/i18n/message-parts";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import type { AccountDto } from "@/lib/api/account";
import { callOperation, type OperationResult } from "@/lib/client/call-operation";
import { submitWith } from "@/lib/client/form-submit";
import { useFieldErrors, validateInput } from "@/lib/client/validate-input";
import type { ProofAction } from "./identity-proof-dialog";
import { RecoveryCodesList } from "./recovery-codes-list";

// Loaded when first shown, not with the page: a dialog and the schema it checks with stay out of the first load.
const IdentityProofDialog = dynamic(() =>
  import("./identity-proof-dialog").then((module) => module.IdentityProofDialog),
);
const QrCode = dynamic(() => import("@/components/ui/qr-code").then((module) => module.QrCode));

type Enrolment = OperationResult<"startTwoFactorEnrolment">;

/** The secret in groups of four, as apps that take it by hand show it. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, "$1 ").trim();

export interface TwoFactorSectionProps {
  account: AccountDto;
  onChanged: () => void;
}

/** Enrol an authenticator (QR code or the secret by hand, then a first code), see and replace recovery codes, or turn it off. */
export function TwoFactorSection({ account, onChanged }: TwoFactorSectionProps) {
  const t = useTranslations("account");
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const { formRef, fieldErrors: codeErrors, setFieldErrors: setCodeErrors } = useFieldErrors();
  const [proofAction, setProofAction] = useState<ProofAction | null>(null);

  const start = useMutation({
    mutationFn: () => callOperation("startTwoFactorEnrolment"),
    // The answer holds the new secret: it lives in this section's state only until enrolment ends.
    gcTime: 0,
    onSuccess: (started) => {
      setEnrolment(started);
      setCodeErrors({});
    },
    onError: (error) => toast.error(error.message),
  });
  const confirm = useMutation({
    mutationFn: (code: string) => callOperation("confirmTwoFactorEnrolment", { body: { code } }),
    gcTime: 0,
    onSuccess: ({ recoveryCodes: codes }) => {
      setEnrolment(null);
      setRecoveryCodes(codes);
      toast.success(t("twoFactor.turnedOn"));
    },
    onError: (error) => setCodeErrors({ code: error.message }),
  });
  const finishRecoveryCodes = () => {
    setRecoveryCodes(null);
    onChanged();
  };

  return (
    <section aria-labelledby="two-factor-heading" className="max-w-2xl space-y-4">
      <h2 id="two-factor-heading" className="flex items-center gap-2 text-lg font-semibold">
        {t("twoFactor.heading")}
        <Badge tone={account.twoFactor.enabled ? "good" : "neutral"}>
          {account.twoFactor.enabled ? t("twoFactor.on") : t("twoFactor.off")}
        </Badge>
      </h2>
      {account.twoFactor.required && !account.twoFactor.enabled && (
        <p
          role="status"
          className="rounded-md bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100"
        >
          {t("twoFactor.required")}
        </p>
      )}
      {recoveryCodes && <RecoveryCodesList codes={recoveryCodes} onDone={finishRecoveryCodes} />}

      {!account.twoFactor.enabled && !enrolment && !recoveryCodes && (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("twoFactor.intro")}</p>
          <Button onClick={() => start.mutate()} disabled={start.isPending}>
            {t("twoFactor.setUp")}
          </Button>
        </>
      )}

      {enrolment && (
        <div className="space-y-4">
          <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-300">
            <li>{t("twoFactor.scan")}</li>
            <li>{t("twoFactor.enterCode")}</li>
          </ol>
          <div className="flex flex-wrap items-center gap-6">
            <QrCode value={enrolment.uri} label={t("twoFactor.qrLabel")} size="enrolment" />
            <div className="space-y-1 text-sm">
              <p className="text-slate-600 dark:text-slate-400">{t("twoFactor.keyByHand")}</p>
              <code data-testid="totp-secret" className="block font-mono text-base break-all">
                {grouped(enrolment.secret)}
              </code>
              <p className="text-xs text-slate-500 dark:text-slate-400">{t("twoFactor.keyKind")}</p>
            </div>
          </div>
          <form
            ref={formRef}
            aria-label={t("twoFactor.turnOnForm")}
            className="flex max-w-sm items-end gap-2"
            noValidate
            onSubmit={submitWith(async (form) => {
              // Loaded when a code is sent, so the page's first load carries no schema builder.
              const { ConfirmEnrolmentSchema } = await import("@/lib/api/account");
              const checked = validateInput(ConfirmEnrolmentSchema, { code: String(form.get("code") ?? "") });
              if (!checked.ok) {
                setCodeErrors(checked.fieldErrors);
                return;
              }
              setCodeErrors({});
              confirm.mutate(checked.data.code);
            })}
          >
            <div className="flex-1">
              <TextField
                label={t("twoFactor.code")}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]{6}"
                maxLength={6}
                required
                error={codeErrors.code}
              />
            </div>
            <Button type="submit" disabled={confirm.isPending}>
              {t("twoFactor.turnOn")}
            </Button>
          </form>
        </div>
      )}

      {account.twoFactor.enabled && !recoveryCodes && (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {messageParts(t("twoFactor.enabled"), {
              left: <span data-testid="recovery-codes-left">{account.twoFactor.recoveryCodesLeft}</span>,
            })}
          </p>
          <div className="flex gap-2">
            <Button variant="secondary" onClick={() => setProofAction("regenerate")}>
              {t("twoFactor.newCodes")}
            </Button>
            <Button variant="danger" onClick={() => setProofAction("remove")}>
              {t("twoFactor.turnOff")}
            </Button>
          </div>
        </>
      )}

      {proofAction && (
        <IdentityProofDialog
          action={proofAction}
          onDone={(codes) => {
            setProofAction(null);
            if (codes) setRecoveryCodes(codes);
            onChanged();
          }}
          onClose={() => setProofAction(null)}
        />
      )}
    </section>
  );
}
