"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckedFormDialog, useCheckedForm } from "@/components/ui/checked-form";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { type CreateApiTokenInput, CreateApiTokenSchema } from "@/lib/api/api-tokens";
import { callOperation } from "@/lib/client/call-operation";
import { apiTokenQueries } from "@/lib/client/queries/api-tokens";
import { validateInput } from "@/lib/client/validate-input";
import { ROLES } from "@/lib/permissions";

const EXPIRY_DAYS = [30, 90, 365];

/** The usual lifetimes up to the console's maximum, and the maximum itself: every token expires. */
function expiryOptions(maxDays: number) {
  const days = [...new Set([...EXPIRY_DAYS.filter((d) => d < maxDays), maxDays])];
  return days.map((d) => ({
    value: String(d),
    label: d === 365 ? "1 year" : `${d} day${d === 1 ? "" : "s"}`,
  }));
}

export interface CreateTokenDialogProps {
  /** The console's API_TOKEN_MAX_LIFETIME_DAYS: no expiry choice goes beyond it. */
  maxLifetimeDays: number;
  onClose: () => void;
}

/** Create a token; its secret is shown once, in this dialog, and gone when the dialog closes. */
export function CreateTokenDialog({ maxLifetimeDays, onClose }: CreateTokenDialogProps) {
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
      <Dialog open title="Copy your token now" onClose={onClose}>
        <div className="space-y-3">
          <p className="text-sm">
            This is the only time the token is shown. Store it in your script's secret store.
          </p>
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
                  () => toast.success("Copied"),
                  () => toast.error("Copy failed: select the text and copy it by hand"),
                )
              }
            >
              Copy
            </Button>
            <Button onClick={onClose}>Done</Button>
          </div>
        </div>
      </Dialog>
    );
  }
  return (
    <CheckedFormDialog title="Create API token" onClose={onClose} form={form} submitLabel="Create token">
      <TextField label="Name" name="name" required placeholder="nightly-cdr-export" />
      <SelectField
        label="Role"
        name="role"
        defaultValue="viewer"
        options={ROLES.map((role) => ({ value: role, label: role }))}
        hint="Give a script the smallest role that does its job."
      />
      <SelectField
        label="Expires"
        name="expiresInDays"
        defaultValue={String(Math.min(90, maxLifetimeDays))}
        options={expiryOptions(maxLifetimeDays)}
        hint={`Every token expires; this console allows at most ${maxLifetimeDays} days.`}
      />
    </CheckedFormDialog>
  );
}
