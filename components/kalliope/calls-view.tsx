"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { parseAsString, useQueryState } from "nuqs";
import { useMemo } from "react";
import { ConnectionPage } from "@/components/connections/connection-page";
import type { ColumnDef } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import { cleared } from "@/components/data-table/filter-chips";
import { defineListState, orderAndPage, pageCount } from "@/components/data-table/list-state";
import { useServerList } from "@/components/data-table/use-server-list";
import { useFormats, useTranslations } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CollapsibleSection } from "@/components/ui/collapsible-section";
import { EmptyState } from "@/components/ui/states";
import type { CallPageDto, CallSummaryDto } from "@/lib/api/kalliope";
import { callQueries } from "@/lib/client/queries/kalliope";
import type { ConnectionListSource } from "@/lib/connection-kinds";
import { CALL_SORTS, type CallSort } from "@/lib/kalliope-vocabulary";
import { CallExport } from "./call-export";
import { CallFiltersForm, callFilterParsers, callFilterQuery } from "./call-filters";
import { useCallLabels } from "./use-call-labels";

const CALL_FILTER_KEYS = Object.keys(callFilterParsers) as (keyof typeof callFilterParsers)[];

// Loaded when first shown, not with the page: a dialog and the schema it checks with stay out of the first load.
const CallDetail = dynamic(() => import("./call-detail").then((module) => module.CallDetail));
const CallCharts = dynamic(() => import("./call-charts").then((module) => module.CallCharts));

/** The table's columns in order; every one can be hidden, and each sorts by its own key. */
const CALL_COLUMNS = [
  "startTime",
  "caller",
  "called",
  "status",
  "durationSeconds",
  "billSeconds",
  "source",
  "destination",
  "gateway",
  "answeredBy",
  "accountCode",
  "id",
] as const satisfies readonly CallSort[];
/** Until a person chooses: who called whom, when, how it ended, for how long and where it went. */
const HIDDEN_BY_DEFAULT: readonly CallSort[] = ["source", "gateway", "answeredBy", "accountCode", "id"];

const callList = defineListState({
  sorts: CALL_SORTS,
  defaultSort: "startTime",
  defaultDirection: "desc",
  // A header's first press sorts descending: the newest, longest or costliest calls on top.
  descendingFirst: CALL_SORTS,
  pageSizes: [25, 50, 100, 200],
  columns: CALL_COLUMNS,
  defaultColumns: CALL_COLUMNS.filter((column) => !HIDDEN_BY_DEFAULT.includes(column)),
  filters: callFilterParsers,
});

function statusTone(status: string) {
  if (status === "OK") return "good" as const;
  if (status === "BUSY" || status === "FAILED" || status === "FORBIDDEN") return "bad" as const;
  return "neutral" as const;
}

/** The columns in the reader's language, each header named by its column's id in the catalog. */
function useCallColumns(): readonly ColumnDef<CallSummaryDto, CallSort>[] {
  const t = useTranslations("kalliope");
  const f = useFormats();
  const labels = useCallLabels();
  return useMemo(() => {
    /** A column that shows the PBX's field as it sent it. */
    const plain = (id: CallSort & keyof CallSummaryDto, className?: string) =>
      ({
        id,
        header: t(`columns.${id}`),
        sort: id,
        className,
        cell: (call) => String(call[id]),
      }) satisfies ColumnDef<CallSummaryDto, CallSort>;
    return [
      {
        id: "startTime",
        header: t("columns.startTime"),
        sort: "startTime",
        // The offset makes a wall-clock time one instant, even in the hour that repeats when clocks go back.
        cell: (call) => (
          <span className="whitespace-nowrap">
            {call.startTime}{" "}
            <span className="text-xs text-slate-500 dark:text-slate-400">{call.utcOffset}</span>
          </span>
        ),
      },
      plain("caller", "font-mono"),
      plain("called", "font-mono"),
      {
        id: "status",
        header: t("columns.status"),
        sort: "status",
        cell: (call) => <Badge tone={statusTone(call.status)}>{labels.status(call.status)}</Badge>,
      },
      {
        id: "durationSeconds",
        header: t("columns.durationSeconds"),
        sort: "durationSeconds",
        cell: (call) => f.duration(call.durationSeconds),
      },
      {
        id: "billSeconds",
        header: t("columns.billSeconds"),
        sort: "billSeconds",
        cell: (call) => f.duration(call.billSeconds),
      },
      {
        id: "source",
        header: t("columns.source"),
        sort: "source",
        cell: (call) => labels.endpoint(call.source),
      },
      {
        id: "destination",
        header: t("columns.destination"),
        sort: "destination",
        cell: (call) => labels.endpoint(call.destination),
      },
      plain("gateway"),
      plain("answeredBy"),
      plain("accountCode"),
      plain("id"),
    ];
  }, [t, f, labels]);
}

