"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { parseAsArrayOf, parseAsInteger, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { SortableTh, sortPressed } from "@/components/ui/sortable-th";
import { EmptyState, ErrorState, QueryErrorState, TableSkeleton } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import {
  type AccountDto,
  HOTSPOT_USER_SORTS,
  type HotspotUserPageDto,
  KIWIRE_STATUSES,
} from "@/lib/api/kiwire";
import { ApiRequestError, apiFetch } from "@/lib/client/api-fetch";
import { submitWith } from "@/lib/client/form-submit";
import { kiwireKeys } from "@/lib/client/query-keys";
import { IndexBuildingNote, IndexStatus } from "./index-status";
import { SessionsTable } from "./sessions-table";
import { TableReadNote } from "./table-read";
import { useKiwirePickers } from "./voucher-generate";
import { KiwireConnectionPicker, StatusBadge, useKiwireConnections } from "./vouchers-view";

const COLUMNS = ["fullName", "profile", "status", "email", "zone", "mac", "createdAt", "expiresAt"] as const;
type Column = (typeof COLUMNS)[number];
const LABELS: Record<Column, string> = {
  fullName: "Full name",
  profile: "Profile",
  status: "Status",
  email: "E-mail",
  zone: "Zone",
  mac: "MAC",
  createdAt: "Created",
  expiresAt: "Expires",
};
const SORT_OF: Partial<Record<Column | "username", (typeof HOTSPOT_USER_SORTS)[number]>> = {
  username: "username",
  fullName: "fullname",
  createdAt: "createdate",
  expiresAt: "expiry",
};

const searchParams = {
  connection: parseAsString.withDefault(""),
  q: parseAsString.withDefault(""),
  status: parseAsStringLiteral(KIWIRE_STATUSES),
  sort: parseAsStringLiteral(HOTSPOT_USER_SORTS),
  dir: parseAsStringLiteral(["asc", "desc"] as const).withDefault("asc"),
  page: parseAsInteger.withDefault(1),
  cols: parseAsArrayOf(parseAsStringLiteral(COLUMNS)).withDefault([
    "fullName",
    "profile",
    "status",
    "expiresAt",
  ]),
  user: parseAsString.withDefault(""),
};
const PAGE_SIZE = 50;

