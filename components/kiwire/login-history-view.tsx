"use client";

import { parseAsString } from "nuqs";
import { ConnectionPage } from "@/components/connections/connection-page";
import { DataTable } from "@/components/data-table/data-table";
import { defineListState } from "@/components/data-table/list-state";
import { useServerList } from "@/components/data-table/use-server-list";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/states";
import { submitWith } from "@/lib/client/form-submit";
import { kiwireQueries } from "@/lib/client/queries/kiwire";
import type { ConnectionChoice } from "@/lib/connection-kinds";
import { SESSION_COLUMNS, sessionKey } from "./session-columns";

/** Kiwire's history has one order, newest first: the one "sort" the model needs. */
const historyList = defineListState({
  sorts: ["newest"] as const,
  defaultSort: "newest",
  defaultDirection: "desc",
  pageSizes: [50],
  defaultPageSize: 50,
  filters: {
    user: parseAsString.withDefault(""),
    from: parseAsString.withDefault(""),
    to: parseAsString.withDefault(""),
  },
});

export function LoginHistoryView({ connections }: { connections: ConnectionChoice[] }) {
  // Its one column set is fixed: nothing saved to read.
  const server = useServerList(
    { kind: "kiwire", connections, savedColumns: null },
    {
      model: historyList,
      query: (connectionId, { page, pageSize, filters: { user, from, to } }) =>
        kiwireQueries.loginHistory(connectionId, {
          page,
          pageSize,
          ...(user && { username: user }),
          ...(from && { from }),
          ...(to && { to }),
        }),
    },
  );
  const { list } = server;
  const { user, from, to } = list.filters;
  const data = server.query.data;
  return (
    <ConnectionPage
      title="Hotspot login history"
      description="Sessions across all hotspot users, newest first."
      connection={server}
      filterColumns={4}
      filters={
        <form
          key={`${user}|${from}|${to}`}
          aria-label="Filter sessions"
          className="grid items-end gap-3 sm:col-span-3 sm:grid-cols-4"
          onSubmit={submitWith((form) =>
            list.setFilters({
              user: String(form.get("user") ?? "").trim() || null,
              from: String(form.get("from") ?? "") || null,
              to: String(form.get("to") ?? "") || null,
            }),
          )}
        >
          <TextField label="User" name="user" defaultValue={user} />
          <TextField label="From" name="from" type="date" defaultValue={from} />
          <TextField label="To" name="to" type="date" defaultValue={to} />
          <Button type="submit">Apply</Button>
        </form>
      }
    >
      <DataTable
        label="Login history"
        source={server}
        columns={SESSION_COLUMNS}
        empty={<EmptyState title="No sessions">Widen the time range.</EmptyState>}
        summary={<span>Page {list.page}</span>}
        // Kiwire says only whether there is more, not how much.
        pages={data?.hasMore ? list.page + 1 : list.page}
        rowKey={sessionKey}
        rowTestId={() => "session-row"}
      />
    </ConnectionPage>
  );
}
