"use client";

import dynamic from "next/dynamic";
import { parseAsString, parseAsStringLiteral, useQueryState } from "nuqs";
import { type ReactNode, useMemo, useState } from "react";
import { ConnectionPage } from "@/components/connections/connection-page";
import type { ColumnDef } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import type { DeleteScope } from "@/components/data-table/delete-rows";
import type { DeleteRowsDialog as DeleteRowsDialogType } from "@/components/data-table/delete-rows-dialog";
import { ListSearch } from "@/components/data-table/list-search";
import { defineListState, type SortDirection } from "@/components/data-table/list-state";
import { DeleteRowButton, deleteSelection } from "@/components/data-table/row-delete-controls";
import { useListSelection } from "@/components/data-table/use-list-selection";
import { useRowDelete } from "@/components/data-table/use-row-delete";
import { useServerList } from "@/components/data-table/use-server-list";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";
import type { AccountDto } from "@/lib/api/kiwire";
import { callOperation, type OperationQuery } from "@/lib/client/call-operation";
import { kiwireQueries } from "@/lib/client/queries/kiwire";
import type { ConnectionListSource } from "@/lib/connection-kinds";
import type { Translate } from "@/lib/i18n/translator";
import { HOTSPOT_USER_SORTS, KIWIRE_STATUSES, type KiwireStatus } from "@/lib/kiwire-vocabulary";
import { StatusBadge, StatusFilter } from "./hotspot-status";
import { IndexNotes } from "./index-status";
import { TableReadNote } from "./table-read";

// The delete confirmation loads after the page, not with it: a list shows before anyone deletes.
const DeleteRowsDialog = dynamic(() =>
  import("@/components/data-table/delete-rows-dialog").then((module) => module.DeleteRowsDialog),
) as typeof DeleteRowsDialogType;

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

/** Created and expiry times are the appliance's wall clock as Kiwire wrote them, shown as they came. */
function useUserColumns(): readonly ColumnDef<AccountDto, UserOrder>[] {
  const t = useTranslations("kiwire");
  return useMemo(
    () => [
      {
        id: "username",
        header: t("columns.userName"),
        sort: "username",
        className: "font-mono",
        cell: (u) => u.username,
      },
      { id: "fullName", header: t("columns.fullName"), sort: "fullname", cell: (u) => dash(u.fullName) },
      { id: "profile", header: t("columns.profile"), cell: (u) => dash(u.profile) },
      { id: "status", header: t("columns.status"), cell: (u) => <StatusBadge status={u.status} /> },
      { id: "email", header: t("columns.email"), cell: (u) => dash(u.email) },
      { id: "zone", header: t("columns.zone"), cell: (u) => dash(u.zone) },
      { id: "mac", header: t("columns.mac"), cell: (u) => dash(u.mac) },
      { id: "createdAt", header: t("columns.created"), sort: "createdate", cell: (u) => dash(u.createdAt) },
      { id: "expiresAt", header: t("columns.expires"), sort: "expiry", cell: (u) => dash(u.expiresAt) },
    ],
    [t],
  );
}

export interface HotspotUsersViewProps {
  source: ConnectionListSource;
  canWrite: boolean;
}

export function HotspotUsersView({ source, canWrite }: HotspotUsersViewProps) {
  const t = useTranslations("kiwire");
  const columns = useUserColumns();
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
      title={t("users.title")}
      description={t("users.description")}
      actions={canWrite ? <Button onClick={() => setCreating(true)}>{t("users.newUser")}</Button> : undefined}
      connection={server}
      filterColumns={3}
      filters={
        <>
          <StatusFilter value={list.filters.status} onChange={(status) => list.setFilters({ status })} />
          <ListSearch
            label={t("users.search")}
            value={list.filters.q}
            placeholder={t("users.searchPlaceholder")}
            onSearch={(q) => list.setFilters({ q })}
          />
        </>
      }
    >
      <IndexNotes connectionId={connectionId} list="users" query={server.query} />
      <DataTable
        label={t("users.table")}
        source={server}
        columnChooser="kiwire-hotspot-users"
        columns={columns}
        empty={<EmptyState title={t("users.empty")}>{t("users.emptyHint")}</EmptyState>}
        noun={{ one: t("users.noun.one"), other: t("users.noun.other") }}
        countTestId="hotspot-user-count"
        countNote={data && <TableReadNote read={data.table} list="users" />}
        rowKey={idOf}
        rowTestId={(user) => `hotspot-user-${user.username}`}
        selection={deleteSelection(canWrite, selection, deletion)}
        actions={(user) => (
          <>
            <Button variant="ghost" size="sm" onClick={() => void setDetail(user.username)}>
              {t("users.details")}
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
      <DeleteRowsDialog deletion={deletion} confirmation={(scope) => deleteConfirmation(scope, t)} />
    </ConnectionPage>
  );
}

/** The confirmation names who goes: the one user, the ticked names, or the count matching the filter. */
function deleteConfirmation(
  { rows, count }: DeleteScope<AccountDto>,
  t: Translate<"kiwire">,
): { title: string; message: ReactNode } {
  const [only] = rows ?? [];
  if (rows?.length === 1 && only) {
    return {
      title: t("users.deleteOne", { name: only.username }),
      message: <p>{t("users.deleteOneMessage", { name: only.username })}</p>,
    };
  }
  return {
    title: t("users.deleteMany", { count }),
    message: (
      <p>
        {rows
          ? t("users.deleteNamedMessage", { names: rows.map(idOf).join(", ") })
          : t("users.deleteMatchingMessage", { count })}
      </p>
    ),
  };
}
