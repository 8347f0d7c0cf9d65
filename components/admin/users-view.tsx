"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, QueryErrorState, TableSkeleton } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import type { UpdateUserInput, UserDto } from "@/lib/api/users";
import { ApiRequestError, apiFetch } from "@/lib/client/api-fetch";
import { submitWith } from "@/lib/client/form-submit";
import { userKeys } from "@/lib/client/query-keys";
import { formatDateTime } from "@/lib/format";
import { ROLES, type Role } from "@/lib/permissions";
import { TwoFactorPolicy } from "./two-factor-policy";

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: role }));

type PendingAction =
  | { kind: "disable"; user: UserDto }
  | { kind: "revoke"; user: UserDto }
  | { kind: "password"; user: UserDto }
  | { kind: "two-factor"; user: UserDto };

export function UsersView({ currentUserId }: { currentUserId: string }) {
  const queryClient = useQueryClient();
  const users = useQuery({
    queryKey: userKeys.list(),
    queryFn: ({ signal }) => apiFetch<{ items: UserDto[] }>("/api/v1/users", { signal }),
  });
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<PendingAction | null>(null);

  const update = useMutation({
    mutationFn: ({ id, change }: { id: string; change: UpdateUserInput }) =>
      apiFetch<UserDto>(`/api/v1/users/${id}`, { method: "PATCH", body: change }),
    onSuccess: (user) => {
      toast.success(`Saved ${user.email}`);
      setPending(null);
    },
    onError: (error) => toast.error(error.message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => apiFetch<UserDto>(`/api/v1/users/${id}/revoke-sessions`, { method: "POST" }),
    onSuccess: (user) => {
      toast.success(`${user.email} is signed out everywhere`);
      setPending(null);
    },
    onError: (error) => toast.error(error.message),
  });
  const resetTwoFactor = useMutation({
    mutationFn: (id: string) => apiFetch<UserDto>(`/api/v1/users/${id}/two-factor`, { method: "DELETE" }),
    onSuccess: (user) => {
      toast.success(`Two-factor sign-in of ${user.email} is off`);
      setPending(null);
    },
    onError: (error) => toast.error(error.message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });

  return (
    <>
      <PageHeader
        title="Users"
        description="People who can sign in to the console, and their roles."
        actions={<Button onClick={() => setCreating(true)}>Add user</Button>}
      />
      <TwoFactorPolicy />
      {users.isPending && <TableSkeleton />}
      <QueryErrorState query={users} />
      {users.data && users.data.items.length === 0 && <EmptyState title="No users yet" />}
      {users.data && users.data.items.length > 0 && (
        <Table aria-label="Console users">
          <thead>
            <tr>
              <Th>Email</Th>
              <Th>Name</Th>
              <Th>Role</Th>
              <Th>Status</Th>
              <Th>Two-factor</Th>
              <Th>Last sign-in</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((user) => (
              <tr key={user.id} data-testid={`user-row-${user.email}`}>
                <Td className="font-medium">
                  {user.email}
                  {user.id === currentUserId && (
                    <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">(you)</span>
                  )}
                </Td>
                <Td>{user.name}</Td>
                <Td>
                  <select
                    aria-label={`Role of ${user.email}`}
                    value={user.role}
                    onChange={(event) =>
                      update.mutate({ id: user.id, change: { role: event.target.value as Role } })
                    }
                    className="rounded border border-slate-300 bg-white px-1.5 py-1 dark:border-slate-700 dark:bg-slate-900"
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {role}
                      </option>
                    ))}
                  </select>
                </Td>
                <Td>
                  {user.disabled ? <Badge tone="bad">disabled</Badge> : <Badge tone="good">active</Badge>}
                </Td>
                <Td>{user.twoFactor ? <Badge tone="good">on</Badge> : <Badge>off</Badge>}</Td>
                <Td>{formatDateTime(user.lastSignInAt)}</Td>
                <Td className="whitespace-nowrap text-right">
                  <div className="flex justify-end gap-1">
                    {user.disabled ? (
                      <Button
                        size="sm"
                        variant="secondary"
                        onClick={() => update.mutate({ id: user.id, change: { disabled: false } })}
                      >
                        Enable
                      </Button>
                    ) : (
                      <Button
                        size="sm"
                        variant="secondary"
                        onClick={() => setPending({ kind: "disable", user })}
                      >
                        Disable
                      </Button>
                    )}
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={() => setPending({ kind: "password", user })}
                    >
                      Reset password
                    </Button>
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={() => setPending({ kind: "revoke", user })}
                    >
                      Sign out everywhere
                    </Button>
                    {user.twoFactor && (
                      <Button
                        size="sm"
                        variant="secondary"
                        onClick={() => setPending({ kind: "two-factor", user })}
                      >
                        Reset two-factor
                      </Button>
                    )}
                  </div>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        open={pending?.kind === "disable"}
        title="Disable user"
        message={
          <p>
            Disable {pending?.user.email}? They are signed out at their next request and cannot sign in until
            re-enabled.
          </p>
        }
        confirmLabel="Disable"
        danger
        pending={update.isPending}
        onConfirm={() => pending && update.mutate({ id: pending.user.id, change: { disabled: true } })}
        onClose={() => setPending(null)}
      />
      <ConfirmDialog
        open={pending?.kind === "revoke"}
        title="Sign out everywhere"
        message={
          <p>End every session of {pending?.user.email}? They will have to sign in again on every device.</p>
        }
        confirmLabel="Sign out everywhere"
        pending={revoke.isPending}
        onConfirm={() => pending && revoke.mutate(pending.user.id)}
        onClose={() => setPending(null)}
      />
      <ConfirmDialog
        open={pending?.kind === "two-factor"}
        title="Reset two-factor sign-in"
        message={
          <p>
            Turn off two-factor sign-in for {pending?.user.email}? Do this only when they lost both their
            authenticator and their recovery codes, and you know it is them asking.
          </p>
        }
        confirmLabel="Reset two-factor"
        danger
        pending={resetTwoFactor.isPending}
        onConfirm={() => pending && resetTwoFactor.mutate(pending.user.id)}
        onClose={() => setPending(null)}
      />
      <ResetPasswordDialog
        user={pending?.kind === "password" ? pending.user : null}
        onClose={() => setPending(null)}
      />
    </>
  );
}

function CreateUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: (input: { email: string; name: string; role: Role; password: string }) =>
      apiFetch<UserDto>("/api/v1/users", { method: "POST", body: input }),
    onSuccess: (user) => {
      toast.success(`Created ${user.email}`);
      setErrors({});
      onClose();
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
    onError: (error) => {
      if (error instanceof ApiRequestError) setErrors(error.fieldErrors());
      toast.error(error.message);
    },
  });
  return (
    <Dialog open={open} title="Add user" onClose={onClose}>
      <form
        className="space-y-3"
        onSubmit={submitWith((form) =>
          create.mutate({
            email: String(form.get("email")),
            name: String(form.get("name")),
            role: String(form.get("role")) as Role,
            password: String(form.get("password")),
          }),
        )}
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
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create user"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function ResetPasswordDialog({ user, onClose }: { user: UserDto | null; onClose: () => void }) {
  const [error, setError] = useState<string>();
  const reset = useMutation({
    mutationFn: (password: string) =>
      apiFetch<UserDto>(`/api/v1/users/${user?.id}`, { method: "PATCH", body: { password } }),
    onSuccess: (saved) => {
      toast.success(`Password of ${saved.email} reset; their sessions were ended`);
      setError(undefined);
      onClose();
    },
    onError: (failure) =>
      setError(
        failure instanceof ApiRequestError
          ? (failure.fieldErrors().password ?? failure.message)
          : failure.message,
      ),
  });
  return (
    <Dialog open={user !== null} title={`Reset password of ${user?.email ?? ""}`} onClose={onClose}>
      <form className="space-y-3" onSubmit={submitWith((form) => reset.mutate(String(form.get("password"))))}>
        <TextField
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 12 characters. The user's sessions end when you save."
          error={error}
        />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={reset.isPending}>
            Reset password
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
