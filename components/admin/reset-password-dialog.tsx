"use client";

import { CheckedFormFooter, useCheckedForm } from "@/components/ui/checked-form";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
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
    <Dialog open title={title} onClose={onClose} guardTypedInput>
      <form ref={form.formRef} aria-label={title} className="space-y-3" noValidate onSubmit={form.onSubmit}>
        <TextField
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 12 characters. The user's sessions end when you save."
          error={form.errors.password}
        />
        <CheckedFormFooter
          formError={form.formError}
          submitLabel="Reset password"
          pending={form.mutation.isPending}
        />
      </form>
    </Dialog>
  );
}
