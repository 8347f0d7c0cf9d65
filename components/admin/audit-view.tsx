"use client";

import { useQuery } from "@tanstack/react-query";
import { parseAsInteger, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { Badge } from "@/components/ui/badge";
import { ListFooter } from "@/components/ui/list-footer";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, QueryErrorState, TableSkeleton } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import type { AuditFilter } from "@/lib/api/audit";
import { operationUrl } from "@/lib/client/call-operation";
import { auditQueries } from "@/lib/client/queries/audit";
import { formatDateTime } from "@/lib/format";
import { AUDIT_RESULTS, AuditFilterForm } from "./audit-filter-form";

const PAGE_SIZE = 50;

/** The view lives in the URL, so a filtered audit view is a link an admin can send. */
const searchParams = {
  actor: parseAsString.withDefault(""),
  action: parseAsString.withDefault(""),
  target: parseAsString.withDefault(""),
  result: parseAsStringLiteral(AUDIT_RESULTS),
  from: parseAsString.withDefault(""),
  to: parseAsString.withDefault(""),
  page: parseAsInteger.withDefault(1),
};

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

const RESULT_TONE = { success: "good", failure: "bad", denied: "warn" } as const;

export function AuditView() {
  const [state, setState] = useQueryStates(searchParams);
  const filter = filterOf(state);
  const events = useQuery(auditQueries.list({ ...filter, page: state.page, pageSize: PAGE_SIZE }));
  const pages = events.data ? Math.max(1, Math.ceil(events.data.total / PAGE_SIZE)) : 1;

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every sign-in and every change made through the console, newest first. Times are UTC."
        actions={
          <a
            href={operationUrl("exportAuditEvents", { query: filter })}
            className="rounded-md border border-slate-300 px-3.5 py-2 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            Export CSV
          </a>
        }
      />
      <AuditFilterForm
        filter={filter}
        onApply={(applied) =>
          void setState({
            actor: applied.actor ?? null,
            action: applied.action ?? null,
            target: applied.target ?? null,
            result: applied.result ?? null,
            from: applied.from ?? null,
            to: applied.to ?? null,
            page: null,
          })
        }
        onClear={() => void setState(null)}
      />
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
