"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { CheckedFormDialog, useCheckedForm } from "@/components/ui/checked-form";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { type CreateApiTokenInput, CreateApiTokenSchema } from "@/lib/api/api-tokens";
import { callOperation } from "@/lib/client/call-operation";
import { apiTokenQueries } from "@/lib/client/queries/api-tokens";
import { validateInput } from "@/lib/client/validate-input";
import type { Translate } from "@/lib/i18n/translator";
import { ROLES } from "@/lib/permissions";

const EXPIRY_DAYS = [30, 90, 365];

/** The usual lifetimes up to the console's maximum, and the maximum itself: every token expires. */
function expiryOptions(maxDays: number, t: Translate<"admin">) {
  const days = [...new Set([...EXPIRY_DAYS.filter((d) => d < maxDays), maxDays])];
  return days.map((d) => ({ value: String(d), label: t("createToken.expiry", { days: d }) }));
}

export interface CreateTokenDialogProps {
  /** The console's API_TOKEN_MAX_LIFETIME_DAYS: no expiry choice goes beyond it. */
  maxLifetimeDays: number;
  onClose: () => void;
}

/** Create a token; its secret is shown once, in this dialog, and gone when the dialog closes. */
export function CreateTokenDialog({ maxLifetimeDays, onClose }: CreateTokenDialogProps) {
  const t = useTranslations("admin");
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<string | null>(null);
  const form = useCheckedForm({
    check: (data) =>
      validateInput(CreateApiTokenSchema, {
        name: String(data.get("name") ?? ""),
        role: String(data.get("role") ?? ""),
        expiresInDays: Number(data.get("expiresInDays")),
      }),
    send: (body: CreateApiTokenInput) => callOperation("createApiToken", { body }),
    onSent: (token) => {
      setCreated(token.token);
      void queryClient.invalidateQueries({ queryKey: apiTokenQueries.all });
    },
  });
  if (created) {
    return (
      <Dialog open title={t("createToken.createdTitle")} onClose={onClose}>
        <div className="space-y-3">
          <p className="text-sm">{t("createToken.createdText")}</p>
          <code
            data-testid="created-token"
            className="block break-all rounded bg-slate-100 p-3 text-sm dark:bg-slate-800"
          >
            {created}
          </code>
          <div className="flex justify-end gap-2">
            <Button
              variant="secondary"
              onClick={() =>
                navigator.clipboard.writeText(created).then(
                  () => toast.success(t("createToken.copied")),
                  () => toast.error(t("createToken.copyFailed")),
                )
              }
            >
              {t("createToken.copy")}
            </Button>
            <Button onClick={onClose}>{t("createToken.done")}</Button>
          </div>
        </div>
      </Dialog>
    );
  }
  return (
    <CheckedFormDialog
      title={t("createToken.title")}
      onClose={onClose}
      form={form}
      submitLabel={t("createToken.submit")}
    >
      <TextField
        label={t("createToken.name")}
        name="name"
        required
        placeholder={t("createToken.namePlaceholder")}
      />
      <SelectField
        label={t("createToken.role")}
        name="role"
        defaultValue="viewer"
        options={ROLES.map((role) => ({ value: role, label: role }))}
        hint={t("createToken.roleHint")}
      />
      <SelectField
        label={t("createToken.expires")}
        name="expiresInDays"
        defaultValue={String(Math.min(90, maxLifetimeDays))}
        options={expiryOptions(maxLifetimeDays, t)}
        hint={t("createToken.expiresHint", { days: maxLifetimeDays })}
      />
    </CheckedFormDialog>
  );
}
