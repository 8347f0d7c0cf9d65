"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { useWholeList, type WholeListColumn } from "@/components/data-table/use-whole-list";
import { useFormats, useTranslations } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { toast } from "@/components/ui/toast";
import type { UpdateUserInput, UserDto } from "@/lib/api/users";
import { callOperation } from "@/lib/client/call-operation";
import { userQueries } from "@/lib/client/queries/users";
import type { Formats } from "@/lib/i18n/formats";
import type { Translate } from "@/lib/i18n/translator";
import { ROLES, type Role } from "@/lib/permissions";
import { TwoFactorPolicy } from "./two-factor-policy";

// Loaded when first shown, not with the page: a dialog and the schema it checks with stay out of the first load.
const CreateUserDialog = dynamic(() =>
  import("./create-user-dialog").then((module) => module.CreateUserDialog),
);
const ResetPasswordDialog = dynamic(() =>
  import("./reset-password-dialog").then((module) => module.ResetPasswordDialog),
);

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

function doneMessage(change: UserChange, saved: UserDto, t: Translate<"admin">): string {
  if (change.kind === "revoke") return t("users.done.signedOut", { email: saved.email });
  if (change.kind === "two-factor") return t("users.done.twoFactorOff", { email: saved.email });
  return t("users.done.saved", { email: saved.email });
}

function userColumns(
  t: Translate<"admin">,
  f: Formats,
  currentUserId: string,
  onRole: (user: UserDto, role: Role) => void,
): readonly WholeListColumn<UserDto>[] {
  return [
    {
      id: "email",
      header: t("users.columns.email"),
      className: "font-medium",
      cell: (user) => (
        <>
          {user.email}
          {user.id === currentUserId && (
            <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">{t("users.you")}</span>
          )}
        </>
      ),
    },
    { id: "name", header: t("users.columns.name"), cell: (user) => user.name },
    {
      id: "role",
      header: t("users.columns.role"),
      cell: (user) => (
        <select
          aria-label={t("users.roleOf", { email: user.email })}
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
      header: t("users.columns.status"),
      cell: (user) =>
        user.disabled ? (
          <Badge tone="bad">{t("users.status.disabled")}</Badge>
        ) : (
          <Badge tone="good">{t("users.status.active")}</Badge>
        ),
    },
    {
      id: "twoFactor",
      header: t("users.columns.twoFactor"),
      cell: (user) =>
        user.twoFactor ? (
          <Badge tone="good">{t("users.twoFactor.on")}</Badge>
        ) : (
          <Badge>{t("users.twoFactor.off")}</Badge>
        ),
    },
    {
      id: "lastSignIn",
      header: t("users.columns.lastSignIn"),
      cell: (user) => f.dateTime(user.lastSignInAt),
    },
  ];
}

export function UsersView({ currentUserId }: { currentUserId: string }) {
  const t = useTranslations("admin");
  const f = useFormats();
  const queryClient = useQueryClient();
  const users = useQuery(userQueries.list());
  const whole = useWholeList(users);
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<PendingAction | null>(null);

  const apply = useMutation({
    mutationFn: send,
    onSuccess: (saved, change) => {
      toast.success(doneMessage(change, saved, t));
      setPending(null);
    },
    onError: (error) => toast.error(error.message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userQueries.all }),
  });
  const { mutate } = apply;
  const columns = useMemo(
    () =>
      userColumns(t, f, currentUserId, (user, role) => mutate({ kind: "update", user, change: { role } })),
    [t, f, currentUserId, mutate],
  );

  return (
    <>
      <PageHeader
        title={t("users.title")}
        description={t("users.description")}
        actions={<Button onClick={() => setCreating(true)}>{t("users.add")}</Button>}
      />
      <TwoFactorPolicy />
      <DataTable
        label={t("users.tableLabel")}
        source={whole}
        columns={columns}
        empty={<EmptyState title={t("users.empty")} />}
        noun={{ one: t("users.noun.one"), other: t("users.noun.other") }}
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
                {t("users.actions.enable")}
              </Button>
            ) : (
              <Button size="sm" variant="secondary" onClick={() => setPending({ kind: "disable", user })}>
                {t("users.actions.disable")}
              </Button>
            )}
            <Button size="sm" variant="secondary" onClick={() => setPending({ kind: "password", user })}>
              {t("users.actions.resetPassword")}
            </Button>
            <Button size="sm" variant="secondary" onClick={() => setPending({ kind: "revoke", user })}>
              {t("users.actions.signOutEverywhere")}
            </Button>
            {user.twoFactor && (
              <Button size="sm" variant="secondary" onClick={() => setPending({ kind: "two-factor", user })}>
                {t("users.actions.resetTwoFactor")}
              </Button>
            )}
          </div>
        )}
      />
      {creating && <CreateUserDialog onClose={() => setCreating(false)} />}
      <ConfirmDialog
        open={pending?.kind === "disable"}
        title={t("users.disable.title")}
        message={<p>{t("users.disable.message", { email: pending?.user.email ?? "" })}</p>}
        confirmLabel={t("users.actions.disable")}
        danger
        pending={apply.isPending}
        onConfirm={() =>
          pending && apply.mutate({ kind: "update", user: pending.user, change: { disabled: true } })
        }
        onClose={() => setPending(null)}
      />
      <ConfirmDialog
        open={pending?.kind === "revoke"}
        title={t("users.signOut.title")}
        message={<p>{t("users.signOut.message", { email: pending?.user.email ?? "" })}</p>}
        confirmLabel={t("users.actions.signOutEverywhere")}
        pending={apply.isPending}
        onConfirm={() => pending && apply.mutate({ kind: "revoke", user: pending.user })}
        onClose={() => setPending(null)}
      />
      <ConfirmDialog
        open={pending?.kind === "two-factor"}
        title={t("users.resetTwoFactor.title")}
        message={<p>{t("users.resetTwoFactor.message", { email: pending?.user.email ?? "" })}</p>}
        confirmLabel={t("users.actions.resetTwoFactor")}
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
