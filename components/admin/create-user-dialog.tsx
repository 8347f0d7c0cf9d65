"use client";

import { useQueryClient } from "@tanstack/react-query";
import { CheckedFormDialog, NewPasswordField, useCheckedForm } from "@/components/ui/checked-form";
import { SelectField, TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { type CreateUserInput, CreateUserSchema } from "@/lib/api/users";
import { callOperation } from "@/lib/client/call-operation";
import { userQueries } from "@/lib/client/queries/users";
import { validateInput } from "@/lib/client/validate-input";
import { ROLES } from "@/lib/permissions";

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: role }));

/** Add a person: checked with the server's own schema first; the password policy itself is the server's. */
export function CreateUserDialog({ onClose }: { onClose: () => void }) {
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
      toast.success(`Created ${user.email}`);
      void queryClient.invalidateQueries({ queryKey: userQueries.all });
      onClose();
    },
  });
  return (
    <CheckedFormDialog
      title="Add user"
      onClose={onClose}
      form={form}
      submitLabel="Create user"
      pendingLabel="Creating…"
    >
      <TextField label="Email" name="email" type="email" required />
      <TextField label="Name" name="name" required />
      <SelectField label="Role" name="role" defaultValue="operator" options={ROLE_OPTIONS} />
      <NewPasswordField
        label="Initial password"
        hint="At least 12 characters; common passwords are refused."
      />
    </CheckedFormDialog>
  );
}
