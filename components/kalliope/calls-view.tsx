"use client";

import { useQuery } from "@tanstack/react-query";
import { parseAsArrayOf, parseAsInteger, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { ListFooter } from "@/components/ui/list-footer";
import { PageHeader } from "@/components/ui/page-header";
import { SortableTh, sortPressed } from "@/components/ui/sortable-th";
import { EmptyState, ErrorState, QueryErrorState, TableSkeleton } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import {
  CALL_SORTS,
  CALL_STATUS_LABELS,
  type CallSort,
  codeLabel,
  ENDPOINT_TYPE_LABELS,
  formatDuration,
} from "@/lib/api/kalliope";
import { operationUrl } from "@/lib/client/call-operation";
import { callQueries } from "@/lib/client/queries/kalliope";
import { CallCharts } from "./call-charts";
import { CallDetail } from "./call-detail";
import { CallFiltersForm, callFilterParsers, callFilterQuery } from "./call-filters";

const COLUMNS = [
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
type Column = (typeof COLUMNS)[number];
const COLUMN_LABELS: Record<Column, string> = {
  startTime: "Start",
  caller: "Caller",
  called: "Called",
  status: "Status",
  durationSeconds: "Duration",
  billSeconds: "Billed",
  source: "Source",
  destination: "Destination",
  gateway: "Gateway",
  answeredBy: "Answered by",
  accountCode: "Account",
  id: "Unique id",
};
const DEFAULT_COLUMNS: Column[] = [
  "startTime",
  "caller",
  "called",
  "status",
  "durationSeconds",
  "billSeconds",
  "destination",
];
const PAGE_SIZES = [25, 50, 100, 200] as const;
/** Every filter, the sort, the page, the columns and the open call live in the URL: a view is a link. */
const searchParams = {
  connection: parseAsString.withDefault(""),
  ...callFilterParsers,
  sort: parseAsStringLiteral(CALL_SORTS).withDefault("startTime"),
  dir: parseAsStringLiteral(["asc", "desc"] as const).withDefault("desc"),
  page: parseAsInteger.withDefault(1),
  size: parseAsInteger.withDefault(50),
  cols: parseAsArrayOf(parseAsStringLiteral(COLUMNS)).withDefault(DEFAULT_COLUMNS),
  call: parseAsString.withDefault(""),
};

function statusTone(status: string) {
  if (status === "OK") return "good" as const;
  if (status === "BUSY" || status === "FAILED" || status === "FORBIDDEN") return "bad" as const;
  return "neutral" as const;
}

export interface CallsViewProps {
  connections: { id: string; name: string }[];
  canExport: boolean;
}

export function CallsView({ connections, canExport }: CallsViewProps) {
  const [state, setState] = useQueryStates(searchParams);
  const [exportState, setExportState] = useState<{ done: number; total: number } | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);

  const connectionId = connections.some((c) => c.id === state.connection)
    ? state.connection
    : (connections[0]?.id ?? "");
  const pageSize = (PAGE_SIZES as readonly number[]).includes(state.size) ? state.size : 50;
  const filters = callFilterQuery(state);
  const order = { sort: state.sort, dir: state.dir };

  const calls = useQuery({
    ...callQueries.list(connectionId, { ...filters, ...order, page: state.page, pageSize }),
    enabled: connectionId !== "",
  });
  const stats = useQuery({ ...callQueries.stats(connectionId, filters), enabled: connectionId !== "" });

  /** Streams the server's CSV, counting rows against X-Total-Count for progress, then saves it. */
  async function exportCsv() {
    setExportError(null);
    setExportState({ done: 0, total: 0 });
    try {
      // A download, not a JSON call: the rows are streamed and counted as they arrive.
      const response = await fetch(
        operationUrl("exportCalls", { params: { connectionId }, query: { ...filters, ...order } }),
      );
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `Export failed (HTTP ${response.status})`);
      }
      const total = Number(response.headers.get("x-total-count") ?? 0);
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let lines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        for (const byte of value) if (byte === 10) lines++;
        setExportState({ done: Math.max(0, lines - 1), total });
      }
      const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: "text/csv" }));
      const link = document.createElement("a");
      link.href = url;
      const shownRange = calls.data?.range;
      link.download = shownRange
        ? `calls-${shownRange.from.slice(0, 10)}-${shownRange.to.slice(0, 10)}.csv`
        : "calls.csv";
      link.click();
      URL.revokeObjectURL(url);
      setExportState({ done: total, total });
    } catch (error) {
      setExportError(error instanceof Error ? error.message : String(error));
      setExportState(null);
    }
  }

  const data = calls.data;
  const pages = data ? Math.max(1, Math.ceil(data.totalItems / pageSize)) : 1;
  const shown = COLUMNS.filter((column) => state.cols.includes(column));

  const sortHeader = (column: Column) => {
    const active = state.sort === column;
    return (
      <SortableTh
        key={column}
        label={COLUMN_LABELS[column]}
        direction={active ? state.dir : null}
        onSort={() => void setState(sortPressed(state, column, "desc"))}
      />
    );
  };

  const cell = (column: Column, value: string | number, utcOffset: string) => {
    // The offset makes a wall-clock time one instant, even in the hour that repeats when clocks go back.
    if (column === "startTime")
      return (
        <span className="whitespace-nowrap">
          {String(value)} <span className="text-xs text-slate-500 dark:text-slate-400">{utcOffset}</span>
        </span>
      );
    if (column === "status")
      return <Badge tone={statusTone(String(value))}>{codeLabel(CALL_STATUS_LABELS, String(value))}</Badge>;
    if (column === "durationSeconds" || column === "billSeconds") return formatDuration(Number(value));
    if (column === "source" || column === "destination")
      return codeLabel(ENDPOINT_TYPE_LABELS, String(value));
    return String(value);
  };

  return (
    <>
      <PageHeader
        title="Call records"
        description="Calls on a KalliopePBX. Past days are kept once fetched; today is read again on each query."
        actions={
          canExport && connectionId ? (
            <div className="flex items-center gap-2">
              {exportState && (
                <span role="status" className="text-sm" data-testid="export-progress">
                  {exportState.total > 0 && exportState.done >= exportState.total
                    ? `Exported ${exportState.total.toLocaleString("en")} calls`
                    : `Exporting ${exportState.done.toLocaleString("en")} of ${exportState.total.toLocaleString("en")}…`}
                </span>
              )}
              <Button variant="secondary" onClick={() => void exportCsv()}>
                Export CSV
              </Button>
            </div>
          ) : undefined
        }
      />
      <div className="mb-4 max-w-xs">
        <SelectField
          label="PBX"
          value={connectionId}
          onChange={(event) => void setState({ connection: event.currentTarget.value, page: 1 })}
          options={connections.map((item) => ({ value: item.id, label: item.name }))}
        />
      </div>
      <CallFiltersForm
        filters={state}
        onApply={(filters) => void setState({ ...filters, page: 1 })}
        onClear={() =>
          void setState(
            Object.fromEntries(
              Object.keys(searchParams)
                .filter((k) => k !== "connection" && k !== "cols")
                .map((k) => [k, null]),
            ),
          )
        }
      />
      {connections.length === 0 && (
        <EmptyState title="No KalliopePBX connection">An admin adds one under Connections.</EmptyState>
      )}
      {exportError && <ErrorState message={exportError} onDismiss={() => setExportError(null)} />}
      {stats.data && <CallCharts stats={stats.data} />}
      <fieldset className="mb-2 flex flex-wrap gap-3 text-sm">
        <legend className="mb-1 font-medium">Columns</legend>
        {COLUMNS.map((column) => (
          <label key={column} className="flex items-center gap-1">
            <input
              type="checkbox"
              checked={state.cols.includes(column)}
              onChange={() => {
                const next = state.cols.includes(column)
                  ? state.cols.filter((c) => c !== column)
                  : COLUMNS.filter((c) => c === column || state.cols.includes(c));
                void setState({ cols: next });
              }}
            />
            {COLUMN_LABELS[column]}
          </label>
        ))}
      </fieldset>
      {calls.isPending && connectionId && <TableSkeleton rows={8} />}
      <QueryErrorState query={calls} />
      {data && data.items.length === 0 && (
        <EmptyState title="No calls match">Widen the period or clear filters.</EmptyState>
      )}
      {data && data.items.length > 0 && (
        <>
          <Table aria-label="Calls">
            <thead>
              <tr>
                {shown.map(sortHeader)}
                <Th>
                  <span className="sr-only">Open</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.id} data-testid="call-row">
                  {shown.map((column) => (
                    <Td
                      key={column}
                      className={column === "caller" || column === "called" ? "font-mono" : undefined}
                    >
                      {cell(column, item[column], item.utcOffset)}
                    </Td>
                  ))}
                  <Td>
                    <Button variant="ghost" size="sm" onClick={() => void setState({ call: item.id })}>
                      Details
                    </Button>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <ListFooter
            summary={
              <span data-testid="call-count">
                {data.totalItems.toLocaleString("en")} calls · page {state.page} of {pages} ·{" "}
                {data.range.days} days
                {data.range.fromPbx > 0 ? ` (${data.range.fromPbx} read from the PBX)` : " (from the cache)"}{" "}
                · at most {data.range.maxDays} days per query · times are the PBX's clock (
                {data.range.timeZone})
              </span>
            }
            page={state.page}
            pages={pages}
            onPage={(page) => void setState({ page })}
            pageSize={{
              value: pageSize,
              sizes: PAGE_SIZES,
              onChange: (size) => void setState({ size, page: 1 }),
            }}
          />
        </>
      )}
      {state.call && connectionId && (
        <CallDetail
          connectionId={connectionId}
          callId={state.call}
          onClose={() => void setState({ call: null })}
        />
      )}
    </>
  );
}