export function HotspotUsersView({ canWrite }: { canWrite: boolean }) {
  const [state, setState] = useQueryStates(searchParams);
  const queryClient = useQueryClient();
  const connections = useKiwireConnections();
  const connectionId = state.connection || connections.data?.[0]?.id || "";
  const base = `/api/v1/kiwire/${encodeURIComponent(connectionId)}`;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [deleting, setDeleting] = useState<string[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const shown = new Set<Column>(state.cols);

  const listState = {
    page: String(state.page),
    pageSize: String(PAGE_SIZE),
    dir: state.dir,
    ...(state.q && { q: state.q }),
    ...(state.status && { status: state.status }),
    ...(state.sort && { sort: state.sort }),
  };
  const users = useQuery({
    queryKey: kiwireKeys.users(connectionId, listState),
    queryFn: ({ signal }) =>
      apiFetch<HotspotUserPageDto>(`${base}/users?${new URLSearchParams(listState)}`, { signal }),
    enabled: connectionId !== "",
    placeholderData: keepPreviousData,
  });
  const remove = useMutation({
    mutationFn: async (names: string[]) => {
      const failures: string[] = [];
      for (const name of names) {
        await apiFetch(`${base}/users/${encodeURIComponent(name)}`, { method: "DELETE" }).catch(
          (error: Error) => failures.push(`${name}: ${error.message}`),
        );
      }
      if (failures.length > 0) throw new Error(`Not deleted: ${failures.join("; ")}`);
    },
    onSettled: () => {
      setSelected(new Set());
      setDeleting(null);
      void queryClient.invalidateQueries({ queryKey: kiwireKeys.connection(connectionId) });
    },
    onError: (error) => setActionError(error.message),
  });

  const data = users.data;
  const items = data?.items ?? [];
  const header = (column: Column | "username", label: string) => {
    const sort = SORT_OF[column];
    if (!sort) return <Th key={column}>{label}</Th>;
    const active = state.sort === sort;
    return (
      <SortableTh
        key={column}
        label={label}
        direction={active ? state.dir : null}
        onSort={() => void setState(sortPressed(state, sort))}
      />
    );
  };

  return (
    <>
      <PageHeader
        title="Hotspot users"
        description="Accounts on a Kiwire hotspot, from the console's index of the appliance's user table."
        actions={
          canWrite && connectionId ? <Button onClick={() => setCreating(true)}>New user</Button> : undefined
        }
      />
      <div className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 dark:border-slate-800 dark:bg-slate-900">
        <KiwireConnectionPicker
          value={connectionId}
          connections={connections.data ?? []}
          onChange={(id) => void setState({ connection: id, page: 1 })}
        />
        <SelectField
          label="Status"
          value={state.status ?? ""}
          onChange={(event) =>
            void setState({
              status: (event.currentTarget.value || null) as (typeof KIWIRE_STATUSES)[number] | null,
              page: 1,
            })
          }
          options={[
            { value: "", label: "Any status" },
            ...KIWIRE_STATUSES.map((s) => ({ value: s, label: s })),
          ]}
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
            <TextField label="Search" name="q" defaultValue={state.q} placeholder="user name, name, e-mail" />
          </div>
          <Button type="submit">Search</Button>
        </form>
        <fieldset className="flex flex-wrap gap-3 text-sm sm:col-span-3">
          <legend className="mb-1 font-medium">Columns</legend>
          {COLUMNS.map((column) => (
            <label key={column} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={shown.has(column)}
                onChange={() =>
                  void setState({
                    cols: shown.has(column)
                      ? state.cols.filter((c) => c !== column)
                      : COLUMNS.filter((c) => c === column || shown.has(c)),
                  })
                }
              />
              {LABELS[column]}
            </label>
          ))}
        </fieldset>
      </div>
      {connections.data && connections.data.length === 0 && (
        <EmptyState title="No Kiwire connection">An admin adds one under Connections.</EmptyState>
      )}
      {actionError && <ErrorState message={actionError} onDismiss={() => setActionError(null)} />}
      {users.isPending && connectionId && (
        <>
          <IndexBuildingNote noun="user" />
          <TableSkeleton rows={8} />
        </>
      )}
      <QueryErrorState query={users} />
      {data && <IndexStatus connectionId={connectionId} list="users" read={data.table} />}
      {data && items.length === 0 && <EmptyState title="No users match">Clear the search.</EmptyState>}
      {canWrite && selected.size > 0 && (
        <div role="toolbar" aria-label="Selection" className="mb-2 flex items-center gap-3 text-sm">
          <span>{selected.size} selected</span>
          <Button variant="danger" size="sm" onClick={() => setDeleting([...selected])}>
            Delete selected
          </Button>
        </div>
      )}
      {data && items.length > 0 && (
        <>
          <Table aria-label="Hotspot users">
            <thead>
              <tr>
                {canWrite && (
                  <Th>
                    <span className="sr-only">Select</span>
                  </Th>
                )}
                {header("username", "User name")}
                {COLUMNS.filter((c) => shown.has(c)).map((c) => header(c, LABELS[c]))}
                <Th>Actions</Th>
              </tr>
            </thead>
            <tbody>
              {items.map((user) => (
                <tr key={user.username} data-testid={`hotspot-user-${user.username}`}>
                  {canWrite && (
                    <Td>
                      <input
                        type="checkbox"
                        aria-label={`Select ${user.username}`}
                        checked={selected.has(user.username)}
                        onChange={() => {
                          const next = new Set(selected);
                          if (next.has(user.username)) next.delete(user.username);
                          else next.add(user.username);
                          setSelected(next);
                        }}
                      />
                    </Td>
                  )}
                  <Td className="font-mono">{user.username}</Td>
                  {COLUMNS.filter((c) => shown.has(c)).map((c) => (
                    <Td key={c}>
                      {c === "status" ? <StatusBadge status={user.status} /> : (user[c] ?? "—")}
                    </Td>
                  ))}
                  <Td className="whitespace-nowrap">
                    <Button variant="ghost" size="sm" onClick={() => void setState({ user: user.username })}>
                      Details
                    </Button>
                    {canWrite && (
                      <Button variant="ghost" size="sm" onClick={() => setDeleting([user.username])}>
                        Delete
                      </Button>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <nav aria-label="Pages" className="mt-3 flex items-center justify-between text-sm">
            <span data-testid="hotspot-user-count">
              {`${data.totalItems.toLocaleString("en")} users · page ${state.page}`}
              <TableReadNote read={data.table} noun="users" />
            </span>
            <div className="flex gap-2">
              <Button
                size="sm"
                variant="secondary"
                disabled={state.page <= 1}
                onClick={() => void setState({ page: state.page - 1 })}
              >
                Previous
              </Button>
              <Button
                size="sm"
                variant="secondary"
                disabled={!data.hasMore}
                onClick={() => void setState({ page: state.page + 1 })}
              >
                Next
              </Button>
            </div>
          </nav>
        </>
      )}
      {state.user && connectionId && (
        <UserDetail
          connectionId={connectionId}
          username={state.user}
          onClose={() => void setState({ user: null })}
        />
      )}
      {creating && connectionId && (
        <UserCreate connectionId={connectionId} onClose={() => setCreating(false)} />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={deleting?.length === 1 ? `Delete user ${deleting[0]}?` : `Delete ${deleting?.length} users?`}
        message={<p>{deleting?.join(", ")} will be erased from Kiwire; this cannot be undone.</p>}
        confirmLabel="Delete"
        danger
        pending={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}

function UserDetail({
  connectionId,
  username,
  onClose,
}: {
  connectionId: string;
  username: string;
  onClose: () => void;
}) {
  const base = `/api/v1/kiwire/${encodeURIComponent(connectionId)}`;
  const [range, setRange] = useState<{ from: string; to: string }>({ from: "", to: "" });
  const user = useQuery({
    queryKey: kiwireKeys.user(connectionId, username),
    queryFn: ({ signal }) =>
      apiFetch<AccountDto>(`${base}/users/${encodeURIComponent(username)}`, { signal }),
  });
  return (
    <Dialog open title={`User ${username}`} onClose={onClose}>
      <QueryErrorState query={user} />
      {user.data && (
        <dl className="mb-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
          {(
            [
              ["Full name", user.data.fullName],
              ["Profile", user.data.profile],
              ["Status", user.data.status],
              ["Zone", user.data.zone || "any"],
              ["MAC", user.data.mac || "—"],
              ["Created", user.data.createdAt ?? "—"],
              ["Expires", user.data.expiresAt ?? "—"],
            ] as const
          ).map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <form
        aria-label="Login history range"
        className="mb-2 flex items-end gap-2"
        onSubmit={submitWith((form) =>
          setRange({ from: String(form.get("from") ?? ""), to: String(form.get("to") ?? "") }),
        )}
      >
        <TextField label="From" name="from" type="date" defaultValue={range.from} />
        <TextField label="To" name="to" type="date" defaultValue={range.to} />
        <Button type="submit">Show</Button>
      </form>
      <SessionsTable
        connectionId={connectionId}
        username={username}
        from={range.from}
        to={range.to}
        page={1}
      />
    </Dialog>
  );
}

function UserCreate({ connectionId, onClose }: { connectionId: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { profiles, zones } = useKiwirePickers(connectionId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiFetch<AccountDto>(`/api/v1/kiwire/${encodeURIComponent(connectionId)}/users`, {
        method: "POST",
        body,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: kiwireKeys.connection(connectionId) });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiRequestError) setErrors(error.fieldErrors());
      setFormError(error.message);
    },
  });
  return (
    <Dialog open title="New hotspot user" onClose={onClose}>
      <form
        aria-label="New hotspot user"
        className="grid gap-3"
        onSubmit={submitWith((form) => {
          setErrors({});
          setFormError(null);
          const get = (name: string) => String(form.get(name) ?? "");
          create.mutate({
            username: get("username"),
            password: get("password"),
            profile: get("profile"),
            fullName: get("fullName"),
            email: get("email"),
            zone: get("zone"),
            mac: get("mac"),
            ...(get("expiry") && { expiry: get("expiry") }),
          });
        })}
      >
        <TextField label="User name" name="username" required error={errors.username} />
        <TextField
          label="Password"
          name="password"
          type="password"
          required
          autoComplete="new-password"
          error={errors.password}
        />
        <SelectField
          label="Profile"
          name="profile"
          required
          error={errors.profile}
          options={(profiles.data?.items ?? []).map((p) => ({
            value: p.name,
            label: `${p.name} (${p.type})`,
          }))}
        />
        <SelectField
          label="Zone"
          name="zone"
          options={[{ value: "", label: "Any zone" }, ...zones.map((z) => ({ value: z, label: z }))]}
        />
        <TextField label="Full name" name="fullName" error={errors.fullName} />
        <TextField label="E-mail" name="email" type="email" error={errors.email} />
        <TextField label="Expiry date" name="expiry" type="date" error={errors.expiry} />
        <TextField label="MAC binding" name="mac" placeholder="AA:BB:CC:DD:EE:FF" error={errors.mac} />
        {formError && (
          <p role="alert" className="text-sm text-red-700">
            {formError}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={create.isPending}>
            Create user
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
