"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { CheckedFormDialog, NewPasswordField, useCheckedForm } from "@/components/ui/checked-form";
import { SelectField, TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { type CreateUserInput, CreateUserSchema } from "@/lib/api/users";
import { callOperation } from "@/lib/client/call-operation";
import { userQueries } from "@/lib/client/queries/users";
import { validateInput } from "@/lib/client/validate-input";
import { ROLES } from "@/lib/permissions";

/** Add a person: checked with the server's own schema first; the password policy itself is the server's. */
export function CreateUserDialog({ onClose }: { onClose: () => void }) {
  const t = useTranslations("admin");
  const queryClient = useQueryClient();
  const form = useCheckedForm({
    check: (data) =>
      validateInput(CreateUserSchema, {
        email: String(data.get("email") ?? "").trim(),
        name: String(data.get("name") ?? ""),
        role: String(data.get("role") ?? ""),
        // As typed: a space may be part of a password.
        password: String(data.get("password") ?? ""),
      }),
    send: (body: CreateUserInput) => callOperation("createUser", { body }),
    onSent: (user) => {
      toast.success(t("createUser.created", { email: user.email }));
      void queryClient.invalidateQueries({ queryKey: userQueries.all });
      onClose();
    },
  });
  return (
    <CheckedFormDialog
      title={t("createUser.title")}
      onClose={onClose}
      form={form}
      submitLabel={t("createUser.submit")}
      pendingLabel={t("createUser.pending")}
    >
      <TextField label={t("createUser.email")} name="email" type="email" required />
      <TextField label={t("createUser.name")} name="name" required />
      <SelectField
        label={t("createUser.role")}
        name="role"
        defaultValue="operator"
        options={ROLES.map((role) => ({ value: role, label: role }))}
      />
      <NewPasswordField label={t("createUser.password")} hint={t("createUser.passwordHint")} />
    </CheckedFormDialog>
  );
}
