"use client";

import { useQuery } from "@tanstack/react-query";
import { parseAsString, parseAsStringLiteral, type Values } from "nuqs";
import { useMemo } from "react";
import type { ColumnDef } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import { cleared } from "@/components/data-table/filter-chips";
import { defineListState } from "@/components/data-table/list-state";
import { useListState } from "@/components/data-table/use-list-state";
import { useFormats, useTranslations } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import type { AuditEventDto, AuditFilter } from "@/lib/api/audit";
import { operationUrl } from "@/lib/client/call-operation";
import { auditQueries } from "@/lib/client/queries/audit";
import type { Formats } from "@/lib/i18n/formats";
import type { Translate } from "@/lib/i18n/translator";
import { AUDIT_RESULTS, AuditFilterForm } from "./audit-filter-form";

/** The view lives in the URL, so a filtered audit view is a link an admin can send. */
const FILTERS = {
  actor: parseAsString.withDefault(""),
  action: parseAsString.withDefault(""),
  target: parseAsString.withDefault(""),
  result: parseAsStringLiteral(AUDIT_RESULTS),
  from: parseAsString.withDefault(""),
  to: parseAsString.withDefault(""),
};

/** Newest first is the log's only order (the server has no other). */
const auditList = defineListState({
  sorts: ["at"],
  defaultSort: "at",
  defaultDirection: "desc",
  pageSizes: [25, 50, 100, 200],
  columns: ["target", "result", "details"],
  filters: FILTERS,
});

const RESULT_TONE = { success: "good", failure: "bad", denied: "warn" } as const;

function auditColumns(t: Translate<"admin">, f: Formats): readonly ColumnDef<AuditEventDto, "at">[] {
  return [
    {
      id: "at",
      header: t("audit.columns.at"),
      className: "whitespace-nowrap",
      cell: (event) => f.dateTime(event.at),
    },
    {
      id: "actor",
      header: t("audit.columns.actor"),
      cell: (event) => (
        <>
          {event.actor}
          {event.actorRole && (
            <span className="block text-xs text-slate-600 dark:text-slate-400">{event.actorRole}</span>
          )}
        </>
      ),
    },
    { id: "action", header: t("audit.columns.action"), cell: (event) => <code>{event.action}</code> },
    {
      id: "target",
      header: t("audit.columns.target"),
      cell: (event) =>
        [event.targetConnection, event.targetResource, event.targetId].filter(Boolean).join(" / ") || "—",
    },
    {
      id: "result",
      header: t("audit.columns.result"),
      cell: (event) => <Badge tone={RESULT_TONE[event.result]}>{t(`audit.results.${event.result}`)}</Badge>,
    },
    {
      id: "details",
      header: t("audit.columns.details"),
      className: "max-w-md text-xs text-slate-600 dark:text-slate-400",
      cell: (event) => (
        <>
          {event.vendorError && <p>{event.vendorError}</p>}
          {event.input && <p className="break-all font-mono">{JSON.stringify(event.input)}</p>}
          {event.clientAddress && <p>{t("audit.from", { address: event.clientAddress })}</p>}
        </>
      ),
    },
  ];
}

/** The URL's filters as the API takes them: an empty one is no filter. */
function filterOf(filters: Values<typeof FILTERS>): AuditFilter {
  return {
    ...(filters.actor && { actor: filters.actor }),
    ...(filters.action && { action: filters.action }),
    ...(filters.target && { target: filters.target }),
    ...(filters.result && { result: filters.result }),
    ...(filters.from && { from: filters.from }),
    ...(filters.to && { to: filters.to }),
  };
}

const NO_FILTER = { actor: null, action: null, target: null, result: null, from: null, to: null };

export interface AuditViewProps {
  /** The person's remembered column choice, for a link that names no columns. */
  savedColumns: string[] | null;
}

export function AuditView({ savedColumns }: AuditViewProps) {
  const t = useTranslations("admin");
  const f = useFormats();
  const columns = useMemo(() => auditColumns(t, f), [t, f]);
  const list = useListState(auditList, savedColumns);
  const filter = filterOf(list.filters);
  const events = useQuery(auditQueries.list({ ...filter, page: list.page, pageSize: list.pageSize }));

  return (
    <>
      <PageHeader
        title={t("audit.title")}
        description={t("audit.description")}
        actions={
          <a
            href={operationUrl("exportAuditEvents", { query: filter })}
            className="rounded-md border border-slate-300 px-3.5 py-2 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            {t("audit.export")}
          </a>
        }
      />
      <AuditFilterForm
        filter={filter}
        onApply={(applied) => list.setFilters({ ...NO_FILTER, ...applied })}
        onReset={(keys) => list.setFilters(cleared(keys))}
        onClear={() => list.setFilters(NO_FILTER)}
      />
      <DataTable
        label={t("audit.tableLabel")}
        source={{ list, rows: events.data?.items, query: events, total: events.data?.total }}
        columnChooser="admin-audit"
        columns={columns}
        empty={<EmptyState title={t("audit.emptyTitle")}>{t("audit.emptyText")}</EmptyState>}
        noun={{ one: t("audit.noun.one"), other: t("audit.noun.other") }}
        rowKey={(event) => String(event.id)}
      />
    </>
  );
}
