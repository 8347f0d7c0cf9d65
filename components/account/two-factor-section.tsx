"use client";

import { useMutation } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import type { AccountDto, IdentityProofInput } from "@/lib/api/account";
import { ApiRequestError, apiFetch } from "@/lib/client/api-fetch";
import { submitWith } from "@/lib/client/form-submit";
import { RecoveryCodesList } from "./recovery-codes-list";

// Loaded when first shown, not with the page: what only an open dialog or panel needs stays out of the first load.
const QrCode = dynamic(() => import("./qr-code").then((module) => module.QrCode));

type Enrolment = { secret: string; uri: string };
type ProofAction = "remove" | "regenerate";

/** The secret in groups of four, as apps that take it by hand show it. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, "$1 ").trim();

export interface TwoFactorSectionProps {
  account: AccountDto;
  onChanged: () => void;
}

/** Enrol an authenticator (QR code or the secret by hand, then a first code), see and replace recovery codes, or turn it off. */
export function TwoFactorSection({ account, onChanged }: TwoFactorSectionProps) {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [codeError, setCodeError] = useState<string | undefined>();
  const [proofAction, setProofAction] = useState<ProofAction | null>(null);
  const [proofErrors, setProofErrors] = useState<Record<string, string>>({});

  const start = useMutation({
    mutationFn: () => apiFetch<Enrolment>("/api/v1/account/two-factor/enrolment", { method: "POST" }),
    onSuccess: (started) => {
      setEnrolment(started);
      setCodeError(undefined);
    },
    onError: (error) => toast.error(error.message),
  });
  const confirm = useMutation({
    mutationFn: (code: string) =>
      apiFetch<{ recoveryCodes: string[] }>("/api/v1/account/two-factor", { method: "POST", body: { code } }),
    onSuccess: ({ recoveryCodes: codes }) => {
      setEnrolment(null);
      setRecoveryCodes(codes);
      toast.success("Two-factor sign-in is on.");
    },
    onError: (error) => setCodeError(error.message),
  });
  const prove = useMutation({
    mutationFn: ({ action, proof }: { action: ProofAction; proof: IdentityProofInput }) =>
      action === "remove"
        ? apiFetch<AccountDto>("/api/v1/account/two-factor", { method: "DELETE", body: proof }).then(
            () => null,
          )
        : apiFetch<{ recoveryCodes: string[] }>("/api/v1/account/two-factor/recovery-codes", {
            method: "POST",
            body: proof,
          }).then((answer) => answer.recoveryCodes),
    onSuccess: (codes, { action }) => {
      setProofAction(null);
      setProofErrors({});
      if (codes) setRecoveryCodes(codes);
      toast.success(
        action === "remove"
          ? "Two-factor sign-in is off."
          : "New recovery codes made; the old ones no longer work.",
      );
      onChanged();
    },
    onError: (error) => {
      if (error instanceof ApiRequestError && error.details.length > 0) setProofErrors(error.fieldErrors());
      else setProofErrors({ password: error.message });
    },
  });

  const finishRecoveryCodes = () => {
    setRecoveryCodes(null);
    onChanged();
  };

  return (
    <section aria-labelledby="two-factor-heading" className="max-w-2xl space-y-4">
      <h2 id="two-factor-heading" className="flex items-center gap-2 text-lg font-semibold">
        Two-factor sign-in
        <Badge tone={account.twoFactor.enabled ? "good" : "neutral"}>
          {account.twoFactor.enabled ? "on" : "off"}
        </Badge>
      </h2>
      {account.twoFactor.required && !account.twoFactor.enabled && (
        <p
          role="status"
          className="rounded-md bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100"
        >
          An admin requires two-factor sign-in for your account. Set it up to continue using the console.
        </p>
      )}
      {recoveryCodes && <RecoveryCodesList codes={recoveryCodes} onDone={finishRecoveryCodes} />}

      {!account.twoFactor.enabled && !enrolment && !recoveryCodes && (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            After your password, the console asks for a 6-digit code from an authenticator app on your phone
            (any app that supports TOTP).
          </p>
          <Button onClick={() => start.mutate()} disabled={start.isPending}>
            Set up two-factor sign-in
          </Button>
        </>
      )}

      {enrolment && (
        <div className="space-y-4">
          <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-300">
            <li>Scan the QR code with your authenticator app, or type the key into it by hand.</li>
            <li>Enter the 6-digit code the app then shows.</li>
          </ol>
          <div className="flex flex-wrap items-center gap-6">
            <QrCode value={enrolment.uri} label="QR code to add the console to your authenticator app" />
            <div className="space-y-1 text-sm">
              <p className="text-slate-600 dark:text-slate-400">Key for typing in by hand:</p>
              <code data-testid="totp-secret" className="block font-mono text-base break-all">
                {grouped(enrolment.secret)}
              </code>
              <p className="text-xs text-slate-500 dark:text-slate-400">
                Time-based, 6 digits, every 30 seconds.
              </p>
            </div>
          </div>
          <form
            className="flex max-w-sm items-end gap-2"
            onSubmit={submitWith((form) => confirm.mutate(String(form.get("code") ?? "")))}
          >
            <div className="flex-1">
              <TextField
                label="Code from the app"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]{6}"
                maxLength={6}
                required
                error={codeError}
              />
            </div>
            <Button type="submit" disabled={confirm.isPending}>
              Turn on
            </Button>
          </form>
        </div>
      )}

      {account.twoFactor.enabled && !recoveryCodes && (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Your sign-in asks for a code from your authenticator app.{" "}
            <span data-testid="recovery-codes-left">{account.twoFactor.recoveryCodesLeft}</span> of 10
            recovery codes left.
          </p>
          <div className="flex gap-2">
            <Button variant="secondary" onClick={() => setProofAction("regenerate")}>
              New recovery codes
            </Button>
            <Button variant="danger" onClick={() => setProofAction("remove")}>
              Turn off two-factor sign-in
            </Button>
          </div>
        </>
      )}

      <Dialog
        open={proofAction !== null}
        title={proofAction === "remove" ? "Turn off two-factor sign-in" : "Make new recovery codes"}
        onClose={() => {
          setProofAction(null);
          setProofErrors({});
        }}
      >
        <form
          className="space-y-4"
          onSubmit={submitWith((form) => {
            if (!proofAction) return;
            const password = String(form.get("password") ?? "");
            const code = String(form.get("code") ?? "");
            if (Boolean(password) === Boolean(code)) {
              setProofErrors({ password: "Enter your password or a code (one of the two)." });
              return;
            }
            prove.mutate({ action: proofAction, proof: password ? { password } : { code } });
          })}
        >
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Confirm it is you: your password, or a current code.
          </p>
          <TextField
            label="Your password"
            name="password"
            type="password"
            autoComplete="current-password"
            error={proofErrors.password}
          />
          <TextField
            label="Or a code from the app"
            name="code"
            autoComplete="one-time-code"
            error={proofErrors.code}
          />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setProofAction(null)}>
              Cancel
            </Button>
            <Button
              type="submit"
              variant={proofAction === "remove" ? "danger" : "primary"}
              disabled={prove.isPending}
            >
              {proofAction === "remove" ? "Turn off" : "Make new codes"}
            </Button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
