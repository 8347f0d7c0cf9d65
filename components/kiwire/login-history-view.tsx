"use client";

import { useQuery } from "@tanstack/react-query";
import { parseAsString } from "nuqs";
import { useConnectionChoice } from "@/components/connections/connection-picker";
import { DataTable } from "@/components/data-table/data-table";
import { defineListState } from "@/components/data-table/list-state";
import { useListState } from "@/components/data-table/use-list-state";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/states";
import { submitWith } from "@/lib/client/form-submit";
import { kiwireQueries } from "@/lib/client/queries/kiwire";
import type { ConnectionChoice } from "@/lib/connection-kinds";
import { HotspotPage } from "./hotspot-page";
import { SESSION_COLUMNS, sessionKey } from "./session-columns";

/** Kiwire's history has one order, newest first: the one "sort" the model needs. */
const historyList = defineListState({
  sorts: ["newest"] as const,
  defaultSort: "newest",
  defaultDirection: "desc",
  pageSizes: [50],
  defaultPageSize: 50,
  columns: [],
  defaultColumns: [],
  filters: {
    user: parseAsString.withDefault(""),
    from: parseAsString.withDefault(""),
    to: parseAsString.withDefault(""),
  },
});

export function LoginHistoryView({ connections }: { connections: ConnectionChoice[] }) {
  const { connectionId, choose } = useConnectionChoice(connections);
  const list = useListState(historyList, null);
  const { user, from, to } = list.filters;
  const sessions = useQuery({
    ...kiwireQueries.loginHistory(connectionId, {
      page: list.page,
      pageSize: list.pageSize,
      ...(user && { username: user }),
      ...(from && { from }),
      ...(to && { to }),
    }),
    enabled: connectionId !== "",
  });
  const data = sessions.data;
  return (
    <HotspotPage
      title="Hotspot login history"
      description="Sessions across all hotspot users, newest first."
      connections={connections}
      connectionId={connectionId}
      onConnectionChange={(id) => {
        choose(id);
        list.goToPage(1);
      }}
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
        list={list}
        columns={SESSION_COLUMNS}
        rows={data?.items}
        query={sessions}
        empty={<EmptyState title="No sessions">Widen the time range.</EmptyState>}
        summary={<span>Page {list.page}</span>}
        // Kiwire says only whether there is more, not how much.
        pages={data?.hasMore ? list.page + 1 : list.page}
        rowKey={sessionKey}
        rowTestId={() => "session-row"}
      />
    </HotspotPage>
  );
}
