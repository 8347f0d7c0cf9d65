"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, QueryErrorState, TableSkeleton } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import type { UpdateUserInput, UserDto } from "@/lib/api/users";
import { callOperation } from "@/lib/client/call-operation";
import { userQueries } from "@/lib/client/queries/users";
import { formatDateTime } from "@/lib/format";
import { ROLES, type Role } from "@/lib/permissions";
import { CreateUserDialog } from "./create-user-dialog";
import { ResetPasswordDialog } from "./reset-password-dialog";
import { TwoFactorPolicy } from "./two-factor-policy";

type PendingAction =
  | { kind: "disable"; user: UserDto }
  | { kind: "revoke"; user: UserDto }
  | { kind: "password"; user: UserDto }
  | { kind: "two-factor"; user: UserDto };

export function UsersView({ currentUserId }: { currentUserId: string }) {
  const queryClient = useQueryClient();
  const users = useQuery(userQueries.list());
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<PendingAction | null>(null);

  const update = useMutation({
    mutationFn: ({ id, change }: { id: string; change: UpdateUserInput }) =>
      callOperation("updateUser", { params: { id }, body: change }),
    onSuccess: (user) => {
      toast.success(`Saved ${user.email}`);
      setPending(null);
    },
    onError: (error) => toast.error(error.message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userQueries.all }),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => callOperation("revokeUserSessions", { params: { id } }),
    onSuccess: (user) => {
      toast.success(`${user.email} is signed out everywhere`);
      setPending(null);
    },
    onError: (error) => toast.error(error.message),
  });
  const resetTwoFactor = useMutation({
    mutationFn: (id: string) => callOperation("resetUserTwoFactor", { params: { id } }),
    onSuccess: (user) => {
      toast.success(`Two-factor sign-in of ${user.email} is off`);
      setPending(null);
    },
    onError: (error) => toast.error(error.message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userQueries.all }),
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
      {pending?.kind === "password" && (
        <ResetPasswordDialog user={pending.user} onClose={() => setPending(null)} />
      )}
    </>
  );
}
