"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { parseAsInteger, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { ListFooter } from "@/components/ui/list-footer";
import { PageHeader } from "@/components/ui/page-header";
import { SortableTh, sortPressed } from "@/components/ui/sortable-th";
import { EmptyState, QueryErrorState, TableSkeleton } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import type { ConnectionDto } from "@/lib/api/connections";
import type { MailDomainDto, MailUserDto, MailUserPageDto } from "@/lib/api/kerio-connect";
import { ApiRequestError, apiFetch } from "@/lib/client/api-fetch";
import { submitWith } from "@/lib/client/form-submit";
import { connectionKeys } from "@/lib/client/query-keys";
import { MAIL_USER_SORTS, type MailRemovalMode, type MailUserSort } from "@/lib/kerio-connect-vocabulary";

/** Kept beside the view: only this page reads Kerio Connect users. */
const mailKeys = {
  connection: (connectionId: string) => ["kerio-mail", connectionId] as const,
  domains: (connectionId: string) => ["kerio-mail", connectionId, "domains"] as const,
  list: (connectionId: string, state: Record<string, string | number>) =>
    ["kerio-mail", connectionId, "users", state] as const,
};

const PAGE_SIZE = 50;
const searchParams = {
  connection: parseAsString.withDefault(""),
  domain: parseAsString.withDefault(""),
  q: parseAsString.withDefault(""),
  sort: parseAsStringLiteral(MAIL_USER_SORTS).withDefault("loginName"),
  dir: parseAsStringLiteral(["asc", "desc"] as const).withDefault("asc"),
  page: parseAsInteger.withDefault(1),
};

