"use client";

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
  const form = useCheckedForm({
    check: (data) => validateInput(UpdateUserSchema, { password: String(data.get("password") ?? "") }),
    send: (body: UpdateUserInput) => callOperation("updateUser", { params: { id: user.id }, body }),
    onSent: (saved) => {
      toast.success(`Password of ${saved.email} reset; their sessions were ended`);
      onClose();
    },
  });
  const title = `Reset password of ${user.email}`;
  return (
    <CheckedFormDialog title={title} onClose={onClose} form={form} submitLabel="Reset password">
      <NewPasswordField
        label="New password"
        hint="At least 12 characters. The user's sessions end when you save."
      />
    </CheckedFormDialog>
  );
}
