"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancelButton } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { type UpdateUserInput, UpdateUserSchema, type UserDto } from "@/lib/api/users";
import { ApiRequestError } from "@/lib/client/api-fetch";
import { callOperation } from "@/lib/client/call-operation";
import { submitWith } from "@/lib/client/form-submit";
import { useFieldErrors, validateInput } from "@/lib/client/validate-input";

export interface ResetPasswordDialogProps {
  user: UserDto;
  onClose: () => void;
}

/** An admin sets a new password for someone; their sessions end when it is saved. */
export function ResetPasswordDialog({ user, onClose }: ResetPasswordDialogProps) {
  const { formRef, fieldErrors: errors, setFieldErrors: setErrors } = useFieldErrors();
  const [formError, setFormError] = useState<string | null>(null);
  const reset = useMutation({
    mutationFn: (body: UpdateUserInput) => callOperation("updateUser", { params: { id: user.id }, body }),
    // The password is in the mutation's variables: dropped with the dialog, not kept in the mutation cache.
    gcTime: 0,
    onSuccess: (saved) => {
      toast.success(`Password of ${saved.email} reset; their sessions were ended`);
      onClose();
    },
    onError: (error) => {
      const fields = error instanceof ApiRequestError ? error.fieldErrors() : {};
      setErrors(fields);
      setFormError(Object.keys(fields).length > 0 ? null : error.message);
    },
  });
  const title = `Reset password of ${user.email}`;
  return (
    <Dialog open title={title} onClose={onClose} guardTypedInput>
      <form
        ref={formRef}
        aria-label={title}
        className="space-y-3"
        noValidate
        onSubmit={submitWith((form) => {
          setFormError(null);
          const checked = validateInput(UpdateUserSchema, { password: String(form.get("password") ?? "") });
          if (!checked.ok) {
            setErrors(checked.fieldErrors);
            return;
          }
          setErrors({});
          reset.mutate(checked.data);
        })}
      >
        <TextField
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 12 characters. The user's sessions end when you save."
          error={errors.password}
        />
        {formError && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {formError}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <DialogCancelButton />
          <Button type="submit" disabled={reset.isPending}>
            Reset password
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
