"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { parseAsString, useQueryState } from "nuqs";
import { useState } from "react";
import { ConnectionPage } from "@/components/connections/connection-page";
import type { ColumnDef } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import { cleared } from "@/components/data-table/filter-chips";
import { defineListState, orderAndPage } from "@/components/data-table/list-state";
import { useServerList } from "@/components/data-table/use-server-list";
import { Badge } from "@/components/ui/badge";
import { EmptyState, QueryErrorState } from "@/components/ui/states";
import type { TicketPageDto, TicketSummaryDto } from "@/lib/api/kayako";
import { ticketQueries } from "@/lib/client/queries/kayako";
import type { ConnectionListSource } from "@/lib/connection-kinds";
import { formatDateTime } from "@/lib/format";
import { TICKET_SORTS, type TicketSort } from "@/lib/kayako-vocabulary";
import { HelpdeskUsers } from "./helpdesk-users";
import { TicketFiltersForm, ticketFilterParsers, ticketFilterQuery } from "./ticket-filters";

// Loaded when first shown, not with the page: a dialog and the schema it checks with stay out of the first load.
const TicketPanel = dynamic(() => import("./ticket-panel").then((module) => module.TicketPanel));
const StaffMappingPanel = dynamic(() =>
  import("./staff-mapping-panel").then((module) => module.StaffMappingPanel),
);

const ticketList = defineListState({
  sorts: TICKET_SORTS,
  defaultSort: "lastActivity",
  defaultDirection: "desc",
  // The latest activity or ticket first; the others read from the top of their order.
  descendingFirst: ["lastActivity", "created"],
  defaultPageSize: 25,
  columns: ["requester", "department", "status", "priority", "owner", "created", "lastActivity"],
  defaultColumns: ["requester", "department", "status", "priority", "owner", "lastActivity"],
  filters: ticketFilterParsers,
});

/** Every filter cleared: the status goes back to its default, the open tickets. */
const NO_FILTERS = { department: null, status: null, priority: null, owner: null, user: null, q: null };

/** The columns; the subject opens the ticket, so it is built per view with the opener. */
function ticketColumns(open: (ticket: TicketSummaryDto) => void): ColumnDef<TicketSummaryDto, TicketSort>[] {
  return [
    {
      id: "displayId",
      header: "Ticket",
      sort: "id",
      className: "whitespace-nowrap font-mono text-xs",
      cell: (ticket) => ticket.displayId,
    },
    {
      id: "subject",
      header: "Subject",
      cell: (ticket) => (
        <button
          type="button"
          className="text-left text-sky-800 underline-offset-2 hover:underline dark:text-sky-300"
          onClick={() => open(ticket)}
        >
          {ticket.subject || "(no subject)"}
        </button>
      ),
    },
    {
      id: "requester",
      header: "Requester",
      cell: (ticket) => (
        <>
          {ticket.requester}
          <span className="block text-xs text-slate-600 dark:text-slate-400">{ticket.email}</span>
        </>
      ),
    },
    { id: "department", header: "Department", sort: "department", cell: (ticket) => ticket.department },
    {
      id: "status",
      header: "Status",
      sort: "status",
      cell: (ticket) => <Badge tone={ticket.resolved ? "neutral" : "good"}>{ticket.status}</Badge>,
    },
    { id: "priority", header: "Priority", sort: "priority", cell: (ticket) => ticket.priority },
    {
      id: "owner",
      header: "Owner",
      cell: (ticket) =>
        ticket.owner ?? <span className="text-slate-500 dark:text-slate-400">Unassigned</span>,
    },
    {
      id: "created",
      header: "Created",
      sort: "created",
      className: "whitespace-nowrap",
      cell: (ticket) => formatDateTime(ticket.created),
    },
    {
      id: "lastActivity",
      header: "Last activity",
      sort: "lastActivity",
      className: "whitespace-nowrap",
      cell: (ticket) => formatDateTime(ticket.lastActivity),
    },
  ];
}

/** Next follows what the helpdesk sent (one row past the page), even where its count says otherwise. */
function ticketPages(page: TicketPageDto | undefined, pageSize: number): number {
  if (!page) return 1;
  return Math.max(1, Math.ceil((page.total ?? 0) / pageSize), page.page + (page.hasMore ? 1 : 0));
}

export interface TicketsViewProps {
  source: ConnectionListSource;
  canWrite: boolean;
  canMapStaff: boolean;
}

export function TicketsView({ source, canWrite, canMapStaff }: TicketsViewProps) {
  const server = useServerList(source, {
    model: ticketList,
    query: (connectionId, list) =>
      ticketQueries.list(connectionId, { ...ticketFilterQuery(list.filters), ...orderAndPage(list) }),
  });
  const { connectionId, list, query: tickets } = server;
  const [openTicket, setOpenTicket] = useQueryState("ticket", parseAsString.withDefault(""));
  const [drafts] = useState(() => new Map<string, string>());
  const lookups = useQuery({ ...ticketQueries.lookups(connectionId), enabled: connectionId !== "" });

  const pages = ticketPages(tickets.data, list.pageSize);
  const columns = ticketColumns((ticket) => void setOpenTicket(String(ticket.id)));
  return (
    <ConnectionPage
      title="Helpdesk tickets"
      description="Kayako tickets: filter, open one to read the conversation, reply and change it."
      connection={{
        ...server,
        chooseConnection: (id) => {
          server.chooseConnection(id);
          void setOpenTicket(null);
        },
      }}
      filterColumns={1}
    >
      <TicketFiltersForm
        filters={list.filters}
        lookups={lookups.data}
        onApply={list.setFilters}
        onReset={(keys) => list.setFilters(cleared(keys))}
        onClear={() => {
          list.setFilters(NO_FILTERS);
          void setOpenTicket(null);
        }}
        onShowEveryone={() => list.setFilters({ user: null })}
      />
      <QueryErrorState query={lookups} />
      <DataTable
        label="Tickets"
        source={server}
        columnChooser="kayako-tickets"
        columns={columns}
        empty={<EmptyState title="No tickets match">Choose another status or clear a filter.</EmptyState>}
        summary={tickets.data && <TicketsSummary page={tickets.data} pages={pages} />}
        pages={pages}
        rowKey={(ticket) => String(ticket.id)}
      />
      {openTicket && lookups.data && (
        <TicketPanel
          // One panel per ticket: its forms start from that ticket, never from the one shown before.
          key={`${connectionId}/${openTicket}`}
          connectionId={connectionId}
          ticketId={openTicket}
          lookups={lookups.data}
          canWrite={canWrite}
          drafts={drafts}
          onClose={() => void setOpenTicket(null)}
        />
      )}
      <HelpdeskUsers
        connectionId={connectionId}
        onShowTickets={(userId) => {
          list.setFilters({ ...NO_FILTERS, status: "all", user: String(userId) });
          void setOpenTicket(null);
        }}
      />
      {canMapStaff && lookups.data && (
        <StaffMappingPanel connectionId={connectionId} lookups={lookups.data} />
      )}
    </ConnectionPage>
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
