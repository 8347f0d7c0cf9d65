"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { submitWith } from "@/lib/client/form-submit";
import { asksForSecondFactor, type SignInErrorCode, signInError } from "@/lib/sign-in-errors";

export interface LoginFormProps {
  callbackUrl: string;
  /** Why the last sign-in did not happen (the URL's `?error=`, already read as one of the known codes). */
  initialError?: SignInErrorCode;
}

export function LoginForm({ callbackUrl, initialError }: LoginFormProps) {
  const t = useTranslations("auth");
  const [error, setError] = useState<SignInErrorCode | undefined>(initialError);
  const [pending, setPending] = useState(false);
  // Shown once the server says the password was right and the account has a second factor.
  const [askCode, setAskCode] = useState(false);

  async function submit(form: FormData) {
    setPending(true);
    setError(undefined);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      ...(askCode && { code: String(form.get("code") ?? "") }),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      // A full navigation, so the server renders the shell with the new session.
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    // The server answers a code; what the person reads is the fixed message for it.
    const code = result?.error ?? "sign-in-failed";
    if (asksForSecondFactor(code)) setAskCode(true);
    setError(signInError(code));
  }

  return (
    <form onSubmit={submitWith(submit)} className="space-y-4">
      <TextField label={t("email")} name="email" type="email" autoComplete="username" required autoFocus />
      <TextField
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      {askCode && (
        <TextField
          label={t("code")}
          name="code"
          autoComplete="one-time-code"
          hint={t("codeHint")}
          required
          autoFocus
        />
      )}
      {error && (
        <p
          role="alert"
          className="rounded-md bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100"
        >
          {t(`errors.${error}`)}
        </p>
      )}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("pending") : t("submit")}
      </Button>
    </form>
  );
}
