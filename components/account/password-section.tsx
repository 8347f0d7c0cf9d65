"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { AccountDto } from "@/lib/api/account";
import { ApiRequestError, apiFetch } from "@/lib/client/api-fetch";
import { submitWith } from "@/lib/client/form-submit";

/** Change one's own password: the current one, then the new one twice (a typo would lock the person out). */
export function PasswordSection({ onChanged }: { onChanged: (account: AccountDto) => void }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      apiFetch<AccountDto>("/api/v1/account/password", { method: "POST", body }),
    onSuccess: (account) => {
      toast.success("Password changed. Your other sessions have ended.");
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
      aria-labelledby="password-heading"
      className="max-w-md space-y-4"
      onSubmit={submitWith((form) => {
        const currentPassword = String(form.get("currentPassword") ?? "");
        const newPassword = String(form.get("newPassword") ?? "");
        if (newPassword !== String(form.get("repeatPassword") ?? "")) {
          setErrors({ repeatPassword: "The two new passwords differ." });
          return;
        }
        change.mutate({ currentPassword, newPassword });
      })}
    >
      <h2 id="password-heading" className="text-lg font-semibold">
        Password
      </h2>
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={errors.currentPassword ?? errors.password}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters, not a common password."
        required
        error={errors.newPassword}
      />
      <TextField
        label="Repeat the new password"
        name="repeatPassword"
        type="password"
        autoComplete="new-password"
        required
        error={errors.repeatPassword}
      />
      <Button type="submit" disabled={change.isPending}>
        {change.isPending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
