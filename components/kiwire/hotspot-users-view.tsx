"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { parseAsString, parseAsStringLiteral, useQueryState } from "nuqs";
import { type ReactNode, useState } from "react";
import { useConnectionChoice } from "@/components/connections/connection-picker";
import { BulkSummary } from "@/components/data-table/bulk-summary";
import { collectPages } from "@/components/data-table/collect-pages";
import { ColumnChooser } from "@/components/data-table/column-chooser";
import type { ColumnDef } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import { ListSearch } from "@/components/data-table/list-search";
import { defineListState, pageCount } from "@/components/data-table/list-state";
import { type Selection, selectedCount } from "@/components/data-table/selection";
import { countOf, SelectionToolbar } from "@/components/data-table/selection-toolbar";
import { useBulkAction } from "@/components/data-table/use-bulk-action";
import { useListState } from "@/components/data-table/use-list-state";
import { useSelection } from "@/components/data-table/use-selection";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/states";
import type { AccountDto } from "@/lib/api/kiwire";
import { callOperation, type OperationQuery } from "@/lib/client/call-operation";
import { kiwireQueries } from "@/lib/client/queries/kiwire";
import type { ConnectionChoice } from "@/lib/connection-kinds";
import { HOTSPOT_USER_SORTS, KIWIRE_STATUSES } from "@/lib/kiwire-vocabulary";
import { type DeleteTarget, deleteRows, rowsToDelete } from "./delete-rows";
import { HotspotPage } from "./hotspot-page";
import { StatusBadge, StatusFilter } from "./hotspot-status";
import { IndexBuildingNote, IndexStatus } from "./index-status";
import { TableReadNote } from "./table-read";

// Loaded when first shown, not with the page: a dialog and the schema it checks with stay out of the first load.
const HotspotUserCreate = dynamic(() =>
  import("./hotspot-user-create").then((module) => module.HotspotUserCreate),
);
const HotspotUserDetail = dynamic(() =>
  import("./hotspot-user-detail").then((module) => module.HotspotUserDetail),
);

/**
 * "kiwire" is Kiwire's own order, the default: without a sort the BFF pages straight through Kiwire, while any
 * sort makes it read the whole table first.
 */
const USER_ORDERS = ["kiwire", ...HOTSPOT_USER_SORTS] as const;
type UserOrder = (typeof USER_ORDERS)[number];

const userList = defineListState({
  sorts: USER_ORDERS,
  defaultSort: "kiwire",
  defaultDirection: "asc",
  pageSizes: [50],
  defaultPageSize: 50,
  columns: ["fullName", "profile", "status", "email", "zone", "mac", "createdAt", "expiresAt"],
  defaultColumns: ["fullName", "profile", "status", "expiresAt"],
  filters: { q: parseAsString.withDefault(""), status: parseAsStringLiteral(KIWIRE_STATUSES) },
});

/** The most the BFF pages at once: a delete of every matching user reads them in as few requests as it can. */
const COLLECT_PAGE_SIZE = 500;
const NOUN = { one: "user", other: "users" };
const idOf = (user: AccountDto) => user.username;
const dash = (value: string | null) => value || "—";

const COLUMNS: readonly ColumnDef<AccountDto, UserOrder>[] = [
  { id: "username", header: "User name", sort: "username", className: "font-mono", cell: (u) => u.username },
  { id: "fullName", header: "Full name", sort: "fullname", cell: (u) => dash(u.fullName) },
  { id: "profile", header: "Profile", cell: (u) => dash(u.profile) },
  { id: "status", header: "Status", cell: (u) => <StatusBadge status={u.status} /> },
  { id: "email", header: "E-mail", cell: (u) => dash(u.email) },
  { id: "zone", header: "Zone", cell: (u) => dash(u.zone) },
  { id: "mac", header: "MAC", cell: (u) => dash(u.mac) },
  { id: "createdAt", header: "Created", sort: "createdate", cell: (u) => dash(u.createdAt) },
  { id: "expiresAt", header: "Expires", sort: "expiry", cell: (u) => dash(u.expiresAt) },
];

export interface HotspotUsersViewProps {
  connections: ConnectionChoice[];
  /** The person's remembered column choice, for a link that names no columns. */
  savedColumns: string[] | null;
  canWrite: boolean;
}

