"use client";

import { useQueryClient } from "@tanstack/react-query";
import { CheckedFormFooter, useCheckedForm } from "@/components/ui/checked-form";
import { Dialog } from "@/components/ui/dialog";
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
  const { errors } = form;
  return (
    <Dialog open title="Add user" onClose={onClose} guardTypedInput>
      <form
        ref={form.formRef}
        aria-label="Add user"
        className="space-y-3"
        noValidate
        onSubmit={form.onSubmit}
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
        <CheckedFormFooter
          formError={form.formError}
          submitLabel="Create user"
          pendingLabel="Creating…"
          pending={form.mutation.isPending}
        />
      </form>
    </Dialog>
  );
}