function formatSize(bytes: number | null): string {
  if (bytes === null) return "—";
  if (bytes < 1024 ** 2) return `${Math.round(bytes / 1024)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

export function MailUsersView({ canWrite }: { canWrite: boolean }) {
  const [state, setState] = useQueryStates(searchParams);
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [removing, setRemoving] = useState<MailUserDto | null>(null);
  const [rowError, setRowError] = useState<{ id: string; message: string } | null>(null);

  const connections = useQuery({
    queryKey: connectionKeys.list(),
    queryFn: ({ signal }) => apiFetch<{ items: ConnectionDto[] }>("/api/v1/connections", { signal }),
    select: (data) => data.items.filter((item) => item.kind === "kerio-connect"),
  });
  const connectionId = state.connection || connections.data?.[0]?.id || "";
  const base = `/api/v1/kerio/${encodeURIComponent(connectionId)}`;
  const domains = useQuery({
    queryKey: mailKeys.domains(connectionId),
    queryFn: ({ signal }) => apiFetch<{ items: MailDomainDto[] }>(`${base}/mail-domains`, { signal }),
    enabled: connectionId !== "",
  });
  const domainId = state.domain || domains.data?.items[0]?.id || "";
  const listState = { domainId, q: state.q, sort: state.sort, dir: state.dir, page: state.page };
  const users = useQuery({
    queryKey: mailKeys.list(connectionId, listState),
    queryFn: ({ signal }) => {
      const query = new URLSearchParams({
        domainId,
        page: String(state.page),
        pageSize: String(PAGE_SIZE),
        sort: state.sort,
        dir: state.dir,
        ...(state.q && { q: state.q }),
      });
      return apiFetch<MailUserPageDto>(`${base}/mail-users?${query}`, { signal });
    },
    enabled: connectionId !== "" && domainId !== "",
    placeholderData: keepPreviousData,
  });
  const toggle = useMutation({
    mutationFn: (user: MailUserDto) =>
      apiFetch<MailUserDto>(`${base}/mail-users/${encodeURIComponent(user.id)}`, {
        method: "PATCH",
        body: { enabled: !user.enabled },
      }),
    onMutate: () => setRowError(null),
    onError: (error, user) => setRowError({ id: user.id, message: error.message }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: mailKeys.connection(connectionId) }),
  });

  const data = users.data;
  const pages = data ? Math.max(1, Math.ceil(data.totalItems / PAGE_SIZE)) : 1;
  const sortHeader = (sort: MailUserSort, label: string) => {
    const active = state.sort === sort;
    return (
      <SortableTh
        label={label}
        direction={active ? state.dir : null}
        onSort={() => void setState(sortPressed(state, sort))}
      />
    );
  };
  const domainName = domains.data?.items.find((domain) => domain.id === domainId)?.name ?? "";

  return (
    <>
      <PageHeader
        title="Mail accounts"
        description="Users of a Kerio Connect mail server, read live from the server."
        actions={
          canWrite && domainId ? <Button onClick={() => setCreating(true)}>New user</Button> : undefined
        }
      />
      <div className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 dark:border-slate-800 dark:bg-slate-900">
        <SelectField
          label="Mail server"
          value={connectionId}
          onChange={(event) =>
            void setState({ connection: event.currentTarget.value, domain: null, page: 1 })
          }
          options={(connections.data ?? []).map((item) => ({ value: item.id, label: item.name }))}
        />
        <SelectField
          label="Domain"
          value={domainId}
          onChange={(event) => void setState({ domain: event.currentTarget.value, page: 1 })}
          options={(domains.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
        />
        <form
          key={state.q}
          aria-label="Search users"
          className="flex items-end gap-2"
          onSubmit={submitWith(
            (form) => void setState({ q: String(form.get("q") ?? "").trim() || null, page: 1 }),
          )}
        >
          <div className="flex-1">
            <TextField
              label="Search"
              name="q"
              defaultValue={state.q}
              placeholder="login, name, description"
            />
          </div>
          <Button type="submit">Search</Button>
        </form>
      </div>
      {connections.data && connections.data.length === 0 && (
        <EmptyState title="No Kerio Connect connection">An admin adds one under Connections.</EmptyState>
      )}
      <QueryErrorState query={domains} />
      {users.isPending && domainId && <TableSkeleton rows={8} />}
      <QueryErrorState query={users} />
      {data && data.items.length === 0 && <EmptyState title="No users match">Clear the search.</EmptyState>}
      {data && data.items.length > 0 && (
        <>
          <Table aria-label="Mail users">
            <thead>
              <tr>
                {sortHeader("loginName", "Login")}
                {sortHeader("fullName", "Full name")}
                {sortHeader("enabled", "Status")}
                {sortHeader("size", "Mailbox")}
                {canWrite && <Th>Actions</Th>}
              </tr>
            </thead>
            <tbody>
              {data.items.map((user) => (
                <tr key={user.id} data-testid={`mail-user-${user.loginName}`}>
                  <Td className="font-mono">
                    {user.loginName}@{domainName}
                    {rowError?.id === user.id && (
                      <p role="alert" className="mt-1 font-sans text-xs text-red-700">
                        {rowError.message}
                      </p>
                    )}
                  </Td>
                  <Td>{user.fullName}</Td>
                  <Td>{user.enabled ? <Badge tone="good">enabled</Badge> : <Badge>disabled</Badge>}</Td>
                  <Td>{formatSize(user.consumedBytes)}</Td>
                  {canWrite && (
                    <Td className="whitespace-nowrap">
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
                    </Td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
          <ListFooter
            summary={
              <span data-testid="mail-user-count">
                {data.totalItems.toLocaleString("en")} users · page {state.page} of {pages}
              </span>
            }
            page={state.page}
            pages={pages}
            onPage={(page) => void setState({ page })}
          />
        </>
      )}
      {creating && (
        <CreateMailUserDialog
          base={base}
          domainId={domainId}
          domainName={domainName}
          onDone={() => {
            setCreating(false);
            void queryClient.invalidateQueries({ queryKey: mailKeys.connection(connectionId) });
          }}
        />
      )}
      {removing && (
        <RemoveMailUserDialog
          base={base}
          user={removing}
          onDone={() => {
            setRemoving(null);
            void queryClient.invalidateQueries({ queryKey: mailKeys.connection(connectionId) });
          }}
        />
      )}
    </>
  );
}

function CreateMailUserDialog({
  base,
  domainId,
  domainName,
  onDone,
}: {
  base: string;
  domainId: string;
  domainName: string;
  onDone: () => void;
}) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiFetch<MailUserDto>(`${base}/mail-users`, { method: "POST", body }),
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
  base,
  user,
  onDone,
}: {
  base: string;
  user: MailUserDto;
  onDone: () => void;
}) {
  const [mode, setMode] = useState<MailRemovalMode>("keepFolder");
  const [typed, setTyped] = useState("");
  const remove = useMutation({
    mutationFn: () =>
      apiFetch<MailUserDto>(
        `${base}/mail-users/${encodeURIComponent(user.id)}?${new URLSearchParams({ mode, confirm: typed })}`,
        { method: "DELETE" },
      ),
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
