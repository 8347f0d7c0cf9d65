"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { parseAsString } from "nuqs";
import { useState } from "react";
import { ConnectionPage } from "@/components/connections/connection-page";
import { useConnectionChoice } from "@/components/connections/connection-picker";
import type { ColumnDef } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import { ListSearch } from "@/components/data-table/list-search";
import { defineListState, orderAndPage } from "@/components/data-table/list-state";
import { useListState } from "@/components/data-table/use-list-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { EmptyState, QueryErrorState } from "@/components/ui/states";
import type { CreateMailUserInput, MailUserDto } from "@/lib/api/kerio-connect";
import { ApiRequestError } from "@/lib/client/api-fetch";
import { callOperation } from "@/lib/client/call-operation";
import { submitWith } from "@/lib/client/form-submit";
import { mailQueries } from "@/lib/client/queries/kerio-connect";
import type { ConnectionChoice } from "@/lib/connection-kinds";
import { MAIL_USER_SORTS, type MailRemovalMode, type MailUserSort } from "@/lib/kerio-connect-vocabulary";

const mailUserList = defineListState({
  sorts: MAIL_USER_SORTS,
  defaultSort: "loginName",
  filters: { domain: parseAsString.withDefault(""), q: parseAsString.withDefault("") },
});

const NOUN = { one: "user", other: "users" };

