"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { parseAsInteger, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { ListFooter } from "@/components/ui/list-footer";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, QueryErrorState, TableSkeleton } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import type { TicketLookupsDto, TicketPageDto } from "@/lib/api/kayako";
import { apiFetch } from "@/lib/client/api-fetch";
import { submitWith } from "@/lib/client/form-submit";
import { ticketKeys } from "@/lib/client/query-keys";
import { formatDateTime } from "@/lib/format";
import { TICKET_SORTS } from "@/lib/kayako-vocabulary";
import { HelpdeskUsers } from "./helpdesk-users";

// Loaded when first shown, not with the page: what only an open dialog or panel needs stays out of the first load.
const TicketPanel = dynamic(() => import("./ticket-panel").then((module) => module.TicketPanel));
const StaffMappingPanel = dynamic(() =>
  import("./staff-mapping-panel").then((module) => module.StaffMappingPanel),
);

const PAGE_SIZE = 25;

/** Every filter, the sort, the page and the open ticket live in the URL: any view is a shareable link. */
const searchParams = {
  connection: parseAsString.withDefault(""),
  department: parseAsString.withDefault(""),
  status: parseAsString.withDefault("open"),
  priority: parseAsString.withDefault(""),
  owner: parseAsString.withDefault(""),
  user: parseAsString.withDefault(""),
  q: parseAsString.withDefault(""),
  sort: parseAsStringLiteral(TICKET_SORTS).withDefault("lastActivity"),
  dir: parseAsStringLiteral(["asc", "desc"] as const).withDefault("desc"),
  page: parseAsInteger.withDefault(1),
  ticket: parseAsString.withDefault(""),
};

const SORT_LABELS: Record<(typeof TICKET_SORTS)[number], string> = {
  lastActivity: "Last activity",
  created: "Created",
  id: "Ticket number",
  priority: "Priority",
  status: "Status",
  department: "Department",
};

export interface TicketsViewProps {
  connections: { id: string; name: string }[];
  canWrite: boolean;
  canMapStaff: boolean;
}

