"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { parseAsArrayOf, parseAsInteger, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { ListFooter } from "@/components/ui/list-footer";
import { PageHeader } from "@/components/ui/page-header";
import { SortableTh, sortPressed } from "@/components/ui/sortable-th";
import { EmptyState, ErrorState, QueryErrorState, TableSkeleton } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import type { ConnectionDto } from "@/lib/api/connections";
import type { CallPageDto, CallStatsDto } from "@/lib/api/kalliope";
import { apiFetch } from "@/lib/client/api-fetch";
import { submitWith } from "@/lib/client/form-submit";
import { callKeys, connectionKeys } from "@/lib/client/query-keys";
import { PRESET_LABELS, PRESETS } from "@/lib/kalliope-range";
import {
  CALL_SORTS,
  CALL_STATUS_LABELS,
  CALL_STATUSES,
  type CallSort,
  codeLabel,
  ENDPOINT_TYPE_LABELS,
  ENDPOINT_TYPES,
  formatDuration,
  MATCH_MODES,
} from "@/lib/kalliope-vocabulary";

// Loaded when first shown, not with the page: what only an open dialog or panel needs stays out of the first load.
const CallCharts = dynamic(() => import("./call-charts").then((module) => module.CallCharts));
const CallDetail = dynamic(() => import("./call-detail").then((module) => module.CallDetail));

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
const MODE_LABELS = {
  begins: "begins with",
  contains: "contains",
  ends: "ends with",
  exact: "is",
  not: "does not contain",
};

