"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { parseAsString, useQueryState } from "nuqs";
import { useCallback, useMemo, useState } from "react";
import { ConnectionPage } from "@/components/connections/connection-page";
import type { ColumnDef } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import { cleared } from "@/components/data-table/filter-chips";
import { defineListState, orderAndPage } from "@/components/data-table/list-state";
import { useServerList } from "@/components/data-table/use-server-list";
import { useFormats, useTranslations } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { EmptyState, QueryErrorState } from "@/components/ui/states";
import type { TicketPageDto, TicketSummaryDto } from "@/lib/api/kayako";
import { ticketQueries } from "@/lib/client/queries/kayako";
import type { ConnectionListSource } from "@/lib/connection-kinds";
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

/** The columns in the reader's language; the subject opens the ticket, so they are built with the opener. */
function useTicketColumns(
  open: (ticket: TicketSummaryDto) => void,
): ColumnDef<TicketSummaryDto, TicketSort>[] {
  const t = useTranslations("kayako");
  const f = useFormats();
  return useMemo(
    () => [
      {
        id: "displayId",
        header: t("columns.displayId"),
        sort: "id",
        className: "whitespace-nowrap font-mono text-xs",
        cell: (ticket) => ticket.displayId,
      },
      {
        id: "subject",
        header: t("columns.subject"),
        cell: (ticket) => (
          <button
            type="button"
            className="text-left text-sky-800 underline-offset-2 hover:underline dark:text-sky-300"
            onClick={() => open(ticket)}
          >
            {ticket.subject || t("tickets.noSubject")}
          </button>
        ),
      },
      {
        id: "requester",
        header: t("columns.requester"),
        cell: (ticket) => (
          <>
            {ticket.requester}
            <span className="block text-xs text-slate-600 dark:text-slate-400">{ticket.email}</span>
          </>
        ),
      },
      {
        id: "department",
        header: t("columns.department"),
        sort: "department",
        cell: (ticket) => ticket.department,
      },
      {
        id: "status",
        header: t("columns.status"),
        sort: "status",
        cell: (ticket) => <Badge tone={ticket.resolved ? "neutral" : "good"}>{ticket.status}</Badge>,
      },
      { id: "priority", header: t("columns.priority"), sort: "priority", cell: (ticket) => ticket.priority },
      {
        id: "owner",
        header: t("columns.owner"),
        cell: (ticket) =>
          ticket.owner ?? (
            <span className="text-slate-500 dark:text-slate-400">{t("tickets.unassigned")}</span>
          ),
      },
      {
        id: "created",
        header: t("columns.created"),
        sort: "created",
        className: "whitespace-nowrap",
        cell: (ticket) => f.dateTime(ticket.created),
      },
      {
        id: "lastActivity",
        header: t("columns.lastActivity"),
        sort: "lastActivity",
        className: "whitespace-nowrap",
        cell: (ticket) => f.dateTime(ticket.lastActivity),
      },
    ],
    [t, f, open],
  );
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
  const t = useTranslations("kayako");
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
  const openTicketOf = useCallback(
    (ticket: TicketSummaryDto) => void setOpenTicket(String(ticket.id)),
    [setOpenTicket],
  );
  const columns = useTicketColumns(openTicketOf);
  return (
    <ConnectionPage
      title={t("tickets.title")}
      description={t("tickets.description")}
      connection={{
        ...server,
        chooseConnection: (id) => {
          server.chooseConnection(id);
          void setOpenTicket(null);
        },
      }}
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
        label={t("tickets.label")}
        source={server}
        columnChooser="kayako-tickets"
        columns={columns}
        empty={<EmptyState title={t("tickets.empty")}>{t("tickets.emptyHint")}</EmptyState>}
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
  const t = useTranslations("kayako");
  return (
    <span>
      {page.total === null
        ? t(page.hasMore ? "tickets.summaryMore" : "tickets.summaryLast", { page: page.page })
        : t("tickets.summary", { total: page.total, page: page.page, pages })}
      {page.truncated && t("tickets.truncated")}
    </span>
  );
}
