"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { useWholeList, type WholeListColumn } from "@/components/data-table/use-whole-list";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { toast } from "@/components/ui/toast";
import type { UpdateUserInput, UserDto } from "@/lib/api/users";
import { callOperation } from "@/lib/client/call-operation";
import { userQueries } from "@/lib/client/queries/users";
import { formatDateTime } from "@/lib/format";
import { ROLES, type Role } from "@/lib/permissions";
import { TwoFactorPolicy } from "./two-factor-policy";

// Loaded when first shown, not with the page: a dialog and the schema it checks with stay out of the first load.
const CreateUserDialog = dynamic(() =>
  import("./create-user-dialog").then((module) => module.CreateUserDialog),
);
const ResetPasswordDialog = dynamic(() =>
  import("./reset-password-dialog").then((module) => module.ResetPasswordDialog),
);

const NOUN = { one: "user", other: "users" };

/** A change to one person, made from their row or after its confirmation. */
type UserChange =
  | { kind: "update"; user: UserDto; change: UpdateUserInput }
  | { kind: "revoke"; user: UserDto }
  | { kind: "two-factor"; user: UserDto };

/** The changes that ask first; a new password has its own dialog. */
type PendingAction =
  | { kind: "disable"; user: UserDto }
  | { kind: "revoke"; user: UserDto }
  | { kind: "password"; user: UserDto }
  | { kind: "two-factor"; user: UserDto };

function send(change: UserChange): Promise<UserDto> {
  const params = { id: change.user.id };
  if (change.kind === "update") return callOperation("updateUser", { params, body: change.change });
  if (change.kind === "revoke") return callOperation("revokeUserSessions", { params });
  return callOperation("resetUserTwoFactor", { params });
}

function doneMessage(change: UserChange, saved: UserDto): string {
  if (change.kind === "revoke") return `${saved.email} is signed out everywhere`;
  if (change.kind === "two-factor") return `Two-factor sign-in of ${saved.email} is off`;
  return `Saved ${saved.email}`;
}

function userColumns(
  currentUserId: string,
  onRole: (user: UserDto, role: Role) => void,
): readonly WholeListColumn<UserDto>[] {
  return [
    {
      id: "email",
      header: "Email",
      className: "font-medium",
      cell: (user) => (
        <>
          {user.email}
          {user.id === currentUserId && (
            <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">(you)</span>
          )}
        </>
      ),
    },
    { id: "name", header: "Name", cell: (user) => user.name },
    {
      id: "role",
      header: "Role",
      cell: (user) => (
        <select
          aria-label={`Role of ${user.email}`}
          value={user.role}
          onChange={(event) => {
            const role = ROLES.find((value) => value === event.target.value);
            if (role) onRole(user, role);
          }}
          className="rounded border border-slate-300 bg-white px-1.5 py-1 dark:border-slate-700 dark:bg-slate-900"
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      ),
    },
    {
      id: "status",
      header: "Status",
      cell: (user) =>
        user.disabled ? <Badge tone="bad">disabled</Badge> : <Badge tone="good">active</Badge>,
    },
    {
      id: "twoFactor",
      header: "Two-factor",
      cell: (user) => (user.twoFactor ? <Badge tone="good">on</Badge> : <Badge>off</Badge>),
    },
    { id: "lastSignIn", header: "Last sign-in", cell: (user) => formatDateTime(user.lastSignInAt) },
  ];
}

export function UsersView({ currentUserId }: { currentUserId: string }) {
  const queryClient = useQueryClient();
  const users = useQuery(userQueries.list());
  const whole = useWholeList(users);
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<PendingAction | null>(null);

  const apply = useMutation({
    mutationFn: send,
    onSuccess: (saved, change) => {
      toast.success(doneMessage(change, saved));
      setPending(null);
    },
    onError: (error) => toast.error(error.message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userQueries.all }),
  });
  const columns = userColumns(currentUserId, (user, role) =>
    apply.mutate({ kind: "update", user, change: { role } }),
  );

  return (
    <>
      <PageHeader
        title="Users"
        description="People who can sign in to the console, and their roles."
        actions={<Button onClick={() => setCreating(true)}>Add user</Button>}
      />
      <TwoFactorPolicy />
      <DataTable
        label="Console users"
        source={whole}
        columns={columns}
        empty={<EmptyState title="No users yet" />}
        noun={NOUN}
        rowKey={(user) => user.id}
        rowTestId={(user) => `user-row-${user.email}`}
        actions={(user) => (
          <div className="flex justify-end gap-1">
            {user.disabled ? (
              <Button
                size="sm"
                variant="secondary"
                onClick={() => apply.mutate({ kind: "update", user, change: { disabled: false } })}
              >
                Enable
              </Button>
            ) : (
              <Button size="sm" variant="secondary" onClick={() => setPending({ kind: "disable", user })}>
                Disable
              </Button>
            )}
            <Button size="sm" variant="secondary" onClick={() => setPending({ kind: "password", user })}>
              Reset password
            </Button>
            <Button size="sm" variant="secondary" onClick={() => setPending({ kind: "revoke", user })}>
              Sign out everywhere
            </Button>
            {user.twoFactor && (
              <Button size="sm" variant="secondary" onClick={() => setPending({ kind: "two-factor", user })}>
                Reset two-factor
              </Button>
            )}
          </div>
        )}
      />
      {creating && <CreateUserDialog onClose={() => setCreating(false)} />}
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
        pending={apply.isPending}
        onConfirm={() =>
          pending && apply.mutate({ kind: "update", user: pending.user, change: { disabled: true } })
        }
        onClose={() => setPending(null)}
      />
      <ConfirmDialog
        open={pending?.kind === "revoke"}
        title="Sign out everywhere"
        message={
          <p>End every session of {pending?.user.email}? They will have to sign in again on every device.</p>
        }
        confirmLabel="Sign out everywhere"
        pending={apply.isPending}
        onConfirm={() => pending && apply.mutate({ kind: "revoke", user: pending.user })}
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
        pending={apply.isPending}
        onConfirm={() => pending && apply.mutate({ kind: "two-factor", user: pending.user })}
        onClose={() => setPending(null)}
      />
      {pending?.kind === "password" && (
        <ResetPasswordDialog user={pending.user} onClose={() => setPending(null)} />
      )}
    </>
  );
}
