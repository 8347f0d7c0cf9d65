"use client";

import { useTranslations } from "@/components/i18n/i18n-provider";
import { CheckedFormDialog, NewPasswordField, useCheckedForm } from "@/components/ui/checked-form";
import { toast } from "@/components/ui/toast";
import { type UpdateUserInput, UpdateUserSchema, type UserDto } from "@/lib/api/users";
import { callOperation } from "@/lib/client/call-operation";
import { validateInput } from "@/lib/client/validate-input";

export interface ResetPasswordDialogProps {
  user: UserDto;
  onClose: () => void;
}

/** An admin sets a new password for someone; their sessions end when it is saved. */
export function ResetPasswordDialog({ user, onClose }: ResetPasswordDialogProps) {
  const t = useTranslations("admin");
  const form = useCheckedForm({
    check: (data) => validateInput(UpdateUserSchema, { password: String(data.get("password") ?? "") }),
    send: (body: UpdateUserInput) => callOperation("updateUser", { params: { id: user.id }, body }),
    onSent: (saved) => {
      toast.success(t("resetPassword.done", { email: saved.email }));
      onClose();
    },
  });
  return (
    <CheckedFormDialog
      title={t("resetPassword.title", { email: user.email })}
      onClose={onClose}
      form={form}
      submitLabel={t("resetPassword.submit")}
    >
      <NewPasswordField label={t("resetPassword.password")} hint={t("resetPassword.passwordHint")} />
    </CheckedFormDialog>
  );
}