export function HotspotUsersView({ connections, savedColumns, canWrite }: HotspotUsersViewProps) {
  const { connectionId, choose } = useConnectionChoice(connections);
  const list = useListState(userList, savedColumns);
  const [detail, setDetail] = useQueryState("user", parseAsString.withDefault(""));
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<DeleteTarget<AccountDto> | null>(null);
  const query = (page: number, pageSize: number): OperationQuery<"listHotspotUsers"> => ({
    page,
    pageSize,
    dir: list.dir,
    ...(list.filters.q && { q: list.filters.q }),
    ...(list.filters.status && { status: list.filters.status }),
    ...(list.sort !== "kiwire" && { sort: list.sort }),
  });
  const selection = useSelection({ idOf, resetKey: connectionId, filterKey: JSON.stringify(list.filters) });
  const bulk = useBulkAction(idOf);
  const users = useQuery({
    ...kiwireQueries.users(connectionId, query(list.page, list.pageSize)),
    enabled: connectionId !== "",
  });

  const collectMatching = (signal: AbortSignal) =>
    collectPages(async (page) => {
      const answer = await callOperation(
        "listHotspotUsers",
        { params: { connectionId }, query: query(page, COLLECT_PAGE_SIZE) },
        { signal },
      );
      return { items: answer.items, totalItems: answer.totalItems };
    });
  const runDelete = (target: DeleteTarget<AccountDto>) => {
    setDeleting(null);
    deleteRows(target, {
      bulk,
      selection,
      collectMatching,
      remove: (user) =>
        callOperation("deleteHotspotUser", { params: { connectionId, username: user.username } }),
      onFinished: () =>
        void queryClient.invalidateQueries({ queryKey: kiwireQueries.connection(connectionId) }),
    });
  };

  const data = users.data;
  const pages = pageCount(data?.totalItems ?? 0, list.pageSize);

  return (
    <HotspotPage
      title="Hotspot users"
      description="Accounts on a Kiwire hotspot, from the console's index of the appliance's user table."
      actions={canWrite ? <Button onClick={() => setCreating(true)}>New user</Button> : undefined}
      connections={connections}
      connectionId={connectionId}
      onConnectionChange={(id) => {
        choose(id);
        list.goToPage(1);
      }}
      filterColumns={3}
      filters={
        <>
          <StatusFilter value={list.filters.status} onChange={(status) => list.setFilters({ status })} />
          <ListSearch
            label="Search users"
            value={list.filters.q}
            placeholder="user name, name, e-mail"
            onSearch={(q) => list.setFilters({ q })}
          />
          <div className="sm:col-span-3">
            <ColumnChooser table="kiwire-hotspot-users" list={list} columns={COLUMNS} />
          </div>
        </>
      }
    >
      {users.isPending && <IndexBuildingNote noun="user" />}
      {data && <IndexStatus connectionId={connectionId} list="users" read={data.table} />}
      <BulkSummary bulk={bulk} noun={NOUN} rowLabel={idOf} />
      {canWrite && (
        <SelectionToolbar
          controls={selection}
          bulk={bulk}
          pageRows={data?.items ?? []}
          total={data?.totalItems ?? 0}
          noun={NOUN}
        >
          <Button variant="danger" size="sm" onClick={() => setDeleting({ kind: "selection" })}>
            Delete selected
          </Button>
        </SelectionToolbar>
      )}
      <DataTable
        label="Hotspot users"
        list={list}
        columns={COLUMNS}
        rows={data?.items}
        query={users}
        empty={<EmptyState title="No users match">Clear the search.</EmptyState>}
        summary={
          <span data-testid="hotspot-user-count">
            {countOf(data?.totalItems ?? 0, NOUN)} · page {list.page} of {pages}
            {data && <TableReadNote read={data.table} noun="users" />}
          </span>
        }
        pages={pages}
        rowKey={idOf}
        rowTestId={(user) => `hotspot-user-${user.username}`}
        selection={canWrite ? { controls: selection, rowLabel: idOf } : undefined}
        actions={(user) => (
          <>
            <Button variant="ghost" size="sm" onClick={() => void setDetail(user.username)}>
              Details
            </Button>
            {canWrite && (
              <Button
                variant="ghost"
                size="sm"
                disabled={bulk.busy}
                onClick={() => setDeleting({ kind: "row", row: user })}
              >
                Delete
              </Button>
            )}
          </>
        )}
      />
      {detail && (
        <HotspotUserDetail
          connectionId={connectionId}
          username={detail}
          onClose={() => void setDetail(null)}
        />
      )}
      {creating && <HotspotUserCreate connectionId={connectionId} onClose={() => setCreating(false)} />}
      <ConfirmDialog
        open={deleting !== null}
        {...deleteConfirmation(deleting, selection.selection)}
        confirmLabel="Delete"
        danger
        pending={bulk.busy}
        onConfirm={() => deleting && runDelete(deleting)}
        onClose={() => setDeleting(null)}
      />
    </HotspotPage>
  );
}

/** The confirmation names who goes: the one user, the ticked names, or the count matching the filter. */
function deleteConfirmation(
  target: DeleteTarget<AccountDto> | null,
  selection: Selection<AccountDto>,
): { title: string; message: ReactNode } {
  const rows = rowsToDelete(target, selection);
  const [only] = rows ?? [];
  if (rows?.length === 1 && only) {
    return {
      title: `Delete user ${only.username}?`,
      message: <p>{only.username} will be erased from Kiwire; this cannot be undone.</p>,
    };
  }
  const count = countOf(rows?.length ?? selectedCount(selection), NOUN);
  return {
    title: `Delete ${count}?`,
    message: (
      <p>
        {rows ? rows.map(idOf).join(", ") : `Every user matching the filter (${count})`} will be erased from
        Kiwire; this cannot be undone.
      </p>
    ),
  };
}
