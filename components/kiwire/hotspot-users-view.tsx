"use client";

import dynamic from "next/dynamic";
import { parseAsString, parseAsStringLiteral, useQueryState } from "nuqs";
import { type ReactNode, useState } from "react";
import { ConnectionPage } from "@/components/connections/connection-page";
import type { ColumnDef } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import type { DeleteScope } from "@/components/data-table/delete-rows";
import { ListSearch } from "@/components/data-table/list-search";
import { defineListState, type SortDirection } from "@/components/data-table/list-state";
import type { CountOf } from "@/components/data-table/noun";
import {
  DeleteRowButton,
  DeleteRowsDialog,
  deleteSelection,
} from "@/components/data-table/row-delete-controls";
import { useListSelection } from "@/components/data-table/use-list-selection";
import { useRowDelete } from "@/components/data-table/use-row-delete";
import { useServerList } from "@/components/data-table/use-server-list";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";
import type { AccountDto } from "@/lib/api/kiwire";
import { callOperation, type OperationQuery } from "@/lib/client/call-operation";
import { kiwireQueries } from "@/lib/client/queries/kiwire";
import type { ConnectionListSource } from "@/lib/connection-kinds";
import { HOTSPOT_USER_SORTS, KIWIRE_STATUSES, type KiwireStatus } from "@/lib/kiwire-vocabulary";
import { StatusBadge, StatusFilter } from "./hotspot-status";
import { IndexNotes } from "./index-status";
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

/** The list state as the BFF takes it: Kiwire's own order sends no sort, an empty filter is left out. */
function userQuery(
  list: { sort: UserOrder; dir: SortDirection; filters: { q: string; status: KiwireStatus | null } },
  page: number,
  pageSize: number,
): OperationQuery<"listHotspotUsers"> {
  return {
    page,
    pageSize,
    dir: list.dir,
    ...(list.filters.q && { q: list.filters.q }),
    ...(list.filters.status && { status: list.filters.status }),
    ...(list.sort !== "kiwire" && { sort: list.sort }),
  };
}

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
  source: ConnectionListSource;
  canWrite: boolean;
}

export function HotspotUsersView({ source, canWrite }: HotspotUsersViewProps) {
  const server = useServerList(source, {
    model: userList,
    query: (connectionId, list) =>
      kiwireQueries.users(connectionId, userQuery(list, list.page, list.pageSize)),
  });
  const { connectionId, list } = server;
  const [detail, setDetail] = useQueryState("user", parseAsString.withDefault(""));
  const [creating, setCreating] = useState(false);
  const selection = useListSelection({
    idOf,
    server,
    fetchPage: (page, signal) =>
      callOperation(
        "listHotspotUsers",
        { params: { connectionId }, query: userQuery(list, page, COLLECT_PAGE_SIZE) },
        { signal },
      ),
  });
  const deletion = useRowDelete(selection, {
    remove: (user) =>
      callOperation("deleteHotspotUser", { params: { connectionId, username: user.username } }),
    invalidates: kiwireQueries.connection(connectionId),
  });
  const data = server.query.data;

  return (
    <ConnectionPage
      title="Hotspot users"
      description="Accounts on a Kiwire hotspot, from the console's index of the appliance's user table."
      actions={canWrite ? <Button onClick={() => setCreating(true)}>New user</Button> : undefined}
      connection={server}
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
        </>
      }
    >
      <IndexNotes connectionId={connectionId} list="users" query={server.query} />
      <DataTable
        label="Hotspot users"
        source={server}
        columnChooser="kiwire-hotspot-users"
        columns={COLUMNS}
        empty={<EmptyState title="No users match">Clear the search.</EmptyState>}
        noun={NOUN}
        countTestId="hotspot-user-count"
        countNote={data && <TableReadNote read={data.table} noun="users" />}
        rowKey={idOf}
        rowTestId={(user) => `hotspot-user-${user.username}`}
        selection={deleteSelection(canWrite, selection, deletion)}
        actions={(user) => (
          <>
            <Button variant="ghost" size="sm" onClick={() => void setDetail(user.username)}>
              Details
            </Button>
            {canWrite && <DeleteRowButton deletion={deletion} row={user} />}
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
      <DeleteRowsDialog deletion={deletion} confirmation={deleteConfirmation} />
    </ConnectionPage>
  );
}

/** The confirmation names who goes: the one user, the ticked names, or the count matching the filter. */
function deleteConfirmation(
  { rows, count }: DeleteScope<AccountDto>,
  countOf: CountOf,
): { title: string; message: ReactNode } {
  const [only] = rows ?? [];
  if (rows?.length === 1 && only) {
    return {
      title: `Delete user ${only.username}?`,
      message: <p>{only.username} will be erased from Kiwire; this cannot be undone.</p>,
    };
  }
  const counted = countOf(count, NOUN);
  return {
    title: `Delete ${counted}?`,
    message: (
      <p>
        {rows ? rows.map(idOf).join(", ") : `Every user matching the filter (${counted})`} will be erased from
        Kiwire; this cannot be undone.
      </p>
    ),
  };
}
