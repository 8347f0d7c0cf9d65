"use client";

import { parseAsString } from "nuqs";
import { ConnectionPage } from "@/components/connections/connection-page";
import { DataTable } from "@/components/data-table/data-table";
import { defineListState } from "@/components/data-table/list-state";
import { useServerList } from "@/components/data-table/use-server-list";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/states";
import { submitWith } from "@/lib/client/form-submit";
import { kiwireQueries } from "@/lib/client/queries/kiwire";
import type { ConnectionChoice } from "@/lib/connection-kinds";
import { sessionKey, useSessionColumns } from "./session-columns";

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
  const t = useTranslations("kiwire");
  const columns = useSessionColumns();
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
      title={t("loginHistory.title")}
      description={t("loginHistory.description")}
      connection={server}
      filterColumns={4}
      filters={
        <form
          key={`${user}|${from}|${to}`}
          aria-label={t("loginHistory.filter")}
          className="grid items-end gap-3 sm:col-span-3 sm:grid-cols-4"
          onSubmit={submitWith((form) =>
            list.setFilters({
              user: String(form.get("user") ?? "").trim() || null,
              from: String(form.get("from") ?? "") || null,
              to: String(form.get("to") ?? "") || null,
            }),
          )}
        >
          <TextField label={t("fields.user")} name="user" defaultValue={user} />
          <TextField label={t("fields.from")} name="from" type="date" defaultValue={from} />
          <TextField label={t("fields.to")} name="to" type="date" defaultValue={to} />
          <Button type="submit">{t("loginHistory.apply")}</Button>
        </form>
      }
    >
      <DataTable
        label={t("sessions.label")}
        source={server}
        columns={columns}
        empty={<EmptyState title={t("sessions.empty")}>{t("sessions.emptyHint")}</EmptyState>}
        summary={<span>{t("loginHistory.page", { page: list.page })}</span>}
        // Kiwire says only whether there is more, not how much.
        pages={data?.hasMore ? list.page + 1 : list.page}
        rowKey={sessionKey}
        rowTestId={() => "session-row"}
      />
    </ConnectionPage>
  );
}
