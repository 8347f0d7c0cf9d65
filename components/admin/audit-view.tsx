"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { parseAsInteger, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { ListFooter } from "@/components/ui/list-footer";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, QueryErrorState, TableSkeleton } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import type { AuditEventDto, AuditFilter } from "@/lib/api/audit";
import { apiFetch } from "@/lib/client/api-fetch";
import { submitWith } from "@/lib/client/form-submit";
import { auditKeys } from "@/lib/client/query-keys";
import { formatDateTime } from "@/lib/format";

const PAGE_SIZE = 50;
const RESULTS = ["success", "failure", "denied"] as const;

/** The view lives in the URL, so a filtered audit view is a link an admin can send. */
const searchParams = {
  actor: parseAsString.withDefault(""),
  action: parseAsString.withDefault(""),
  target: parseAsString.withDefault(""),
  result: parseAsStringLiteral(RESULTS),
  from: parseAsString.withDefault(""),
  to: parseAsString.withDefault(""),
  page: parseAsInteger.withDefault(1),
};

type AuditList = { items: AuditEventDto[]; total: number; page: number; pageSize: number };

/** `<input type="datetime-local">` has no zone; the console shows and filters in UTC. */
const localToIso = (value: string) => (value ? `${value.length === 16 ? `${value}:00` : value}Z` : "");
const isoToLocal = (value: string) => value.replace(/Z$/, "").slice(0, 16);

function filterOf(state: {
  actor: string;
  action: string;
  target: string;
  result: AuditFilter["result"] | null;
  from: string;
  to: string;
}): AuditFilter {
  return {
    ...(state.actor && { actor: state.actor }),
    ...(state.action && { action: state.action }),
    ...(state.target && { target: state.target }),
    ...(state.result && { result: state.result }),
    ...(state.from && { from: state.from }),
    ...(state.to && { to: state.to }),
  };
}

function toSearch(filter: AuditFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ ...(filter as Record<string, string>), ...extra });
  return params.toString();
}

const RESULT_TONE = { success: "good", failure: "bad", denied: "warn" } as const;

export function AuditView() {
  const [state, setState] = useQueryStates(searchParams);
  const filter = filterOf(state);
  const events = useQuery({
    queryKey: auditKeys.list(filter, state.page, PAGE_SIZE),
    queryFn: ({ signal }) =>
      apiFetch<AuditList>(
        `/api/v1/audit-events?${toSearch(filter, { page: String(state.page), pageSize: String(PAGE_SIZE) })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
  const pages = events.data ? Math.max(1, Math.ceil(events.data.total / PAGE_SIZE)) : 1;

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every sign-in and every change made through the console, newest first. Times are UTC."
        actions={
          <a
            href={`/api/v1/audit-events/export?${toSearch(filter)}`}
            className="rounded-md border border-slate-300 px-3.5 py-2 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            Export CSV
          </a>
        }
      />
      <form
        key={JSON.stringify(filter)}
        aria-label="Filter the audit log"
        className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6 dark:border-slate-800 dark:bg-slate-900"
        onSubmit={submitWith((form) => {
          const text = (name: string) => String(form.get(name) ?? "").trim();
          const result = text("result");
          void setState({
            actor: text("actor") || null,
            action: text("action") || null,
            target: text("target") || null,
            result: (RESULTS as readonly string[]).includes(result)
              ? (result as (typeof RESULTS)[number])
              : null,
            from: localToIso(text("from")) || null,
            to: localToIso(text("to")) || null,
            page: null,
          });
        })}
      >
        <TextField label="Actor" name="actor" defaultValue={state.actor} placeholder="email or token:" />
        <TextField label="Action" name="action" defaultValue={state.action} placeholder="users." />
        <TextField label="Target" name="target" defaultValue={state.target} />
        <SelectField
          label="Result"
          name="result"
          defaultValue={state.result ?? ""}
          options={[{ value: "", label: "Any" }, ...RESULTS.map((r) => ({ value: r, label: r }))]}
        />
        <TextField
          label="From (UTC)"
          name="from"
          type="datetime-local"
          defaultValue={isoToLocal(state.from)}
        />
        <TextField label="To (UTC)" name="to" type="datetime-local" defaultValue={isoToLocal(state.to)} />
        <div className="flex gap-2 sm:col-span-3 lg:col-span-6">
          <Button type="submit">Apply filters</Button>
          <Button variant="secondary" onClick={() => void setState(null)}>
            Clear
          </Button>
        </div>
      </form>
      {events.isPending && <TableSkeleton rows={8} />}
      <QueryErrorState query={events} />
      {events.data && events.data.items.length === 0 && (
        <EmptyState title="No audit events match">Widen the time range or clear a filter.</EmptyState>
      )}
      {events.data && events.data.items.length > 0 && (
        <>
          <Table aria-label="Audit events">
            <thead>
              <tr>
                <Th>Time</Th>
                <Th>Actor</Th>
                <Th>Action</Th>
                <Th>Target</Th>
                <Th>Result</Th>
                <Th>Details</Th>
              </tr>
            </thead>
            <tbody>
              {events.data.items.map((event) => (
                <tr key={event.id}>
                  <Td className="whitespace-nowrap">{formatDateTime(event.at)}</Td>
                  <Td>
                    {event.actor}
                    {event.actorRole && (
                      <span className="block text-xs text-slate-600 dark:text-slate-400">
                        {event.actorRole}
                      </span>
                    )}
                  </Td>
                  <Td>
                    <code>{event.action}</code>
                  </Td>
                  <Td>
                    {[event.targetConnection, event.targetResource, event.targetId]
                      .filter(Boolean)
                      .join(" / ") || "—"}
                  </Td>
                  <Td>
                    <Badge tone={RESULT_TONE[event.result]}>{event.result}</Badge>
                  </Td>
                  <Td className="max-w-md text-xs text-slate-600 dark:text-slate-400">
                    {event.vendorError && <p>{event.vendorError}</p>}
                    {event.input && <p className="break-all font-mono">{JSON.stringify(event.input)}</p>}
                    {event.clientAddress && <p>from {event.clientAddress}</p>}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <ListFooter
            summary={
              <span>
                {events.data.total.toLocaleString("en")} events · page {state.page} of {pages}
              </span>
            }
            page={state.page}
            pages={pages}
            onPage={(page) => void setState({ page })}
          />
        </>
      )}
    </>
  );
}