/** Every filter, the sort, the page, the columns and the open call live in the URL: a view is a link. */
const searchParams = {
  connection: parseAsString.withDefault(""),
  preset: parseAsStringLiteral(PRESETS).withDefault("today"),
  from: parseAsString.withDefault(""),
  to: parseAsString.withDefault(""),
  caller: parseAsString.withDefault(""),
  callerMode: parseAsStringLiteral(MATCH_MODES).withDefault("contains"),
  called: parseAsString.withDefault(""),
  calledMode: parseAsStringLiteral(MATCH_MODES).withDefault("contains"),
  status: parseAsArrayOf(parseAsString).withDefault([]),
  source: parseAsString.withDefault(""),
  destination: parseAsString.withDefault(""),
  gateway: parseAsString.withDefault(""),
  account: parseAsString.withDefault(""),
  answeredBy: parseAsString.withDefault(""),
  minDur: parseAsString.withDefault(""),
  maxDur: parseAsString.withDefault(""),
  minBill: parseAsString.withDefault(""),
  maxBill: parseAsString.withDefault(""),
  uid: parseAsString.withDefault(""),
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

const selectClass =
  "rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

export function CallsView({ canExport }: { canExport: boolean }) {
  const [state, setState] = useQueryStates(searchParams);
  const [exportState, setExportState] = useState<{ done: number; total: number } | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);

  const connections = useQuery({
    queryKey: connectionKeys.list(),
    queryFn: ({ signal }) => apiFetch<{ items: ConnectionDto[] }>("/api/v1/connections", { signal }),
    select: (data) => data.items.filter((item) => item.kind === "kalliope"),
  });
  const connectionId = state.connection || connections.data?.[0]?.id || "";
  const pageSize = (PAGE_SIZES as readonly number[]).includes(state.size) ? state.size : 50;
  // Named periods are resolved by the server on the PBX's calendar (its time zone, not the browser's).
  const period: Record<string, string> =
    state.preset === "custom"
      ? { ...(state.from && { from: state.from }), ...(state.to && { to: state.to }) }
      : { preset: state.preset };
  const filters = new URLSearchParams({
    ...period,
    callerMode: state.callerMode,
    calledMode: state.calledMode,
  });
  const optional: Array<[string, string]> = [
    ["caller", state.caller],
    ["called", state.called],
    ["status", state.status.join(",")],
    ["source", state.source],
    ["destination", state.destination],
    ["gateway", state.gateway],
    ["accountCode", state.account],
    ["answeredBy", state.answeredBy],
    ["minDuration", state.minDur],
    ["maxDuration", state.maxDur],
    ["minBill", state.minBill],
    ["maxBill", state.maxBill],
    ["uniqueId", state.uid],
  ];
  for (const [name, value] of optional) if (value) filters.set(name, value);
  const filterQuery = filters.toString();
  const listQuery = `${filterQuery}&sort=${state.sort}&dir=${state.dir}&page=${state.page}&pageSize=${pageSize}`;
  const base = `/api/v1/kalliope/${encodeURIComponent(connectionId)}/calls`;

  const calls = useQuery({
    queryKey: callKeys.list(connectionId, listQuery),
    queryFn: ({ signal }) => apiFetch<CallPageDto>(`${base}?${listQuery}`, { signal }),
    enabled: connectionId !== "",
    placeholderData: keepPreviousData,
  });
  const stats = useQuery({
    queryKey: callKeys.stats(connectionId, filterQuery),
    queryFn: ({ signal }) => apiFetch<CallStatsDto>(`${base}/stats?${filterQuery}`, { signal }),
    enabled: connectionId !== "",
    placeholderData: keepPreviousData,
  });

  /** Streams the server's CSV, counting rows against X-Total-Count for progress, then saves it. */
  async function exportCsv() {
    setExportError(null);
    setExportState({ done: 0, total: 0 });
    try {
      const response = await fetch(`${base}/export?${filterQuery}&sort=${state.sort}&dir=${state.dir}`);
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
      <form
        key={JSON.stringify(state)}
        aria-label="Call filters"
        className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4 dark:border-slate-800 dark:bg-slate-900"
        onSubmit={submitWith((form) => {
          const get = (name: string) => String(form.get(name) ?? "").trim();
          const preset = get("preset") as (typeof PRESETS)[number];
          void setState({
            preset: PRESETS.includes(preset) ? preset : "today",
            from: preset === "custom" ? get("from") || null : null,
            to: preset === "custom" ? get("to") || null : null,
            caller: get("caller") || null,
            callerMode: (get("callerMode") as (typeof MATCH_MODES)[number]) || null,
            called: get("called") || null,
            calledMode: (get("calledMode") as (typeof MATCH_MODES)[number]) || null,
            status: form.getAll("status").map(String),
            source: get("source") || null,
            destination: get("destination") || null,
            gateway: get("gateway") || null,
            account: get("account") || null,
            answeredBy: get("answeredBy") || null,
            minDur: get("minDur") || null,
            maxDur: get("maxDur") || null,
            minBill: get("minBill") || null,
            maxBill: get("maxBill") || null,
            uid: get("uid") || null,
            page: 1,
          });
        })}
      >
        <SelectField
          label="PBX"
          value={connectionId}
          onChange={(event) => void setState({ connection: event.currentTarget.value, page: 1 })}
          options={(connections.data ?? []).map((item) => ({ value: item.id, label: item.name }))}
        />
        <SelectField
          label="Period"
          name="preset"
          defaultValue={state.preset}
          options={PRESETS.map((p) => ({ value: p, label: PRESET_LABELS[p] }))}
        />
        <TextField
          label="From (custom, PBX time)"
          name="from"
          type="datetime-local"
          defaultValue={state.from}
        />
        <TextField label="To (custom, PBX time)" name="to" type="datetime-local" defaultValue={state.to} />
        <div className="flex items-end gap-1">
          <TextField label="Caller" name="caller" defaultValue={state.caller} />
          <select
            aria-label="Caller match"
            name="callerMode"
            defaultValue={state.callerMode}
            className={selectClass}
          >
            {MATCH_MODES.map((m) => (
              <option key={m} value={m}>
                {MODE_LABELS[m]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end gap-1">
          <TextField label="Called" name="called" defaultValue={state.called} />
          <select
            aria-label="Called match"
            name="calledMode"
            defaultValue={state.calledMode}
            className={selectClass}
          >
            {MATCH_MODES.map((m) => (
              <option key={m} value={m}>
                {MODE_LABELS[m]}
              </option>
            ))}
          </select>
        </div>
        <SelectField
          label="Source type"
          name="source"
          defaultValue={state.source}
          options={[
            { value: "", label: "Any" },
            ...ENDPOINT_TYPES.map((t) => ({ value: t, label: ENDPOINT_TYPE_LABELS[t] ?? t })),
          ]}
        />
        <SelectField
          label="Destination type"
          name="destination"
          defaultValue={state.destination}
          options={[
            { value: "", label: "Any" },
            ...ENDPOINT_TYPES.map((t) => ({ value: t, label: ENDPOINT_TYPE_LABELS[t] ?? t })),
          ]}
        />
        <TextField label="Gateway" name="gateway" defaultValue={state.gateway} />
        <TextField label="Account code" name="account" defaultValue={state.account} />
        <TextField label="Answered by" name="answeredBy" defaultValue={state.answeredBy} />
        <TextField label="Unique id" name="uid" defaultValue={state.uid} />
        <TextField label="Min duration (s)" name="minDur" inputMode="numeric" defaultValue={state.minDur} />
        <TextField label="Max duration (s)" name="maxDur" inputMode="numeric" defaultValue={state.maxDur} />
        <TextField label="Min billed (s)" name="minBill" inputMode="numeric" defaultValue={state.minBill} />
        <TextField label="Max billed (s)" name="maxBill" inputMode="numeric" defaultValue={state.maxBill} />
        <fieldset className="flex flex-wrap gap-3 text-sm sm:col-span-4">
          <legend className="mb-1 font-medium">Status</legend>
          {CALL_STATUSES.map((status) => (
            <label key={status} className="flex items-center gap-1">
              <input
                type="checkbox"
                name="status"
                value={status}
                defaultChecked={state.status.includes(status)}
              />
              {CALL_STATUS_LABELS[status]}
            </label>
          ))}
        </fieldset>
        <div className="flex gap-2 sm:col-span-4">
          <Button type="submit">Apply filters</Button>
          <Button
            type="button"
            variant="ghost"
            onClick={() =>
              void setState(
                Object.fromEntries(
                  Object.keys(searchParams)
                    .filter((k) => k !== "connection" && k !== "cols")
                    .map((k) => [k, null]),
                ),
              )
            }
          >
            Clear
          </Button>
        </div>
      </form>
      {connections.data && connections.data.length === 0 && (
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
