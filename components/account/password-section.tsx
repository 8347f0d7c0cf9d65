"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import type { AccountDto, ChangeOwnPasswordInput } from "@/lib/api/account";
import { ApiRequestError } from "@/lib/client/api-fetch";
import { callOperation } from "@/lib/client/call-operation";
import { submitWith } from "@/lib/client/form-submit";
import { useFieldErrors, validateInput } from "@/lib/client/validate-input";

/** Change one's own password: the current one, then the new one twice (a typo would lock the person out). */
export function PasswordSection({ onChanged }: { onChanged: (account: AccountDto) => void }) {
  const t = useTranslations("account");
  const { formRef, fieldErrors: errors, setFieldErrors: setErrors } = useFieldErrors();
  const change = useMutation({
    mutationFn: (body: ChangeOwnPasswordInput) => callOperation("changeOwnPassword", { body }),
    // The passwords are in the mutation's variables: not kept in the mutation cache once the page goes.
    gcTime: 0,
    onSuccess: (account) => {
      toast.success(t("password.changed"));
      setErrors({});
      onChanged(account);
    },
    onError: (error) => {
      if (error instanceof ApiRequestError && error.details.length > 0) setErrors(error.fieldErrors());
      else toast.error(error.message);
    },
  });

  return (
    <form
      ref={formRef}
      aria-labelledby="password-heading"
      className="max-w-md space-y-4"
      noValidate
      onSubmit={submitWith(async (form) => {
        // Loaded when the form is sent, so the page's first load carries no schema builder.
        const { ChangeOwnPasswordSchema } = await import("@/lib/api/account");
        const checked = validateInput(ChangeOwnPasswordSchema, {
          currentPassword: String(form.get("currentPassword") ?? ""),
          newPassword: String(form.get("newPassword") ?? ""),
        });
        // The repeat is the browser's own check (a typo would lock the person out); the server never sees it.
        const repeated = String(form.get("repeatPassword") ?? "");
        const fieldErrors = checked.ok ? {} : checked.fieldErrors;
        if (checked.ok && checked.data.newPassword !== repeated) {
          fieldErrors.repeatPassword = t("password.differ");
        }
        if (!checked.ok || fieldErrors.repeatPassword) {
          setErrors(fieldErrors);
          return;
        }
        setErrors({});
        change.mutate(checked.data);
      })}
    >
      <h2 id="password-heading" className="text-lg font-semibold">
        {t("password.heading")}
      </h2>
      <TextField
        label={t("password.current")}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={errors.currentPassword ?? errors.password}
      />
      <TextField
        label={t("password.new")}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={t("password.newHint")}
        required
        error={errors.newPassword}
      />
      <TextField
        label={t("password.repeat")}
        name="repeatPassword"
        type="password"
        autoComplete="new-password"
        required
        error={errors.repeatPassword}
      />
      <Button type="submit" disabled={change.isPending}>
        {change.isPending ? t("password.pending") : t("password.submit")}
      </Button>
    </form>
  );
}