/** Where the reader is, which days were read from the PBX, and whose clock the times are on. */
function CallsSummary({ page, pages }: { page: CallPageDto; pages: number }) {
  const t = useTranslations("kalliope");
  const { range } = page;
  return (
    <span data-testid="call-count">
      {t("calls.summary", {
        total: page.totalItems,
        page: page.page,
        pages,
        days: range.days,
        fromPbx: range.fromPbx,
        maxDays: range.maxDays,
        timeZone: range.timeZone,
      })}
    </span>
  );
}

export interface CallsViewProps {
  source: ConnectionListSource;
  canExport: boolean;
  /** The person folded the statistics away (remembered on the server, so the first paint is already folded). */
  chartsCollapsed: boolean;
}

export function CallsView({ source, canExport, chartsCollapsed }: CallsViewProps) {
  const t = useTranslations("kalliope");
  const f = useFormats();
  const columns = useCallColumns();
  const server = useServerList(source, {
    model: callList,
    query: (connectionId, list) =>
      callQueries.list(connectionId, { ...callFilterQuery(list.filters), ...orderAndPage(list) }),
  });
  const { connectionId, list, query: calls } = server;
  const [openCall, setOpenCall] = useQueryState("call", parseAsString.withDefault(""));
  const filters = callFilterQuery(list.filters);
  const stats = useQuery({ ...callQueries.stats(connectionId, filters), enabled: connectionId !== "" });
  const pages = calls.data ? pageCount(calls.data.totalItems, list.pageSize) : 1;

  return (
    <ConnectionPage
      title={t("calls.title")}
      description={t("calls.description")}
      actions={
        canExport && connectionId ? (
          <CallExport
            connectionId={connectionId}
            query={{ ...filters, sort: list.sort, dir: list.dir }}
            fileName={
              calls.data
                ? `calls-${calls.data.range.from.slice(0, 10)}-${calls.data.range.to.slice(0, 10)}.csv`
                : "calls.csv"
            }
          />
        ) : undefined
      }
      connection={server}
    >
      <CallFiltersForm
        filters={list.filters}
        onApply={list.setFilters}
        onReset={(keys) => list.setFilters(cleared(keys))}
        onClear={() => list.setFilters(cleared(CALL_FILTER_KEYS))}
      />
      {stats.data && (
        <CollapsibleSection
          section="kalliope-call-charts"
          title={t("statistics")}
          summary={t("statisticsSummary", {
            calls: stats.data.calls,
            answered: f.percent(stats.data.answeredShare),
          })}
          initiallyCollapsed={chartsCollapsed}
        >
          <CallCharts stats={stats.data} />
        </CollapsibleSection>
      )}
      <DataTable
        label={t("calls.label")}
        source={server}
        columnChooser="kalliope-calls"
        columns={columns}
        empty={<EmptyState title={t("calls.empty")}>{t("calls.emptyHint")}</EmptyState>}
        summary={calls.data && <CallsSummary page={calls.data} pages={pages} />}
        pages={pages}
        rowKey={(call) => call.id}
        rowTestId={() => "call-row"}
        actions={(call) => (
          <Button variant="ghost" size="sm" onClick={() => void setOpenCall(call.id)}>
            {t("calls.details")}
          </Button>
        )}
      />
      {openCall && (
        <CallDetail connectionId={connectionId} callId={openCall} onClose={() => void setOpenCall(null)} />
      )}
    </ConnectionPage>
  );
}