export function TicketsView({ connections, canWrite, canMapStaff }: TicketsViewProps) {
  const [state, setState] = useQueryStates(searchParams);
  const connectionId = connections.some((c) => c.id === state.connection)
    ? state.connection
    : (connections[0]?.id ?? "");
  const listState = {
    department: state.department || undefined,
    status: state.status,
    priority: state.priority || undefined,
    owner: state.owner || undefined,
    user: state.user || undefined,
    q: state.q || undefined,
    sort: state.sort,
    dir: state.dir,
    page: state.page,
    pageSize: PAGE_SIZE,
  };
  const lookups = useQuery({
    queryKey: ticketKeys.lookups(connectionId),
    queryFn: ({ signal }) => apiFetch<TicketLookupsDto>(`/api/v1/kayako/${connectionId}/lookups`, { signal }),
    enabled: connectionId !== "",
    staleTime: 60_000,
  });
  const tickets = useQuery({
    queryKey: ticketKeys.list(connectionId, listState),
    queryFn: ({ signal }) => {
      const query = new URLSearchParams();
      for (const [key, value] of Object.entries(listState))
        if (value !== undefined) query.set(key, String(value));
      return apiFetch<TicketPageDto>(`/api/v1/kayako/${connectionId}/tickets?${query}`, { signal });
    },
    enabled: connectionId !== "",
    placeholderData: keepPreviousData,
  });

  if (connections.length === 0) {
    return (
      <>
        <PageHeader title="Helpdesk tickets" description="Find, answer and close Kayako tickets." />
        <EmptyState title="No Kayako connection">An admin adds one under Connections.</EmptyState>
      </>
    );
  }

  // Next follows what the helpdesk sent (one row past the page), even where its count says otherwise.
  const pages = tickets.data
    ? Math.max(
        1,
        Math.ceil((tickets.data.total ?? 0) / PAGE_SIZE),
        state.page + (tickets.data.hasMore ? 1 : 0),
      )
    : 1;
  const options = (items: { id: number; title: string }[] | undefined, any: string) => [
    { value: "", label: any },
    ...(items ?? []).map((item) => ({ value: String(item.id), label: item.title })),
  ];

  return (
    <>
      <PageHeader
        title="Helpdesk tickets"
        description="Kayako tickets: filter, open one to read the conversation, reply and change it."
      />
      {connections.length > 1 && (
        <div className="mb-4 max-w-xs">
          <SelectField
            label="Helpdesk"
            value={connectionId}
            onChange={(event) => void setState({ connection: event.target.value, page: null, ticket: null })}
            options={connections.map((c) => ({ value: c.id, label: c.name }))}
          />
        </div>
      )}
      <form
        key={JSON.stringify(state)}
        aria-label="Filter tickets"
        className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-7 dark:border-slate-800 dark:bg-slate-900"
        onSubmit={submitWith((form) => {
          const text = (name: string) => String(form.get(name) ?? "").trim();
          const sort = text("sort");
          void setState({
            department: text("department") || null,
            status: text("status") || null,
            priority: text("priority") || null,
            owner: text("owner") || null,
            q: text("q") || null,
            sort: (TICKET_SORTS as readonly string[]).includes(sort)
              ? (sort as (typeof TICKET_SORTS)[number])
              : null,
            dir: text("dir") === "asc" ? "asc" : null,
            page: null,
          });
        })}
      >
        <TextField label="Search" name="q" defaultValue={state.q} placeholder="Subject, requester, mask" />
        <SelectField
          label="Department"
          name="department"
          defaultValue={state.department}
          options={options(lookups.data?.departments, "All departments")}
        />
        <SelectField
          label="Status"
          name="status"
          defaultValue={state.status}
          options={[
            { value: "open", label: "Open (unresolved)" },
            { value: "closed", label: "Closed (resolved)" },
            { value: "all", label: "Any status" },
            ...(lookups.data?.statuses ?? []).map((s) => ({ value: String(s.id), label: s.title })),
          ]}
        />
        <SelectField
          label="Priority"
          name="priority"
          defaultValue={state.priority}
          options={options(lookups.data?.priorities, "Any priority")}
        />
        <SelectField
          label="Owner"
          name="owner"
          defaultValue={state.owner}
          options={[
            { value: "", label: "Anyone" },
            { value: "unassigned", label: "Unassigned" },
            ...(lookups.data?.staff ?? []).map((s) => ({ value: String(s.id), label: s.title })),
          ]}
        />
        <SelectField
          label="Sort by"
          name="sort"
          defaultValue={state.sort}
          options={TICKET_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))}
        />
        <SelectField
          label="Order"
          name="dir"
          defaultValue={state.dir}
          options={[
            { value: "desc", label: "Descending" },
            { value: "asc", label: "Ascending" },
          ]}
        />
        <div className="flex flex-wrap items-center gap-2 sm:col-span-3 lg:col-span-7">
          <Button type="submit">Apply filters</Button>
          <Button
            variant="secondary"
            onClick={() => void setState({ ...resetFilters, connection: state.connection || null })}
          >
            Clear
          </Button>
          {state.user && (
            <Badge tone="neutral">
              Requester #{state.user}{" "}
              <button
                type="button"
                className="underline"
                onClick={() => void setState({ user: null, page: null })}
              >
                show everyone
              </button>
            </Badge>
          )}
        </div>
      </form>
      <QueryErrorState query={lookups} />
      {tickets.isPending && <TableSkeleton rows={8} />}
      <QueryErrorState query={tickets} />
      {tickets.data && tickets.data.items.length === 0 && (
        <EmptyState title="No tickets match">Choose another status or clear a filter.</EmptyState>
      )}
      {tickets.data && tickets.data.items.length > 0 && (
        <>
          <Table aria-label="Tickets">
            <thead>
              <tr>
                <Th>Ticket</Th>
                <Th>Subject</Th>
                <Th>Requester</Th>
                <Th>Department</Th>
                <Th>Status</Th>
                <Th>Priority</Th>
                <Th>Owner</Th>
                <Th>Last activity</Th>
              </tr>
            </thead>
            <tbody>
              {tickets.data.items.map((ticket) => (
                <tr key={ticket.id} aria-selected={state.ticket === String(ticket.id)}>
                  <Td className="whitespace-nowrap font-mono text-xs">{ticket.displayId}</Td>
                  <Td>
                    <button
                      type="button"
                      className="text-left text-sky-800 underline-offset-2 hover:underline dark:text-sky-300"
                      onClick={() => void setState({ ticket: String(ticket.id) })}
                    >
                      {ticket.subject || "(no subject)"}
                    </button>
                  </Td>
                  <Td>
                    {ticket.requester}
                    <span className="block text-xs text-slate-600 dark:text-slate-400">{ticket.email}</span>
                  </Td>
                  <Td>{ticket.department}</Td>
                  <Td>
                    <Badge tone={ticket.resolved ? "neutral" : "good"}>{ticket.status}</Badge>
                  </Td>
                  <Td>{ticket.priority}</Td>
                  <Td>
                    {ticket.owner ?? <span className="text-slate-500 dark:text-slate-400">Unassigned</span>}
                  </Td>
                  <Td className="whitespace-nowrap">{formatDateTime(ticket.lastActivity)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <ListFooter
            summary={<TicketsSummary page={tickets.data} pages={pages} />}
            page={state.page}
            pages={pages}
            onPage={(page) => void setState({ page })}
          />
        </>
      )}
      {state.ticket && lookups.data && (
        <TicketPanel
          connectionId={connectionId}
          ticketId={state.ticket}
          lookups={lookups.data}
          canWrite={canWrite}
          onClose={() => void setState({ ticket: null })}
        />
      )}
      <HelpdeskUsers
        connectionId={connectionId}
        onShowTickets={(userId) => void setState({ ...resetFilters, status: "all", user: String(userId) })}
      />
      {canMapStaff && lookups.data && (
        <StaffMappingPanel connectionId={connectionId} lookups={lookups.data} />
      )}
    </>
  );
}

/** Where the reader is in the list, with what the helpdesk could not say said plainly. */
function TicketsSummary({ page, pages }: { page: TicketPageDto; pages: number }) {
  return (
    <span>
      {page.total === null
        ? `Page ${page.page} · ${page.hasMore ? "more tickets follow" : "last page"} (this helpdesk does not report a total)`
        : `${page.total.toLocaleString("en")} ${page.total === 1 ? "ticket" : "tickets"} · page ${page.page} of ${pages}`}
      {page.truncated &&
        " · Kayako's search stops at its result limit and may hide more matches: narrow the search"}
    </span>
  );
}

const resetFilters = {
  department: null,
  status: null,
  priority: null,
  owner: null,
  user: null,
  q: null,
  sort: null,
  dir: null,
  page: null,
  ticket: null,
};
