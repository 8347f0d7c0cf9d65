import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { callOperation, type OperationQuery } from "@/lib/client/call-operation";

const root = ["kayako-tickets"] as const;
const ofConnection = (connectionId: string) => [...root, connectionId] as const;

/**
 * Kayako helpdesk tickets: the keys and options every component reads them with. A write (reply, change, staff
 * mapping) invalidates `connection(id)`, so the lists, the open ticket and the lookups of that helpdesk refetch.
 */
export const ticketQueries = {
  connection: ofConnection,
  list: (connectionId: string, query: OperationQuery<"listTickets">) =>
    queryOptions({
      queryKey: [...ofConnection(connectionId), "list", query] as const,
      queryFn: ({ signal }) => callOperation("listTickets", { params: { connectionId }, query }, { signal }),
      // The old page stays on screen while the next one loads, instead of a flash of the loading state.
      placeholderData: keepPreviousData,
    }),
  detail: (connectionId: string, ticketId: string) =>
    queryOptions({
      queryKey: [...ofConnection(connectionId), "ticket", ticketId] as const,
      queryFn: ({ signal }) => callOperation("getTicket", { params: { connectionId, ticketId } }, { signal }),
    }),
  lookups: (connectionId: string) =>
    queryOptions({
      queryKey: [...ofConnection(connectionId), "lookups"] as const,
      queryFn: ({ signal }) => callOperation("listTicketLookups", { params: { connectionId } }, { signal }),
      // Departments, statuses and staff change rarely; the filters and the panel share one answer.
      staleTime: 60_000,
    }),
  users: (connectionId: string, q: string) =>
    queryOptions({
      queryKey: [...ofConnection(connectionId), "users", q] as const,
      queryFn: ({ signal }) =>
        callOperation("searchHelpdeskUsers", { params: { connectionId }, query: { q } }, { signal }),
    }),
  staffMappings: (connectionId: string) =>
    queryOptions({
      queryKey: [...ofConnection(connectionId), "staff-mappings"] as const,
      queryFn: ({ signal }) =>
        callOperation("listKayakoStaffMappings", { params: { connectionId } }, { signal }),
    }),
};