function formatSize(bytes: number | null): string {
  if (bytes === null) return "—";
  if (bytes < 1024 ** 2) return `${Math.round(bytes / 1024)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

/** The last enable/disable that failed, shown on its row until the next one. */
type RowError = { id: string; message: string } | null;

function mailUserColumns(domainName: string, rowError: RowError): ColumnDef<MailUserDto, MailUserSort>[] {
  return [
    {
      id: "loginName",
      header: "Login",
      sort: "loginName",
      className: "font-mono",
      cell: (user) => (
        <>
          {user.loginName}@{domainName}
          {rowError?.id === user.id && (
            <p role="alert" className="mt-1 font-sans text-xs text-red-700 dark:text-red-400">
              {rowError.message}
            </p>
          )}
        </>
      ),
    },
    { id: "fullName", header: "Full name", sort: "fullName", cell: (user) => user.fullName },
    {
      id: "enabled",
      header: "Status",
      sort: "enabled",
      cell: (user) => (user.enabled ? <Badge tone="good">enabled</Badge> : <Badge>disabled</Badge>),
    },
    { id: "size", header: "Mailbox", sort: "size", cell: (user) => formatSize(user.consumedBytes) },
  ];
}

export interface MailUsersViewProps {
  connections: ConnectionChoice[];
  canWrite: boolean;
}

export function MailUsersView({ connections, canWrite }: MailUsersViewProps) {
  const { connectionId, choose } = useConnectionChoice(connections);
  const list = useListState(mailUserList, null);
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [removing, setRemoving] = useState<MailUserDto | null>(null);
  const [rowError, setRowError] = useState<RowError>(null);

  const domains = useQuery({ ...mailQueries.domains(connectionId), enabled: connectionId !== "" });
  const domainId = list.filters.domain || domains.data?.items[0]?.id || "";
  const users = useQuery({
    ...mailQueries.users(connectionId, {
      domainId,
      ...orderAndPage(list),
      ...(list.filters.q && { q: list.filters.q }),
    }),
    enabled: connectionId !== "" && domainId !== "",
  });
  const refresh = () =>
    void queryClient.invalidateQueries({ queryKey: mailQueries.connection(connectionId) });
  const toggle = useMutation({
    mutationFn: (user: MailUserDto) =>
      callOperation("updateMailUser", {
        params: { connectionId, userId: user.id },
        body: { enabled: !user.enabled },
      }),
    onMutate: () => setRowError(null),
    onError: (error, user) => setRowError({ id: user.id, message: error.message }),
    onSettled: refresh,
  });

  const data = users.data;
  const domainName = domains.data?.items.find((domain) => domain.id === domainId)?.name ?? "";

  return (
    <ConnectionPage
      title="Mail accounts"
      description="Users of a Kerio Connect mail server, read live from the server."
      actions={canWrite && domainId ? <Button onClick={() => setCreating(true)}>New user</Button> : undefined}
      connection={{
        kind: "kerio-connect",
        connections,
        connectionId,
        chooseConnection: (id) => {
          choose(id);
          // Domains are the other server's: start from its first one.
          list.setFilters({ domain: null });
        },
      }}
      filterColumns={3}
      filters={
        <>
          <SelectField
            label="Domain"
            value={domainId}
            onChange={(event) => list.setFilters({ domain: event.currentTarget.value })}
            options={(domains.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
          />
          <ListSearch
            label="Search users"
            value={list.filters.q}
            placeholder="login, name, description"
            onSearch={(q) => list.setFilters({ q })}
          />
        </>
      }
    >
      <QueryErrorState query={domains} />
      {domainId && (
        <DataTable
          label="Mail users"
          source={{ list, rows: data?.items, query: users, total: data?.totalItems }}
          columns={mailUserColumns(domainName, rowError)}
          empty={<EmptyState title="No users match">Clear the search.</EmptyState>}
          noun={NOUN}
          countTestId="mail-user-count"
          rowKey={(user) => user.id}
          rowTestId={(user) => `mail-user-${user.loginName}`}
          actions={
            canWrite
              ? (user) => (
                  <>
                    <Button
                      variant="ghost"
                      size="sm"
                      disabled={toggle.isPending}
                      onClick={() => toggle.mutate(user)}
                    >
                      {user.enabled ? "Disable" : "Enable"}
                    </Button>
                    <Button variant="ghost" size="sm" onClick={() => setRemoving(user)}>
                      Remove
                    </Button>
                  </>
                )
              : undefined
          }
        />
      )}
      {creating && (
        <CreateMailUserDialog
          connectionId={connectionId}
          domainId={domainId}
          domainName={domainName}
          onDone={() => {
            setCreating(false);
            refresh();
          }}
        />
      )}
      {removing && (
        <RemoveMailUserDialog
          connectionId={connectionId}
          user={removing}
          onDone={() => {
            setRemoving(null);
            refresh();
          }}
        />
      )}
    </ConnectionPage>
  );
}

function CreateMailUserDialog({
  connectionId,
  domainId,
  domainName,
  onDone,
}: {
  connectionId: string;
  domainId: string;
  domainName: string;
  onDone: () => void;
}) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: CreateMailUserInput) =>
      callOperation("createMailUser", { params: { connectionId }, body }),
    onSuccess: onDone,
    onError: (error) => {
      const fields = error instanceof ApiRequestError ? error.fieldErrors() : {};
      setErrors(fields);
      setFormError(Object.keys(fields).length > 0 ? null : error.message);
    },
  });
  return (
    <Dialog open title={`New user in ${domainName}`} onClose={onDone}>
      <form
        aria-label="New mail user"
        className="space-y-3"
        onSubmit={submitWith((form) =>
          save.mutate({
            domainId,
            loginName: String(form.get("loginName") ?? ""),
            fullName: String(form.get("fullName") ?? ""),
            password: String(form.get("password") ?? ""),
            enabled: form.get("enabled") === "on",
          }),
        )}
      >
        <TextField label="Login name" name="loginName" required error={errors.loginName} />
        <TextField label="Full name" name="fullName" error={errors.fullName} />
        <TextField label="Password" name="password" type="password" required error={errors.password} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="enabled" defaultChecked /> Enabled
        </label>
        {errors.enabled && (
          <p role="alert" className="text-sm text-red-700">
            {errors.enabled}
          </p>
        )}
        {formError && (
          <p role="alert" className="text-sm text-red-700">
            {formError}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? "Creating…" : "Create user"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function RemoveMailUserDialog({
  connectionId,
  user,
  onDone,
}: {
  connectionId: string;
  user: MailUserDto;
  onDone: () => void;
}) {
  const [mode, setMode] = useState<MailRemovalMode>("keepFolder");
  const [typed, setTyped] = useState("");
  const remove = useMutation({
    mutationFn: () =>
      callOperation("removeMailUser", {
        params: { connectionId, userId: user.id },
        query: { mode, confirm: typed },
      }),
    onSuccess: onDone,
  });
  return (
    <Dialog open title={`Remove ${user.loginName}?`} onClose={onDone}>
      <form aria-label="Remove mail user" className="space-y-3" onSubmit={submitWith(() => remove.mutate())}>
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium">The mailbox</legend>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="mode"
              checked={mode === "keepFolder"}
              onChange={() => setMode("keepFolder")}
            />
            Keep the mailbox folder on the server
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="mode"
              checked={mode === "deleteMailbox"}
              onChange={() => setMode("deleteMailbox")}
            />
            Delete the mailbox and all its messages
          </label>
        </fieldset>
        <TextField
          label={`Type ${user.loginName} to confirm`}
          name="confirm"
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          autoComplete="off"
        />
        {remove.isError && (
          <p role="alert" className="text-sm text-red-700">
            {remove.error.message}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={typed !== user.loginName || remove.isPending}>
            {remove.isPending ? "Removing…" : "Remove user"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
