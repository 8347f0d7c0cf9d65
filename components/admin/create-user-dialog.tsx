"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancelButton } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { type CreateUserInput, CreateUserSchema } from "@/lib/api/users";
import { ApiRequestError } from "@/lib/client/api-fetch";
import { callOperation } from "@/lib/client/call-operation";
import { submitWith } from "@/lib/client/form-submit";
import { userQueries } from "@/lib/client/queries/users";
import { useFieldErrors, validateInput } from "@/lib/client/validate-input";
import { ROLES } from "@/lib/permissions";

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: role }));

/** Add a person: checked with the server's own schema first; the password policy itself is the server's. */
export function CreateUserDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const { formRef, fieldErrors: errors, setFieldErrors: setErrors } = useFieldErrors();
  const [formError, setFormError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: CreateUserInput) => callOperation("createUser", { body }),
    // The password is in the mutation's variables: dropped with the dialog, not kept in the mutation cache.
    gcTime: 0,
    onSuccess: (user) => {
      toast.success(`Created ${user.email}`);
      void queryClient.invalidateQueries({ queryKey: userQueries.all });
      onClose();
    },
    onError: (error) => {
      const fields = error instanceof ApiRequestError ? error.fieldErrors() : {};
      setErrors(fields);
      setFormError(Object.keys(fields).length > 0 ? null : error.message);
    },
  });
  return (
    <Dialog open title="Add user" onClose={onClose} guardTypedInput>
      <form
        ref={formRef}
        aria-label="Add user"
        className="space-y-3"
        noValidate
        onSubmit={submitWith((form) => {
          setFormError(null);
          const checked = validateInput(CreateUserSchema, {
            email: String(form.get("email") ?? "").trim(),
            name: String(form.get("name") ?? ""),
            role: String(form.get("role") ?? ""),
            // As typed: a space may be part of a password.
            password: String(form.get("password") ?? ""),
          });
          if (!checked.ok) {
            setErrors(checked.fieldErrors);
            return;
          }
          setErrors({});
          create.mutate(checked.data);
        })}
      >
        <TextField label="Email" name="email" type="email" required error={errors.email} />
        <TextField label="Name" name="name" required error={errors.name} />
        <SelectField
          label="Role"
          name="role"
          defaultValue="operator"
          options={ROLE_OPTIONS}
          error={errors.role}
        />
        <TextField
          label="Initial password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 12 characters; common passwords are refused."
          error={errors.password}
        />
        {formError && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {formError}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <DialogCancelButton />
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create user"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
